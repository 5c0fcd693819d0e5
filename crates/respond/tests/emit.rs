//! Plans as code: each fix as the resource each language has for it, or as an Automation step;
//! every template parses, and wasp's own IaC reader judges what the templates declare.
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::path::PathBuf;
use wasp_checks::{Selection, Settings, Status};
use wasp_model::Inventory;
use wasp_respond::emit::{render, Emit};
use wasp_respond::{plan_fixes, FixFilter, Plan, FIXES};

fn inventory(body: Value) -> Inventory {
    let mut doc = json!({"schema_version": 1, "account_id": "123456789012", "collected_at": "2026-12-01T00:00:00Z", "regions": ["us-east-1"]});
    doc.as_object_mut().unwrap().extend(body.as_object().unwrap().clone());
    serde_json::from_value(doc).expect("inventory")
}

fn plan(inv: &Inventory, checks: &[&str], params: &[(&str, &str)]) -> Plan {
    let selection = Selection { check_ids: checks.iter().map(|c| c.to_string()).collect(), ..Default::default() };
    let findings = wasp_checks::run(inv, &selection, &Settings::default());
    let params: Vec<(String, String)> = params.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
    plan_fixes(inv, &findings, &FixFilter::default(), &params, &Settings::default(), "snapshot")
}

fn bucket(name: &str, region: &str, extra: Value) -> Value {
    let mut b = json!({"name": name, "arn": format!("arn:aws:s3:::{name}"), "region": region});
    b.as_object_mut().unwrap().extend(extra.as_object().unwrap().clone());
    b
}

/// An account in one region where every fix has something to do.
fn everything(region: &str) -> Inventory {
    let r = region;
    inventory(json!({
        "regions": [r],
        "s3": {
            "account_public_access_block": "not_configured",
            "buckets": [
                bucket("open", r, json!({"public_access_block": "not_configured"})),
                bucket("plain", r, json!({"policy": "not_configured", "encryption": "not_configured", "versioning": {"status": "never"}, "logging": "not_configured"})),
                bucket("shared", r, json!({"policy": {"configured": {"Version": "2012-10-17", "Statement": [{"Sid": "Keep", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::123456789012:root"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::shared/${aws:username}/*"}]}}})),
            ]
        },
        "ec2": {
            "ebs_defaults": {r: {"encryption_by_default": false}},
            "security_groups": [{"arn": format!("arn:aws:ec2:{r}:123456789012:security-group/sg-1"), "id": "sg-1", "name": "web", "region": r,
                "ingress": [{"protocol": "tcp", "from_port": 22, "to_port": 22, "source": "0.0.0.0/0"}]}],
            "instances": [{"arn": format!("arn:aws:ec2:{r}:123456789012:instance/i-1"), "id": "i-1", "region": r, "state": "running", "metadata_http_tokens": "optional", "metadata_endpoint": "enabled"}],
        },
        "kms": {"keys": [{"arn": format!("arn:aws:kms:{r}:123456789012:key/k"), "id": "k", "region": r, "manager": "CUSTOMER", "state": "Enabled", "spec": "SYMMETRIC_DEFAULT", "origin": "AWS_KMS", "rotation_enabled": false}]},
        "cloudtrail": {"trails": [{"arn": format!("arn:aws:cloudtrail:{r}:123456789012:trail/main"), "name": "main", "region": r, "log_file_validation": false}]},
        "iam": {
            "password_policy": "not_configured",
            "users": [{"name": "idle", "arn": "arn:aws:iam::123456789012:user/idle", "access_keys": [{"id": "AKIAIDLE", "active": true, "created": "2025-01-01T00:00:00Z", "last_used": "2025-02-01T00:00:00Z"}]}],
        },
        "detection": {
            "guardduty": {r: {"detectors": []}},
            "securityhub": {r: "not_configured"},
            "config": {r: {"recorders": [], "delivery_channels": []}},
            "access_analyzer": {r: {"analyzers": []}},
        },
    }))
}

