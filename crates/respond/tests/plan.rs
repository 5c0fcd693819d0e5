//! Planning fixes from inventories: the steps, their states and calls, what is refused and why.
use serde_json::{json, Value};
use wasp_checks::{Finding, Selection, Settings, Status};
use wasp_model::Inventory;
use wasp_respond::{plan_fixes, FixFilter, Plan, PlanError, FIXES};

fn inventory(body: Value) -> Inventory {
    let mut doc = json!({"schema_version": 1, "account_id": "123456789012", "collected_at": "2026-12-01T00:00:00Z", "regions": ["us-east-1"]});
    doc.as_object_mut().unwrap().extend(body.as_object().unwrap().clone());
    serde_json::from_value(doc).expect("inventory")
}

fn findings(inv: &Inventory, checks: &[&str]) -> Vec<Finding> {
    let selection = Selection { check_ids: checks.iter().map(|c| c.to_string()).collect(), ..Default::default() };
    wasp_checks::run(inv, &selection, &Settings::default())
}

fn plan(inv: &Inventory, checks: &[&str], params: &[(&str, &str)]) -> Plan {
    let params: Vec<(String, String)> = params.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
    let found = findings(inv, checks);
    plan_fixes(inv, &found, &FixFilter::default(), &params, &Settings::default(), "snapshot")
}

fn bucket(name: &str, extra: Value) -> Value {
    let mut b = json!({"name": name, "arn": format!("arn:aws:s3:::{name}"), "region": "us-east-1"});
    b.as_object_mut().unwrap().extend(extra.as_object().unwrap().clone());
    b
}

