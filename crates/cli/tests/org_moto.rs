//! `wasp scan --organization` end to end against moto: a management account and two members
//! reached through a real sts:AssumeRole, the roll-up, snapshots per account, shards and their
//! merge with `wasp review --snapshot DIR`.
#[path = "../../collect/tests/support/mod.rs"]
mod support;

use assert_cmd::Command;
use serde_json::{json, Value};
use std::time::Duration;
use support::{Moto, ACCOUNT_ID};

const REGION: &str = "us-east-1";

fn wasp() -> Command {
    let mut cmd = Command::cargo_bin("wasp").unwrap();
    cmd.env("AWS_ACCESS_KEY_ID", "testing")
        .env("AWS_SECRET_ACCESS_KEY", "testing")
        .env_remove("AWS_SESSION_TOKEN")
        .env_remove("AWS_PROFILE")
        .env_remove("AWS_ENDPOINT_URL")
        .env_remove("JOB_COMPLETION_INDEX")
        .env_remove("AWS_BATCH_JOB_ARRAY_INDEX")
        .env("AWS_REGION", REGION)
        .env("AWS_CONFIG_FILE", "/nonexistent/wasp-test-config")
        .env("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/wasp-test-credentials")
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .env("NO_COLOR", "1")
        .timeout(Duration::from_secs(300));
    cmd
}

fn block_on<F: std::future::Future>(future: F) -> F::Output {
    tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap().block_on(future)
}

/// An organization with two member accounts; in the first, a user with a console password and
/// no MFA (a failing check the others do not have). Returns the members' ids.
fn seed(moto: &Moto) -> (String, String) {
    block_on(async {
        let cfg = moto.sdk_config(REGION).await;
        let org = aws_sdk_organizations::Client::new(&cfg);
        org.create_organization()
            .feature_set(aws_sdk_organizations::types::OrganizationFeatureSet::All)
            .send()
            .await
            .unwrap();
        let mut ids = Vec::new();
        for name in ["alpha", "beta"] {
            let status = org
                .create_account()
                .account_name(name)
                .email(format!("{name}@example.com"))
                .send()
                .await
                .unwrap()
                .create_account_status
                .unwrap();
            ids.push(status.account_id.unwrap());
        }
        let sts = aws_sdk_sts::Client::new(&cfg);
        let creds = sts
            .assume_role()
            .role_arn(format!("arn:aws:iam::{}:role/OrganizationAccountAccessRole", ids[0]))
            .role_session_name("seed")
            .send()
            .await
            .unwrap()
            .credentials
            .unwrap();
        let member = aws_config::defaults(aws_config::BehaviorVersion::latest())
            .region(aws_config::Region::new(REGION))
            .endpoint_url(&moto.endpoint)
            .credentials_provider(aws_sdk_sts::config::Credentials::new(
                creds.access_key_id(),
                creds.secret_access_key(),
                Some(creds.session_token().to_owned()),
                None,
                "seed",
            ))
            .load()
            .await;
        let iam = aws_sdk_iam::Client::new(&member);
        iam.create_user().user_name("alice").send().await.unwrap();
        iam.create_login_profile().user_name("alice").password("Passw0rd!Passw0rd!").send().await.unwrap();
        (ids[0].clone(), ids[1].clone())
    })
}

fn json(out: &std::process::Output) -> Value {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("no JSON ({e}); stderr: {stderr}"))
}

fn account<'a>(org: &'a Value, id: &str) -> &'a Value {
    org["accounts"].as_array().unwrap().iter().find(|a| a["account_id"] == id).unwrap_or_else(|| panic!("no {id}"))
}

fn scan(moto: &Moto, extra: &[&str]) -> std::process::Output {
    let mut args =
        vec!["scan", "--organization", "--endpoint-url", &moto.endpoint, "--regions", REGION, "--services", "iam"];
    args.extend_from_slice(&["--format", "json", "--no-store"]);
    args.extend_from_slice(extra);
    wasp().args(&args).output().unwrap()
}