/// Every check a fix remediates, once.
fn fixable_checks() -> Vec<&'static str> {
    let mut all: Vec<&str> = FIXES.iter().flat_map(|a| a.remediates.iter().copied()).collect();
    all.sort_unstable();
    all.dedup();
    all
}

fn everything_planned(region: &str) -> Plan {
    let p = plan(&everything(region), &fixable_checks(), &[("log_bucket", "logs"), ("config_bucket", "config-logs")]);
    assert!(p.steps.iter().all(|s| s.blocked.is_none()), "{}", p.to_json());
    p
}

fn yaml(text: &str) -> Value {
    let v: serde_yaml::Value = serde_yaml::from_str(text).unwrap_or_else(|e| panic!("not YAML: {e}\n{text}"));
    serde_json::to_value(v).unwrap()
}

/// The Terraform resource types of a configuration, by the step comment above them.
fn tf_types(text: &str) -> Vec<String> {
    let body: hcl::Body = hcl::from_str(text).unwrap_or_else(|e| panic!("not HCL: {e}\n{text}"));
    body.blocks().filter(|b| b.identifier() == "resource").map(|b| b.labels()[0].as_str().to_owned()).collect()
}

/// What each language makes of each fix: its resource types, or `ssm` for the Automation
/// document. Every fix is listed.
#[test]
fn each_fix_is_a_native_resource_where_the_language_has_one_and_automation_elsewhere() {
    let table: &[(&str, &[&str], &[&str])] = &[
        ("s3_account_block_public_access", &["aws_s3_account_public_access_block"], &["ssm"]),
        ("s3_bucket_block_public_access", &["aws_s3_bucket_public_access_block"], &["ssm"]),
        ("s3_bucket_require_tls", &["aws_s3_bucket_policy"], &["AWS::S3::BucketPolicy"]),
        ("s3_bucket_default_encryption", &["aws_s3_bucket_server_side_encryption_configuration"], &["ssm"]),
        ("s3_bucket_enable_versioning", &["aws_s3_bucket_versioning"], &["ssm"]),
        ("s3_bucket_enable_access_logging", &["aws_s3_bucket_logging"], &["ssm"]),
        ("ec2_enable_ebs_encryption_by_default", &["aws_ebs_encryption_by_default"], &["ssm"]),
        ("ec2_restrict_internet_ingress", &["ssm"], &["ssm"]),
        ("ec2_require_imdsv2", &["ssm"], &["ssm"]),
        ("kms_enable_key_rotation", &["ssm"], &["ssm"]),
        ("cloudtrail_enable_log_file_validation", &["ssm"], &["ssm"]),
        ("guardduty_enable", &["aws_guardduty_detector"], &["AWS::GuardDuty::Detector"]),
        ("securityhub_enable", &["aws_securityhub_account"], &["AWS::SecurityHub::Hub"]),
        (
            "config_start_recording",
            &[
                "aws_config_configuration_recorder",
                "aws_config_delivery_channel",
                "aws_config_configuration_recorder_status",
            ],
            &["AWS::Config::ConfigurationRecorder", "AWS::Config::DeliveryChannel"],
        ),
        ("accessanalyzer_enable", &["aws_accessanalyzer_analyzer"], &["AWS::AccessAnalyzer::Analyzer"]),
        ("iam_strengthen_password_policy", &["aws_iam_account_password_policy"], &["ssm"]),
        ("iam_deactivate_unused_access_keys", &["ssm"], &["ssm"]),
    ];
    assert_eq!(table.len(), FIXES.len(), "every fix is in the table");
    let full = everything_planned("eu-west-1");
    for (action, tf, cfn) in table {
        let steps: Vec<_> = full.steps.iter().filter(|s| s.action == *action).cloned().collect();
        // The TLS step of the bucket without a policy (a stack cannot take over an existing one).
        let steps = if *action == "s3_bucket_require_tls" {
            vec![steps.into_iter().find(|s| s.current.is_null()).unwrap()]
        } else {
            steps
        };
        assert_eq!(steps.len(), 1, "{action}: {}", full.to_json());
        let one = Plan { steps, unplanned: vec![], ..full.clone() };

        let terraform = render(Emit::Terraform, &one).unwrap();
        let mut types = tf_types(&terraform);
        types.retain(|t| t != "aws_ssm_document");
        let expected: Vec<&str> = tf.iter().copied().filter(|t| *t != "ssm").collect();
        assert_eq!(types, expected, "{action}:\n{terraform}");
        assert_eq!(terraform.contains("resource \"aws_ssm_document\""), tf == &["ssm"], "{action}:\n{terraform}");

        let template = yaml(&render(Emit::CloudFormation, &one).unwrap());
        let resources = template["Resources"].as_object().unwrap();
        let mut types: Vec<&str> = resources.values().map(|r| r["Type"].as_str().unwrap()).collect();
        let automated = types.contains(&"AWS::SSM::Document");
        types.retain(|t| *t != "AWS::SSM::Document");
        types.sort_unstable();
        let mut expected: Vec<&str> = cfn.iter().copied().filter(|t| *t != "ssm").collect();
        expected.sort_unstable();
        assert_eq!(types, expected, "{action}: {template:#}");
        assert_eq!(automated, cfn == &["ssm"], "{action}");
        if automated {
            assert_eq!(template["Outputs"]["AutomationDocument"]["Value"], json!({"Ref": "WaspAutomation"}));
        }
    }
}

