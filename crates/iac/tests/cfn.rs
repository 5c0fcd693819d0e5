//! CloudFormation templates through the checks: ids, statuses and locations.
use std::path::{Path, PathBuf};
use wasp_checks::{Finding, Selection, Settings, Status};
use wasp_iac::{evaluate, load, Options, Outcome, Unit};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
}

fn unit(name: &str) -> Unit {
    match load(&fixture(name), &Options::default()) {
        Outcome::Template(u) => *u,
        other => panic!("{name}: {other:?}"),
    }
}

fn findings(name: &str) -> Vec<Finding> {
    evaluate(&unit(name), &Selection::default(), &Settings::default()).findings
}

/// The finding of a check about a logical id.
fn about<'a>(findings: &'a [Finding], check: &str, logical: &str) -> &'a Finding {
    findings
        .iter()
        .find(|f| f.check_id == check && f.location.as_ref().is_some_and(|l| l.logical_id == logical))
        .unwrap_or_else(|| panic!("no {check} finding about {logical}: {findings:#?}"))
}

#[test]
fn vulnerable_yaml_fails_at_the_right_lines() {
    let all = findings("cfn/vulnerable.yaml");
    let policy = about(&all, "s3_bucket_policy_not_public", "PublicBucket");
    assert_eq!(policy.status, Status::Fail, "{policy:?}");
    // The bucket's name is fixed by the template, so its ARN is known.
    assert_eq!(policy.resource_arn.as_deref(), Some("arn:aws:s3:::dev-public-assets"));
    let pab = about(&all, "s3_bucket_public_access_block_enabled", "PublicBucket");
    assert_eq!(pab.status, Status::Fail);
    let loc = pab.location.as_ref().unwrap();
    assert_eq!((loc.line, loc.column), (Some(20), Some(7)), "points at PublicAccessBlockConfiguration");

    let ssh = about(&all, "ec2_security_group_admin_ports_restricted", "WebGroup");
    assert_eq!(ssh.status, Status::Fail, "{ssh:?}");
    assert!(ssh.message.contains("22"), "{}", ssh.message);
    assert_eq!(ssh.resource_arn, None, "a security group's id is assigned at deployment");
    assert_eq!(ssh.location.as_ref().unwrap().line, Some(36));

    let volume = about(&all, "ec2_ebs_volume_encrypted", "DataVolume");
    assert_eq!(volume.status, Status::Fail, "Env defaults to dev, so !If picks false");
    assert_eq!(volume.location.as_ref().unwrap().line, Some(54), "points at Encrypted");
    let unknown = about(&all, "ec2_ebs_volume_encrypted", "UnknownVolume");
    assert_eq!(unknown.status, Status::Skip, "AdminCidr has no value");
    assert!(unknown.message.contains("AdminCidr"), "{}", unknown.message);

    let escalation = about(&all, "iam_principal_privilege_escalation", "AppRole");
    assert_eq!(escalation.status, Status::Fail, "{escalation:?}");
    let admin_policy = about(&all, "iam_customer_policy_no_full_admin", "EscalatePolicy");
    assert_eq!(admin_policy.status, Status::Pass);

    for (check, logical) in [
        ("sqs_queue_encrypted_at_rest", "Queue"),
        ("dynamodb_table_pitr_enabled", "Table"),
        ("dynamodb_table_deletion_protection_enabled", "Table"),
        ("kms_key_rotation_enabled", "Key"),
        ("rds_instance_not_publicly_accessible", "Database"),
        ("rds_instance_storage_encrypted", "Database"),
        ("cloudtrail_log_file_validation_enabled", "Trail"),
        ("lambda_function_url_auth_required", "Function"),
        ("lambda_function_policy_not_public", "Function"),
        ("lambda_function_runtime_supported", "Function"),
        ("sns_topic_encrypted_at_rest", "Topic"),
    ] {
        assert_eq!(about(&all, check, logical).status, Status::Fail, "{check} {logical}");
    }
    let muted = about(&all, "sqs_queue_encrypted_at_rest", "Imported");
    assert_eq!(muted.status, Status::Muted);
    assert_eq!(muted.suppression.as_ref().unwrap().reason, "the queue carries public data only");
}