#[test]
fn the_tls_fix_merges_into_the_existing_policy_and_replaces_only_its_own_statement() {
    let existing = json!({"Version": "2012-10-17", "Statement": {"Sid": "Keep", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::123456789012:root"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}});
    let inv = inventory(json!({"s3": {"buckets": [
        bucket("b", json!({"policy": {"configured": existing}})),
        bucket("none", json!({"policy": "not_configured"})),
        bucket("unread", json!({})),
    ]}}));
    let p = plan(&inv, &["s3_bucket_secure_transport_required"], &[]);
    assert_eq!(p.steps.len(), 2, "{}", p.to_json());
    let with_policy = p.steps.iter().find(|s| s.resource == "arn:aws:s3:::b").unwrap();
    assert_eq!(with_policy.current, existing);
    let statements = with_policy.intended["Statement"].as_array().unwrap();
    assert_eq!(statements.len(), 2);
    assert_eq!(statements[0]["Sid"], "Keep");
    assert_eq!(statements[1]["Condition"], json!({"Bool": {"aws:SecureTransport": "false"}}));
    assert_eq!(with_policy.rollback[0].operation, "PutBucketPolicy");
    let without = p.steps.iter().find(|s| s.resource == "arn:aws:s3:::none").unwrap();
    assert_eq!(without.current, Value::Null);
    assert_eq!(without.rollback[0].operation, "DeleteBucketPolicy");
    // The unread policy is not guessed: no step, and the reason is given.
    assert!(p.unplanned.is_empty(), "an unread policy SKIPs, it does not fail: {:?}", p.unplanned);

    // Applying the intended policy makes the check pass, and planning again changes nothing.
    let fixed =
        inventory(json!({"s3": {"buckets": [bucket("b", json!({"policy": {"configured": with_policy.intended}}))]}}));
    let again = plan(&fixed, &["s3_bucket_secure_transport_required"], &[]);
    assert!(again.steps.is_empty(), "{}", again.to_json());
}

#[test]
fn the_ingress_fix_revokes_only_the_rules_the_check_objects_to() {
    let sg = |rules: Value| json!({"arn": "arn:aws:ec2:us-east-1:123456789012:security-group/sg-1", "id": "sg-1", "name": "web", "region": "us-east-1", "ingress": rules});
    let inv = inventory(json!({"ec2": {"security_groups": [sg(json!([
        {"protocol": "tcp", "from_port": 22, "to_port": 22, "source": "0.0.0.0/0"},
        {"protocol": "tcp", "from_port": 22, "to_port": 22, "source": "10.0.0.0/8"},
        {"protocol": "tcp", "from_port": 443, "to_port": 443, "source": "0.0.0.0/0"},
        {"protocol": "tcp", "from_port": 3389, "to_port": 3389, "source": "::/0"},
    ]))]}}));
    let p = plan(&inv, &["ec2_security_group_admin_ports_restricted"], &[]);
    assert_eq!(p.steps.len(), 1, "{}", p.to_json());
    assert_eq!(
        p.steps[0].calls[0].params,
        json!({"GroupId": "sg-1", "IpPermissions": [
            {"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "IpRanges": [{"CidrIp": "0.0.0.0/0"}]},
            {"IpProtocol": "tcp", "FromPort": 3389, "ToPort": 3389, "Ipv6Ranges": [{"CidrIpv6": "::/0"}]},
        ]})
    );
    assert_eq!(p.steps[0].rollback[0].operation, "AuthorizeSecurityGroupIngress");

    // Two checks objecting to one group share one step; an all-traffic rule is revoked once.
    let inv = inventory(json!({"ec2": {"security_groups": [sg(json!([
        {"protocol": "all", "source": "0.0.0.0/0"},
        {"protocol": "tcp", "from_port": 3306, "to_port": 3306, "source": "0.0.0.0/0"},
    ]))]}}));
    let p = plan(
        &inv,
        &[
            "ec2_security_group_admin_ports_restricted",
            "ec2_security_group_all_traffic_restricted",
            "ec2_security_group_mysql_ports_restricted",
        ],
        &[],
    );
    assert_eq!(p.steps.len(), 1, "{}", p.to_json());
    let revoked = p.steps[0].calls[0].params["IpPermissions"].as_array().unwrap();
    assert_eq!(revoked.len(), 2, "{revoked:?}");
    assert!(revoked.contains(&json!({"IpProtocol": "-1", "IpRanges": [{"CidrIp": "0.0.0.0/0"}]})));
}

#[test]
fn a_step_that_needs_a_parameter_is_planned_but_blocked_until_given() {
    let inv = inventory(json!({"s3": {"buckets": [bucket("b", json!({"logging": "not_configured"}))]}}));
    let p = plan(&inv, &["s3_bucket_access_logging_enabled"], &[]);
    assert!(p.steps[0].blocked.as_deref().unwrap().contains("log_bucket"));
    assert_eq!(p.actionable().count(), 0);
    let p = plan(&inv, &["s3_bucket_access_logging_enabled"], &[("log_bucket", "logs")]);
    assert_eq!(p.steps[0].blocked, None);
    assert_eq!(
        p.steps[0].calls[0].params["BucketLoggingStatus"]["LoggingEnabled"],
        json!({"TargetBucket": "logs", "TargetPrefix": "b/"})
    );
    let p = plan(&inv, &["s3_bucket_access_logging_enabled"], &[("log_bucket", "b")]);
    assert!(p.steps[0].blocked.as_deref().unwrap().contains("itself"));
}

#[test]
fn the_password_policy_fix_never_weakens_a_stricter_value() {
    let inv = inventory(json!({"iam": {"password_policy": {"configured": {
        "minimum_length": 20, "require_symbols": true, "require_numbers": false, "require_uppercase": true,
        "require_lowercase": true, "reuse_prevention": 5, "max_age_days": 60, "hard_expiry": false}}}}));
    let p = plan(
        &inv,
        &[
            "iam_password_policy_character_classes",
            "iam_password_policy_reuse_prevention",
            "iam_password_policy_minimum_length",
        ],
        &[],
    );
    assert_eq!(p.steps.len(), 1, "three checks, one change: {}", p.to_json());
    let after = &p.steps[0].intended;
    assert_eq!(after["MinimumPasswordLength"], 20);
    assert_eq!(after["PasswordReusePrevention"], 24);
    assert_eq!(after["MaxPasswordAge"], 60);
    assert_eq!(after["RequireNumbers"], true);
    assert_eq!(p.steps[0].rollback[0].params["PasswordReusePrevention"], 5);
}

#[test]
fn unread_evidence_is_never_planned_from_a_default() {
    // The finding exists (hand-made), the evidence behind it was not read: no step, a reason.
    let inv = inventory(json!({"s3": {"buckets": [bucket("b", json!({}))]}}));
    let finding = Finding {
        check_id: "s3_bucket_public_access_block_enabled".into(),
        status: Status::Fail,
        severity: wasp_checks::Severity::High,
        resource_arn: Some("arn:aws:s3:::b".into()),
        region: "us-east-1".into(),
        account_id: "123456789012".into(),
        message: String::new(),
        best_practices: vec![],
        location: None,
        suppression: None,
        signal: false,
    };
    let p = plan_fixes(&inv, &[finding], &FixFilter::default(), &[], &Settings::default(), "snapshot");
    assert!(p.steps.is_empty());
    assert!(p.unplanned[0].reason.contains("was not read"), "{:?}", p.unplanned);
}

#[test]
fn filters_narrow_by_check_and_resource_glob_and_checks_without_fixes_are_listed() {
    let inv = inventory(json!({"s3": {"buckets": [
        bucket("prod-a", json!({"versioning": {"status": "never"}})),
        bucket("dev-a", json!({"versioning": {"status": "suspended"}})),
    ]}}));
    let found = findings(&inv, &["s3_bucket_versioning_enabled", "s3_bucket_mfa_delete_enabled"]);
    let filter = FixFilter { checks: vec![], resources: vec!["arn:aws:s3:::prod-*".into()] };
    let p = plan_fixes(&inv, &found, &filter, &[], &Settings::default(), "snapshot");
    let resources: Vec<&str> = p.steps.iter().map(|s| s.resource.as_str()).collect();
    assert_eq!(resources, ["arn:aws:s3:::prod-a"]);
    assert!(
        p.unplanned.iter().any(|u| u.check_id == "s3_bucket_mfa_delete_enabled" && u.reason.contains("no fix")),
        "{:?}",
        p.unplanned
    );
}

#[test]
fn a_plan_file_is_verified_before_it_can_be_applied() {
    let inv = inventory(json!({"s3": {"buckets": [bucket("b", json!({"versioning": {"status": "never"}}))]}}));
    let p = plan(&inv, &["s3_bucket_versioning_enabled"], &[]);
    assert_eq!(Plan::from_json(&p.to_json()).unwrap(), p);

    let mut v: Value = serde_json::from_str(&p.to_json()).unwrap();
    v["steps"][0]["calls"][0]["operation"] = json!("DeleteBucket");
    assert!(matches!(Plan::from_json(&v.to_string()), Err(PlanError::UndeclaredCall { .. })));
    let mut v: Value = serde_json::from_str(&p.to_json()).unwrap();
    v["steps"][0]["action"] = json!("s3_delete_everything");
    assert!(matches!(Plan::from_json(&v.to_string()), Err(PlanError::UnknownAction { .. })));
    let mut v: Value = serde_json::from_str(&p.to_json()).unwrap();
    v["steps"][0]["calls"][0]["params"]["Bucket"] = json!("{{later.Name}}");
    assert!(matches!(Plan::from_json(&v.to_string()), Err(PlanError::DanglingReference { .. })));
    let mut v: Value = serde_json::from_str(&p.to_json()).unwrap();
    v["schema_version"] = json!(99);
    assert!(matches!(Plan::from_json(&v.to_string()), Err(PlanError::Version { found: 99 })));
    assert!(matches!(Plan::from_json("{"), Err(PlanError::Parse(_))));
}

/// The executor answers each probe in the API's JSON shape; each action reduces that answer to
/// the very value it planned from, or every apply would skip its steps as changed.
#[test]
fn each_probe_answer_reduces_to_the_state_planned_from() {
    let inv = inventory(json!({
        "s3": {
            "account_public_access_block": "not_configured",
            "buckets": [bucket("b", json!({
                "public_access_block": {"configured": {"block_public_acls": true, "ignore_public_acls": false, "block_public_policy": false, "restrict_public_buckets": false}},
                "policy": "not_configured",
                "encryption": "not_configured",
                "versioning": {"status": "suspended"},
                "logging": "not_configured",
            }))]
        },
        "kms": {"keys": [{"arn": "arn:aws:kms:us-east-1:123456789012:key/k", "id": "k", "region": "us-east-1", "manager": "CUSTOMER", "state": "Enabled", "spec": "SYMMETRIC_DEFAULT", "origin": "AWS_KMS", "rotation_enabled": false}]},
        "ec2": {"ebs_defaults": {"us-east-1": {"encryption_by_default": false}}},
        "iam": {"password_policy": "not_configured"},
    }));
    let checks = [
        "s3_account_public_access_block_enabled",
        "s3_bucket_public_access_block_enabled",
        "s3_bucket_secure_transport_required",
        "s3_bucket_default_encryption_enabled",
        "s3_bucket_versioning_enabled",
        "kms_key_rotation_enabled",
        "ec2_ebs_encryption_by_default_enabled",
        "iam_password_policy_minimum_length",
    ];
    let p = plan(&inv, &checks, &[]);
    let answers: &[(&str, Value)] = &[
        ("s3_account_block_public_access", Value::Null),
        (
            "s3_bucket_block_public_access",
            json!({"PublicAccessBlockConfiguration": {"BlockPublicAcls": true, "IgnorePublicAcls": false, "BlockPublicPolicy": false, "RestrictPublicBuckets": false}}),
        ),
        ("s3_bucket_require_tls", Value::Null),
        ("s3_bucket_default_encryption", Value::Null),
        ("s3_bucket_enable_versioning", json!({"Status": "Suspended"})),
        ("kms_enable_key_rotation", json!({"KeyRotationEnabled": false})),
        ("ec2_enable_ebs_encryption_by_default", json!({"EbsEncryptionByDefault": false})),
        ("iam_strengthen_password_policy", Value::Null),
    ];
    for (action, answer) in answers {
        let step =
            p.steps.iter().find(|s| s.action == *action).unwrap_or_else(|| panic!("no {action} in {}", p.to_json()));
        let observe = wasp_respond::action(action).unwrap().observe;
        assert_eq!(observe(answer, step), step.current, "{action}");
        assert!(step.probe.is_some(), "{action} has no probe");
    }
    assert_eq!(FIXES.len(), 17);
}