/// `WASP_EMIT_SHOW=DIR` writes the three templates of the whole plan there, to read them.
#[test]
fn the_whole_plan_in_each_language() {
    let p = everything_planned("eu-west-1");
    let outputs =
        [(Emit::Terraform, "wasp.tf"), (Emit::CloudFormation, "wasp.cfn.yaml"), (Emit::SsmAutomation, "wasp.ssm.yaml")];
    for (kind, file) in outputs {
        let text = render(kind, &p).unwrap();
        assert!(text.contains("s17 (s3_bucket_versioning_enabled)"), "{kind:?}: every step is named");
        if let Some(dir) = std::env::var_os("WASP_EMIT_SHOW") {
            std::fs::write(PathBuf::from(dir).join(file), text).unwrap();
        }
    }
}

#[test]
fn the_automation_document_has_valid_step_names_an_abort_each_and_every_undo() {
    let p = everything_planned("eu-west-1");
    let text = render(Emit::SsmAutomation, &p).unwrap();
    let doc = yaml(&text);
    assert_eq!(doc["schemaVersion"], "0.3");
    assert_eq!(doc["assumeRole"], "{{ AutomationAssumeRole }}");
    let steps = doc["mainSteps"].as_array().unwrap();
    let calls: usize = p.steps.iter().map(|s| s.calls.len()).sum();
    assert_eq!(steps.len(), calls);
    let mut names: Vec<&str> = steps.iter().map(|s| s["name"].as_str().unwrap()).collect();
    for step in steps {
        let name = step["name"].as_str().unwrap();
        assert!(name.len() <= 128 && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-'), "{name}");
        assert_eq!(step["action"], "aws:executeAwsApi");
        assert_eq!(step["onFailure"], "Abort");
        assert!(!step["description"].as_str().unwrap().is_empty());
        assert!(step["inputs"]["Service"].is_string() && step["inputs"]["Api"].is_string());
    }
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), steps.len(), "step names are unique");
    let description = doc["description"].as_str().unwrap();
    for step in &p.steps {
        for undo in &step.rollback {
            assert!(
                description.contains(&format!("{} {}", undo.service, undo.operation)),
                "{}: {description}",
                step.name
            );
        }
    }
    // The parameters are the API's own: the security group's revoke keeps its rule list.
    let revoke = steps.iter().find(|s| s["inputs"]["Api"] == "RevokeSecurityGroupIngress").unwrap();
    assert_eq!(revoke["inputs"]["GroupId"], "sg-1");
    assert_eq!(revoke["inputs"]["IpPermissions"][0]["FromPort"], 22);
}