#[test]
fn account_level_checks_never_run_on_templates() {
    let all = findings("cfn/vulnerable.yaml");
    for id in ["iam_root_mfa_enabled", "guardduty_enabled", "iam_password_policy_minimum_length"] {
        assert!(all.iter().all(|f| f.check_id != id), "{id} ran on a template");
    }
    let account = wasp_checks::CHECKS.iter().filter(|c| c.meta().resource_kind == "account");
    assert!(account.clone().count() > 5);
    assert!(account.into_iter().all(|c| !wasp_iac::applies_to_templates(c.meta())));
    // A certificate's expiry is AWS's, never the template's.
    let certificate = wasp_checks::find("rds_instance_certificate_valid").unwrap();
    assert!(!wasp_iac::applies_to_templates(certificate.meta()));
    assert!(wasp_iac::applies_to_templates(wasp_checks::find("rds_instance_storage_encrypted").unwrap().meta()));
}

#[test]
fn compliant_json_passes() {
    let all = findings("cfn/compliant.json");
    let failed: Vec<_> = all
        .iter()
        .filter(|f| f.status == Status::Fail)
        .filter(|f| {
            // Access logging and MFA delete are not set up in this template on purpose.
            !matches!(f.check_id.as_str(), "s3_bucket_mfa_delete_enabled" | "kms_key_policy_no_untrusted_access")
        })
        .collect();
    assert!(failed.is_empty(), "{failed:#?}");
    let secure = about(&all, "s3_bucket_secure_transport_required", "LogsBucket");
    assert_eq!(secure.status, Status::Pass, "{secure:?}");
    assert_eq!(about(&all, "ec2_security_group_admin_ports_restricted", "WebGroup").status, Status::Pass);
    assert_eq!(about(&all, "rds_instance_not_publicly_accessible", "Database").status, Status::Pass);
    assert_eq!(about(&all, "dynamodb_table_encrypted_with_kms", "Table").status, Status::Pass);
}

#[test]
fn sam_functions_take_globals() {
    let all = findings("cfn/sam.yaml");
    assert_eq!(about(&all, "lambda_function_runtime_supported", "Api").status, Status::Fail);
    assert_eq!(about(&all, "lambda_function_runtime_supported", "Worker").status, Status::Pass);
    assert_eq!(about(&all, "lambda_function_url_auth_required", "Api").status, Status::Fail);
    assert_eq!(about(&all, "dynamodb_table_pitr_enabled", "Sessions").status, Status::Fail);
}

#[test]
fn parameters_override_defaults() {
    let mut opts = Options::default();
    opts.parameters.insert("Env".into(), "prod".into());
    opts.parameters.insert("AdminCidr".into(), "10.0.0.0/8".into());
    let Outcome::Template(u) = load(&fixture("cfn/vulnerable.yaml"), &opts) else { panic!() };
    let all = evaluate(&u, &Selection::default(), &Settings::default()).findings;
    assert_eq!(about(&all, "ec2_ebs_volume_encrypted", "DataVolume").status, Status::Pass);
    assert_eq!(about(&all, "ec2_ebs_volume_encrypted", "UnknownVolume").status, Status::Pass);
    assert_eq!(
        about(&all, "s3_bucket_policy_not_public", "PublicBucket").resource_arn.as_deref(),
        Some("arn:aws:s3:::prod-public-assets")
    );
}

