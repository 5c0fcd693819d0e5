//! Rough timings of the policy-engine checks:
//! `cargo run --release -p wasp-checks --example iam_measure`.
//!
//! Measures the built-in demo account and a synthetic account of 1,000 principals (600 users
//! in 20 groups, 400 roles, 200 customer-managed policies, a few administrators).
use serde_json::{json, Value};
use std::path::Path;
use std::time::Instant;
use wasp_checks::{iam_policies, Settings};
use wasp_model::Inventory;

const CHECKS: [&str; 7] = [
    "iam_principal_privilege_escalation",
    "iam_principal_effective_admin",
    "iam_policy_grants_unknown_actions",
    "iam_role_trust_not_public",
    "iam_role_trust_confused_deputy",
    "s3_bucket_policy_no_untrusted_access",
    "kms_key_policy_no_untrusted_access",
];

fn synthetic() -> Inventory {
    let account = "123456789012";
    let statements = |i: usize| -> Value {
        match i % 5 {
            0 => {
                json!([{"Effect": "Allow", "Action": ["s3:Get*", "s3:List*"], "Resource": format!("arn:aws:s3:::data-{i}/*")}])
            }
            1 => json!([{"Effect": "Allow", "Action": ["ec2:Describe*", "ec2:RunInstances"], "Resource": "*"},
                        {"Effect": "Allow", "Action": "iam:PassRole", "Resource": format!("arn:aws:iam::{account}:role/app-{i}")}]),
            2 => json!([{"Effect": "Allow", "Action": ["lambda:*", "logs:*"], "Resource": "*"},
                        {"Effect": "Deny", "Action": "lambda:UpdateFunctionCode", "Resource": "*"}]),
            3 => json!([{"Effect": "Allow", "Action": ["dynamodb:*", "sqs:*", "sns:Publish"], "Resource": "*",
                         "Condition": {"StringEquals": {"aws:RequestedRegion": "eu-west-1"}}}]),
            _ => json!([{"Effect": "Allow", "Action": ["iam:Get*", "iam:List*", "cloudwatch:*"], "Resource": "*"}]),
        }
    };
    let policies: Vec<Value> = (0..200)
        .map(|i| {
            json!({"arn": format!("arn:aws:iam::{account}:policy/p{i}"), "name": format!("p{i}"),
                   "document": {"Version": "2012-10-17", "Statement": statements(i)}})
        })
        .collect();
    let groups: Vec<Value> = (0..20)
        .map(|g| {
            json!({"name": format!("g{g}"), "arn": format!("arn:aws:iam::{account}:group/g{g}"),
                   "attached_policies": [format!("arn:aws:iam::{account}:policy/p{}", g * 3), format!("arn:aws:iam::{account}:policy/p{}", g * 3 + 1)]})
        })
        .collect();
    let users: Vec<Value> = (0..600)
        .map(|u| {
            let mut user = json!({"name": format!("u{u}"), "arn": format!("arn:aws:iam::{account}:user/u{u}"),
                "groups": [format!("g{}", u % 20)], "console_access": u % 2 == 0, "access_keys": [],
                "attached_policies": [format!("arn:aws:iam::{account}:policy/p{}", 60 + u % 140)],
                "inline_policies": [{"name": "own", "document": {"Statement": statements(u + 2)}}]});
            if u % 150 == 0 {
                user["attached_policies"] = json!(["arn:aws:iam::aws:policy/AdministratorAccess"]);
            }
            user
        })
        .collect();
    let roles: Vec<Value> = (0..400)
        .map(|r| {
            let service = ["ec2.amazonaws.com", "lambda.amazonaws.com", "ecs-tasks.amazonaws.com"][r % 3];
            let mut role = json!({"name": format!("app-{r}"), "arn": format!("arn:aws:iam::{account}:role/app-{r}"),
                "trust_policy": {"Statement": [{"Effect": "Allow", "Principal": {"Service": service}, "Action": "sts:AssumeRole"}]},
                "attached_policies": [format!("arn:aws:iam::{account}:policy/p{}", r % 200)]});
            if r % 100 == 0 {
                role["attached_policies"] = json!(["arn:aws:iam::aws:policy/AdministratorAccess"]);
            }
            role
        })
        .collect();
    serde_json::from_value(json!({
        "schema_version": wasp_model::SCHEMA_VERSION, "account_id": account, "collected_at": "2026-06-01T00:00:00Z",
        "organizations": {"organization": "not_configured"},
        "iam": {"users": users, "groups": groups, "roles": roles, "policies": policies}
    }))
    .expect("a valid synthetic inventory")
}

fn measure(label: &str, inv: &Inventory) {
    let settings = Settings::default();
    let t = Instant::now();
    let analysis = iam_policies::Analysis::new(inv);
    let parse = t.elapsed();
    drop(analysis);
    let t = Instant::now();
    let found = iam_policies::escalations(inv, &settings);
    let search = t.elapsed();
    println!(
        "{label}: parse every document once {parse:?}; escalation search {search:?} ({} escalations)",
        found.len()
    );
    let mut total = std::time::Duration::ZERO;
    for id in CHECKS {
        let check = wasp_checks::find(id).expect("a registered check");
        let mut out = Vec::new();
        let t = Instant::now();
        wasp_checks::run_one(check, inv, &settings, &mut out);
        let took = t.elapsed();
        total += took;
        println!("  {id}: {took:?} ({} findings)", out.len());
    }
    println!("  all seven checks: {total:?}");
}

fn main() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../cli/demo/demo-snapshot.json");
    let text = std::fs::read_to_string(&path).expect("the demo snapshot");
    let demo = Inventory::from_snapshot_json(&text, &path).expect("a valid demo snapshot");
    // The action catalogue is parsed once, on first use: keep it out of the timings.
    let t = Instant::now();
    let _ = wasp_iam::catalog();
    println!("catalogue (first use): {:?}", t.elapsed());
    measure("demo", &demo);
    let big = synthetic();
    println!("synthetic: {} users, {} roles", big.iam.users.len(), big.iam.roles.len());
    measure("synthetic 1,000 principals", &big);
}