#[test]
fn outputs_passed_between_steps_become_automation_outputs() {
    let base = everything_planned("eu-west-1");
    let create = base.steps.iter().find(|s| s.action == "guardduty_enable").unwrap().clone();
    let mut update = create.clone();
    update.name = "s-2.x".into();
    update.calls = vec![wasp_respond::Call::new(
        "guardduty",
        "UpdateDetector",
        json!({"DetectorId": "{{s1.DetectorId}}", "Enable": true}),
    )];
    let mut first = create;
    first.name = "s1".into();
    let p = Plan { steps: vec![first, update], unplanned: vec![], ..base.clone() };
    let doc = yaml(&render(Emit::SsmAutomation, &p).unwrap());
    let steps = doc["mainSteps"].as_array().unwrap();
    assert_eq!(steps[0]["name"], "s1_1");
    assert_eq!(steps[0]["outputs"], json!([{"Name": "DetectorId", "Selector": "$.DetectorId", "Type": "String"}]));
    assert_eq!(steps[1]["name"], "s-2_x_1");
    assert_eq!(steps[1]["inputs"]["DetectorId"], "{{ s1_1.DetectorId }}");
    // A call using an output of its own step's earlier call: declared on that call.
    let mut own = p.clone();
    own.steps[0].calls.push(wasp_respond::Call::new(
        "guardduty",
        "UpdateDetector",
        json!({"DetectorId": "{{self.DetectorId}}", "Enable": true}),
    ));
    let doc = yaml(&render(Emit::SsmAutomation, &own).unwrap());
    let steps = doc["mainSteps"].as_array().unwrap();
    assert_eq!(steps[1]["name"], "s1_2");
    assert_eq!(steps[1]["inputs"]["DetectorId"], "{{ s1_1.DetectorId }}");
    assert_eq!(steps[0]["outputs"], json!([{"Name": "DetectorId", "Selector": "$.DetectorId", "Type": "String"}]));
    assert_eq!(
        steps[2]["inputs"]["DetectorId"], "{{ s1_2.DetectorId }}",
        "another step's reference is to its last call"
    );
    assert_eq!(steps[1]["outputs"][0]["Name"], "DetectorId");
    // Linked steps stay together in Automation, even the one a template could declare.
    let template = yaml(&render(Emit::CloudFormation, &p).unwrap());
    let types: Vec<&Value> = template["Resources"].as_object().unwrap().values().map(|r| &r["Type"]).collect();
    assert_eq!(types, [&json!("AWS::SSM::Document")]);
    let terraform = render(Emit::Terraform, &p).unwrap();
    assert_eq!(tf_types(&terraform), ["aws_ssm_document"]);
    // A step needing the output of a blocked step is left out with it.
    let mut blocked = p.clone();
    blocked.steps[0].blocked = Some("needs --param x=Y".into());
    let err = render(Emit::SsmAutomation, &blocked).unwrap_err();
    assert!(err.contains("blocked"), "{err}");
    let terraform = render(Emit::Terraform, &blocked).unwrap();
    assert!(
        terraform.contains("needs --param x=Y") && terraform.contains("needs the output of step s1"),
        "{terraform}"
    );
}

#[test]
fn blocked_steps_are_left_out_naming_what_they_need() {
    let inv = inventory(json!({"s3": {"buckets": [
        bucket("a", "us-east-1", json!({"logging": "not_configured"})),
        bucket("b", "us-east-1", json!({"versioning": {"status": "never"}})),
    ]}}));
    let p = plan(&inv, &["s3_bucket_access_logging_enabled", "s3_bucket_versioning_enabled"], &[]);
    assert_eq!(p.steps.len(), 2);
    for kind in [Emit::Terraform, Emit::CloudFormation, Emit::SsmAutomation] {
        let text = render(kind, &p).unwrap();
        assert!(text.contains("Left out (1)") && text.contains("needs --param log_bucket=BUCKET"), "{kind:?}:\n{text}");
        assert!(!text.contains("PutBucketLogging\n") && !text.contains("aws_s3_bucket_logging\""), "{kind:?}:\n{text}");
    }
    // Nothing left to apply: SSM and CloudFormation cannot be empty and say why; Terraform can.
    let only_blocked = Plan { steps: p.steps.iter().filter(|s| s.blocked.is_some()).cloned().collect(), ..p.clone() };
    for kind in [Emit::CloudFormation, Emit::SsmAutomation] {
        let err = render(kind, &only_blocked).unwrap_err();
        assert!(err.contains("blocked") && err.contains("nothing to emit"), "{err}");
    }
    let terraform = render(Emit::Terraform, &only_blocked).unwrap();
    assert!(tf_types(&terraform).is_empty() && terraform.contains("Nothing to declare"), "{terraform}");
}