#[test]
fn malformed_and_foreign_files_are_told_apart() {
    match load(&fixture("cfn/malformed.yaml"), &Options::default()) {
        Outcome::Malformed(e) => {
            assert!(e.file.ends_with("malformed.yaml"));
            assert!(e.line.is_some() && e.column.is_some(), "{e}");
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(load(&fixture("cfn/not-a-template.yaml"), &Options::default()), Outcome::NotTemplate(_)));
}

#[test]
fn yaml_alias_bombs_and_deep_nesting_fail_fast() {
    let mut bomb = String::from("AWSTemplateFormatVersion: x\nResources: {}\na: &a [x, x, x, x, x, x, x, x, x, x]\n");
    let mut prev = 'a';
    for c in 'b'..='p' {
        bomb.push_str(&format!(
            "{c}: &{c} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"
        ));
        prev = c;
    }
    let start = std::time::Instant::now();
    assert!(matches!(wasp_iac::load_text("bomb.yaml", &bomb, &Options::default()), Outcome::Malformed(_)));
    eprintln!("bomb {:?}", start.elapsed());
    let deep = format!("AWSTemplateFormatVersion: x\nResources: {}{}\n", "[".repeat(100_000), "]".repeat(100_000));
    assert!(matches!(wasp_iac::load_text("deep.yaml", &deep, &Options::default()), Outcome::Malformed(_)));
    eprintln!("deep yaml {:?}", start.elapsed());
    let deep_json =
        format!("{{\"AWSTemplateFormatVersion\": 1, \"Resources\": {}{}}}", "[".repeat(100_000), "]".repeat(100_000));
    assert!(matches!(wasp_iac::load_text("deep.json", &deep_json, &Options::default()), Outcome::Malformed(_)));
    assert!(start.elapsed().as_secs() < 10);
}

#[test]
fn recursive_conditions_are_unknown() {
    let text = "AWSTemplateFormatVersion: x\nConditions:\n  A: !Condition B\n  B: !Not [!Condition A]\nResources:\n  \
                V:\n    Type: AWS::EC2::Volume\n    Properties:\n      Encrypted: !If [A, true, false]\n";
    let Outcome::Template(u) = wasp_iac::load_text("loop.yaml", text, &Options::default()) else { panic!() };
    let all = evaluate(&u, &Selection::default(), &Settings::default()).findings;
    let v = about(&all, "ec2_ebs_volume_encrypted", "V");
    assert_eq!(v.status, Status::Skip);
    assert!(v.message.contains("refers to itself"), "{}", v.message);
}

/// The same misconfiguration in a live inventory (hand-built, as collection would fill it)
/// and in a template gives the same check id and status.
#[test]
fn same_check_ids_as_live() {
    use wasp_model::ec2::{Protocol, SecurityGroup, SgRule, Volume};
    let mut live = wasp_model::Inventory::new("111122223333", chrono::Utc::now());
    live.ec2.volumes.push(Volume {
        arn: "arn:aws:ec2:us-east-1:111122223333:volume/vol-1".into(),
        id: "vol-1".into(),
        region: "us-east-1".into(),
        encrypted: Some(false),
        ..Default::default()
    });
    live.ec2.security_groups.push(SecurityGroup {
        arn: "arn:aws:ec2:us-east-1:111122223333:security-group/sg-1".into(),
        id: "sg-1".into(),
        name: "web".into(),
        region: "us-east-1".into(),
        ingress: vec![SgRule {
            protocol: Protocol::Tcp,
            from_port: Some(22),
            to_port: Some(22),
            source: "0.0.0.0/0".into(),
        }],
        ..Default::default()
    });
    let live_findings = wasp_checks::run(&live, &Selection::default(), &Settings::default());
    let iac = findings("cfn/vulnerable.yaml");
    for (check, logical) in
        [("ec2_ebs_volume_encrypted", "DataVolume"), ("ec2_security_group_admin_ports_restricted", "WebGroup")]
    {
        let l = live_findings.iter().find(|f| f.check_id == check).expect(check);
        assert_eq!(l.status, Status::Fail);
        assert_eq!(about(&iac, check, logical).status, l.status);
    }
}

mod fuzz {
    use proptest::prelude::*;
    use wasp_iac::{load_text, Options};

    proptest! {
        #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]
        /// Any text, and any mangling of a real template, loads without a panic.
        #[test]
        fn parsers_never_panic(text in ".{0,400}") {
            let _ = load_text("f.yaml", &format!("AWSTemplateFormatVersion: x\nResources:\n{text}"), &Options::default());
            let _ = load_text("f.json", &format!("{{\"Resources\": {text}"), &Options::default());
        }

        #[test]
        fn mangled_templates_never_panic(cut in 0usize..4000, insert in "[ !\\[\\]{}:&*-]{0,5}") {
            let text = include_str!("fixtures/cfn/vulnerable.yaml");
            let cut = cut.min(text.len());
            let cut = (0..=cut).rev().find(|i| text.is_char_boundary(*i)).unwrap_or(0);
            let mangled = format!("{}{insert}{}", &text[..cut], &text[cut..]);
            let _ = load_text("m.yaml", &mangled, &Options::default());
        }
    }
}
