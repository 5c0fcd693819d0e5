//! The bridge from the inventory to the policy engine: `can`, `escalations` and the DOT graph.
use serde_json::json;
use wasp_checks::iam_policies::{self, can, escalations, escalations_dot, Certainty, Reach, PATHS};
use wasp_checks::Settings;
use wasp_iam::Decision;
use wasp_model::Inventory;

fn inventory(value: serde_json::Value) -> Inventory {
    let mut v = value;
    v["schema_version"] = json!(wasp_model::SCHEMA_VERSION);
    v["account_id"] = json!("123456789012");
    v["collected_at"] = json!("2026-06-01T00:00:00Z");
    serde_json::from_value(v).expect("a valid inventory")
}

fn team() -> Inventory {
    inventory(json!({
        "organizations": {"organization": "not_configured"},
        "iam": {
            "users": [
                {"name": "dev", "arn": "arn:aws:iam::123456789012:user/dev", "groups": ["readers"],
                 "inline_policies": [{"name": "mfa-writes", "document": {"Statement": [
                    {"Sid": "Writes", "Effect": "Allow", "Action": "s3:PutObject", "Resource": "*",
                     "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}}}]}}]},
                {"name": "twin", "arn": "arn:aws:iam::123456789012:user/twin"}
            ],
            "groups": [{"name": "readers", "arn": "arn:aws:iam::123456789012:group/readers",
                        "inline_policies": [{"name": "read", "document": {"Statement": [
                            {"Sid": "Read", "Effect": "Allow", "Action": ["s3:GetObject", "sts:AssumeRole"], "Resource": "*"}]}}]}],
            "roles": [
                {"name": "twin", "arn": "arn:aws:iam::123456789012:role/twin",
                 "trust_policy": {"Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::123456789012:user/dev"}, "Action": "sts:AssumeRole"}]}},
                {"name": "closed", "arn": "arn:aws:iam::123456789012:role/closed",
                 "trust_policy": {"Statement": [{"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}]}}
            ]
        },
        "s3": {"buckets": [{"name": "vault", "arn": "arn:aws:s3:::vault", "region": "us-east-1",
            "policy": {"configured": {"Statement": [{"Sid": "NoReads", "Effect": "Deny", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::vault/*"}]}}}]}
    }))
}

#[test]
fn can_names_group_and_inline_policies_and_uses_the_given_context() {
    let inv = team();
    let ev = can(&inv, "dev", "s3:GetObject", None, &[]).unwrap();
    assert_eq!(ev.decision, Decision::Allowed);
    assert!(ev.matched.iter().any(|m| m.policy == "group:readers/inline:read" && m.statement == "Read"), "{ev}");
    assert!(ev.notes.iter().any(|n| n.contains("no resource given")), "{ev}");

    let open =
        can(&inv, "arn:aws:iam::123456789012:user/dev", "s3:PutObject", Some("arn:aws:s3:::other/x"), &[]).unwrap();
    assert!(matches!(open.decision, Decision::AllowedIf(_)), "{open}");
    let mfa = [("aws:MultiFactorAuthPresent".to_string(), "true".to_string())];
    let with_mfa = can(&inv, "dev", "s3:PutObject", Some("arn:aws:s3:::vault/x"), &mfa).unwrap();
    assert_eq!(with_mfa.decision, Decision::Allowed, "{with_mfa}");
    assert!(with_mfa.matched.iter().any(|m| m.policy == "inline:user/dev/mfa-writes" && m.statement == "Writes"));
}

#[test]
fn can_consults_the_bucket_policy_and_the_trust_policy_of_the_inventory() {
    let inv = team();
    let ev = can(&inv, "dev", "s3:GetObject", Some("arn:aws:s3:::vault/secret.txt"), &[]).unwrap();
    assert_eq!(ev.decision, Decision::Denied, "{ev}");
    assert!(ev.matched.iter().any(|m| m.policy == "bucket policy" && m.statement == "NoReads"), "{ev}");
    let assume = can(&inv, "dev", "sts:AssumeRole", Some("arn:aws:iam::123456789012:role/twin"), &[]).unwrap();
    assert_eq!(assume.decision, Decision::Allowed, "{assume}");
    let closed = can(&inv, "dev", "sts:AssumeRole", Some("arn:aws:iam::123456789012:role/closed"), &[]).unwrap();
    assert_eq!(closed.decision, Decision::ImplicitlyDenied, "{closed}");
    assert!(closed.to_string().contains("the trust policy does not allow it"), "{closed}");
}

#[test]
fn can_never_answers_allowed_when_the_resources_policy_is_unknown() {
    let inv = team();
    let mfa = [("aws:MultiFactorAuthPresent".to_string(), "true".to_string())];
    // A bucket of another account, or one not collected: its policy must let the request in.
    let other = can(&inv, "dev", "s3:PutObject", Some("arn:aws:s3:::other/x"), &mfa).unwrap();
    let Decision::AllowedIf(f) = &other.decision else { panic!("{other}") };
    let unknowns = f.unknowns();
    assert_eq!(unknowns.len(), 1, "{other}");
    assert_eq!(unknowns[0].detail, "the bucket policy of arn:aws:s3:::other/x lets this request through");
    assert_eq!(unknowns[0].statement, "the resource is not in the inventory");
    // Still conditional on MFA when MFA is not given.
    let both = can(&inv, "dev", "s3:PutObject", Some("arn:aws:s3:::other/x"), &[]).unwrap();
    let Decision::AllowedIf(f) = &both.decision else { panic!("{both}") };
    let keys: Vec<_> = f.unknowns().iter().map(|u| (u.key.clone(), u.policy.clone())).collect();
    assert!(keys.contains(&(Some("aws:multifactorauthpresent".into()), "inline:user/dev/mfa-writes".into())), "{both}");
    assert!(keys.contains(&(None, "bucket policy".into())), "{both}");
    // A role or key that is not in the inventory: its trust or key policy decides.
    let role = can(&inv, "dev", "sts:AssumeRole", Some("arn:aws:iam::210987654321:role/x"), &[]).unwrap();
    assert!(role.to_string().contains("the trust policy of arn:aws:iam::210987654321:role/x lets"), "{role}");
    assert!(matches!(role.decision, Decision::AllowedIf(_)), "{role}");
    let key = can(&inv, "dev", "kms:Decrypt", Some("arn:aws:kms:us-east-1:123456789012:key/k"), &[]).unwrap();
    assert!(matches!(key.decision, Decision::AllowedIf(_)), "{key}");
    // No resource: a trust policy must still allow, so the answer stays open.
    let any_role = can(&inv, "dev", "sts:AssumeRole", None, &[]).unwrap();
    assert!(matches!(any_role.decision, Decision::AllowedIf(_)), "{any_role}");
    assert!(any_role.to_string().contains("the trust policy of the role lets this request through"), "{any_role}");
    // An explicit deny of its own policies decides whatever the unknown policy says.
    let denied = inventory(json!({
        "organizations": {"organization": "not_configured"},
        "iam": {"users": [{"name": "u", "arn": "arn:aws:iam::123456789012:user/u",
            "inline_policies": [{"name": "no", "document": {"Statement": [
                {"Effect": "Deny", "Action": "sqs:*", "Resource": "*"}]}}]}]}
    }));
    let ev = can(&denied, "u", "sqs:SendMessage", Some("arn:aws:sqs:us-east-1:123456789012:q"), &[]).unwrap();
    assert_eq!(ev.decision, Decision::Denied, "{ev}");
    // A queue of the inventory: its policy takes part, and a queue without one is no unknown.
    let queues = inventory(json!({
        "organizations": {"organization": "not_configured"},
        "iam": {"users": [{"name": "u", "arn": "arn:aws:iam::123456789012:user/u",
            "inline_policies": [{"name": "send", "document": {"Statement": [
                {"Effect": "Allow", "Action": "sqs:SendMessage", "Resource": "*"}]}}]}]},
        "sqs": {"queues": [
            {"arn": "arn:aws:sqs:us-east-1:123456789012:closed", "name": "closed", "region": "us-east-1",
             "policy": {"configured": {"Statement": [{"Sid": "Shut", "Effect": "Deny", "Principal": "*",
                "Action": "sqs:SendMessage", "Resource": "*"}]}}},
            {"arn": "arn:aws:sqs:us-east-1:123456789012:open", "name": "open", "region": "us-east-1",
             "policy": "not_configured"},
            {"arn": "arn:aws:sqs:us-east-1:123456789012:unread", "name": "unread", "region": "us-east-1"}]}
    }));
    let closed = can(&queues, "u", "sqs:SendMessage", Some("arn:aws:sqs:us-east-1:123456789012:closed"), &[]).unwrap();
    assert_eq!(closed.decision, Decision::Denied, "{closed}");
    assert!(closed.matched.iter().any(|m| m.policy == "queue policy" && m.statement == "Shut"), "{closed}");
    let open = can(&queues, "u", "sqs:SendMessage", Some("arn:aws:sqs:us-east-1:123456789012:open"), &[]).unwrap();
    assert_eq!(open.decision, Decision::Allowed, "{open}");
    let unread = can(&queues, "u", "sqs:SendMessage", Some("arn:aws:sqs:us-east-1:123456789012:unread"), &[]).unwrap();
    assert!(unread.to_string().contains("the queue policy was not collected"), "{unread}");
    assert!(matches!(unread.decision, Decision::AllowedIf(_)), "{unread}");
}

#[test]
fn can_refuses_unknown_or_ambiguous_principals_and_patterns_and_notes_unknown_actions() {
    let inv = team();
    let err = can(&inv, "nobody", "s3:GetObject", None, &[]).unwrap_err();
    assert_eq!(err, "no IAM user or role named or with the ARN 'nobody' is in the inventory");
    let err = can(&inv, "twin", "s3:GetObject", None, &[]).unwrap_err();
    assert!(err.contains("names more than one user or role; give its ARN"), "{err}");
    assert!(can(&inv, "arn:aws:iam::123456789012:role/twin", "s3:GetObject", None, &[]).is_ok());
    assert!(can(&inv, "dev", "s3:Get*", None, &[]).unwrap_err().contains("is a pattern"));
    assert!(can(&inv, "dev", "GetObject", None, &[]).unwrap_err().contains("service:Action"));
    let typo = can(&inv, "dev", "s3:GetObjekt", None, &[]).unwrap();
    assert_eq!(typo.decision, Decision::ImplicitlyDenied);
    assert!(typo.notes.iter().any(|n| n.starts_with("s3:GetObjekt is not in wasp's action catalogue")), "{typo}");
}

#[test]
fn can_says_what_it_left_out() {
    let inv = inventory(json!({
        "iam": {"users": [{"name": "u", "arn": "arn:aws:iam::123456789012:user/u",
            "attached_policies": ["arn:aws:iam::aws:policy/ReadOnlyAccess"],
            "permissions_boundary": "arn:aws:iam::123456789012:policy/missing"}]}
    }));
    let ev = can(&inv, "u", "s3:GetObject", None, &[]).unwrap();
    let text = ev.to_string();
    assert!(text.contains("ReadOnlyAccess is AWS-managed and its document is not in the inventory"), "{text}");
    assert!(
        text.contains("permissions boundary arn:aws:iam::123456789012:policy/missing is not in the inventory"),
        "{text}"
    );
    assert!(text.contains("the account's organization was not read"), "{text}");
}

fn escalation_inventory() -> Inventory {
    inventory(json!({
        "organizations": {"organization": "not_configured"},
        "iam": {
            "users": [
                {"name": "builder", "arn": "arn:aws:iam::123456789012:user/builder", "groups": ["ci"],
                 "inline_policies": [{"name": "launch", "document": {"Statement": [{"Sid": "Launch", "Effect": "Allow", "Action": "ec2:RunInstances", "Resource": "*"}]}}]},
                {"name": "versions", "arn": "arn:aws:iam::123456789012:user/versions", "attached_policies": ["arn:aws:iam::123456789012:policy/v"]}
            ],
            "groups": [{"name": "ci", "arn": "arn:aws:iam::123456789012:group/ci",
                        "inline_policies": [{"name": "pass", "document": {"Statement": [{"Sid": "Pass", "Effect": "Allow", "Action": "iam:PassRole", "Resource": "*"}]}}]}],
            "roles": [{"name": "ops", "arn": "arn:aws:iam::123456789012:role/ops",
                       "attached_policies": ["arn:aws:iam::aws:policy/AdministratorAccess"],
                       "trust_policy": {"Statement": [{"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}]}}],
            "policies": [{"arn": "arn:aws:iam::123456789012:policy/v", "name": "v",
                          "document": {"Statement": [{"Effect": "Allow", "Action": "iam:CreatePolicyVersion", "Resource": "*"}]}}]
        }
    }))
}

#[test]
fn escalations_name_path_actions_statements_and_reach() {
    let found = escalations(&escalation_inventory(), &Settings::default());
    let builder = found
        .iter()
        .find(|e| e.principal == "arn:aws:iam::123456789012:user/builder" && e.path == "passrole-ec2-run-instances")
        .expect("the PassRole path across group and inline policies");
    assert_eq!(builder.certainty, Certainty::Certain);
    assert_eq!(builder.target.as_deref(), Some("arn:aws:iam::123456789012:role/ops"));
    assert_eq!(
        builder.actions,
        vec![
            ("iam:PassRole".to_string(), vec!["group:ci/inline:pass (Pass)".to_string()]),
            ("ec2:RunInstances".to_string(), vec!["inline:user/builder/launch (Launch)".to_string()]),
        ]
    );
    assert_eq!(
        builder.reaches,
        Reach::Principal { arn: "arn:aws:iam::123456789012:role/ops".into(), why: "full administrator".into() }
    );
    let versions = found.iter().find(|e| e.principal.ends_with("user/versions")).unwrap();
    assert_eq!(versions.path, "iam-create-policy-version");
    assert_eq!(versions.reaches, Reach::Admin);
    // The administrator itself escalates nowhere.
    assert!(!found.iter().any(|e| e.principal.ends_with("role/ops")));
    // As JSON, for `wasp iam escalations --format json`.
    let value = serde_json::to_value(builder).unwrap();
    assert_eq!(value["reaches"]["kind"], "principal");
    assert_eq!(value["certainty"]["kind"], "certain");
}

#[test]
fn the_dot_graph_links_principals_to_what_they_reach_and_escapes_labels() {
    let found = escalations(&escalation_inventory(), &Settings::default());
    let dot = escalations_dot(&found);
    assert!(dot.starts_with("digraph escalations {\n") && dot.ends_with("}\n"), "{dot}");
    assert!(dot.contains(
        r#""arn:aws:iam::123456789012:user/builder" -> "arn:aws:iam::123456789012:role/ops" [label="passrole-ec2-run-instances", style=solid];"#
    ), "{dot}");
    assert!(dot.contains(
        r#""arn:aws:iam::123456789012:user/versions" -> "admin" [label="iam-create-policy-version", style=solid];"#
    ));
    assert!(
        dot.contains(r#""arn:aws:iam::123456789012:role/ops" [label="role/ops\nfull administrator", shape=box];"#),
        "{dot}"
    );

    let mut hostile = found[0].clone();
    hostile.principal = "arn:aws:iam::123456789012:user/evil\"] ; x -> y [label=\"\\\n".into();
    let dot = escalations_dot(&[hostile]);
    assert!(dot.contains(r#""arn:aws:iam::123456789012:user/evil\"] ; x -> y [label=\"\\\n""#), "{dot}");
    for line in dot.lines().skip(3).filter(|l| *l != "}") {
        // Every statement line is `  "…" …;` with its quotes balanced once escapes are removed.
        let unescaped = line.replace("\\\\", "").replace("\\\"", "");
        assert_eq!(unescaped.matches('"').count() % 2, 0, "{line}");
    }
    assert_eq!(escalations_dot(&[]), "digraph escalations {\n  rankdir=LR;\n  node [fontname=\"Helvetica\"];\n}\n");
}

#[test]
fn the_fixture_opens_and_blocks_every_path() {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/iam/iam_principal_privilege_escalation.yaml");
    let text = std::fs::read_to_string(path).unwrap();
    for p in PATHS {
        for case in [
            format!("{}: open, and blocked by a deny or a permissions boundary", p.id),
            format!("{}: blocked by an SCP", p.id),
        ] {
            assert!(text.contains(&case), "the fixture lacks {case:?}: run scripts/escalation-fixture.py");
        }
    }
    let ids: std::collections::BTreeSet<&str> = PATHS.iter().map(|p| p.id).collect();
    assert_eq!(ids.len(), PATHS.len(), "path ids are unique");
}

#[test]
fn every_path_action_is_in_the_catalogue() {
    for p in PATHS {
        for step in p.steps {
            assert!(wasp_iam::catalog().is_known_action(step.action), "{}: {}", p.id, step.action);
        }
    }
    assert!(iam_policies::request_side("aws:RequestTag/team") && !iam_policies::request_side("aws:ResourceTag/team"));
}