#[test]
fn a_plan_across_regions_is_one_stack_too_many_but_one_terraform_configuration() {
    let mut p = everything_planned("eu-west-1");
    let other = everything_planned("us-west-2");
    p.steps.extend(
        other
            .steps
            .into_iter()
            .filter(|s| s.action == "guardduty_enable" || s.action == "kms_enable_key_rotation")
            .map(|mut s| {
                s.name = format!("w{}", s.name);
                s
            }),
    );
    for kind in [Emit::CloudFormation, Emit::SsmAutomation] {
        let err = render(kind, &p).unwrap_err();
        assert!(err.contains("eu-west-1, us-west-2") && err.contains("--region"), "{err}");
    }
    let terraform = render(Emit::Terraform, &p).unwrap();
    let body: hcl::Body = hcl::from_str(&terraform).unwrap();
    let aliases: Vec<String> = body
        .blocks()
        .filter(|b| b.identifier() == "provider")
        .map(|b| b.body().attributes().find(|a| a.key() == "alias").unwrap().expr().to_string())
        .collect();
    assert_eq!(aliases, ["\"wasp_eu_west_1\"", "\"wasp_us_west_2\""]);
    // Each region's detector with its provider; each region's Automation steps in its own document.
    let detectors: Vec<String> = body
        .blocks()
        .filter(|b| b.labels().first().is_some_and(|l| l.as_str() == "aws_guardduty_detector"))
        .map(|b| b.body().attributes().find(|a| a.key() == "provider").unwrap().expr().to_string())
        .collect();
    assert_eq!(detectors, ["aws.wasp_eu_west_1", "aws.wasp_us_west_2"]);
    let documents = tf_types(&terraform).iter().filter(|t| *t == "aws_ssm_document").count();
    assert_eq!(documents, 2, "{terraform}");
    // The password policy (global) uses the first region's provider.
    assert!(terraform.contains("resource \"aws_iam_account_password_policy\" \"wasp_s"), "{terraform}");
}

// ---------------------------------------------------------------------------------------------
// wasp's own IaC reader judges the templates