#[test]
fn every_account_of_the_organization_is_reviewed_and_rolled_up() {
    let moto = Moto::start();
    let (alpha, beta) = seed(&moto);
    let dir = tempfile::tempdir().unwrap();
    let snapshots = dir.path().join("snapshots");
    let out = scan(&moto, &["--services", "organizations", "--save-snapshot", snapshots.to_str().unwrap()]);
    let org = json(&out);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!((org["reviewed"].as_u64(), org["not_reviewed"].as_u64()), (Some(3), Some(0)), "{org:#}");
    assert_eq!(org["scope"]["caller_account"], ACCOUNT_ID);
    // Each account was read with its own credentials: alice lives in alpha alone.
    let failed = |id: &str| account(&org, id)["summary"]["findings"]["fail"].as_u64().unwrap();
    assert!(failed(&alpha) > failed(&beta), "alpha {} vs beta {}", failed(&alpha), failed(&beta));
    assert_eq!(account(&org, &alpha)["name"], "alpha");
    let snapshot: Value =
        serde_json::from_str(&std::fs::read_to_string(snapshots.join(format!("{alpha}.json"))).unwrap()).unwrap();
    let users: Vec<&str> =
        snapshot["iam"]["users"].as_array().unwrap().iter().filter_map(|u| u["name"].as_str()).collect();
    assert!(users.contains(&"alice"), "{users:?}");
    let beta_snapshot = std::fs::read_to_string(snapshots.join(format!("{beta}.json"))).unwrap();
    assert!(!beta_snapshot.contains("alice"));
    // The organization's own evidence is judged once, not once per account.
    let own: Vec<&str> =
        org["organization"].as_array().unwrap().iter().map(|e| e["check_id"].as_str().unwrap()).collect();
    assert_eq!(own.iter().filter(|c| **c == "organizations_all_features_enabled").count(), 1, "{own:?}");
    assert!(org["accounts"].as_array().unwrap().iter().all(|a| a.get("organization").is_none()));
    // Every question counts each account once.
    for q in org["questions"].as_array().unwrap() {
        let c = &q["accounts"];
        let sum: u64 = ["high", "medium", "low", "none", "not_assessed"].iter().map(|k| c[k].as_u64().unwrap()).sum();
        assert_eq!(sum, 3, "{q}");
    }

    // The merge reads the snapshots back, and names an account whose snapshot went missing.
    let merged = json(
        &wasp()
            .args(["review", "--snapshot", snapshots.to_str().unwrap(), "--format", "json", "--no-store"])
            .output()
            .unwrap(),
    );
    assert_eq!(merged["reviewed"], 3);
    std::fs::remove_file(snapshots.join(format!("{beta}.json"))).unwrap();
    let merged = json(
        &wasp()
            .args(["review", "--snapshot", snapshots.to_str().unwrap(), "--format", "json", "--no-store"])
            .output()
            .unwrap(),
    );
    assert_eq!(merged["reviewed"], 2);
    assert_eq!(merged["scope"]["missing_accounts"], serde_json::json!([beta]));
    assert!(account(&merged, &beta)["not_reviewed"].as_str().unwrap().contains("missing"));

    // The text roll-up.
    let out = wasp().args(["review", "--snapshot", snapshots.to_str().unwrap(), "--no-store"]).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("Organization: 2 account(s) reviewed, 1 not reviewed"), "{text}");
    assert!(text.contains(&format!("{beta}: its snapshot is missing")), "{text}");

    // The heat map and the CSV of the same roll-up, written to files.
    let html = dir.path().join("org.html");
    let csv = dir.path().join("org.csv");
    let out = wasp()
        .args(["review", "--snapshot", snapshots.to_str().unwrap(), "--no-store"])
        .args(["--output", &format!("html:{}", html.display()), "--output", &format!("csv:{}", csv.display())])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(page.contains(&alpha) && page.contains(&beta) && page.contains("SEC11"), "{page}");
    let csv = std::fs::read_to_string(&csv).unwrap();
    assert!(csv.starts_with("account_id,account_name,question_id,"), "{csv}");
    let accounts = csv.lines().filter(|l| l.ends_with(",account,,,,,,,,")).count();
    assert_eq!(accounts, 3 * 11, "one row per account and question: {csv}");
    let own = csv.lines().filter(|l| l.starts_with(",,,,,,organization,")).count();
    let verdicts = merged["organization"].as_array().map_or(0, Vec::len);
    assert_eq!(own, verdicts, "then one row per verdict about the organization, once: {csv}");
}

