//! Effective-permission helpers: can, allowed actions, admin detection, exposure.

use wasp_iam::{
    admin_access, allowed_actions, can, exposure, AdminLevel, Decision, NamedPolicy, Outsider, Policy, PolicyKind,
    PolicySet, Principal, ResourcePolicyKind, Target, TrustedSet,
};

fn id(doc: &str) -> Policy {
    Policy::parse(doc, PolicyKind::Identity).unwrap()
}

fn res(doc: &str) -> Policy {
    Policy::parse(doc, PolicyKind::Resource).unwrap()
}

const ALICE: &str = "arn:aws:iam::111122223333:user/alice";

#[test]
fn can_explains_allow_and_deny() {
    let allow = id(
        r#"{"Version":"2012-10-17","Statement":{"Sid":"CPV","Effect":"Allow","Action":"iam:CreatePolicyVersion","Resource":"*"}}"#,
    );
    let deny =
        id(r#"{"Version":"2012-10-17","Statement":{"Sid":"NoIam","Effect":"Deny","Action":"iam:*","Resource":"*"}}"#);
    let p = Principal::user(ALICE);
    let set = PolicySet::new().identity("escalate", &allow);
    let ev = can(&set, &p, "iam:CreatePolicyVersion", &Target::all());
    assert_eq!(ev.decision, Decision::Allowed);
    let text = ev.to_string();
    assert!(text.contains("allowed by identity policy \"escalate\", statement CPV"), "{text}");
    let set = set.identity("guard", &deny);
    let ev = can(&set, &p, "iam:CreatePolicyVersion", &Target::all());
    assert_eq!(ev.decision, Decision::Denied);
    assert!(ev.to_string().contains("denied by identity policy \"guard\", statement NoIam"), "{ev}");
}

#[test]
fn can_on_any_resource() {
    let scoped = id(r#"{"Statement":{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}}"#);
    let set = PolicySet::new().identity("p", &scoped);
    let p = Principal::user(ALICE);
    assert!(can(&set, &p, "s3:GetObject", &Target::Any).decision.is_allowed());
    assert_eq!(can(&set, &p, "s3:GetObject", &Target::all()).decision, Decision::ImplicitlyDenied);
    let deny_some = id(r#"{"Statement":{"Effect":"Deny","Action":"s3:*","Resource":"arn:aws:s3:::b/secret/*"}}"#);
    let set = set.identity("d", &deny_some);
    assert!(can(&set, &p, "s3:GetObject", &Target::Any).decision.is_allowed());
}

#[test]
fn can_keeps_unknown_conditions_open() {
    let mfa = id(
        r#"{"Statement":{"Effect":"Allow","Action":"iam:*","Resource":"*","Condition":{"Bool":{"aws:MultiFactorAuthPresent":"true"}}}}"#,
    );
    let set = PolicySet::new().identity("mfa", &mfa);
    let ev = can(&set, &Principal::user(ALICE), "iam:CreateUser", &Target::all());
    let Decision::AllowedIf(f) = &ev.decision else { panic!("{ev}") };
    assert_eq!(f.unknowns().len(), 1);
    assert_eq!(f.unknowns()[0].key.as_deref(), Some("aws:multifactorauthpresent"));
    assert!(ev.to_string().contains("unknown at analysis time"), "{ev}");
}

#[test]
fn allowed_actions_expands_and_reports_unknowns() {
    let p = id(
        r#"{"Statement":[{"Effect":"Allow","Action":["iam:Put*Policy","iam:PassRole"],"Resource":"*"},{"Effect":"Allow","Action":"iam:AttachRolePolicy","Resource":"*","Condition":{"StringEquals":{"aws:RequestedRegion":"x"}}}]}"#,
    );
    let set = PolicySet::new().identity("p", &p);
    let r = allowed_actions(
        &set,
        &Principal::role("arn:aws:iam::111122223333:role/r"),
        &["iam:*Policy*", "iam:PassRole", "iam:MadeUpAction"],
        &Target::all(),
    );
    assert!(r.allowed.contains(&"iam:PutUserPolicy".to_string()));
    assert!(r.allowed.contains(&"iam:PutRolePolicy".to_string()));
    assert!(r.allowed.contains(&"iam:PassRole".to_string()));
    assert!(!r.allowed.contains(&"iam:CreatePolicyVersion".to_string()));
    assert_eq!(r.conditional.iter().map(|(a, _)| a.as_str()).collect::<Vec<_>>(), vec!["iam:AttachRolePolicy"]);
    assert_eq!(r.unknown, vec!["iam:MadeUpAction"]);
}

#[test]
fn admin_via_star_not_action_and_sum_of_statements() {
    let role = Principal::role("arn:aws:iam::111122223333:role/r");
    let star = id(r#"{"Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}"#);
    let a = admin_access(&PolicySet::new().identity("admin", &star), &role);
    assert_eq!(a.full, AdminLevel::Yes);

    // NotAction with Allow: everything except one harmless action is not full admin, but
    // administers every other service.
    let not_action = id(r#"{"Statement":{"Effect":"Allow","NotAction":"s3:GetObject","Resource":"*"}}"#);
    let a = admin_access(&PolicySet::new().identity("na", &not_action), &role);
    assert_eq!(a.full, AdminLevel::No);
    assert!(a.services.contains(&("iam".to_string(), AdminLevel::Yes)));
    assert!(!a.services.iter().any(|(s, _)| s == "s3"));

    // iam:* assembled from several statements.
    let pieces = id(
        r#"{"Statement":[{"Effect":"Allow","Action":["iam:Get*","iam:List*"],"Resource":"*"},{"Effect":"Allow","NotAction":["iam:Get*","iam:List*","s3:*"],"Resource":"*","Condition":{}}]}"#,
    );
    let a = admin_access(&PolicySet::new().identity("pieces", &pieces), &role);
    assert!(a.services.contains(&("iam".to_string(), AdminLevel::Yes)));

    // Resource-scoped allows do not count; an SCP that denies IAM takes it away; MFA makes it conditional.
    let scoped =
        id(r#"{"Statement":{"Effect":"Allow","Action":"iam:*","Resource":"arn:aws:iam::111122223333:role/x"}}"#);
    assert!(admin_access(&PolicySet::new().identity("s", &scoped), &role).services.is_empty());
    let scp = Policy::parse(r#"{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*"},{"Effect":"Deny","Action":"iam:*","Resource":"*"}]}"#, PolicyKind::Scp).unwrap();
    let a = admin_access(
        &PolicySet::new().identity("admin", &star).scp_level(vec![NamedPolicy::new("guard", &scp)]),
        &role,
    );
    assert_eq!(a.full, AdminLevel::No);
    assert!(!a.services.iter().any(|(s, _)| s == "iam"));
    let mfa = id(
        r#"{"Statement":{"Effect":"Allow","Action":"iam:*","Resource":"*","Condition":{"Bool":{"aws:MultiFactorAuthPresent":"true"}}}}"#,
    );
    let a = admin_access(&PolicySet::new().identity("mfa", &mfa), &role);
    assert_eq!(a.services, vec![("iam".to_string(), AdminLevel::Conditional)]);
}

fn exposed(doc: &str) -> wasp_iam::Exposure {
    exposure(
        &res(doc),
        ResourcePolicyKind::Generic,
        "arn:aws:s3:::b",
        "111122223333",
        &TrustedSet::new(["444455556666"]),
    )
}

#[test]
fn org_id_restricts_a_public_grant() {
    let e = exposed(
        r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*","Condition":{"StringEquals":{"aws:PrincipalOrgID":"o-mine123"}}}}"#,
    );
    assert!(!e.may_be_exposed(), "{e:?}");
}

#[test]
fn user_agent_does_not_restrict() {
    let e = exposed(
        r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*","Condition":{"StringLike":{"aws:UserAgent":"internal-tool/*"}}}}"#,
    );
    assert!(e.is_exposed(), "{e:?}");
    assert!(e.grants.iter().any(|g| g.outsider == Outsider::Anonymous && g.conditions.is_empty()));
}

#[test]
fn secure_transport_and_referer_do_not_restrict() {
    let e = exposed(
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*","Condition":{"StringLike":{"aws:Referer":"https://example.com/*"}}},{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":"false"}}}]}"#,
    );
    assert!(e.is_exposed(), "{e:?}");
}

#[test]
fn deny_unless_org_restricts() {
    let e = exposed(
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"},{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"*","Condition":{"StringNotEquals":{"aws:PrincipalOrgID":"o-mine123"}}}]}"#,
    );
    assert!(!e.may_be_exposed(), "{e:?}");
}

#[test]
fn accounts_trusted_or_not() {
    let e = exposed(
        r#"{"Statement":{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::444455556666:root"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}}"#,
    );
    assert!(!e.may_be_exposed(), "trusted account: {e:?}");
    let e = exposed(
        r#"{"Statement":{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::777788889999:role/x"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}}"#,
    );
    assert!(e.is_exposed());
    assert_eq!(e.grants[0].outsider, Outsider::Principal("arn:aws:iam::777788889999:role/x".into()));
    let e = exposed(
        r#"{"Statement":{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*","Condition":{"StringEquals":{"aws:PrincipalAccount":["111122223333","777788889999"]}}}}"#,
    );
    assert!(e.grants.iter().any(|g| g.outsider == Outsider::Principal("777788889999".into())), "{e:?}");
    assert!(!e.grants.iter().any(|g| g.outsider == Outsider::AnyAccount));
}

#[test]
fn restricting_keys_with_concrete_values() {
    for cond in [
        r#"{"StringEquals":{"aws:SourceVpce":"vpce-1a2b"}}"#,
        r#"{"StringEquals":{"aws:SourceVpc":"vpc-1a2b"}}"#,
        r#"{"ArnEquals":{"aws:PrincipalArn":"arn:aws:iam::111122223333:role/reader"}}"#,
        r#"{"ForAnyValue:StringLike":{"aws:PrincipalOrgPaths":"o-mine123/r-ab12/ou-ab12-11111111/*"}}"#,
        r#"{"StringEquals":{"aws:PrincipalAccount":"111122223333"}}"#,
    ] {
        let doc = format!(
            r#"{{"Statement":{{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*","Condition":{cond}}}}}"#
        );
        assert!(!exposed(&doc).may_be_exposed(), "{cond}");
    }
    // A wildcard value restricts nothing.
    let doc = r#"{"Statement":{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*","Condition":{"StringLike":{"aws:PrincipalOrgID":"*"}}}}"#;
    assert!(exposed(doc).is_exposed());
    // IfExists lets callers without the key through.
    let doc = r#"{"Statement":{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*","Condition":{"StringEqualsIfExists":{"aws:SourceVpce":"vpce-1a2b"}}}}"#;
    assert!(exposed(doc).is_exposed());
    // An outsider in no organization passes an `IfExists` organization condition.
    let doc = r#"{"Statement":{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*","Condition":{"StringEqualsIfExists":{"aws:PrincipalOrgID":"o-mine123"}}}}"#;
    assert!(exposed(doc).is_exposed());
    // A source IP allow-list may restrict: reported as a condition, not as open.
    let doc = r#"{"Statement":{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*","Condition":{"IpAddress":{"aws:SourceIp":"203.0.113.0/24"}}}}"#;
    let e = exposed(doc);
    assert!(e.may_be_exposed() && !e.is_exposed(), "{e:?}");
    assert_eq!(e.grants[0].conditions[0].key.as_deref(), Some("aws:sourceip"));
}

#[test]
fn service_principals_need_source_conditions() {
    let open = r#"{"Statement":{"Effect":"Allow","Principal":{"Service":"cloudtrail.amazonaws.com"},"Action":"s3:PutObject","Resource":"arn:aws:s3:::b/*"}}"#;
    let e = exposed(open);
    assert!(e.grants.iter().any(|g| g.outsider == Outsider::Service("cloudtrail.amazonaws.com".into())));
    let guarded = r#"{"Statement":{"Effect":"Allow","Principal":{"Service":"cloudtrail.amazonaws.com"},"Action":"s3:PutObject","Resource":"arn:aws:s3:::b/*","Condition":{"StringEquals":{"aws:SourceAccount":"111122223333"}}}}"#;
    assert!(!exposed(guarded).may_be_exposed());
    let by_arn = r#"{"Statement":{"Effect":"Allow","Principal":{"Service":"cloudtrail.amazonaws.com"},"Action":"s3:PutObject","Resource":"arn:aws:s3:::b/*","Condition":{"ArnLike":{"aws:SourceArn":"arn:aws:cloudtrail:*:111122223333:trail/*"}}}}"#;
    assert!(!exposed(by_arn).may_be_exposed());
}

#[test]
fn key_and_trust_policies() {
    let key = Policy::parse(r#"{"Statement":{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::777788889999:root"},"Action":"kms:Decrypt","Resource":"*"}}"#, PolicyKind::Resource).unwrap();
    let e = exposure(
        &key,
        ResourcePolicyKind::KeyPolicy,
        "arn:aws:kms:us-east-1:111122223333:key/k",
        "111122223333",
        &TrustedSet::default(),
    );
    assert!(e.is_exposed());
    // kms:CallerAccount pins every caller, the unauthenticated one included.
    let key = Policy::parse(r#"{"Statement":{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"kms:Decrypt","Resource":"*","Condition":{"StringEquals":{"kms:CallerAccount":"111122223333"}}}}"#, PolicyKind::Resource).unwrap();
    let e = exposure(
        &key,
        ResourcePolicyKind::KeyPolicy,
        "arn:aws:kms:us-east-1:111122223333:key/k",
        "111122223333",
        &TrustedSet::default(),
    );
    assert!(!e.may_be_exposed(), "{e:?}");
    let trust = Policy::parse(r#"{"Statement":{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"sts:AssumeRole","Condition":{"StringEquals":{"sts:ExternalId":"secret"}}}}"#, PolicyKind::Trust).unwrap();
    let e = exposure(
        &trust,
        ResourcePolicyKind::TrustPolicy,
        "arn:aws:iam::111122223333:role/r",
        "111122223333",
        &TrustedSet::default(),
    );
    assert!(e.may_be_exposed() && !e.is_exposed(), "{e:?}");
    assert_eq!(
        e.grants.iter().find(|g| g.outsider == Outsider::AnyAccount).unwrap().conditions[0].key.as_deref(),
        Some("sts:externalid")
    );
    // A wildcard external id lets any value through.
    let trust = Policy::parse(r#"{"Statement":{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"sts:AssumeRole","Condition":{"StringLike":{"sts:ExternalId":"*"}}}}"#, PolicyKind::Trust).unwrap();
    let e = exposure(
        &trust,
        ResourcePolicyKind::TrustPolicy,
        "arn:aws:iam::111122223333:role/r",
        "111122223333",
        &TrustedSet::default(),
    );
    assert!(e.is_exposed(), "{e:?}");
}

#[test]
fn a_wildcard_principal_reaches_services_acting_for_any_account() {
    let with = |cond: &str| {
        format!(
            r#"{{"Statement":{{"Effect":"Allow","Principal":"*","Action":"sqs:SendMessage","Resource":"arn:aws:sqs:us-east-1:111122223333:q","Condition":{cond}}}}}"#
        )
    };
    // Pinned to the owner's topic, account or organization: restricted.
    for cond in [
        r#"{"ArnEquals":{"aws:SourceArn":"arn:aws:sns:us-east-1:111122223333:orders"}}"#,
        r#"{"ArnLike":{"aws:SourceArn":"arn:aws:sns:*:111122223333:*"}}"#,
        r#"{"StringEquals":{"aws:SourceAccount":"111122223333"}}"#,
        r#"{"StringEquals":{"aws:SourceOwner":"111122223333"}}"#,
        r#"{"StringEquals":{"aws:PrincipalOrgID":"o-mine123"}}"#,
        r#"{"ArnLike":{"aws:SourceArn":"arn:aws:s3:::my-uploads"}}"#,
    ] {
        assert!(!exposed(&with(cond)).may_be_exposed(), "{cond}: {:?}", exposed(&with(cond)));
    }
    // A source pattern any account's resource matches restricts nothing.
    for cond in [
        r#"{"ArnLike":{"aws:SourceArn":"arn:aws:sns:*:*:*"}}"#,
        r#"{"ArnLike":{"aws:SourceArn":"arn:aws:s3:::*"}}"#,
        r#"{"StringLike":{"aws:SourceOwner":"*"}}"#,
        r#"{"StringLike":{"aws:SourceAccount":"*"}}"#,
    ] {
        let e = exposed(&with(cond));
        assert!(
            e.grants.iter().any(|g| g.outsider == Outsider::AnyAccount && g.conditions.is_empty()),
            "{cond}: {e:?}"
        );
    }
    // A source in an untrusted account is that account's access; a trusted one's is not.
    let e = exposed(&with(r#"{"ArnEquals":{"aws:SourceArn":"arn:aws:sns:us-east-1:777788889999:feed"}}"#));
    assert!(
        e.grants.iter().any(|g| g.outsider == Outsider::Principal("777788889999".into()) && g.conditions.is_empty()),
        "{e:?}"
    );
    assert!(!e.grants.iter().any(|g| g.outsider == Outsider::AnyAccount), "{e:?}");
    assert!(!exposed(&with(r#"{"ArnEquals":{"aws:SourceArn":"arn:aws:sns:us-east-1:444455556666:feed"}}"#))
        .may_be_exposed());
    let e = exposed(&with(r#"{"StringEquals":{"aws:SourceAccount":"777788889999"}}"#));
    assert!(e.grants.iter().any(|g| g.outsider == Outsider::Principal("777788889999".into())), "{e:?}");
}

#[test]
fn service_principals_with_wildcard_sources_are_open() {
    let doc = r#"{"Statement":{"Effect":"Allow","Principal":{"Service":"sns.amazonaws.com"},"Action":"sqs:SendMessage","Resource":"*","Condition":{"ArnLike":{"aws:SourceArn":"arn:aws:sns:us-east-1:*:orders"}}}}"#;
    let e = exposed(doc);
    assert!(
        e.grants.iter().any(|g| g.outsider == Outsider::Service("sns.amazonaws.com".into()) && g.conditions.is_empty()),
        "{e:?}"
    );
}

#[test]
fn caller_chosen_keys_do_not_restrict_a_queue_policy() {
    for cond in [
        r#"{"StringLike":{"aws:UserAgent":"aws-cli/*"}}"#,
        r#"{"Bool":{"aws:SecureTransport":"true"}}"#,
        r#"{"StringLike":{"aws:Referer":"https://example.com/*"}}"#,
        r#"{"StringEquals":{"lambda:FunctionUrlAuthType":"NONE"}}"#,
    ] {
        let doc = format!(
            r#"{{"Statement":{{"Effect":"Allow","Principal":{{"AWS":"*"}},"Action":"sqs:ReceiveMessage","Resource":"*","Condition":{cond}}}}}"#
        );
        let e = exposed(&doc);
        assert!(
            e.grants.iter().any(|g| g.outsider == Outsider::AnyAccount && g.conditions.is_empty()),
            "{cond}: {e:?}"
        );
    }
}
