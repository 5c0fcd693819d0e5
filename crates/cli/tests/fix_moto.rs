//! `wasp fix` end to end against moto: a plan of the exact calls, nothing written without
//! --apply, the changes made with --apply, the checks passing afterwards, a resource changed
//! since the plan skipped, credentials of another account refused, a failure midway stopping
//! with the rollback of what was done.
#[path = "../../collect/tests/support/mod.rs"]
mod support;

use assert_cmd::Command;
use serde_json::{json, Value};
use std::time::Duration;
use support::{Moto, ACCOUNT_ID};

const REGION: &str = "us-east-1";

fn wasp(moto: &Moto) -> Command {
    let mut cmd = Command::cargo_bin("wasp").unwrap();
    cmd.env("AWS_ACCESS_KEY_ID", "testing")
        .env("AWS_SECRET_ACCESS_KEY", "testing")
        .env_remove("AWS_SESSION_TOKEN")
        .env_remove("AWS_PROFILE")
        .env("AWS_ENDPOINT_URL", &moto.endpoint)
        .env("AWS_REGION", REGION)
        .env("AWS_CONFIG_FILE", "/nonexistent/wasp-test-config")
        .env("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/wasp-test-credentials")
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .env("WASP_DB", "/dev/null/wasp-test.db")
        .env("NO_COLOR", "1")
        .timeout(Duration::from_secs(300))
        .current_dir(workdir());
    cmd
}

/// Where the commands run, so the journals and incident records `--apply` writes by default
/// never land in the source tree.
fn workdir() -> &'static std::path::Path {
    static DIR: std::sync::OnceLock<tempfile::TempDir> = std::sync::OnceLock::new();
    DIR.get_or_init(|| tempfile::tempdir().unwrap()).path()
}

fn block_on<F: std::future::Future>(future: F) -> F::Output {
    tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap().block_on(future)
}

const BUCKET: &str = "wasp-fix-open";
const EXISTING_SID: &str = "ReadForAnalytics";

/// A bucket with a policy and no public access block, a security group open to SSH and HTTPS
/// from anywhere, a KMS key without rotation, a weak password policy. Returns (group, key).
fn seed(moto: &Moto) -> (String, String) {
    block_on(async {
        let cfg = moto.sdk_config(REGION).await;
        let s3 = aws_sdk_s3::Client::from_conf(aws_sdk_s3::config::Builder::from(&cfg).force_path_style(true).build());
        s3.create_bucket().bucket(BUCKET).send().await.unwrap();
        let policy = json!({"Version": "2012-10-17", "Statement": [{
            "Sid": EXISTING_SID, "Effect": "Allow",
            "Principal": {"AWS": format!("arn:aws:iam::{ACCOUNT_ID}:root")},
            "Action": "s3:GetObject", "Resource": format!("arn:aws:s3:::{BUCKET}/*")}]});
        s3.put_bucket_policy().bucket(BUCKET).policy(policy.to_string()).send().await.unwrap();
        let ec2 = aws_sdk_ec2::Client::new(&cfg);
        let sg = ec2.create_security_group().group_name("wasp-fix-web").description("web").send().await.unwrap();
        let sg = sg.group_id().unwrap().to_owned();
        for port in [22, 443] {
            ec2.authorize_security_group_ingress()
                .group_id(&sg)
                .ip_protocol("tcp")
                .from_port(port)
                .to_port(port)
                .cidr_ip("0.0.0.0/0")
                .send()
                .await
                .unwrap();
        }
        let kms = aws_sdk_kms::Client::new(&cfg);
        let key = kms.create_key().send().await.unwrap().key_metadata.unwrap().arn.unwrap();
        let iam = aws_sdk_iam::Client::new(&cfg);
        iam.update_account_password_policy().minimum_password_length(8).send().await.unwrap();
        (sg, key)
    })
}

const CHECKS: &[&str] = &[
    "s3_bucket_public_access_block_enabled",
    "s3_bucket_secure_transport_required",
    "ec2_security_group_admin_ports_restricted",
    "kms_key_rotation_enabled",
    "iam_password_policy_minimum_length",
];

fn plan(moto: &Moto) -> Value {
    let out = wasp(moto).args(["fix", "--region", REGION, "--format", "json"]).args(CHECKS).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

fn step<'a>(plan: &'a Value, action: &str) -> &'a Value {
    plan["steps"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["action"] == action)
        .unwrap_or_else(|| panic!("no {action} step in {plan:#}"))
}

