//! IAM judgement end to end against moto: `wasp scan` reads users, roles and policies from a
//! seeded account and the policy engine finds what no single policy shows.
#[path = "../../collect/tests/support/mod.rs"]
mod support;

use assert_cmd::Command;
use serde_json::Value;
use std::time::Duration;
use support::{Moto, ACCOUNT_ID};

const REGION: &str = "us-east-1";

/// One review database for this test binary, never the user's.
fn test_db() -> std::path::PathBuf {
    static DIR: std::sync::OnceLock<tempfile::TempDir> = std::sync::OnceLock::new();
    DIR.get_or_init(|| tempfile::tempdir().unwrap()).path().join("reviews.db")
}

fn wasp() -> Command {
    let mut cmd = Command::cargo_bin("wasp").unwrap();
    cmd.env("AWS_ACCESS_KEY_ID", "testing")
        .env("AWS_SECRET_ACCESS_KEY", "testing")
        .env_remove("AWS_SESSION_TOKEN")
        .env_remove("AWS_PROFILE")
        .env_remove("AWS_ENDPOINT_URL")
        .env("AWS_REGION", REGION)
        .env("AWS_CONFIG_FILE", "/nonexistent/wasp-test-config")
        .env("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/wasp-test-credentials")
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .env("NO_COLOR", "1")
        .env("WASP_DB", test_db())
        .timeout(Duration::from_secs(300));
    cmd
}

fn block_on<F: std::future::Future>(future: F) -> F::Output {
    tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap().block_on(future)
}

fn role_arn(name: &str) -> String {
    format!("arn:aws:iam::{ACCOUNT_ID}:role/{name}")
}

fn trust(service: &str) -> String {
    format!(
        r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Allow","Principal":{{"Service":"{service}"}},"Action":"sts:AssumeRole"}}]}}"#
    )
}

/// An administrator role Lambda may assume; `deployer`, whose managed policy lets it pass that
/// role and create functions and whose inline policy lets it invoke them; and `builder`, with
/// the managed policy alone.
fn seed(moto: &Moto) {
    block_on(async {
        let iam = aws_sdk_iam::Client::new(&moto.sdk_config(REGION).await);
        let everything = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"#;
        let admin = iam.create_policy().policy_name("everything").policy_document(everything).send().await.unwrap();
        let admin = admin.policy.unwrap().arn.unwrap();
        iam.create_role()
            .role_name("lambda-admin")
            .assume_role_policy_document(trust("lambda.amazonaws.com"))
            .send()
            .await
            .unwrap();
        iam.attach_role_policy().role_name("lambda-admin").policy_arn(&admin).send().await.unwrap();

        let deploy = format!(
            r#"{{"Version":"2012-10-17","Statement":[{{"Sid":"PassLambdaRoles","Effect":"Allow","Action":"iam:PassRole","Resource":"{}"}},{{"Sid":"CreateFunctions","Effect":"Allow","Action":"lambda:CreateFunction","Resource":"*"}}]}}"#,
            role_arn("lambda-admin")
        );
        let deploy = iam.create_policy().policy_name("deploy-functions").policy_document(deploy).send().await.unwrap();
        let deploy = deploy.policy.unwrap().arn.unwrap();
        for name in ["deployer", "builder"] {
            iam.create_role()
                .role_name(name)
                .assume_role_policy_document(trust("ec2.amazonaws.com"))
                .send()
                .await
                .unwrap();
            iam.attach_role_policy().role_name(name).policy_arn(&deploy).send().await.unwrap();
        }
        let invoke = r#"{"Version":"2012-10-17","Statement":[{"Sid":"RunThem","Effect":"Allow","Action":"lambda:InvokeFunction","Resource":"*"}]}"#;
        iam.put_role_policy().role_name("deployer").policy_name("invoke").policy_document(invoke).send().await.unwrap();
    });
}

fn finding<'a>(review: &'a Value, check: &str, arn: &str) -> &'a Value {
    let found: Vec<&Value> = review["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["check_id"] == check && f["resource_arn"] == arn)
        .collect();
    assert_eq!(found.len(), 1, "{check} on {arn}: {found:#?}");
    found[0]
}

