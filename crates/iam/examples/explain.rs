//! Prints a few explained decisions: `cargo run -p wasp-iam --example explain`.

use wasp_iam::{can, NamedPolicy, Policy, PolicyKind, PolicySet, Principal, Target};

fn main() {
    let id = Policy::parse(
        r#"{"Version":"2012-10-17","Statement":[
            {"Sid":"Admin","Effect":"Allow","Action":"iam:*","Resource":"*","Condition":{"Bool":{"aws:MultiFactorAuthPresent":"true"}}},
            {"Sid":"Data","Effect":"Allow","Action":"s3:*","Resource":"*"}]}"#,
        PolicyKind::Identity,
    )
    .unwrap();
    let boundary = Policy::parse(
        r#"{"Statement":{"Effect":"Allow","Action":["iam:*","s3:Get*"],"Resource":"*"}}"#,
        PolicyKind::PermissionsBoundary,
    )
    .unwrap();
    let scp = Policy::parse(
        r#"{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*"},{"Sid":"NoLeaving","Effect":"Deny","Action":"organizations:LeaveOrganization","Resource":"*"}]}"#,
        PolicyKind::Scp,
    )
    .unwrap();
    let key = Policy::parse(
        r#"{"Statement":{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:role/KeyAdmin"},"Action":"kms:*","Resource":"*"}}"#,
        PolicyKind::Resource,
    )
    .unwrap();
    let role = Principal::role("arn:aws:iam::111122223333:role/dev").with_session("alice");
    let set = PolicySet::new()
        .identity("dev-inline", &id)
        .boundary("dev-boundary", &boundary)
        .scp_level(vec![NamedPolicy::new("FullAWSAccess", &scp)]);
    print!("{}", can(&set, &role, "iam:CreatePolicyVersion", &Target::all()));
    print!("{}", can(&set, &role, "s3:PutObject", &Target::in_account("arn:aws:s3:::data/x", "111122223333")));
    print!("{}", can(&set, &role, "organizations:LeaveOrganization", &Target::all()));
    let kms = set.clone().key_policy("key policy", &key);
    print!("{}", can(&kms, &role, "kms:Decrypt", &Target::arn("arn:aws:kms:eu-west-1:111122223333:key/k-1")));
}
