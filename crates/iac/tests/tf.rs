//! Terraform source (with a local module and tfvars) and a real plan: the same
//! misconfigurations as the CloudFormation fixture, with the same check ids.
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use wasp_checks::{Finding, Selection, Settings, Status};
use wasp_iac::{check_files, discover, Checked, Options};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tf")
}

fn run(path: &Path, opts: &Options) -> Vec<(PathBuf, Checked)> {
    check_files(&discover(&[path.to_path_buf()]), opts, &Selection::default(), &Settings::default())
}

fn findings(results: &[(PathBuf, Checked)]) -> Vec<Finding> {
    results
        .iter()
        .filter_map(|(_, c)| match c {
            Checked::Template(_, e) => Some(e.findings.clone()),
            _ => None,
        })
        .flatten()
        .collect()
}

fn about<'a>(all: &'a [Finding], check: &str, address: &str) -> &'a Finding {
    all.iter()
        .find(|f| f.check_id == check && f.location.as_ref().is_some_and(|l| l.logical_id == address))
        .unwrap_or_else(|| {
            panic!(
                "no {check} about {address}: {:#?}",
                all.iter().map(|f| (&f.check_id, &f.location, f.status)).collect::<Vec<_>>()
            )
        })
}

fn assert_same_misconfigurations(all: &[Finding], plan: bool) {
    let bucket = "module.storage.aws_s3_bucket.this";
    assert_eq!(about(all, "s3_bucket_public_access_block_enabled", bucket).status, Status::Fail);
    if !plan {
        // In a plan the policy is known only after apply (it names the bucket's ARN).
        assert_eq!(about(all, "s3_bucket_policy_not_public", bucket).status, Status::Fail);
    }
    let sg = about(all, "ec2_security_group_admin_ports_restricted", "aws_security_group.web");
    assert_eq!(sg.status, Status::Fail, "{sg:?}");
    assert_eq!(about(all, "ec2_ebs_volume_encrypted", "aws_ebs_volume.data").status, Status::Fail);
    assert_eq!(about(all, "iam_principal_privilege_escalation", "aws_iam_role.app").status, Status::Fail);
    assert_eq!(about(all, "sqs_queue_encrypted_at_rest", "aws_sqs_queue.queues[1]").status, Status::Fail);
}

#[test]
fn terraform_source_with_module_and_tfvars() {
    let results = run(&fixtures().join("root"), &Options::default());
    let all = findings(&results);
    assert_same_misconfigurations(&all, false);
    // A value that depends on an unset variable is SKIP, naming it.
    let unknown = about(&all, "ec2_ebs_volume_encrypted", "aws_ebs_volume.unknown");
    assert_eq!(unknown.status, Status::Skip);
    assert!(unknown.message.contains("var.unset_flag"), "{}", unknown.message);
    // Locations are the resource blocks in their own files.
    let loc = about(&all, "ec2_ebs_volume_encrypted", "aws_ebs_volume.data").location.clone().unwrap();
    assert!(loc.file.ends_with("root/main.tf"));
    assert_eq!(loc.line, Some(43), "points at `encrypted`");
    let bucket = about(&all, "s3_bucket_public_access_block_enabled", "module.storage.aws_s3_bucket.this");
    assert!(bucket.location.as_ref().unwrap().file.ends_with("modules/storage/main.tf"));
    assert_eq!(bucket.resource_arn.as_deref(), Some("arn:aws:s3:::dev-app-public"));
    let muted = about(&all, "sqs_queue_encrypted_at_rest", "aws_sqs_queue.ignored");
    assert_eq!(muted.status, Status::Muted);
}

#[test]
fn var_overrides_tfvars() {
    let opts = Options {
        vars: BTreeMap::from([("encrypt_data".to_owned(), "true".to_owned()), ("unset_flag".into(), "true".into())]),
        ..Options::default()
    };
    let all = findings(&run(&fixtures().join("root"), &opts));
    assert_eq!(about(&all, "ec2_ebs_volume_encrypted", "aws_ebs_volume.data").status, Status::Pass);
    assert_eq!(about(&all, "ec2_ebs_volume_encrypted", "aws_ebs_volume.unknown").status, Status::Pass);
}

#[test]
fn terraform_plan_json() {
    let results = run(&fixtures().join("plan.json"), &Options::default());
    let all = findings(&results);
    assert_same_misconfigurations(&all, true);
    let policy = about(&all, "s3_bucket_policy_not_public", "module.storage.aws_s3_bucket.this");
    assert_eq!(policy.status, Status::Skip, "{policy:?}");
    assert!(policy.message.contains("after apply"), "{}", policy.message);
}

#[test]
fn malformed_hcl_and_module_cycles() {
    let results = run(&fixtures(), &Options::default());
    let bad = results.iter().find_map(|(_, c)| match c {
        Checked::Malformed(e) if e.file.ends_with("bad.tf") => Some(e.clone()),
        _ => None,
    });
    let bad = bad.expect("bad.tf is reported");
    assert!(bad.line.is_some(), "{bad}");
    // The good modules are still checked; the cycle a → b → a ends.
    let all = findings(&results);
    assert!(all.iter().any(|f| f.location.as_ref().is_some_and(|l| l.logical_id == "aws_ebs_volume.a")));
    assert!(all.iter().any(|f| f.location.as_ref().is_some_and(|l| l.logical_id == "module.a.aws_ebs_volume.a")));
    assert!(!all.iter().any(|f| f.location.as_ref().is_some_and(|l| l.logical_id.contains("module.b.module.a."))));
}
