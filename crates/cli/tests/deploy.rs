//! The batch-engine manifests in `deploy/` parse, carry the fields their engines require, and
//! run wasp with flags it has.
use assert_cmd::Command;
use serde::Deserialize;
use serde_json::Value;
use std::path::Path;

fn deploy(path: &str) -> String {
    let full = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../deploy").join(path);
    std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{}: {e}", full.display()))
}

fn help(command: &str) -> String {
    let out = Command::cargo_bin("wasp").unwrap().args([command, "--help"]).output().unwrap();
    String::from_utf8(out.stdout).unwrap()
}

/// Every `--flag` of `args` is one `wasp COMMAND --help` documents.
fn assert_flags_exist(args: &[String]) {
    let text = help(&args[0]);
    for flag in args.iter().filter(|a| a.starts_with("--")) {
        assert!(text.contains(flag.as_str()), "wasp {} has no {flag}", args[0]);
    }
}

fn strings(value: &Value) -> Vec<String> {
    value.as_array().unwrap().iter().map(|v| v.as_str().unwrap().to_owned()).collect()
}

fn shard_count(args: &[String]) -> u64 {
    let i = args.iter().position(|a| a == "--shard").expect("--shard");
    args[i + 1].parse().expect("--shard N, the index from the engine")
}

#[test]
fn the_kubernetes_jobs_are_an_indexed_scan_and_a_merge() {
    let docs: Vec<Value> = serde_yaml::Deserializer::from_str(&deploy("kubernetes/scan-job.yaml"))
        .map(|d| Value::deserialize(d).unwrap())
        .collect();
    let kind = |k: &str| docs.iter().find(|d| d["kind"] == k).unwrap_or_else(|| panic!("no {k}"));
    assert!(kind("ServiceAccount")["metadata"]["annotations"]["eks.amazonaws.com/role-arn"].is_string());
    let job = kind("Job");
    assert_eq!(job["apiVersion"], "batch/v1");
    assert_eq!(job["spec"]["completionMode"], "Indexed");
    let container = &job["spec"]["template"]["spec"]["containers"][0];
    let args = strings(&container["args"]);
    assert_eq!(args[0], "scan");
    assert!(args.contains(&"--organization".to_owned()));
    assert_eq!(job["spec"]["completions"].as_u64(), Some(shard_count(&args)), "completions equal N");
    assert_flags_exist(&args);
    assert_eq!(job["spec"]["template"]["spec"]["serviceAccountName"], "wasp");

    let merge: Value = serde_yaml::from_str(&deploy("kubernetes/merge-job.yaml")).unwrap();
    assert_eq!(merge["kind"], "Job");
    let args = strings(&merge["spec"]["template"]["spec"]["containers"][0]["args"]);
    assert_eq!(args[..2], ["review".to_owned(), "--snapshot".to_owned()]);
    assert_flags_exist(&args);
}

#[test]
fn the_aws_batch_definitions_are_an_array_scan_and_a_merge() {
    let defs: Value = serde_json::from_str(&deploy("aws-batch/job-definitions.json")).unwrap();
    for (name, first) in [("scan", "scan"), ("merge", "review")] {
        let def = &defs[name];
        assert!(def["jobDefinitionName"].is_string() && def["type"] == "container", "{name}");
        let props = &def["containerProperties"];
        assert!(props["image"].is_string() && props["resourceRequirements"].is_array(), "{name}");
        let command = strings(&props["command"]);
        assert_eq!(command[0], first);
        assert_flags_exist(&command);
    }
    let scan = strings(&defs["scan"]["containerProperties"]["command"]);
    assert!(shard_count(&scan) > 0);
    assert!(defs["scan"]["containerProperties"]["jobRoleArn"].is_string());
}

#[test]
fn the_image_is_static_and_runs_wasp() {
    let dockerfile = deploy("Dockerfile");
    assert!(dockerfile.contains("FROM scratch"), "a small static image");
    assert!(dockerfile.contains("ENTRYPOINT"), "the image runs wasp");
}
