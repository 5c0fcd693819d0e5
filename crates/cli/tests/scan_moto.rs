//! `wasp scan` end to end against a moto server: the real binary, seeded resources judged by
//! ARN, the review contract, gaps instead of guesses, read-only traffic and the error paths.
//! Every test starts its own moto (some turn authentication on, which cannot be undone).
#[path = "../../collect/tests/support/mod.rs"]
mod support;

use assert_cmd::Command;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::time::Duration;
use support::{Moto, ACCOUNT_ID};
use wasp_model::Service;

const EAST: &str = "us-east-1";
const WEST: &str = "eu-west-1";
const REGIONS: &str = "us-east-1,eu-west-1";

/// `wasp` with the given keys and nothing else from the environment that could pick other
/// credentials, a profile, a region or an endpoint.
fn wasp_with_keys(key_id: &str, secret: &str) -> Command {
    let mut cmd = Command::cargo_bin("wasp").unwrap();
    cmd.env("AWS_ACCESS_KEY_ID", key_id)
        .env("AWS_SECRET_ACCESS_KEY", secret)
        .env_remove("AWS_SESSION_TOKEN")
        .env_remove("AWS_PROFILE")
        .env_remove("AWS_DEFAULT_PROFILE")
        .env_remove("AWS_ENDPOINT_URL")
        .env_remove("AWS_REGION")
        .env_remove("AWS_DEFAULT_REGION")
        .env("AWS_CONFIG_FILE", "/nonexistent/wasp-test-config")
        .env("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/wasp-test-credentials")
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .env("NO_COLOR", "1")
        .env("WASP_DB", test_db())
        .timeout(Duration::from_secs(300));
    cmd
}

/// One review database for this test binary, never the user's.
fn test_db() -> std::path::PathBuf {
    static DIR: std::sync::OnceLock<tempfile::TempDir> = std::sync::OnceLock::new();
    DIR.get_or_init(|| tempfile::tempdir().unwrap()).path().join("reviews.db")
}

fn wasp() -> Command {
    wasp_with_keys("testing", "testing")
}

/// Runs a seeding future on a runtime of its own (the tests themselves are synchronous: they
/// run a binary).
fn block_on<F: std::future::Future>(future: F) -> F::Output {
    tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap().block_on(future)
}

fn schema(name: &str) -> jsonschema::Validator {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/schema").join(name);
    let schema: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    jsonschema::validator_for(&schema).unwrap()
}

fn assert_valid(validator: &jsonschema::Validator, doc: &Value) {
    let errors: Vec<String> =
        validator.iter_errors(doc).map(|e| format!("{} at {}", e, e.instance_path)).take(10).collect();
    assert!(errors.is_empty(), "schema errors:\n{}", errors.join("\n"));
}

/// What one `wasp scan` run gave.
struct Run {
    code: Option<i32>,
    review: Value,
    stderr: String,
}

/// Runs `cmd` and reads the JSON review from standard output.
fn run_json(cmd: &mut Command) -> Run {
    let out = cmd.output().unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(!stderr.contains("panicked"), "{stderr}");
    let review = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("no JSON review on stdout ({e}); exit {:?}, stderr: {stderr}", out.status.code()));
    Run { code: out.status.code(), review, stderr }
}

/// Runs `cmd` expecting exit 2 and one sentence on stderr, which it returns.
fn runtime_error(cmd: &mut Command) -> String {
    let out = cmd.output().unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(2), "expected exit 2; stderr: {stderr}");
    assert!(out.stdout.is_empty(), "printed to stdout: {}", String::from_utf8_lossy(&out.stdout));
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(stderr.trim_end().lines().count(), 1, "not one line: {stderr}");
    stderr
}

fn findings(review: &Value) -> &Vec<Value> {
    review["findings"].as_array().unwrap()
}

fn gaps(review: &Value) -> &Vec<Value> {
    review["gaps"].as_array().unwrap()
}

/// The one finding of `check` about `arn`, which must have `status`.
#[track_caller]
fn assert_finding(review: &Value, check: &str, arn: &str, status: &str) {
    let found: Vec<&Value> =
        findings(review).iter().filter(|f| f["check_id"] == check && f["resource_arn"] == arn).collect();
    assert_eq!(found.len(), 1, "{check} on {arn}: expected one finding, got {found:#?}");
    assert_eq!(found[0]["status"], status, "{check} on {arn}: {:#}", found[0]);
}

/// Every best practice of the review, by id.
fn practices(review: &Value) -> Vec<&Value> {
    review["questions"].as_array().unwrap().iter().flat_map(|q| q["best_practices"].as_array().unwrap()).collect()
}

fn practice_status<'a>(review: &'a Value, id: &str) -> &'a str {
    let bp = practices(review).into_iter().find(|bp| bp["id"] == id).unwrap_or_else(|| panic!("no practice {id}"));
    bp["status"].as_str().unwrap()
}

fn meta(check_id: &str) -> &'static wasp_checks::Meta {
    wasp_checks::find(check_id).unwrap_or_else(|| panic!("unknown check {check_id}")).meta()
}

fn has_gap(review: &Value, service: &str, region: &str, operation: &str, kind: &str) -> bool {
    gaps(review)
        .iter()
        .any(|g| g["service"] == service && g["region"] == region && g["operation"] == operation && g["kind"] == kind)
}

/// Calls of the collection's log that match.
fn calls(review: &Value, service: &str, region: &str, operation: &str) -> u64 {
    review["collection"]["api_calls"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["service"] == service && c["region"] == region && c["operation"] == operation)
        .map(|c| c["count"].as_u64().unwrap())
        .sum()
}

fn s3_client(cfg: &aws_config::SdkConfig) -> aws_sdk_s3::Client {
    aws_sdk_s3::Client::from_conf(aws_sdk_s3::config::Builder::from(cfg).force_path_style(true).build())
}

