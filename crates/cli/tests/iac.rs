//! `wasp iac` end to end: the same checks on templates, exit codes, locations in SARIF, and bad
//! input as one sentence.
use assert_cmd::Command;
use serde_json::Value;
use std::path::PathBuf;

fn fixture(path: &str) -> String {
    let full = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../iac/tests/fixtures").join(path);
    full.to_str().unwrap().to_owned()
}

fn wasp(args: &[&str]) -> std::process::Output {
    Command::cargo_bin("wasp").unwrap().env("NO_COLOR", "1").arg("iac").args(args).output().unwrap()
}

#[test]
fn findings_at_the_threshold_exit_1_and_clean_runs_exit_0() {
    let vulnerable = fixture("cfn/vulnerable.yaml");
    let out = wasp(&[&vulnerable, "--fail-on", "high"]);
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("FAIL") && text.contains("ec2_security_group_admin_ports_restricted"), "{text}");
    // Without a threshold, findings are reported and the run is clean.
    assert_eq!(wasp(&[&vulnerable]).status.code(), Some(0));
    // The compliant template fails nothing high or above.
    assert_eq!(wasp(&[&fixture("cfn/compliant.json"), "--fail-on", "high"]).status.code(), Some(0));
}

#[test]
fn sarif_results_point_at_file_line_and_column() {
    let vulnerable = fixture("cfn/vulnerable.yaml");
    let out = wasp(&[&vulnerable, "--format", "sarif"]);
    let sarif: Value = serde_json::from_slice(&out.stdout).unwrap();
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    assert!(!results.is_empty());
    for r in results {
        let location = &r["locations"][0]["physicalLocation"];
        assert!(location["artifactLocation"]["uri"].as_str().unwrap().ends_with("vulnerable.yaml"), "{r:#}");
        assert!(location["region"]["startLine"].as_u64().unwrap() >= 1, "{r:#}");
        assert!(location["region"]["startColumn"].as_u64().unwrap() >= 1, "{r:#}");
    }
}

#[test]
fn terraform_source_and_plans_get_the_same_check_ids() {
    let source = wasp(&[&fixture("tf/root"), "--format", "json"]);
    assert!(source.status.success(), "{}", String::from_utf8_lossy(&source.stderr));
    let review: Value = serde_json::from_slice(&source.stdout).unwrap();
    let ids: Vec<&str> =
        review["findings"].as_array().unwrap().iter().map(|f| f["check_id"].as_str().unwrap()).collect();
    assert!(ids.iter().any(|id| id.starts_with("s3_bucket")), "{ids:?}");
    let plan = wasp(&[&fixture("tf/plan.json"), "--format", "json"]);
    assert!(plan.status.success(), "{}", String::from_utf8_lossy(&plan.stderr));
}

#[test]
fn bad_input_is_one_sentence_and_exit_2() {
    for (path, says) in [
        ("/nonexistent/template.yaml".to_owned(), "does not exist"),
        (fixture("cfn/malformed.yaml"), "malformed.yaml:7:1"),
        (fixture("cfn/not-a-template.yaml"), "no template could be read"),
    ] {
        let out = wasp(&[&path]);
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert_eq!(out.status.code(), Some(2), "{path}: {stderr}");
        assert!(stderr.contains(says), "{path}: {stderr}");
        assert!(!stderr.contains("panicked"), "{stderr}");
    }
}
