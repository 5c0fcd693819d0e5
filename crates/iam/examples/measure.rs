//! Rough timings: `cargo run --release -p wasp-iam --example measure`.

use std::time::Instant;
use wasp_iam::{
    admin_access, catalog, evaluate, exposure, NamedPolicy, Policy, PolicyKind, PolicySet, Principal, Request,
    ResourcePolicyKind, Target, TrustedSet,
};

fn time<T>(label: &str, runs: u32, mut f: impl FnMut() -> T) {
    let start = Instant::now();
    for _ in 0..runs {
        std::hint::black_box(f());
    }
    let per = start.elapsed() / runs;
    println!("{label}: {per:?} per call ({runs} runs)");
}

fn main() {
    let t = Instant::now();
    let n = catalog().actions().len();
    println!("catalogue parse (first use): {:?} for {n} actions", t.elapsed());

    let docs = [
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:Get*","s3:List*"],"Resource":["arn:aws:s3:::data","arn:aws:s3:::data/*"]},{"Effect":"Allow","Action":"ec2:Describe*","Resource":"*"}]}"#,
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:*","Resource":"*","Condition":{"Bool":{"aws:MultiFactorAuthPresent":"true"}}},{"Effect":"Deny","Action":"iam:DeleteRole","Resource":"arn:aws:iam::*:role/keep-*"}]}"#,
        r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"logs:*","Resource":"arn:aws:logs:*:111122223333:log-group:/app/${aws:PrincipalTag/team}/*"}}"#,
    ];
    let policies: Vec<Policy> = docs.iter().map(|d| Policy::parse(d, PolicyKind::Identity).unwrap()).collect();
    time("parse a 3-statement policy", 10_000, || Policy::parse(docs[1], PolicyKind::Identity));
    let scp = Policy::parse(r#"{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*"},{"Effect":"Deny","Action":"organizations:*","Resource":"*"}]}"#, PolicyKind::Scp).unwrap();
    let mut set = PolicySet::new();
    for (i, p) in policies.iter().enumerate() {
        set = set.identity(format!("p{i}"), p);
    }
    let set = set.scp_level(vec![NamedPolicy::new("root", &scp)]).scp_level(vec![NamedPolicy::new("ou", &scp)]);
    let role = Principal::role("arn:aws:iam::111122223333:role/app").with_tags([("team", "blue")]);
    let req = Request::new(role.clone(), "s3:GetObject", Target::in_account("arn:aws:s3:::data/file", "111122223333"));
    time("evaluate one request (3 identity policies, 2 SCP levels)", 100_000, || evaluate(&set, &req));
    time("admin_access, non-admin principal", 100, || admin_access(&set, &role));
    let star =
        Policy::parse(r#"{"Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}"#, PolicyKind::Identity).unwrap();
    let admin = PolicySet::new().identity("admin", &star);
    time("admin_access, full admin (every catalogue action)", 10, || admin_access(&admin, &role));
    let bucket = Policy::parse(r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":["s3:GetObject","s3:ListBucket"],"Resource":["arn:aws:s3:::b","arn:aws:s3:::b/*"],"Condition":{"StringEquals":{"aws:PrincipalOrgID":"o-1"}}},{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":"false"}}}]}"#, PolicyKind::Resource).unwrap();
    time("exposure of a 2-statement bucket policy", 1_000, || {
        exposure(&bucket, ResourcePolicyKind::Generic, "arn:aws:s3:::b", "111122223333", &TrustedSet::default())
    });
}