const ADMIN_POLICY: &str = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"#;
const SCOPED_POLICY: &str = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::wasp-data/*"}]}"#;
const PUBLIC_TRUST: &str =
    r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"sts:AssumeRole"}]}"#;
const EC2_TRUST: &str = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#;

/// The ARNs of what [`seed_account`] created, each misconfiguration next to its compliant twin.
struct Seeded {
    user_without_mfa: String,
    user_with_mfa: String,
    user_without_password: String,
    admin_policy: String,
    scoped_policy: String,
    public_role: String,
    service_role: String,
    open_bucket: String,
    blocked_bucket: String,
    open_sg: String,
    internal_sg: String,
    plain_volume: String,
    encrypted_volume: String,
    imds_optional: String,
    imds_required: String,
    unrotated_key: String,
    rotated_key: String,
}

/// Seeds both regions with vulnerable and compliant resources side by side.
async fn seed_account(moto: &Moto) -> Seeded {
    let east_cfg = moto.sdk_config(EAST).await;
    let west_cfg = moto.sdk_config(WEST).await;

    // IAM (global).
    let iam = aws_sdk_iam::Client::new(&east_cfg);
    let user = |name: &'static str| {
        let iam = iam.clone();
        async move { iam.create_user().user_name(name).send().await.unwrap().user.unwrap().arn }
    };
    let user_without_mfa = user("console-no-mfa").await;
    let user_with_mfa = user("console-with-mfa").await;
    let user_without_password = user("api-only").await;
    for name in ["console-no-mfa", "console-with-mfa"] {
        iam.create_login_profile().user_name(name).password("Correct-Horse-9!").send().await.unwrap();
    }
    let device = iam.create_virtual_mfa_device().virtual_mfa_device_name("with-mfa").send().await.unwrap();
    iam.enable_mfa_device()
        .user_name("console-with-mfa")
        .serial_number(device.virtual_mfa_device.unwrap().serial_number)
        .authentication_code1("123456")
        .authentication_code2("654321")
        .send()
        .await
        .unwrap();
    let policy = |name: &'static str, document: &'static str| {
        let iam = iam.clone();
        async move {
            let out = iam.create_policy().policy_name(name).policy_document(document).send().await.unwrap();
            out.policy.unwrap().arn.unwrap()
        }
    };
    let admin_policy = policy("star-star", ADMIN_POLICY).await;
    let scoped_policy = policy("read-data", SCOPED_POLICY).await;
    iam.update_account_password_policy()
        .minimum_password_length(8)
        .require_lowercase_characters(true)
        .send()
        .await
        .unwrap();
    let role = |name: &'static str, trust: &'static str| {
        let iam = iam.clone();
        async move {
            let out = iam.create_role().role_name(name).assume_role_policy_document(trust).send().await.unwrap();
            out.role.unwrap().arn
        }
    };
    let public_role = role("anyone-may-assume", PUBLIC_TRUST).await;
    let service_role = role("ec2-app", EC2_TRUST).await;

    // S3: a public-read bucket without a block in eu-west-1, a fully blocked one in us-east-1.
    use aws_sdk_s3::types::{
        BucketCannedAcl, BucketLocationConstraint, CreateBucketConfiguration, PublicAccessBlockConfiguration,
    };
    let west_s3 = s3_client(&west_cfg);
    west_s3
        .create_bucket()
        .bucket("wasp-open-west")
        .create_bucket_configuration(
            CreateBucketConfiguration::builder().location_constraint(BucketLocationConstraint::EuWest1).build(),
        )
        .send()
        .await
        .unwrap();
    west_s3.put_bucket_acl().bucket("wasp-open-west").acl(BucketCannedAcl::PublicRead).send().await.unwrap();
    let east_s3 = s3_client(&east_cfg);
    east_s3.create_bucket().bucket("wasp-blocked-east").send().await.unwrap();
    let block = PublicAccessBlockConfiguration::builder()
        .block_public_acls(true)
        .ignore_public_acls(true)
        .block_public_policy(true)
        .restrict_public_buckets(true)
        .build();
    east_s3
        .put_public_access_block()
        .bucket("wasp-blocked-east")
        .public_access_block_configuration(block)
        .send()
        .await
        .unwrap();

    // EC2 in us-east-1: security groups, instances, EBS encryption by default (here only).
    use aws_sdk_ec2::types::{HttpTokensState, IpPermission, IpRange};
    let east = aws_sdk_ec2::Client::new(&east_cfg);
    east.enable_ebs_encryption_by_default().send().await.unwrap();
    let group = |name: &'static str, cidr: &'static str| {
        let east = east.clone();
        async move {
            let id = east.create_security_group().group_name(name).description(name).send().await.unwrap().group_id;
            let id = id.unwrap();
            let ssh = IpPermission::builder()
                .ip_protocol("tcp")
                .from_port(22)
                .to_port(22)
                .ip_ranges(IpRange::builder().cidr_ip(cidr).build())
                .build();
            east.authorize_security_group_ingress().group_id(&id).ip_permissions(ssh).send().await.unwrap();
            id
        }
    };
    let open_sg = group("ssh-from-anywhere", "0.0.0.0/0").await;
    let internal_sg = group("ssh-from-inside", "10.0.0.0/8").await;
    let imds_optional = support::launch_instance(&east, &internal_sg, HttpTokensState::Optional).await;
    let imds_required = support::launch_instance(&east, &internal_sg, HttpTokensState::Required).await;

    // EC2 in eu-west-1 (encryption by default off): an unencrypted and an encrypted volume.
    let west = aws_sdk_ec2::Client::new(&west_cfg);
    let volume = |encrypted: bool| {
        let west = west.clone();
        async move {
            let out = west.create_volume().availability_zone("eu-west-1a").size(8).encrypted(encrypted).send().await;
            out.unwrap().volume_id.unwrap()
        }
    };
    let plain_volume = volume(false).await;
    let encrypted_volume = volume(true).await;

    // KMS in eu-west-1: a key without rotation, one with.
    let kms = aws_sdk_kms::Client::new(&west_cfg);
    let unrotated = kms.create_key().send().await.unwrap().key_metadata.unwrap();
    let rotated = kms.create_key().send().await.unwrap().key_metadata.unwrap();
    kms.enable_key_rotation().key_id(&rotated.key_id).send().await.unwrap();

    let ec2_arn = |region: &str, resource: String| format!("arn:aws:ec2:{region}:{ACCOUNT_ID}:{resource}");
    Seeded {
        user_without_mfa,
        user_with_mfa,
        user_without_password,
        admin_policy,
        scoped_policy,
        public_role,
        service_role,
        open_bucket: "arn:aws:s3:::wasp-open-west".into(),
        blocked_bucket: "arn:aws:s3:::wasp-blocked-east".into(),
        open_sg: ec2_arn(EAST, format!("security-group/{open_sg}")),
        internal_sg: ec2_arn(EAST, format!("security-group/{internal_sg}")),
        plain_volume: ec2_arn(WEST, format!("volume/{plain_volume}")),
        encrypted_volume: ec2_arn(WEST, format!("volume/{encrypted_volume}")),
        imds_optional: ec2_arn(EAST, format!("instance/{imds_optional}")),
        imds_required: ec2_arn(EAST, format!("instance/{imds_required}")),
        unrotated_key: unrotated.arn.unwrap(),
        rotated_key: rotated.arn.unwrap(),
    }
}

/// Reads moto 5.2.5 does not serve (an HTML or HTTP 500 answer, or an answer the SDK cannot
/// parse): each is a gap in the review, never a verdict. Any other gap is a collector bug.
const MOTO_GAPS: &[(&str, &str)] = &[
    ("accessanalyzer", "ListAnalyzers"),
    // moto keeps no service last accessed data: one gap stands for every user and role.
    ("iam", "GenerateServiceLastAccessedDetails"),
    ("cloudwatch", "DescribeAlarms"),
    ("s3", "GetBucketVersioning"),
    ("networkfirewall", "ListFirewallPolicies"),
    ("networkfirewall", "ListRuleGroups"),
    ("ecr", "DescribePullThroughCacheRules"),
    ("codebuild", "ListReportGroups"),
    ("codeartifact", "ListDomains"),
    ("codeartifact", "ListRepositories"),
    ("ssm", "DescribeInstanceInformation"),
    ("ssm", "GetServiceSetting"),
    ("ssm", "ListResourceComplianceSummaries"),
    ("inspector", "BatchGetAccountStatus"),
    ("inspector", "ListCoverageStatistics"),
    ("backup", "ListProtectedResources"),
    ("macie", "GetMacieSession"),
    ("incidentmanager", "ListContacts"),
    ("incidentmanager", "ListReplicationSets"),
    ("incidentmanager", "ListResponsePlans"),
];

/// REST-JSON reads that AWS serves as POST: (path, operation).
const POSTED_READS: &[(&str, &str)] = &[
    ("/getAlternateContact", "GetAlternateContact"),
    ("/findings/list", "ListFindings"),
    ("/status/batch/get", "BatchGetAccountStatus"),
    ("/coverage/statistics/list", "ListCoverageStatistics"),
];

#[test]
fn scan_finds_every_seeded_misconfiguration() {
    let moto = Moto::start();
    let seeded = block_on(seed_account(&moto));
    let dir = tempfile::tempdir().unwrap();
    let review_path = dir.path().join("review.json");
    let snapshot_path = dir.path().join("snapshot.json");

    let out = wasp()
        .args(["scan", "--endpoint-url", &moto.endpoint, "--regions", REGIONS, "--format", "json", "-o"])
        .arg(&review_path)
        .arg("--save-snapshot")
        .arg(&snapshot_path)
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(0), "gaps are not errors; stderr: {stderr}");
    assert!(out.stdout.is_empty(), "the review went to the file");
    let review: Value = serde_json::from_str(&std::fs::read_to_string(&review_path).unwrap()).unwrap();
    assert_valid(&schema("review.schema.json"), &review);

    // Every misconfiguration FAILs, by ARN, next to its compliant twin's PASS.
    let pairs = [
        ("iam_user_console_mfa_enabled", &seeded.user_without_mfa, &seeded.user_with_mfa),
        ("iam_customer_policy_no_full_admin", &seeded.admin_policy, &seeded.scoped_policy),
        ("iam_role_trust_not_public", &seeded.public_role, &seeded.service_role),
        ("s3_bucket_acl_not_public", &seeded.open_bucket, &seeded.blocked_bucket),
        ("s3_bucket_public_access_block_enabled", &seeded.open_bucket, &seeded.blocked_bucket),
        ("ec2_security_group_admin_ports_restricted", &seeded.open_sg, &seeded.internal_sg),
        ("ec2_ebs_volume_encrypted", &seeded.plain_volume, &seeded.encrypted_volume),
        ("ec2_instance_imdsv2_required", &seeded.imds_optional, &seeded.imds_required),
        ("kms_key_rotation_enabled", &seeded.unrotated_key, &seeded.rotated_key),
    ];
    for (check, vulnerable, compliant) in pairs {
        assert_finding(&review, check, vulnerable, "FAIL");
        assert_finding(&review, check, compliant, "PASS");
    }
    let ebs_default = |region: &str| format!("arn:aws:ec2:{region}:{ACCOUNT_ID}:account");
    assert_finding(&review, "ec2_ebs_encryption_by_default_enabled", &ebs_default(WEST), "FAIL");
    assert_finding(&review, "ec2_ebs_encryption_by_default_enabled", &ebs_default(EAST), "PASS");
    let account = format!("arn:aws:iam::{ACCOUNT_ID}:root");
    assert_finding(&review, "iam_password_policy_minimum_length", &account, "FAIL");
    // A user without a console password is not judged on console MFA.
    assert!(
        !findings(&review).iter().any(|f| f["check_id"] == "iam_user_console_mfa_enabled"
            && f["resource_arn"] == seeded.user_without_password.as_str()),
        "a user without a password was judged on console MFA"
    );
    // The failures reach the verdicts: these practices are not met.
    for bp in ["SEC02-BP01", "SEC03-BP02", "SEC05-BP02", "SEC08-BP02", "SEC08-BP01", "SEC03-BP07"] {
        assert_eq!(practice_status(&review, bp), "not_met", "{bp}");
    }

    // Scope and collection.
    assert_eq!(review["scope"]["source"], "live");
    assert_eq!(review["scope"]["account_id"], ACCOUNT_ID);
    assert_eq!(review["scope"]["regions"], serde_json::json!([WEST, EAST]), "sorted");
    let total = review["collection"]["api_calls_total"].as_u64().unwrap();
    assert!(total > 0);
    assert_eq!(review["summary"]["api_calls"].as_u64(), Some(total));
    let rows = review["collection"]["api_calls"].as_array().unwrap();
    let summed: u64 = rows.iter().map(|r| r["count"].as_u64().unwrap()).sum();
    assert_eq!(summed, total, "the per-operation counts add up to the total");
    assert_eq!(calls(&review, "sts", "global", "GetCallerIdentity"), 1);
    assert_eq!(calls(&review, "s3", "global", "ListBuckets"), 1);
    assert_eq!(calls(&review, "s3", "global", "GetBucketAcl"), 2, "one ACL read per bucket");
    assert_eq!(calls(&review, "iam", "global", "GetAccountAuthorizationDetails"), 1);
    for region in [EAST, WEST] {
        assert_eq!(calls(&review, "ec2", region, "DescribeVolumes"), 1, "{region}");
        assert_eq!(calls(&review, "kms", region, "ListKeys"), 1, "{region}");
    }
    // Per-key reads, once per key and in the key's region. Besides the two seeded keys, moto
    // created its default EBS key (alias/aws/ebs) for the encrypted volume, and reports it as
    // customer-managed, so it is judged like ours.
    let west_keys: BTreeSet<&str> = findings(&review)
        .iter()
        .filter(|f| f["check_id"] == "kms_key_not_pending_deletion" && f["region"] == WEST)
        .map(|f| f["resource_arn"].as_str().unwrap())
        .collect();
    assert!(west_keys.contains(seeded.unrotated_key.as_str()) && west_keys.contains(seeded.rotated_key.as_str()));
    assert_eq!(calls(&review, "kms", WEST, "GetKeyRotationStatus"), west_keys.len() as u64);
    assert_eq!(calls(&review, "kms", WEST, "DescribeKey"), west_keys.len() as u64);
    assert_eq!(calls(&review, "kms", EAST, "GetKeyRotationStatus"), 0);

    // What moto does not implement is a gap per region, never an error or a verdict.
    let analyzer = meta("accessanalyzer_enabled");
    for region in [EAST, WEST] {
        assert!(has_gap(&review, "accessanalyzer", region, "ListAnalyzers", "unsupported"), "{:#?}", gaps(&review));
        assert!(has_gap(&review, "cloudwatch", region, "DescribeAlarms", "unsupported"), "{:#?}", gaps(&review));
    }
    let analyzer_findings: Vec<&Value> = findings(&review).iter().filter(|f| f["check_id"] == analyzer.id).collect();
    assert_eq!(analyzer_findings.len(), 2, "one per region: {analyzer_findings:#?}");
    assert!(analyzer_findings.iter().all(|f| f["status"] == "SKIP"), "{analyzer_findings:#?}");
    let unread_checks: Vec<&wasp_checks::Meta> = wasp_checks::CHECKS
        .iter()
        .map(|c| c.meta())
        .filter(|m| m.reads.iter().any(|r| matches!(r.service, Service::AccessAnalyzer | Service::CloudWatch)))
        .collect();
    assert!(unread_checks.len() >= 3, "Access Analyzer and CloudWatch checks");
    for check in &unread_checks {
        for bp in check.best_practices {
            assert_ne!(practice_status(&review, bp), "met", "{bp} counted as met although {} lacks evidence", check.id);
        }
    }
    // Every other gap is a known moto limitation (see crates/collect/tests/moto_*.rs): any
    // other would be a collector bug.
    let unexpected: Vec<String> = gaps(&review)
        .iter()
        .filter(|gap| {
            let key = (gap["service"].as_str().unwrap(), gap["operation"].as_str().unwrap());
            !MOTO_GAPS.contains(&key)
        })
        .map(|gap| format!("{} {} {}: {}", gap["service"], gap["region"], gap["operation"], gap["reason"]))
        .collect();
    assert!(unexpected.is_empty(), "unexpected gaps:\n{}", unexpected.join("\n"));
    let gap_count = gaps(&review).len();
    assert_eq!(review["summary"]["gaps"].as_u64(), Some(gap_count as u64));
    assert!(
        stderr.contains(&format!("wasp: warning: {gap_count} read(s) failed and are reported as gaps")),
        "{stderr}"
    );

    // The snapshot gives the same review offline.
    let offline = run_json(wasp().arg("review").arg("--snapshot").arg(&snapshot_path).args(["--format", "json"]));
    assert_eq!(offline.code, Some(0), "{}", offline.stderr);
    assert_valid(&schema("review.schema.json"), &offline.review);
    assert_eq!(offline.review["scope"]["source"], "snapshot");
    assert_eq!(offline.review["findings"], review["findings"]);
    assert_eq!(offline.review["gaps"], review["gaps"]);
    assert_eq!(offline.review["questions"], review["questions"]);

    // A critical failure (the public trust policy, the public ACL) fails the run when asked.
    wasp()
        .args(["scan", "--endpoint-url", &moto.endpoint, "--regions", REGIONS, "--format", "json", "--quiet"])
        .args(["--fail-on", "critical"])
        .assert()
        .code(1);
}

#[test]
fn scan_makes_only_read_calls() {
    let moto = Moto::start();
    block_on(seed_account(&moto));

    moto.start_recording();
    let run =
        run_json(wasp().args(["scan", "--endpoint-url", &moto.endpoint, "--regions", REGIONS, "--format", "json"]));
    let records = moto.stop_recording();
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(records.len() > 20, "{} requests recorded", records.len());

    let read_verbs = ["List", "Get", "Describe"];
    let mut named = BTreeSet::new();
    let mut rest = 0;
    let mut posts = Vec::new();
    for record in &records {
        let method = record["method"].as_str().unwrap();
        let url = record["url"].as_str().unwrap();
        match support::recorded_operation(record) {
            Some(op) => {
                // The report jobs only ask IAM to compile what it already records.
                let read = read_verbs.iter().any(|v| op.starts_with(v))
                    || wasp_model::operations::REPORT_JOBS.contains(&op.as_str());
                assert!(read, "{op} is not a read ({method} {url})");
                named.insert(op);
            }
            // REST protocols (S3, S3 Control, GuardDuty, Security Hub …): reads are GET/HEAD.
            None => {
                if !matches!(method, "GET" | "HEAD") {
                    let path = url.split("://").nth(1).and_then(|u| u.find('/').map(|i| &u[i..])).unwrap_or(url);
                    let path = path.split('?').next().unwrap_or(path);
                    match POSTED_READS.iter().find(|(p, _)| *p == path) {
                        Some((_, op)) => {
                            named.insert(op.to_string());
                        }
                        None => posts.push(format!("{method} {url}")),
                    }
                }
                rest += 1;
            }
        }
    }
    assert!(posts.is_empty(), "writes?\n{}", posts.join("\n"));
    for expected in
        ["GetCallerIdentity", "DescribeRegions", "GetAccountAuthorizationDetails", "ListKeys", "DescribeVolumes"]
    {
        assert!(named.contains(expected), "{expected} not recorded: {named:?}");
    }
    assert!(rest > 0, "the S3 reads were recorded");

    // moto records every request it routes to a service it implements, even when that
    // service lacks the operation (EC2's GetEbsDefaultKmsKeyId), and none for a service it does
    // not implement at all: Access Analyzer and CloudWatch answer from no route (HTML 500/404),
    // and their calls are not in the recording. So the recording holds exactly the calls wasp
    // counted for every other service: compared per service (from the SigV4 credential scope)
    // and in total.
    let review = &run.review;
    let total = review["collection"]["api_calls_total"].as_u64().unwrap();
    let mut counted: BTreeMap<String, u64> = BTreeMap::new();
    for row in review["collection"]["api_calls"].as_array().unwrap() {
        *counted.entry(row["service"].as_str().unwrap().to_owned()).or_default() += row["count"].as_u64().unwrap();
    }
    let unimplemented = ["accessanalyzer", "cloudwatch"];
    for service in unimplemented {
        let unsupported = gaps(review).iter().filter(|g| g["service"] == service && g["kind"] == "unsupported").count();
        assert_eq!(counted[service], unsupported as u64, "every {service} call is an unsupported gap");
    }
    let mut recorded: BTreeMap<String, u64> = BTreeMap::new();
    for record in &records {
        *recorded.entry(signing_service(record)).or_default() += 1;
    }
    // Compared for the services whose signing name is wasp's name; the services of the catalogue
    // wave (signed as `elasticfilesystem`, `inspector2`, `macie2` …, some not routed by moto at
    // all) have their call counts asserted by their own moto tests in crates/collect/tests.
    let accounted = [
        "sts",
        "ec2",
        "iam",
        "organizations",
        "s3",
        "kms",
        "guardduty",
        "cloudtrail",
        "config",
        "securityhub",
        "logs",
        "sns",
        "sqs",
        "dynamodb",
        "rds",
        "lambda",
    ];
    recorded.retain(|s, _| accounted.contains(&s.as_str()));
    let implemented: BTreeMap<String, u64> = counted
        .iter()
        .filter(|(s, _)| accounted.contains(&s.as_str()) && !unimplemented.contains(&s.as_str()))
        .map(|(s, n)| (s.clone(), *n))
        .collect();
    assert_eq!(recorded, implemented, "requests moto recorded vs calls wasp counted, per service");
    assert!(records.len() as u64 <= total, "moto recorded more requests than wasp counted");
}

/// The service a recorded request was signed for (`Credential=KEY/DATE/REGION/SERVICE/…`);
/// S3 Control signs as `s3`, which is where wasp counts it too.
fn signing_service(record: &Value) -> String {
    let headers = record["headers"].as_object().unwrap();
    let auth = headers
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case("authorization"))
        .and_then(|(_, v)| v.as_str())
        .unwrap_or_else(|| panic!("an unsigned request: {record}"));
    let scope = auth.split("Credential=").nth(1).and_then(|c| c.split([',', ' ']).next()).unwrap();
    scope.split('/').nth(3).unwrap().to_owned()
}

/// Creates a user allowed only to read IAM and EC2 (and to know itself); returns its keys.
async fn seed_limited_user(moto: &Moto) -> (String, String) {
    let actions = r#""sts:GetCallerIdentity","ec2:Describe*","ec2:GetEbs*","iam:Get*","iam:List*","iam:GenerateCredentialReport","iam:GenerateServiceLastAccessedDetails""#;
    seed_user_allowed(moto, "ec2-and-iam-reader", actions).await
}

/// An IAM user allowed exactly `actions` (a JSON list body); returns its access key.
async fn seed_user_allowed(moto: &Moto, name: &str, actions: &str) -> (String, String) {
    let iam = aws_sdk_iam::Client::new(&moto.sdk_config(EAST).await);
    iam.create_user().user_name(name).send().await.unwrap();
    let policy =
        format!(r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Allow","Action":[{actions}],"Resource":"*"}}]}}"#);
    iam.put_user_policy().user_name(name).policy_name("limited").policy_document(policy).send().await.unwrap();
    let key = iam.create_access_key().user_name(name).send().await.unwrap().access_key.unwrap();
    (key.access_key_id, key.secret_access_key)
}

/// From now on moto authenticates and authorises every request.
fn turn_auth_on(moto: &Moto) {
    moto.http("POST", "/moto-api/reset-auth", "0").unwrap();
}

#[test]
fn missing_permissions_become_access_denied_gaps() {
    let moto = Moto::start();
    let seeded = block_on(seed_account(&moto));
    let (key_id, secret) = block_on(seed_limited_user(&moto));
    turn_auth_on(&moto);

    let run = run_json(wasp_with_keys(&key_id, &secret).args([
        "scan",
        "--endpoint-url",
        &moto.endpoint,
        "--regions",
        REGIONS,
        "--format",
        "json",
    ]));
    assert_eq!(run.code, Some(0), "denied reads are gaps, not errors: {}", run.stderr);
    let review = &run.review;
    assert_valid(&schema("review.schema.json"), review);

    // Denied reads are access_denied gaps, per operation and region.
    assert!(has_gap(review, "s3", "global", "ListBuckets", "access_denied"), "{:#?}", gaps(review));
    for region in [EAST, WEST] {
        assert!(has_gap(review, "kms", region, "ListKeys", "access_denied"), "{:#?}", gaps(review));
        assert!(has_gap(review, "cloudtrail", region, "DescribeTrails", "access_denied"), "{:#?}", gaps(review));
    }
    let denied_services: BTreeSet<&str> =
        gaps(review).iter().filter(|g| g["kind"] == "access_denied").map(|g| g["service"].as_str().unwrap()).collect();
    for service in ["s3", "kms", "cloudtrail", "config", "guardduty", "securityhub", "logs", "organizations"] {
        assert!(denied_services.contains(service), "no access_denied gap for {service}: {denied_services:?}");
    }
    // A denial is described as one, never as an operation the endpoint lacks (moto answers
    // JSON-protocol denials with an XML body labelled text/html).
    for gap in gaps(review).iter().filter(|g| g["kind"] == "access_denied") {
        let reason = gap["reason"].as_str().unwrap();
        assert!(!reason.contains("does not implement"), "{gap:#}");
        assert!(reason.contains("403") || reason.starts_with("AccessDenied"), "{gap:#}");
    }
    // What the user may read was read, and nothing it may read was denied.
    assert!(!denied_services.contains("iam") && !denied_services.contains("ec2"), "{:#?}", gaps(review));
    assert_finding(review, "ec2_security_group_admin_ports_restricted", &seeded.open_sg, "FAIL");
    assert_finding(review, "iam_role_trust_not_public", &seeded.public_role, "FAIL");

    // No verdict comes from a service that could not be read. One exception: the organization
    // only takes permissions away (SCPs) or adds trusted accounts, so a principal found unable
    // to do something, or a trust found guarded, stands without it; a failure must say what was
    // not considered.
    let unread = |check_id: &str| meta(check_id).reads.iter().any(|r| denied_services.contains(r.service.name()));
    let only_scps_unread = |check_id: &str| {
        meta(check_id)
            .reads
            .iter()
            .filter(|r| denied_services.contains(r.service.name()))
            .all(|r| r.service == Service::Organizations)
            && (check_id.starts_with("iam_principal_") || check_id.starts_with("iam_role_trust_"))
    };
    for f in findings(review) {
        let check = f["check_id"].as_str().unwrap();
        if unread(check) && only_scps_unread(check) {
            match f["status"].as_str().unwrap() {
                "PASS" | "SKIP" => {}
                _ => assert!(f["message"].as_str().unwrap().contains("not considered"), "{f:#}"),
            }
        } else if unread(check) {
            assert_eq!(f["status"], "SKIP", "a verdict without evidence: {f:#}");
        }
    }
    let skipped: BTreeSet<&str> =
        findings(review).iter().map(|f| f["check_id"].as_str().unwrap()).filter(|c| unread(c)).collect();
    for check in ["s3_account_public_access_block_enabled", "cloudtrail_multi_region_enabled", "guardduty_enabled"] {
        assert!(skipped.contains(check), "{check} should say it could not judge: {skipped:?}");
    }
    assert!(!findings(review).iter().any(|f| f["resource_arn"] == seeded.unrotated_key.as_str()));
    // A practice is not met only through a check that could read its evidence, and never met
    // when a check of it could not.
    for bp in practices(review) {
        let checks: Vec<&str> =
            bp["evidence"]["checks"].as_array().unwrap().iter().map(|c| c.as_str().unwrap()).collect();
        let id = bp["id"].as_str().unwrap();
        if bp["status"] == "not_met" {
            let failed_readable = findings(review).iter().any(|f| {
                f["status"] == "FAIL"
                    && f["best_practices"].as_array().unwrap().iter().any(|p| p == id)
                    && checks.contains(&f["check_id"].as_str().unwrap())
                    && !unread(f["check_id"].as_str().unwrap())
            });
            assert!(failed_readable, "{id} is not met without a readable failure: {bp:#}");
        }
        if checks.iter().any(|c| unread(c)) {
            assert_ne!(bp["status"], "met", "{id} met although a check of it was not read: {bp:#}");
        }
    }

    let gap_count = gaps(review).len();
    let warning = format!(
        "wasp: warning: {gap_count} read(s) failed and are reported as gaps; the affected best practices are not assessed"
    );
    let lines: Vec<&str> = run.stderr.lines().filter(|l| !l.starts_with("wasp: review ")).collect();
    assert_eq!(lines, [warning.as_str()], "one warning line");
}

#[test]
fn bad_credentials_exit_2_with_one_sentence() {
    let moto = Moto::start();
    block_on(seed_limited_user(&moto));
    turn_auth_on(&moto);
    let err = runtime_error(wasp_with_keys("AKIAIOSFODNN7EXAMPLE", "not-a-secret-moto-knows").args([
        "scan",
        "--endpoint-url",
        &moto.endpoint,
        "--regions",
        EAST,
    ]));
    assert!(err.starts_with("wasp: error: AWS did not accept the credentials"), "{err}");
    assert!(!err.contains("not-a-secret-moto-knows"), "the secret is never printed: {err}");
    assert!(!err.contains("unhandled error") && !err.contains("Error {"), "a sentence, not a debug dump: {err}");
}

#[test]
fn dead_endpoint_exits_2() {
    // A port that was free a moment ago, with nothing listening.
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let endpoint = format!("http://127.0.0.1:{port}");
    let started = std::time::Instant::now();
    let err = runtime_error(
        wasp().args(["scan", "--endpoint-url", &endpoint, "--region", EAST]).timeout(Duration::from_secs(60)),
    );
    assert!(err.starts_with(&format!("wasp: error: cannot reach the AWS endpoint {endpoint}")), "{err}");
    assert!(started.elapsed() < Duration::from_secs(60));
}

#[test]
fn unknown_regions_are_refused() {
    // A name that cannot be a region is refused before any call: the endpoint is dead.
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let dead = format!("http://127.0.0.1:{port}");
    let err = runtime_error(wasp().args(["scan", "--endpoint-url", &dead, "--regions", "us-east-1,mars-north-9"]));
    assert!(err.starts_with("wasp: error: unknown region 'mars-north-9': 'mars' is not an AWS geography"), "{err}");
    // A well-formed name the account does not have is refused by the account's own list.
    let moto = Moto::start();
    let err =
        runtime_error(wasp().args(["scan", "--endpoint-url", &moto.endpoint, "--regions", "us-east-1,us-east-7"]));
    assert!(err.starts_with("wasp: error: unknown region us-east-7: the account knows"), "{err}");
}

#[test]
fn silent_and_dripping_endpoints_end_the_scan_within_seconds() {
    for drip in [false, true] {
        let endpoint = support::hostile_endpoint(drip);
        let started = std::time::Instant::now();
        let err = runtime_error(wasp().args(["scan", "--endpoint-url", &endpoint, "--region", EAST]));
        assert!(err.starts_with(&format!("wasp: error: cannot reach the AWS endpoint {endpoint}")), "{err}");
        assert!(started.elapsed() < Duration::from_secs(15), "drip {drip}: took {:?}", started.elapsed());
    }
}

#[test]
fn services_flag_limits_collection() {
    let moto = Moto::start();
    let seeded = block_on(seed_account(&moto));
    let run = run_json(wasp().args([
        "scan",
        "--endpoint-url",
        &moto.endpoint,
        "--regions",
        REGIONS,
        "--services",
        "s3",
        "--format",
        "json",
    ]));
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let review = &run.review;
    assert_valid(&schema("review.schema.json"), review);

    assert!(!findings(review).is_empty());
    for f in findings(review) {
        assert_eq!(meta(f["check_id"].as_str().unwrap()).service, Service::S3, "{f:#}");
    }
    assert_finding(review, "s3_bucket_acl_not_public", &seeded.open_bucket, "FAIL");
    let s3_checks = wasp_checks::CHECKS.iter().filter(|c| c.meta().service == Service::S3).count();
    assert_eq!(review["summary"]["checks_run"].as_u64(), Some(s3_checks as u64));

    // Only what the S3 checks read is collected (some also read the organization, to tell
    // trusted principals from outsiders).
    let read_by_s3_checks: BTreeSet<&str> = wasp_checks::CHECKS
        .iter()
        .filter(|c| c.meta().service == Service::S3)
        .flat_map(|c| c.meta().reads.iter().map(|r| r.service.name()))
        .collect();
    assert!(!read_by_s3_checks.contains("ec2") && !read_by_s3_checks.contains("iam"));
    let rows = review["collection"]["api_calls"].as_array().unwrap();
    for row in rows {
        let key = (row["service"].as_str().unwrap(), row["operation"].as_str().unwrap());
        let allowed = read_by_s3_checks.contains(key.0)
            || key == ("sts", "GetCallerIdentity")
            || key == ("ec2", "DescribeRegions");
        assert!(allowed, "{row}");
    }
    assert!(rows.iter().any(|r| r["service"] == "s3"));
    assert_eq!(calls(review, "ec2", "global", "DescribeRegions"), 1);
    assert!(gaps(review).iter().all(|g| g["service"] == "s3"), "{:#?}", gaps(review));
}

#[test]
fn a_default_scan_covers_every_enabled_region() {
    let moto = Moto::start();
    // No region configured anywhere (wasp() removes them), no --regions: every region the
    // account lists, as `--regions all` says too.
    for regions_flag in [&[][..], &["--regions", "all"][..]] {
        let run = run_json(
            wasp()
                .args(["scan", "--endpoint-url", &moto.endpoint, "--services", "guardduty", "--format", "json"])
                .args(regions_flag),
        );
        assert_eq!(run.code, Some(0), "{}", run.stderr);
        let scope = &run.review["scope"];
        let regions: Vec<&str> = scope["regions"].as_array().unwrap().iter().map(|r| r.as_str().unwrap()).collect();
        assert!(regions.len() > 10 && regions.contains(&"us-east-1") && regions.contains(&"eu-west-1"), "{regions:?}");
        assert_eq!(scope["enabled_regions"], scope["regions"], "every enabled region was scanned");
        // One GuardDuty verdict per region: no detector anywhere in a fresh account.
        let verdicts: Vec<&Value> =
            findings(&run.review).iter().filter(|f| f["check_id"] == "guardduty_enabled").collect();
        assert_eq!(verdicts.len(), regions.len());
        assert!(verdicts.iter().all(|f| f["status"] == "FAIL"));
        assert_eq!(calls(&run.review, "ec2", "global", "DescribeRegions"), 1);
        // Left out were the other services' checks, not regions.
        let left_out = scope["left_out"].as_array().unwrap();
        assert!(left_out.iter().all(|l| !l.as_str().unwrap().starts_with("regions")), "{left_out:?}");
    }
}

#[test]
fn a_bucket_outside_the_scanned_regions_is_judged_or_named() {
    let moto = Moto::start();
    block_on(async {
        use aws_sdk_s3::types::{BucketLocationConstraint, CreateBucketConfiguration};
        let far = s3_client(&moto.sdk_config("ap-southeast-2").await);
        let location = BucketLocationConstraint::from("ap-southeast-2");
        far.create_bucket()
            .bucket("wasp-far-away")
            .create_bucket_configuration(CreateBucketConfiguration::builder().location_constraint(location).build())
            .send()
            .await
            .unwrap();
    });
    let far = "arn:aws:s3:::wasp-far-away";
    // Every region (the default): the bucket is judged, read from its own region.
    let run = run_json(wasp().args(["scan", "--endpoint-url", &moto.endpoint, "--services", "s3", "--format", "json"]));
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert_finding(&run.review, "s3_bucket_public_access_block_enabled", far, "FAIL");
    assert!(gaps(&run.review).iter().all(|g| g["kind"] != "excluded"), "{:#?}", gaps(&run.review));
    // The user left its region out: not read, and one gap names it; its practices are not met
    // through it, nor assessed as if it did not exist.
    let run = run_json(wasp().args([
        "scan",
        "--endpoint-url",
        &moto.endpoint,
        "--services",
        "s3",
        "--regions",
        EAST,
        "--format",
        "json",
    ]));
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(!findings(&run.review).iter().any(|f| f["resource_arn"] == far), "the far bucket was judged");
    let excluded: Vec<&Value> = gaps(&run.review).iter().filter(|g| g["kind"] == "excluded").collect();
    assert_eq!(excluded.len(), 1, "{:#?}", gaps(&run.review));
    assert_eq!((excluded[0]["service"].as_str(), excluded[0]["operation"].as_str()), (Some("s3"), Some("ListBuckets")));
    assert!(excluded[0]["reason"].as_str().unwrap().contains("ap-southeast-2: wasp-far-away"), "{:#}", excluded[0]);
    assert_eq!(practice_status(&run.review, "SEC08-BP02"), "not_assessed");
    assert_eq!(run.review["scope"]["coverage"], "partial");
}

#[test]
fn a_denied_region_lookup_is_an_account_gap_and_the_scan_goes_on() {
    let moto = Moto::start();
    let (key_id, secret) = block_on(async {
        let kms = aws_sdk_kms::Client::new(&moto.sdk_config(EAST).await);
        kms.create_key().send().await.unwrap();
        seed_user_allowed(&moto, "kms-reader", r#""sts:GetCallerIdentity","kms:*""#).await
    });
    turn_auth_on(&moto);
    let run = run_json(wasp_with_keys(&key_id, &secret).args([
        "scan",
        "--endpoint-url",
        &moto.endpoint,
        "--regions",
        EAST,
        "--services",
        "kms",
        "--format",
        "json",
    ]));
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let review = &run.review;
    // The names given are trusted when the account's list cannot be read ...
    assert_eq!(review["scope"]["regions"], serde_json::json!([EAST]));
    assert!(has_gap(review, "account", "global", "DescribeRegions", "access_denied"), "{:#?}", gaps(review));
    // ... and that gap does not make KMS evidence incomplete.
    assert!(findings(review).iter().any(|f| f["check_id"] == "kms_key_rotation_enabled" && f["status"] == "FAIL"));
    let rotation = meta("kms_key_rotation_enabled").best_practices[0];
    assert_eq!(practice_status(review, rotation), "not_met");
    assert!(gaps(review).iter().all(|g| g["service"] != "kms"), "{:#?}", gaps(review));
}

/// Seeds resources every check that moto can answer passes on: a strict password policy, a
/// private encrypted bucket, a security group open only inside, an IMDSv2 instance, an
/// encrypted volume, a rotated key.
async fn seed_compliant(moto: &Moto) {
    let east_cfg = moto.sdk_config(EAST).await;
    let iam = aws_sdk_iam::Client::new(&east_cfg);
    iam.update_account_password_policy()
        .minimum_password_length(16)
        .require_symbols(true)
        .require_numbers(true)
        .require_uppercase_characters(true)
        .require_lowercase_characters(true)
        .password_reuse_prevention(24)
        .send()
        .await
        .unwrap();
    let east_s3 = s3_client(&east_cfg);
    east_s3.create_bucket().bucket("wasp-private").send().await.unwrap();
    let block = aws_sdk_s3::types::PublicAccessBlockConfiguration::builder()
        .block_public_acls(true)
        .ignore_public_acls(true)
        .block_public_policy(true)
        .restrict_public_buckets(true)
        .build();
    east_s3
        .put_public_access_block()
        .bucket("wasp-private")
        .public_access_block_configuration(block)
        .send()
        .await
        .unwrap();
    let control = aws_sdk_s3control::Client::from_conf(
        aws_sdk_s3control::config::Builder::from(&east_cfg)
            .interceptor(wasp_collect::compat::StripHostPrefix::for_endpoint(&moto.endpoint))
            .build(),
    );
    let all_on = aws_sdk_s3control::types::PublicAccessBlockConfiguration::builder()
        .block_public_acls(true)
        .ignore_public_acls(true)
        .block_public_policy(true)
        .restrict_public_buckets(true)
        .build();
    control
        .put_public_access_block()
        .account_id(ACCOUNT_ID)
        .public_access_block_configuration(all_on)
        .send()
        .await
        .unwrap();
    iam.create_role().role_name("app").assume_role_policy_document(EC2_TRUST).send().await.unwrap();
    iam.put_role_policy()
        .role_name("app")
        .policy_name("read-data")
        .policy_document(SCOPED_POLICY)
        .send()
        .await
        .unwrap();
    let ec2 = aws_sdk_ec2::Client::new(&east_cfg);
    ec2.enable_ebs_encryption_by_default().send().await.unwrap();
    let kms = aws_sdk_kms::Client::new(&east_cfg);
    let key = kms.create_key().send().await.unwrap().key_metadata.unwrap();
    kms.enable_key_rotation().key_id(&key.key_id).send().await.unwrap();
}

#[test]
fn passing_evidence_supports_practices_but_establishes_only_full_scope_ones() {
    let moto = Moto::start();
    block_on(seed_compliant(&moto));
    let args = ["scan", "--endpoint-url", &moto.endpoint, "--regions", EAST, "--services", "iam,s3,kms"];
    let run = run_json(wasp().args(args).args(["--format", "json"]));
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let review = &run.review;
    let mut supported = Vec::new();
    for bp in practices(review) {
        let id = bp["id"].as_str().unwrap();
        let evidence = &bp["evidence"];
        let all_passed = evidence["findings"]["pass"].as_u64().unwrap() > 0
            && evidence["findings"]["fail"] == 0
            && evidence["findings"]["skip"] == 0
            && evidence["incomplete_reads"].is_null();
        match bp["status"].as_str().unwrap() {
            // Met only with full scope, every check of it run, every region read.
            "met" => panic!("{id} met in a narrowed review: {bp:#}"),
            "evidence_supports" => {
                assert!(all_passed, "{id} supported without complete passing evidence: {bp:#}");
                supported.push(id.to_owned());
            }
            _ if all_passed => panic!("{id}'s checks all passed but it is {}: {bp:#}", bp["status"]),
            _ => {}
        }
    }
    assert!(supported.len() >= 3, "{supported:?}");
    for q in review["questions"].as_array().unwrap() {
        assert_ne!(q["risk"], "none", "{} has no risk on partial evidence", q["id"]);
        if q["risk"] == "high" {
            assert!(!q["risk_drivers"].as_array().unwrap().is_empty(), "{q:#}");
        }
    }
    assert_eq!(review["scope"]["coverage"], "partial");
    // The text says which practices a person still has to confirm.
    let out = wasp().args(args).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let section = text.split("Needs a person").nth(1).unwrap_or_else(|| panic!("no 'Needs a person':\n{text}"));
    for id in &supported {
        assert!(section.contains(id.as_str()), "{id} is not listed as needing a person:\n{text}");
    }
    assert!(text.contains("Scope is partial"), "{text}");
}

#[test]
fn a_denied_read_changes_only_the_practices_whose_checks_read_it() {
    let moto = Moto::start();
    let (allowed, denied) = block_on(async {
        seed_compliant(&moto).await;
        let everything = r#""sts:GetCallerIdentity","ec2:DescribeRegions","iam:*""#;
        let allowed = seed_user_allowed(&moto, "iam-reader", everything).await;
        let iam = aws_sdk_iam::Client::new(&moto.sdk_config(EAST).await);
        iam.create_user().user_name("no-password-policy").send().await.unwrap();
        let policy = format!(
            r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Allow","Action":[{everything}],"Resource":"*"}},{{"Effect":"Deny","Action":"iam:GetAccountPasswordPolicy","Resource":"*"}}]}}"#
        );
        iam.put_user_policy()
            .user_name("no-password-policy")
            .policy_name("p")
            .policy_document(policy)
            .send()
            .await
            .unwrap();
        let key = iam.create_access_key().user_name("no-password-policy").send().await.unwrap().access_key.unwrap();
        (allowed, (key.access_key_id, key.secret_access_key))
    });
    turn_auth_on(&moto);
    let scan = |(key, secret): &(String, String)| {
        let args =
            ["scan", "--endpoint-url", &moto.endpoint, "--regions", EAST, "--services", "iam", "--format", "json"];
        let run = run_json(wasp_with_keys(key, secret).args(args));
        assert_eq!(run.code, Some(0), "{}", run.stderr);
        run.review
    };
    let full = scan(&allowed);
    let partial = scan(&denied);
    assert!(has_gap(&partial, "iam", "global", "GetAccountPasswordPolicy", "access_denied"), "{:#?}", gaps(&partial));
    assert!(!has_gap(&full, "iam", "global", "GetAccountPasswordPolicy", "access_denied"));
    let reads_it = |check: &str| meta(check).reads.iter().any(|r| r.operation == "GetAccountPasswordPolicy");
    let mut unchanged = 0;
    for (a, b) in practices(&full).into_iter().zip(practices(&partial)) {
        let checks: Vec<&str> =
            a["evidence"]["checks"].as_array().unwrap().iter().map(|c| c.as_str().unwrap()).collect();
        if checks.iter().any(|c| reads_it(c)) {
            continue;
        }
        assert_eq!(a["status"], b["status"], "{} changed although none of its checks reads the denied call", a["id"]);
        if !checks.is_empty() {
            unchanged += 1;
        }
    }
    assert!(unchanged >= 3, "practices judged by IAM checks that do not read the password policy");
    // The practice whose checks do read it lost its evidence of the password policy.
    let bp01 = practices(&partial).into_iter().find(|bp| bp["id"] == "SEC02-BP01").unwrap();
    assert!(
        bp01["evidence"]["incomplete_reads"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r.as_str().unwrap().starts_with("iam:GetAccountPasswordPolicy")),
        "{bp01:#}"
    );
}

#[test]
fn a_member_account_is_assessed_on_what_it_can_see() {
    let moto = Moto::start();
    let (key, secret, token) = block_on(async {
        use aws_sdk_organizations::types::OrganizationFeatureSet;
        let cfg = moto.sdk_config(EAST).await;
        let org = aws_sdk_organizations::Client::new(&cfg);
        org.create_organization().feature_set(OrganizationFeatureSet::All).send().await.unwrap();
        let created = org.create_account().account_name("workload").email("w@example.com").send().await.unwrap();
        let member = created.create_account_status.unwrap().account_id.unwrap();
        let sts = aws_sdk_sts::Client::new(&cfg);
        let role = format!("arn:aws:iam::{member}:role/OrganizationAccountAccessRole");
        let assumed = sts.assume_role().role_arn(role).role_session_name("wasp").send().await.unwrap();
        let c = assumed.credentials.unwrap();
        (c.access_key_id, c.secret_access_key, c.session_token)
    });
    let args = ["scan", "--endpoint-url", &moto.endpoint, "--regions", EAST, "--services", "organizations"];
    let run =
        run_json(wasp_with_keys(&key, &secret).env("AWS_SESSION_TOKEN", &token).args(args).args(["--format", "json"]));
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let review = &run.review;
    assert_ne!(review["scope"]["account_id"], ACCOUNT_ID, "the scan ran as the member");
    // What a member sees (its organization, with all features) evidences account separation.
    assert_finding(
        review,
        "organizations_all_features_enabled",
        &format!("arn:aws:iam::{}:root", review["scope"]["account_id"].as_str().unwrap()),
        "PASS",
    );
    assert_eq!(practice_status(review, "SEC01-BP01"), "evidence_supports");
    // The organization's guardrails are the management account's to list: never a pass here.
    assert_ne!(practice_status(review, "SEC03-BP05"), "met");
    assert_ne!(practice_status(review, "SEC03-BP05"), "evidence_supports");
}

#[test]
fn a_fix_between_two_scans_shows_as_resolved() {
    use aws_sdk_ec2::types::{IpPermission, IpRange};
    let moto = Moto::start();
    let db = tempfile::tempdir().unwrap();
    let db = db.path().join("reviews.db");
    let cfg = block_on(moto.sdk_config(EAST));
    let ec2 = aws_sdk_ec2::Client::new(&cfg);
    let kms = aws_sdk_kms::Client::new(&cfg);
    let ssh = |cidr: &str| {
        IpPermission::builder()
            .ip_protocol("tcp")
            .from_port(22)
            .to_port(22)
            .ip_ranges(IpRange::builder().cidr_ip(cidr).build())
            .build()
    };
    let open_group = |name: &'static str| {
        let ec2 = ec2.clone();
        let rule = ssh("0.0.0.0/0");
        async move {
            let id =
                ec2.create_security_group().group_name(name).description(name).send().await.unwrap().group_id.unwrap();
            ec2.authorize_security_group_ingress().group_id(&id).ip_permissions(rule).send().await.unwrap();
            id
        }
    };
    let fixed_sg = block_on(open_group("ssh-open-then-closed"));
    let key = block_on(kms.create_key().send()).unwrap().key_metadata.unwrap().key_id;
    let scan = |extra: &[&str]| {
        let mut cmd = wasp();
        cmd.env("WASP_DB", &db)
            .args(["scan", "--endpoint-url", &moto.endpoint, "--regions", EAST, "--services", "ec2,kms"])
            .args(extra);
        cmd.output().unwrap()
    };
    let first = scan(&[]);
    assert_eq!(first.status.code(), Some(0), "{}", String::from_utf8_lossy(&first.stderr));

    // The fix, and a new mistake.
    block_on(ec2.revoke_security_group_ingress().group_id(&fixed_sg).ip_permissions(ssh("0.0.0.0/0")).send()).unwrap();
    block_on(kms.enable_key_rotation().key_id(&key).send()).unwrap();
    let new_sg = block_on(open_group("ssh-opened-later"));
    let second = scan(&["--since", "last"]);
    let stdout = String::from_utf8(second.stdout).unwrap();
    assert_eq!(second.status.code(), Some(0), "{}", String::from_utf8_lossy(&second.stderr));
    assert!(stdout.contains("Changes from review 1 to review 2"), "{stdout}");

    let out = wasp().env("WASP_DB", &db).args(["diff", "--format", "json"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let diff: Value = serde_json::from_slice(&out.stdout).unwrap();
    let listed = |key: &str| -> Vec<(String, String)> {
        diff[key]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| (f["check_id"].as_str().unwrap().to_owned(), f["resource_arn"].as_str().unwrap_or("").to_owned()))
            .collect()
    };
    let sg_arn = |id: &str| format!("arn:aws:ec2:{EAST}:{ACCOUNT_ID}:security-group/{id}");
    let key_arn = format!("arn:aws:kms:{EAST}:{ACCOUNT_ID}:key/{key}");
    let admin_ports = "ec2_security_group_admin_ports_restricted".to_owned();
    assert!(listed("resolved").contains(&(admin_ports.clone(), sg_arn(&fixed_sg))), "{diff:#}");
    assert!(listed("resolved").contains(&("kms_key_rotation_enabled".to_owned(), key_arn)), "{diff:#}");
    assert_eq!(listed("new"), [(admin_ports, sg_arn(&new_sg))], "{diff:#}");
    assert_eq!((diff["from"]["account_id"].as_str(), diff["to"]["label"].as_str()), (Some(ACCOUNT_ID), Some("2")));
}

#[test]
fn security_hub_import_is_opt_in_and_a_reimport_updates_the_same_findings() {
    let moto = Moto::start();
    let hub = block_on(async {
        let cfg = moto.sdk_config(EAST).await;
        s3_client(&cfg).create_bucket().bucket("wasp-hub-bucket").send().await.unwrap();
        aws_sdk_securityhub::Client::new(&cfg)
    });
    let imported = || {
        block_on(async {
            let mut all = Vec::new();
            let mut pages = hub.get_findings().into_paginator().send();
            while let Some(page) = pages.next().await {
                all.extend(page.unwrap().findings.unwrap_or_default());
            }
            all
        })
    };
    let args = ["scan", "--endpoint-url", &moto.endpoint, "--regions", EAST, "--services", "s3", "--format", "json"];
    // Without the flag nothing is written.
    let run = run_json(wasp().args(args));
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(imported().is_empty(), "a plain scan imported findings");
    // With it, every finding of the review arrives once, under wasp's stable ids.
    let run = run_json(wasp().args(args).arg("--security-hub"));
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let sent = findings(&run.review).len();
    assert!(run.stderr.contains(&format!("Security Hub: {sent} findings sent to us-east-1")), "{}", run.stderr);
    let first = imported();
    assert_eq!(first.len(), sent);
    let failed = first
        .iter()
        .find(|f| {
            f.generator_id.as_deref().is_some_and(|g| g.ends_with("s3_bucket_default_encryption_kms"))
                && f.resources().iter().any(|r| r.id.as_deref() == Some("arn:aws:s3:::wasp-hub-bucket"))
        })
        .expect("the bucket's finding");
    assert_eq!(failed.aws_account_id.as_deref(), Some(ACCOUNT_ID));
    assert_eq!(
        failed.compliance.as_ref().and_then(|c| c.status.as_ref()).map(|s| s.as_str()),
        Some("FAILED"),
        "{failed:?}"
    );
    // A second import updates the same findings instead of adding copies.
    let run = run_json(wasp().args(args).arg("--security-hub"));
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let second = imported();
    let ids = |list: &[aws_sdk_securityhub::types::AwsSecurityFinding]| {
        list.iter().filter_map(|f| f.id.clone()).collect::<BTreeSet<_>>()
    };
    assert_eq!(ids(&second), ids(&first));
}