/// A fresh directory: tests run in parallel, so each call gets its own.
fn temp_dir(name: &str) -> PathBuf {
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!("wasp-emit-{name}-{}-{n}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Statuses by (check, resource) of the checks run over a template inventory.
fn judged(inv: &Inventory, checks: &[&str]) -> BTreeMap<(String, String), Status> {
    let mut out = BTreeMap::new();
    for id in checks {
        let check = wasp_checks::find(id).unwrap();
        let mut findings = Vec::new();
        wasp_checks::run_one(check, inv, &Settings::default(), &mut findings);
        for f in findings {
            out.insert((f.check_id, f.resource_arn.unwrap_or_default()), f.status);
        }
    }
    out
}

/// The emitted configuration beside the module that owns the buckets, read as `wasp iac` reads
/// a directory of `.tf` files.
fn terraform_inventory(emitted: &str) -> (Inventory, BTreeMap<String, usize>) {
    let dir = temp_dir("tf");
    let buckets = r#"
resource "aws_s3_bucket" "plain" {
  bucket = "plain"
}
resource "aws_s3_bucket" "open" {
  bucket = "open"
}
"#;
    std::fs::write(dir.join("buckets.tf"), buckets).unwrap();
    std::fs::write(dir.join("wasp.tf"), emitted).unwrap();
    let files = vec![dir.join("buckets.tf"), dir.join("wasp.tf")];
    let (resources, errors) = wasp_iac::tf::hcl_source::load_dir(&dir, &files, &BTreeMap::new(), 1 << 20);
    assert!(errors.is_empty(), "{errors:?}");
    let unit =
        wasp_iac::tf::build::build(&dir, wasp_iac::Format::TerraformHcl, &resources, "eu-west-1", "123456789012");
    std::fs::remove_dir_all(&dir).unwrap();
    (unit.inventory, unit.unsupported)
}

#[test]
fn wasp_iac_reads_the_terraform_and_the_fixed_buckets_pass() {
    let full = everything_planned("eu-west-1");
    let bucket_steps: Vec<_> = full
        .steps
        .iter()
        .filter(|s| s.resource == "arn:aws:s3:::plain" || s.resource == "arn:aws:s3:::open")
        .cloned()
        .collect();
    assert_eq!(bucket_steps.len(), 5, "{}", full.to_json());
    let p = Plan { steps: bucket_steps.clone(), unplanned: vec![], ..full.clone() };
    let emitted = render(Emit::Terraform, &p).unwrap();
    let fixed: Vec<(String, String)> =
        bucket_steps.iter().map(|s| (s.check_id.clone().unwrap(), s.resource.clone())).collect();
    let checks: Vec<&str> = fixed.iter().map(|(c, _)| c.as_str()).collect();
    // Without the emitted file the module's buckets fail what the plan fixes …
    let (before, _) = terraform_inventory("");
    let before = judged(&before, &checks);
    for check in
        ["s3_bucket_secure_transport_required", "s3_bucket_versioning_enabled", "s3_bucket_access_logging_enabled"]
    {
        assert_eq!(before[&(check.to_owned(), "arn:aws:s3:::plain".to_owned())], Status::Fail, "{check}");
    }
    // … and with it they pass.
    let (after, unsupported) = terraform_inventory(&emitted);
    let after = judged(&after, &checks);
    for key in &fixed {
        assert_eq!(after.get(key), Some(&Status::Pass), "{key:?}:\n{emitted}");
    }
    assert!(!unsupported.is_empty() || !emitted.contains("aws_ssm_document"), "{unsupported:?}");

    // The public access block is what the check reads, not a default: turned off, it fails.
    let off: String = emitted
        .lines()
        .map(|l| if l.trim_start().starts_with("block_public_acls") { l.replace("true", "false") } else { l.to_owned() } + "\n")
        .collect();
    assert_ne!(off, emitted, "{emitted}");
    let (weakened, _) = terraform_inventory(&off);
    assert_eq!(
        judged(&weakened, &["s3_bucket_public_access_block_enabled"])
            [&("s3_bucket_public_access_block_enabled".to_owned(), "arn:aws:s3:::open".to_owned())],
        Status::Fail
    );
}

#[test]
fn wasp_iac_reads_the_terraform_account_public_access_block_as_the_accounts() {
    let full = everything_planned("eu-west-1");
    let step = full.steps.iter().find(|s| s.action == "s3_account_block_public_access").unwrap().clone();
    let emitted = render(Emit::Terraform, &Plan { steps: vec![step], unplanned: vec![], ..full.clone() }).unwrap();
    let check = "s3_account_public_access_block_enabled";
    let status = |text: &str| {
        let (inv, unsupported) = terraform_inventory(text);
        assert!(!unsupported.contains_key("aws_s3_account_public_access_block"));
        let verdicts = judged(&inv, &[check]);
        assert_eq!(verdicts.len(), 1, "{verdicts:?}");
        *verdicts.values().next().unwrap()
    };
    assert_eq!(status(""), Status::Fail);
    assert_eq!(status(&emitted), Status::Pass, "{emitted}");
    let off = emitted.replace("restrict_public_buckets = true", "restrict_public_buckets = false");
    assert_ne!(off, emitted);
    assert_eq!(status(&off), Status::Fail);
}

#[test]
fn the_merged_policy_keeps_policy_variables_through_terraform() {
    let full = everything_planned("eu-west-1");
    let step = full.steps.iter().find(|s| s.resource == "arn:aws:s3:::shared").unwrap().clone();
    let intended = step.intended.clone();
    let emitted = render(Emit::Terraform, &Plan { steps: vec![step], unplanned: vec![], ..full.clone() }).unwrap();
    assert!(emitted.contains("$${aws:username}"), "{emitted}");
    // Read back as wasp iac reads it, jsonencode gives the very policy planned.
    let dir = temp_dir("policy");
    std::fs::write(dir.join("shared.tf"), "resource \"aws_s3_bucket\" \"shared\" {\n  bucket = \"shared\"\n}\n")
        .unwrap();
    std::fs::write(dir.join("wasp.tf"), &emitted).unwrap();
    let files = vec![dir.join("shared.tf"), dir.join("wasp.tf")];
    let (resources, errors) = wasp_iac::tf::hcl_source::load_dir(&dir, &files, &BTreeMap::new(), 1 << 20);
    std::fs::remove_dir_all(&dir).unwrap();
    assert!(errors.is_empty(), "{errors:?}");
    let unit =
        wasp_iac::tf::build::build(&dir, wasp_iac::Format::TerraformHcl, &resources, "eu-west-1", "123456789012");
    let read = unit.inventory.s3.buckets[0].policy.as_ref().and_then(|p| p.configured()).cloned();
    assert_eq!(read, Some(intended));
}

#[test]
fn wasp_iac_reads_the_cloudformation_template_and_its_bucket_policy_passes() {
    let full = everything_planned("eu-west-1");
    let p = Plan { unplanned: vec![], ..full.clone() };
    let text = render(Emit::CloudFormation, &p).unwrap();
    let opts =
        wasp_iac::Options { region: "eu-west-1".into(), account_id: "123456789012".into(), ..Default::default() };
    let unit = match wasp_iac::load_text("wasp.yaml", &text, &opts) {
        wasp_iac::Outcome::Template(unit) => unit,
        other => panic!("not read as a template: {other:?}\n{text}"),
    };
    for ty in ["AWS::GuardDuty::Detector", "AWS::SecurityHub::Hub", "AWS::SSM::Document"] {
        assert!(unit.unsupported.contains_key(ty), "{ty}: {:?}", unit.unsupported);
    }
    // The bucket policy declared for the bucket without one, beside that bucket's declaration.
    let mut template = yaml(&text);
    template["Resources"]["Plain"] = json!({"Type": "AWS::S3::Bucket", "Properties": {"BucketName": "plain"}});
    let with_bucket = serde_yaml::to_string(&template).unwrap();
    let unit = match wasp_iac::load_text("wasp.yaml", &with_bucket, &opts) {
        wasp_iac::Outcome::Template(unit) => unit,
        other => panic!("{other:?}"),
    };
    let verdicts = judged(&unit.inventory, &["s3_bucket_secure_transport_required"]);
    assert_eq!(verdicts.values().collect::<Vec<_>>(), [&Status::Pass], "{verdicts:?}");
    // The automated steps are in the document, with the reasons in the template's comments.
    let doc = &template["Resources"]["WaspAutomation"]["Properties"];
    assert_eq!(doc["DocumentType"], "Automation");
    let apis: Vec<&str> =
        doc["Content"]["mainSteps"].as_array().unwrap().iter().map(|s| s["inputs"]["Api"].as_str().unwrap()).collect();
    for api in ["EnableKeyRotation", "UpdateTrail", "PutPublicAccessBlock", "PutBucketPolicy", "UpdateAccessKey"] {
        assert!(apis.contains(&api), "{api}: {apis:?}");
    }
    assert!(
        text.contains("has a policy already") && text.contains("no resource type for this account setting"),
        "{text}"
    );
}
