//! No input makes the parser or the evaluator panic; deep nesting is refused.

use proptest::prelude::*;
use serde_json::{json, Value};
use wasp_iam::{
    can, evaluate, exposure, Context, Policy, PolicyKind, PolicySet, Principal, Request, ResourcePolicyKind, Target,
    TrustedSet,
};

fn arb_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        prop_oneof![
            "[ -~]{0,12}",
            Just("*".to_string()),
            Just("s3:Get*".to_string()),
            Just("${aws:username}".to_string()),
            Just("Allow".to_string()),
            Just("arn:aws:s3:::b/*".to_string()),
        ]
        .prop_map(Value::String),
    ];
    let keys = prop_oneof![
        Just("Version".to_string()),
        Just("Statement".to_string()),
        Just("Effect".to_string()),
        Just("Action".to_string()),
        Just("NotAction".to_string()),
        Just("Resource".to_string()),
        Just("Principal".to_string()),
        Just("NotPrincipal".to_string()),
        Just("Condition".to_string()),
        Just("StringLike".to_string()),
        Just("ForAllValues:StringEquals".to_string()),
        Just("AWS".to_string()),
        "[a-zA-Z:]{1,8}",
    ];
    leaf.prop_recursive(6, 64, 6, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
            prop::collection::btree_map(keys.clone(), inner, 0..5).prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

const REAL: &[&str] = &[
    r#"{"Version":"2012-10-17","Statement":[{"Sid":"A","Effect":"Allow","Action":["s3:Get*","s3:List*"],"Resource":"arn:aws:s3:::b/${aws:username}/*","Condition":{"StringLike":{"s3:prefix":["home/${aws:username}/*"]},"IpAddress":{"aws:SourceIp":"10.0.0.0/8"}}},{"Effect":"Deny","NotAction":"iam:*","NotResource":"*","Condition":{"ForAllValues:StringNotLike":{"aws:TagKeys":"key1*"},"DateLessThan":{"aws:CurrentTime":"2020-01-01T00:00:00Z"}}}]}"#,
    r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":{"AWS":["arn:aws:iam::444455556666:root","*"],"Service":"s3.amazonaws.com"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*","Condition":{"StringEquals":{"aws:PrincipalOrgID":"o-1"},"Bool":{"aws:SecureTransport":"true"},"ArnLike":{"aws:SourceArn":"arn:aws:*:*:1:*"}}}}"#,
];

fn exercise(policy: &Policy) {
    let set = PolicySet::new().identity("p", policy).resource_policy("r", policy);
    let principals = [
        Principal::user("arn:aws:iam::111122223333:user/alice").with_tags([("team", "x")]),
        Principal::role("arn:aws:iam::444455556666:role/r"),
        Principal::anonymous(),
        Principal::service("s3.amazonaws.com"),
    ];
    for p in principals {
        for target in [Target::all(), Target::Any, Target::arn("arn:aws:s3:::b/alice/x")] {
            let ev = evaluate(
                &set,
                &Request::new(p.clone(), "s3:GetObject", target.clone()).with_context(Context::absent_by_default()),
            );
            let _ = ev.to_string();
            let _ = can(&set, &p, "iam:PassRole", &target).to_string();
        }
    }
    let _ = exposure(policy, ResourcePolicyKind::Generic, "arn:aws:s3:::b", "111122223333", &TrustedSet::default());
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn random_json_never_panics(v in arb_json()) {
        if let Ok(p) = Policy::from_value(&v, PolicyKind::Unknown) {
            exercise(&p);
        }
        let text = v.to_string();
        for kind in [PolicyKind::Identity, PolicyKind::Resource, PolicyKind::Trust, PolicyKind::Rcp] {
            let _ = Policy::parse(&text, kind);
        }
    }

    #[test]
    fn mutated_real_policies_never_panic(which in 0..REAL.len(), cuts in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..6)) {
        let mut bytes = REAL[which].as_bytes().to_vec();
        for (at, byte) in cuts {
            let i = at.index(bytes.len());
            match byte % 3 {
                0 => { bytes.remove(i); }
                1 => bytes.insert(i, b"{}[]\":,*?$x"[usize::from(byte) % 11]),
                _ => bytes[i] = byte,
            }
        }
        let text = String::from_utf8_lossy(&bytes);
        if let Ok(p) = Policy::parse(&text, PolicyKind::Unknown) {
            exercise(&p);
        }
    }

    #[test]
    fn deep_nesting_is_refused(depth in 9usize..5000, open in prop_oneof![Just("["), Just("{\"a\":")]) {
        let close = if open == "[" { "]" } else { "}" };
        let text = format!("{}1{}", open.repeat(depth), close.repeat(depth));
        let err = Policy::parse(&text, PolicyKind::Unknown).unwrap_err();
        prop_assert!(err.to_string().contains("nested deeper"));
    }
}

#[test]
fn real_policies_parse() {
    for doc in REAL {
        let p = Policy::parse(doc, PolicyKind::Unknown).unwrap();
        exercise(&p);
    }
}