fn writes(records: &[Value]) -> Vec<String> {
    records
        .iter()
        .filter_map(|r| {
            let method = r["method"].as_str().unwrap_or_default();
            let op = support::recorded_operation(r);
            // The collector's allow-list: reads, and the credential report IAM generates.
            let read = op.as_deref().is_some_and(|o| {
                ["Describe", "Get", "List"].iter().any(|p| o.starts_with(p)) || o == "GenerateCredentialReport"
            });
            match (method, op) {
                ("GET" | "HEAD", _) => None,
                (_, Some(_)) if read => None,
                (_, op) => {
                    Some(format!("{method} {} {}", op.unwrap_or_default(), r["url"].as_str().unwrap_or_default()))
                }
            }
        })
        .collect()
}

#[test]
fn fix_plans_the_exact_calls_applies_them_when_asked_and_the_checks_then_pass() {
    let moto = Moto::start();
    let (sg, key) = seed(&moto);

    // Planning reads, never writes.
    moto.start_recording();
    let planned = plan(&moto);
    let records = moto.stop_recording();
    assert!(!records.is_empty());
    assert_eq!(writes(&records), Vec::<String>::new(), "planning wrote");

    assert_eq!(planned["account_id"], ACCOUNT_ID);
    let block = step(&planned, "s3_bucket_block_public_access");
    assert_eq!(block["current"], Value::Null, "{block:#}");
    assert_eq!(block["calls"][0]["operation"], "PutPublicAccessBlock");
    assert_eq!(block["rollback"][0]["operation"], "DeletePublicAccessBlock");
    let tls = step(&planned, "s3_bucket_require_tls");
    let merged: Value = serde_json::from_str(tls["calls"][0]["params"]["Policy"].as_str().unwrap()).unwrap();
    let sids: Vec<&str> = merged["Statement"].as_array().unwrap().iter().filter_map(|s| s["Sid"].as_str()).collect();
    assert_eq!(sids, [EXISTING_SID, "WaspDenyInsecureTransport"], "the existing statement is kept");
    let ingress = step(&planned, "ec2_restrict_internet_ingress");
    assert_eq!(
        ingress["calls"][0]["params"],
        json!({"GroupId": sg, "IpPermissions": [{"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}]}),
        "only the SSH rule is revoked"
    );
    assert_eq!(step(&planned, "kms_enable_key_rotation")["resource"], key.as_str());
    let password = step(&planned, "iam_strengthen_password_policy");
    assert_eq!(password["intended"]["MinimumPasswordLength"], 14);

    // The text plan says nothing changes without --apply.
    let text = wasp(&moto).args(["fix", "--region", REGION]).args(CHECKS).output().unwrap();
    let text = String::from_utf8(text.stdout).unwrap();
    assert!(text.contains("nothing changes without --apply") && text.contains("rollback:"), "{text}");

    // Apply.
    let dir = tempfile::tempdir().unwrap();
    let journal_path = dir.path().join("journal.json");
    let out = wasp(&moto)
        .args(["fix", "--region", REGION, "--apply", "--yes", "--journal"])
        .arg(&journal_path)
        .args(CHECKS)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let journal: Value = serde_json::from_str(&std::fs::read_to_string(&journal_path).unwrap()).unwrap();
    assert!(journal["identity"].as_str().unwrap().contains(ACCOUNT_ID), "{journal:#}");
    let entries = journal["entries"].as_array().unwrap();
    assert_eq!(entries.len(), planned["steps"].as_array().unwrap().len());
    assert!(entries.iter().all(|e| e["outcome"] == "applied"), "{journal:#}");
    assert!(journal.get("stopped").is_none());

    // Every planned finding is resolved: a new plan has nothing for these checks.
    let after = plan(&moto);
    assert_eq!(after["steps"], json!([]), "{after:#}");
    block_on(async {
        let cfg = moto.sdk_config(REGION).await;
        let ec2 = aws_sdk_ec2::Client::new(&cfg);
        let groups = ec2.describe_security_groups().group_ids(&sg).send().await.unwrap();
        let ports: Vec<Option<i32>> =
            groups.security_groups()[0].ip_permissions().iter().map(|p| p.from_port()).collect();
        assert_eq!(ports, [Some(443)], "HTTPS stays open");
    });
}

#[test]
fn apply_skips_a_resource_changed_since_the_plan_and_refuses_another_account() {
    let moto = Moto::start();
    let (_sg, _key) = seed(&moto);
    let dir = tempfile::tempdir().unwrap();
    let plan_path = dir.path().join("plan.json");
    let out = wasp(&moto)
        .args(["fix", "--region", REGION, "--format", "json", "--output"])
        .arg(&plan_path)
        .args(["s3_bucket_public_access_block_enabled", "kms_key_rotation_enabled"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));

    // Someone sets part of the block after the plan.
    block_on(async {
        let cfg = moto.sdk_config(REGION).await;
        let s3 = aws_sdk_s3::Client::from_conf(aws_sdk_s3::config::Builder::from(&cfg).force_path_style(true).build());
        let partial = aws_sdk_s3::types::PublicAccessBlockConfiguration::builder().block_public_acls(true).build();
        s3.put_public_access_block().bucket(BUCKET).public_access_block_configuration(partial).send().await.unwrap();
    });

    // Another account's plan is refused before any call.
    let mut foreign: Value = serde_json::from_str(&std::fs::read_to_string(&plan_path).unwrap()).unwrap();
    foreign["account_id"] = json!("999999999999");
    let foreign_path = dir.path().join("foreign.json");
    std::fs::write(&foreign_path, foreign.to_string()).unwrap();
    let out = wasp(&moto).args(["fix", "--apply", "--yes", "--plan"]).arg(&foreign_path).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("999999999999") && err.contains(ACCOUNT_ID), "{err}");

    // A plan whose call is not its action's is refused.
    let mut forged: Value = serde_json::from_str(&std::fs::read_to_string(&plan_path).unwrap()).unwrap();
    forged["steps"][0]["calls"][0]["operation"] = json!("DeleteBucket");
    let forged_path = dir.path().join("forged.json");
    std::fs::write(&forged_path, forged.to_string()).unwrap();
    let out = wasp(&moto).args(["fix", "--apply", "--yes", "--plan"]).arg(&forged_path).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("does not declare"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let journal_path = dir.path().join("journal.json");
    let out = wasp(&moto)
        .args(["fix", "--apply", "--yes", "--plan"])
        .arg(&plan_path)
        .arg("--journal")
        .arg(&journal_path)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let journal: Value = serde_json::from_str(&std::fs::read_to_string(&journal_path).unwrap()).unwrap();
    let by_action = |a: &str| journal["entries"].as_array().unwrap().iter().find(|e| e["action"] == a).unwrap().clone();
    let bucket = by_action("s3_bucket_block_public_access");
    assert_eq!(bucket["outcome"], "skipped");
    assert!(bucket["reason"].as_str().unwrap().contains("changed since the plan"), "{bucket:#}");
    assert_eq!(by_action("kms_enable_key_rotation")["outcome"], "applied");
    // The bucket keeps the block someone else set.
    block_on(async {
        let cfg = moto.sdk_config(REGION).await;
        let s3 = aws_sdk_s3::Client::from_conf(aws_sdk_s3::config::Builder::from(&cfg).force_path_style(true).build());
        let got = s3.get_public_access_block().bucket(BUCKET).send().await.unwrap();
        let conf = got.public_access_block_configuration().unwrap();
        assert_eq!((conf.block_public_acls(), conf.restrict_public_buckets()), (Some(true), Some(false)));
    });
}

#[test]
fn a_failure_midway_stops_and_reports_the_rollback_of_what_was_done() {
    let moto = Moto::start();
    seed(&moto);
    let dir = tempfile::tempdir().unwrap();
    let plan_path = dir.path().join("plan.json");
    let out = wasp(&moto)
        .args(["fix", "--region", REGION, "--format", "json", "--output"])
        .arg(&plan_path)
        .args([
            "iam_password_policy_minimum_length",
            "kms_key_rotation_enabled",
            "s3_bucket_public_access_block_enabled",
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let mut plan: Value = serde_json::from_str(&std::fs::read_to_string(&plan_path).unwrap()).unwrap();
    let steps = plan["steps"].as_array_mut().unwrap();
    // Order: password policy, then the key (made to fail), then the bucket.
    steps.sort_by_key(|s| match s["action"].as_str().unwrap() {
        "iam_strengthen_password_policy" => 0,
        "kms_enable_key_rotation" => 1,
        _ => 2,
    });
    steps[1]["calls"][0]["params"]["KeyId"] =
        json!("arn:aws:kms:us-east-1:123456789012:key/00000000-0000-0000-0000-000000000000");
    std::fs::write(&plan_path, plan.to_string()).unwrap();

    let journal_path = dir.path().join("journal.json");
    let out = wasp(&moto)
        .args(["fix", "--apply", "--yes", "--plan"])
        .arg(&plan_path)
        .arg("--journal")
        .arg(&journal_path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", String::from_utf8_lossy(&out.stderr));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("to undo what was done") && err.contains("UpdateAccountPasswordPolicy"), "{err}");
    let journal: Value = serde_json::from_str(&std::fs::read_to_string(&journal_path).unwrap()).unwrap();
    let outcomes: Vec<&str> =
        journal["entries"].as_array().unwrap().iter().map(|e| e["outcome"].as_str().unwrap()).collect();
    assert_eq!(outcomes, ["applied", "failed", "not_run"], "{journal:#}");
    assert_eq!(journal["rollback"][0]["operation"], "UpdateAccountPasswordPolicy");
    assert_eq!(journal["rollback"][0]["params"]["MinimumPasswordLength"], 8);
}

/// Every other fix, applied against moto: the next plan has nothing left to do for them.
#[test]
fn the_regional_and_bucket_fixes_apply_and_leave_nothing_to_plan() {
    let moto = Moto::start();
    let instance = block_on(async {
        let cfg = moto.sdk_config(REGION).await;
        let s3 = aws_sdk_s3::Client::from_conf(aws_sdk_s3::config::Builder::from(&cfg).force_path_style(true).build());
        for bucket in ["wasp-fix-data", "wasp-fix-logs", "wasp-fix-trail"] {
            s3.create_bucket().bucket(bucket).send().await.unwrap();
        }
        // The log bucket lets S3's log delivery write, as access logging requires.
        let group = "uri=\"http://acs.amazonaws.com/groups/s3/LogDelivery\"";
        s3.put_bucket_acl().bucket("wasp-fix-logs").grant_write(group).grant_read_acp(group).send().await.unwrap();
        let trail = aws_sdk_cloudtrail::Client::new(&cfg);
        trail.create_trail().name("main").s3_bucket_name("wasp-fix-trail").send().await.unwrap();
        let ec2 = aws_sdk_ec2::Client::new(&cfg);
        let sg = ec2.create_security_group().group_name("app").description("app").send().await.unwrap();
        support::launch_instance(&ec2, sg.group_id().unwrap(), aws_sdk_ec2::types::HttpTokensState::Optional).await
    });
    // moto 5.2.5 cannot answer GetBucketVersioning and ListAnalyzers (see scan_moto.rs), so
    // those checks SKIP and their fixes are not planned here; the planning tests cover them.
    let checks = [
        "s3_bucket_access_logging_enabled",
        "ec2_ebs_encryption_by_default_enabled",
        "ec2_instance_imdsv2_required",
        "cloudtrail_log_file_validation_enabled",
        "guardduty_enabled",
        "securityhub_enabled",
        "config_recorder_enabled",
    ];
    let planned = {
        let out = wasp(&moto)
            .args(["fix", "--region", REGION, "--format", "json", "--param", "log_bucket=wasp-fix-logs"])
            .args(["--param", "config_bucket=wasp-fix-logs"])
            .args(checks)
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        serde_json::from_slice::<Value>(&out.stdout).unwrap()
    };
    for action in [
        "s3_bucket_enable_access_logging",
        "ec2_enable_ebs_encryption_by_default",
        "ec2_require_imdsv2",
        "cloudtrail_enable_log_file_validation",
        "guardduty_enable",
        "securityhub_enable",
        "config_start_recording",
    ] {
        let s = step(&planned, action);
        assert!(s.get("blocked").is_none(), "{s:#}");
    }
    // The log bucket cannot log into itself: planned, blocked, and skipped by --apply.
    let blocked: Vec<&Value> =
        planned["steps"].as_array().unwrap().iter().filter(|s| s.get("blocked").is_some()).collect();
    assert_eq!(blocked.len(), 1);
    assert_eq!(blocked[0]["resource"], "arn:aws:s3:::wasp-fix-logs");
    assert!(step(&planned, "ec2_require_imdsv2")["resource"].as_str().unwrap().ends_with(&instance));

    let dir = tempfile::tempdir().unwrap();
    let plan_path = dir.path().join("plan.json");
    std::fs::write(&plan_path, planned.to_string()).unwrap();
    let journal_path = dir.path().join("journal.json");
    let out = wasp(&moto)
        .args(["fix", "--apply", "--yes", "--plan"])
        .arg(&plan_path)
        .arg("--journal")
        .arg(&journal_path)
        .output()
        .unwrap();
    let journal: Value = serde_json::from_str(&std::fs::read_to_string(&journal_path).unwrap()).unwrap();
    assert!(out.status.success(), "{}\n{journal:#}", String::from_utf8_lossy(&out.stderr));
    let not_applied: Vec<&Value> =
        journal["entries"].as_array().unwrap().iter().filter(|e| e["outcome"] != "applied").collect();
    assert_eq!(not_applied.len(), 1, "{not_applied:#?}");
    assert!(not_applied[0]["reason"].as_str().unwrap().starts_with("blocked:"), "{not_applied:#?}");

    let out = wasp(&moto)
        .args(["fix", "--region", REGION, "--format", "json", "--param", "log_bucket=wasp-fix-logs"])
        .args(["--param", "config_bucket=wasp-fix-logs"])
        .args(checks)
        .output()
        .unwrap();
    let after: Value = serde_json::from_slice(&out.stdout).unwrap();
    let left: Vec<&str> = after["steps"].as_array().unwrap().iter().map(|s| s["resource"].as_str().unwrap()).collect();
    assert_eq!(left, ["arn:aws:s3:::wasp-fix-logs"], "only the blocked step is left: {after:#}");
}