#[test]
fn shards_split_the_accounts_and_merge_into_one_review() {
    let moto = Moto::start();
    let (alpha, beta) = seed(&moto);
    let whole = json(&scan(&moto, &[]));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().to_str().unwrap();
    // Three separate processes, as a batch engine runs them: the index from the flag, from a
    // Kubernetes Indexed Job and from an AWS Batch array job.
    let first = json(&scan(&moto, &["--shard", "0/3", "--save-snapshot", path]));
    let run_shard = |var: &str, index: &str| {
        json(
            &wasp()
                .env(var, index)
                .args(["scan", "--organization", "--endpoint-url", &moto.endpoint, "--regions", REGION])
                .args(["--services", "iam", "--format", "json", "--no-store", "--shard", "3", "--save-snapshot", path])
                .output()
                .unwrap(),
        )
    };
    let second = run_shard("JOB_COMPLETION_INDEX", "1");
    let third = run_shard("AWS_BATCH_JOB_ARRAY_INDEX", "2");
    let ids = |org: &Value| -> Vec<String> {
        org["accounts"].as_array().unwrap().iter().map(|a| a["account_id"].as_str().unwrap().to_owned()).collect()
    };
    let mut all = [ids(&first), ids(&second), ids(&third)].concat();
    all.sort();
    let mut expected = vec![ACCOUNT_ID.to_owned(), alpha, beta];
    expected.sort();
    assert_eq!(all, expected, "each account in exactly one shard");
    assert_eq!(second["scope"]["shard"], "1/3");
    assert_eq!(third["scope"]["shard"], "2/3");
    // The same N gives the same slices.
    assert_eq!(ids(&json(&scan(&moto, &["--shard", "0/3"]))), ids(&first));
    // The merge reviews with the scan's selection (`--services iam`), as the one process did.
    let merged = json(
        &wasp()
            .args(["review", "--snapshot", path, "--services", "iam", "--format", "json", "--no-store"])
            .output()
            .unwrap(),
    );
    assert_eq!(merged["reviewed"], 3);
    assert!(merged["scope"]["missing_accounts"].is_null(), "{:#}", merged["scope"]);
    // API calls differ between runs (retries); everything judged must not.
    let (mut merged, mut whole) = (merged, whole);
    for org in [&mut merged, &mut whole] {
        for account in org["accounts"].as_array_mut().unwrap() {
            account["summary"].as_object_mut().unwrap().remove("api_calls");
        }
    }
    for key in ["accounts", "reviewed", "not_reviewed", "questions", "practices", "most_at_risk"] {
        assert_eq!(merged[key], whole[key], "the merged {key} differ from the one-process scan's");
    }
}

