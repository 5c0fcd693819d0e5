//! Malformed documents are refused with one clear line naming the statement and the problem.

use wasp_iam::{Policy, PolicyKind, MAX_DEPTH, MAX_DOCUMENT_BYTES};

fn err(doc: &str, kind: PolicyKind) -> String {
    match Policy::parse(doc, kind) {
        Ok(p) => panic!("accepted: {doc}\n{p:?}"),
        Err(e) => {
            let text = e.to_string();
            assert!(!text.contains('\n'), "error is one line: {text}");
            text
        }
    }
}

const ID: PolicyKind = PolicyKind::Identity;

#[test]
fn statement_level_errors_name_the_statement() {
    let cases: &[(&str, PolicyKind, &str)] = &[
        (
            r#"{"Version":"2012-10-17","Statement":[{"Sid":"A","Effect":"Allow","Action":"s3:*","NotAction":"iam:*","Resource":"*"}]}"#,
            ID,
            r#"statement "A" (#0): both Action and NotAction are present"#,
        ),
        (
            r#"{"Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"},{"Effect":"allow","Action":"s3:*","Resource":"*"}]}"#,
            ID,
            r#"statement #1: unknown Effect "allow" (expected "Allow" or "Deny")"#,
        ),
        (r#"{"Statement":{"Action":"s3:*","Resource":"*"}}"#, ID, "statement #0: missing Effect"),
        (
            r#"{"Statement":{"Effect":"Allow","Resource":"*"}}"#,
            ID,
            "statement #0: neither Action nor NotAction is present",
        ),
        (
            r#"{"Statement":{"Effect":"Allow","Action":"s3:*"}}"#,
            ID,
            "statement #0: neither Resource nor NotResource is present",
        ),
        (
            r#"{"Statement":{"Sid":"P","Effect":"Allow","Principal":"*","Action":"s3:*","Resource":"*"}}"#,
            ID,
            r#"statement "P" (#0): Principal is not allowed in identity policies"#,
        ),
        (
            r#"{"Statement":{"Effect":"Deny","NotPrincipal":{"AWS":"1"},"Action":"*","Resource":"*"}}"#,
            PolicyKind::Scp,
            "statement #0: NotPrincipal is not allowed in SCP policies",
        ),
        (
            r#"{"Statement":{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}}"#,
            PolicyKind::Resource,
            "statement #0: Principal is required in resource policies",
        ),
        (
            r#"{"Statement":{"Effect":"Allow","Principal":{"AWS":"1"},"Action":"sts:AssumeRole","Resource":"*"}}"#,
            PolicyKind::Trust,
            "statement #0: Resource is not allowed in trust policies",
        ),
        (
            r#"{"Statement":{"Effect":"Deny","Principal":{"AWS":"1"},"Action":"s3:*","Resource":"*"}}"#,
            PolicyKind::Rcp,
            r#"statement #0: RCP statements must use Principal "*""#,
        ),
        (
            r#"{"Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*","Effekt":"Allow"}}"#,
            ID,
            r#"statement #0: unknown field "Effekt""#,
        ),
        (
            r#"{"Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{"StringEqualz":{"aws:x":"y"}}}}"#,
            ID,
            r#"statement #0: unknown condition operator "StringEqualz""#,
        ),
        (
            r#"{"Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{"stringequals":{"aws:x":"y"}}}}"#,
            ID,
            r#"statement #0: unknown condition operator "stringequals""#,
        ),
        (
            r#"{"Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{"IpAddress":{"aws:SourceIp":"10.0.0.0/33"}}}}"#,
            ID,
            r#"statement #0: condition IpAddress on aws:SourceIp: "10.0.0.0/33" is not an IP address or CIDR"#,
        ),
        (
            r#"{"Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{"NumericLessThan":{"s3:max-keys":"ten"}}}}"#,
            ID,
            r#"statement #0: condition NumericLessThan on s3:max-keys: "ten" is not a number"#,
        ),
        (
            r#"{"Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{"DateLessThan":{"aws:CurrentTime":"soon"}}}}"#,
            ID,
            r#"statement #0: condition DateLessThan on aws:CurrentTime: "soon" is not an ISO 8601 date or epoch time"#,
        ),
        (
            r#"{"Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{"StringEquals":{"aws:x":{"a":1}}}}}"#,
            ID,
            "statement #0: condition StringEquals on aws:x: values must be strings, numbers or booleans",
        ),
        (
            r#"{"Statement":{"Effect":"Allow","Action":"s3","Resource":"*"}}"#,
            ID,
            r#"statement #0: action "s3" is not "*" or "service:action""#,
        ),
        (r#"{"Statement":{"Effect":"Allow","Action":[],"Resource":"*"}}"#, ID, "statement #0: Action is an empty list"),
        (
            r#"{"Statement":{"Effect":"Allow","Action":["s3:*",3],"Resource":"*"}}"#,
            ID,
            "statement #0: Action must be a string or a list of strings",
        ),
        (
            r#"{"Statement":{"Effect":"Allow","Principal":{"Aws":"1"},"Action":"s3:*","Resource":"*"}}"#,
            PolicyKind::Resource,
            r#"statement #0: unknown principal type "Aws" (expected AWS, Service, Federated or CanonicalUser)"#,
        ),
        (r#"{"Statement":["x"]}"#, ID, "statement #0: Statement must be an object or a list of objects"),
    ];
    for (doc, kind, want) in cases {
        assert_eq!(err(doc, *kind), *want, "for {doc}");
    }
}

#[test]
fn document_level_errors() {
    assert_eq!(err("[]", ID), "a policy document must be a JSON object");
    assert_eq!(err("{", ID).split(':').next(), Some("not valid JSON"));
    assert_eq!(err(r#"{"Version":"2012-10-17"}"#, ID), "missing Statement");
    assert_eq!(
        err(r#"{"Version":"2020-01-01","Statement":[]}"#, ID),
        r#"unsupported Version "2020-01-01" (expected "2012-10-17" or "2008-10-17")"#
    );
    assert_eq!(err(r#"{"Statement":[],"Foo":1}"#, ID), r#"unknown field "Foo""#);
    assert_eq!(err(r#"{"Statement":"x"}"#, ID), "Statement must be an object or a list of objects");
}

#[test]
fn size_and_depth_limits() {
    let big = format!(r#"{{"Statement":[],"Id":"{}"}}"#, "x".repeat(MAX_DOCUMENT_BYTES));
    assert!(err(&big, ID).starts_with("document is "));
    let deep = format!("{}{}", "[".repeat(50_000), "]".repeat(50_000));
    assert_eq!(err(&deep, ID), format!("JSON nested deeper than {MAX_DEPTH} levels"));
    // The deepest valid shape (7 levels) is accepted.
    let ok = r#"{"Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{"StringEquals":{"aws:x":["a","b"]}}}]}"#;
    assert!(Policy::parse(ok, ID).is_ok());
    let value: serde_json::Value = serde_json::from_str(ok).unwrap();
    assert!(Policy::from_value(&value, ID).is_ok());
}

#[test]
fn every_kind_parses_its_usual_shape() {
    let ok = |doc: &str, kind| Policy::parse(doc, kind).unwrap_or_else(|e| panic!("{kind}: {e}"));
    ok(
        r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":{"Service":["ec2.amazonaws.com"]},"Action":"sts:AssumeRole"}}"#,
        PolicyKind::Trust,
    );
    ok(
        r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":{"CanonicalUser":"abc","AWS":["111122223333","arn:aws:iam::444455556666:role/r"]},"Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}}"#,
        PolicyKind::Resource,
    );
    ok(r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"#, PolicyKind::Scp);
    ok(
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"*","Condition":{"StringNotEqualsIfExists":{"aws:PrincipalOrgID":"o-1"},"BoolIfExists":{"aws:PrincipalIsAWSService":"false"}}}]}"#,
        PolicyKind::Rcp,
    );
    ok(
        r#"{"Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{"ForAnyValue:StringLike":{"aws:TagKeys":["a*"]},"Null":{"aws:x":true},"NumericLessThan":{"n":5}}}}"#,
        PolicyKind::Session,
    );
    let p = ok(
        r#"{"Id":"x","Statement":{"Sid":"S","Effect":"Deny","NotAction":"iam:*","NotResource":"arn:aws:iam::*:role/x"}}"#,
        PolicyKind::PermissionsBoundary,
    );
    assert_eq!(p.id.as_deref(), Some("x"));
    assert_eq!(p.statements[0].label(), "S");
    assert!(p.statements[0].action.negated && p.statements[0].resource.as_ref().unwrap().negated);
}