#[test]
fn an_escalation_split_across_a_managed_and_an_inline_policy_is_found() {
    let moto = Moto::start();
    seed(&moto);
    let out = wasp()
        .args(["scan", "--endpoint-url", &moto.endpoint, "--regions", REGION, "--services", "iam,organizations"])
        .args(["--format", "json", "--no-store"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    let review: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("no JSON ({e}): {stderr}"));

    // PassRole and CreateFunction come from the managed policy, InvokeFunction from the
    // inline one: together they run code as the administrator role.
    let deployer = finding(&review, "iam_principal_privilege_escalation", &role_arn("deployer"));
    assert_eq!(deployer["status"], "FAIL", "{deployer:#}");
    let message = deployer["message"].as_str().unwrap();
    for part in
        ["iam:PassRole", "lambda:CreateFunction", "lambda:InvokeFunction", "deploy-functions", "invoke", "lambda-admin"]
    {
        assert!(message.contains(part), "{part} missing from: {message}");
    }
    // The managed policy alone creates functions but cannot run them.
    let builder = finding(&review, "iam_principal_privilege_escalation", &role_arn("builder"));
    assert_eq!(builder["status"], "PASS", "{builder:#}");

    // moto keeps no service last accessed data: a gap, so a SKIP, never "unused".
    let unused = finding(&review, "iam_principal_unused_services", &role_arn("deployer"));
    assert_eq!(unused["status"], "SKIP", "{unused:#}");
    assert!(unused["message"].as_str().unwrap().contains("GenerateServiceLastAccessedDetails"), "{unused:#}");
    // It does keep RoleLastUsed: a role created a moment ago is not unused yet.
    let idle = finding(&review, "iam_role_unused", &role_arn("builder"));
    assert_eq!(idle["status"], "PASS", "{idle:#}");
}

#[test]
fn iam_can_and_escalations_ask_the_live_account() {
    let moto = Moto::start();
    seed(&moto);
    block_on(async {
        let s3 = aws_sdk_s3::Client::new(&moto.sdk_config(REGION).await);
        s3.create_bucket().bucket("vault").send().await.unwrap();
        let shut = r#"{"Version":"2012-10-17","Statement":[{"Sid":"NoReads","Effect":"Deny","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::vault/*"}]}"#;
        s3.put_bucket_policy().bucket("vault").policy(shut).send().await.unwrap();
    });
    let live = ["--endpoint-url", moto.endpoint.as_str(), "--region", REGION];

    let out = wasp()
        .args(["iam", "can"])
        .args(live)
        .args(["deployer", "iam:PassRole", &role_arn("lambda-admin")])
        .output()
        .unwrap();
    let (stdout, stderr) = (String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(stdout.contains(&format!("iam:PassRole on {}: allowed", role_arn("lambda-admin"))), "{stdout}");
    assert!(stdout.contains("PassLambdaRoles"), "the granting statement is named: {stdout}");
    assert!(stderr.contains("reading iam, organizations from the account (read-only)"), "{stderr}");

    // The bucket's policy is read from the account and its deny decides.
    let out = wasp()
        .args(["iam", "can"])
        .args(live)
        .args(["deployer", "s3:GetObject", "arn:aws:s3:::vault/a"])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("s3:GetObject on arn:aws:s3:::vault/a: denied"), "{stdout}");
    assert!(stdout.contains("NoReads"), "{stdout}");

    let out = wasp().args(["iam", "escalations", "--format", "json"]).args(live).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    let found: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("no JSON ({e}): {stderr}"));
    let deployer: Vec<&Value> =
        found.as_array().unwrap().iter().filter(|e| e["principal"] == role_arn("deployer")).collect();
    assert!(
        deployer
            .iter()
            .any(|e| e["path"].as_str().unwrap().contains("lambda") && e.to_string().contains("lambda-admin")),
        "{found:#}"
    );
}