/// Shards on machines that share no disk write to an S3 prefix and the merge reads it back.
#[test]
fn shards_write_to_an_s3_prefix_and_the_merge_reads_it() {
    let moto = Moto::start();
    let (alpha, beta) = seed(&moto);
    let bucket = "acme-wasp-shards";
    block_on(async {
        let cfg = moto.sdk_config(REGION).await;
        let s3 = aws_sdk_s3::Client::from_conf(aws_sdk_s3::config::Builder::from(&cfg).force_path_style(true).build());
        s3.create_bucket().bucket(bucket).send().await.unwrap();
        // Something else under the prefix's parent and in a deeper folder is not read.
        s3.put_object().bucket(bucket).key("other.json").body("{}".as_bytes().to_vec().into()).send().await.unwrap();
        s3.put_object()
            .bucket(bucket)
            .key("org/old/111111111111.json")
            .body("{}".as_bytes().to_vec().into())
            .send()
            .await
            .unwrap();
    });
    let at = format!("s3://{bucket}/org/");
    for shard in ["0/2", "1/2"] {
        let out = scan(&moto, &["--shard", shard, "--save-snapshot", &at]);
        assert!(
            out.status.code() == Some(0) || out.status.code() == Some(1),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let keys = block_on(async {
        let cfg = moto.sdk_config(REGION).await;
        let s3 = aws_sdk_s3::Client::from_conf(aws_sdk_s3::config::Builder::from(&cfg).force_path_style(true).build());
        let listed = s3.list_objects_v2().bucket(bucket).prefix("org/").send().await.unwrap();
        let mut keys: Vec<String> = listed.contents().iter().filter_map(|o| o.key().map(str::to_owned)).collect();
        keys.sort();
        keys
    });
    let mut expected: Vec<String> = [ACCOUNT_ID, alpha.as_str(), beta.as_str()]
        .iter()
        .map(|id| format!("org/{id}.json"))
        .chain([
            "org/manifest-0-of-2.json".into(),
            "org/manifest-1-of-2.json".into(),
            "org/old/111111111111.json".into(),
        ])
        .collect();
    expected.sort();
    assert_eq!(keys, expected);

    let review = |location: &str| {
        wasp()
            .env("AWS_ENDPOINT_URL", &moto.endpoint)
            .args(["review", "--snapshot", location, "--services", "iam", "--format", "json", "--no-store"])
            .output()
            .unwrap()
    };
    let merged = json(&review(&at));
    assert_eq!(merged["reviewed"], 3, "{merged:#}");
    assert_eq!(merged["scope"]["shard"], "merged from 0/2, 1/2");
    assert!(merged["scope"]["missing_accounts"].is_null(), "{:#}", merged["scope"]);
    let alpha_review = account(&merged, &alpha);
    assert!(alpha_review["not_reviewed"].is_null(), "{alpha_review:#}");

    // An account whose snapshot is gone is named as missing.
    block_on(async {
        let cfg = moto.sdk_config(REGION).await;
        let s3 = aws_sdk_s3::Client::from_conf(aws_sdk_s3::config::Builder::from(&cfg).force_path_style(true).build());
        s3.delete_object().bucket(bucket).key(format!("org/{beta}.json")).send().await.unwrap();
    });
    let merged = json(&review(&at));
    assert_eq!(merged["scope"]["missing_accounts"], json!([beta]));

    // A bad location, an empty prefix and a missing bucket are one sentence each.
    for (location, says) in [
        ("s3://Bad_Bucket/x", "invalid S3 location"),
        (&format!("s3://{bucket}/nothing/") as &str, "holds no account snapshots"),
        ("s3://no-such-wasp-bucket/org/", "cannot list s3://no-such-wasp-bucket/org/"),
    ] {
        let out = review(location);
        assert_eq!(out.status.code(), Some(2), "{location}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(says) && err.trim_end().lines().count() == 1, "{location}: {err}");
    }
    // One account's scan does not write to S3.
    let out = wasp()
        .args(["scan", "--endpoint-url", &moto.endpoint, "--regions", REGION, "--services", "iam"])
        .args(["--save-snapshot", &at, "--no-store"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("with --organization"));
}

#[test]
fn bad_organization_flags_are_one_sentence() {
    let moto = Moto::start();
    for (args, says) in [
        (vec!["--accounts", "12"], "not a 12-digit AWS account id"),
        (vec!["--shard", "3/3"], "below the count"),
        (vec!["--shard", "2"], "JOB_COMPLETION_INDEX"),
        (vec!["--output", "sarif:-"], "sarif lists findings, one account at a time"),
    ] {
        let out = scan(&moto, &args);
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains(says), "{args:?}: {stderr}");
        assert_eq!(stderr.trim_end().lines().count(), 1, "{stderr}");
    }
    // Without an organization there is nothing to scan: moto lists no accounts (AWS refuses
    // with AWSOrganizationsNotInUseException); either way one sentence and exit code 2.
    let out = scan(&moto, &[]);
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("no account to scan") || stderr.contains("cannot list the organization's accounts"),
        "{stderr}"
    );
    assert_eq!(stderr.trim_end().lines().count(), 1, "{stderr}");
}

/// Credentials for a member account through its OrganizationAccountAccessRole.
async fn member_config(moto: &Moto, account: &str) -> aws_config::SdkConfig {
    let cfg = moto.sdk_config(REGION).await;
    let creds = aws_sdk_sts::Client::new(&cfg)
        .assume_role()
        .role_arn(format!("arn:aws:iam::{account}:role/OrganizationAccountAccessRole"))
        .role_session_name("seed")
        .send()
        .await
        .unwrap()
        .credentials
        .unwrap();
    aws_config::defaults(aws_config::BehaviorVersion::latest())
        .region(aws_config::Region::new(REGION))
        .endpoint_url(&moto.endpoint)
        .credentials_provider(aws_sdk_sts::config::Credentials::new(
            creds.access_key_id(),
            creds.secret_access_key(),
            Some(creds.session_token().to_owned()),
            None,
            "seed",
        ))
        .load()
        .await
}

/// With moto's IAM authorization on, the scanner may assume the role in alpha but is denied
/// it in beta: beta is one account not reviewed, with the reason, and the run goes on.
#[test]
fn an_account_whose_role_is_denied_is_not_reviewed_and_the_rest_are() {
    let moto = Moto::start();
    let (alpha, beta) = seed(&moto);
    let (key, secret) = block_on(async {
        // moto creates the role in each new account; it gets the rights a scan needs.
        let alpha_cfg = member_config(&moto, &alpha).await;
        let alpha_iam = aws_sdk_iam::Client::new(&alpha_cfg);
        alpha_iam
            .put_role_policy()
            .role_name("OrganizationAccountAccessRole")
            .policy_name("all")
            .policy_document(r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"#)
            .send()
            .await
            .unwrap();
        // The scanner in the management account: everything, except beta's role.
        let iam = aws_sdk_iam::Client::new(&moto.sdk_config(REGION).await);
        iam.create_user().user_name("scanner").send().await.unwrap();
        let policy = serde_json::json!({"Version": "2012-10-17", "Statement": [
            {"Effect": "Allow", "Action": "*", "Resource": "*"},
            {"Effect": "Deny", "Action": "sts:AssumeRole",
             "Resource": format!("arn:aws:iam::{beta}:role/OrganizationAccountAccessRole")}]});
        iam.put_user_policy()
            .user_name("scanner")
            .policy_name("scan")
            .policy_document(policy.to_string())
            .send()
            .await
            .unwrap();
        let key = iam.create_access_key().user_name("scanner").send().await.unwrap().access_key.unwrap();
        (key.access_key_id().to_owned(), key.secret_access_key().to_owned())
    });
    moto.http("POST", "/moto-api/reset-auth", "0").unwrap();
    let out = wasp()
        .env("AWS_ACCESS_KEY_ID", key)
        .env("AWS_SECRET_ACCESS_KEY", secret)
        .args(["scan", "--organization", "--endpoint-url", &moto.endpoint, "--regions", REGION, "--services", "iam"])
        .args(["--format", "json", "--no-store"])
        .output()
        .unwrap();
    let org = json(&out);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    let denied = account(&org, &beta);
    let reason = denied["not_reviewed"].as_str().unwrap_or_else(|| panic!("beta was reviewed: {org:#}"));
    assert!(
        reason.contains(&format!("cannot assume arn:aws:iam::{beta}:role/OrganizationAccountAccessRole")),
        "{reason}"
    );
    assert!(!reason.contains("Error {"), "{reason}");
    assert!(account(&org, &alpha)["not_reviewed"].is_null(), "{org:#}");
    assert!(account(&org, ACCOUNT_ID)["not_reviewed"].is_null(), "{org:#}");
    assert_eq!((org["reviewed"].as_u64(), org["not_reviewed"].as_u64()), (Some(2), Some(1)));
    assert!(stderr.contains(&format!("{beta} not reviewed")), "{stderr}");
}
