//! A large synthetic inventory for benchmarks (70,000 resources), shared by the evaluation and
//! rendering benchmarks.
use wasp_model::ec2::{HttpTokens, Instance, InstanceState, Protocol, SecurityGroup, SgRule, Volume};
use wasp_model::iam::{AccessKey, ManagedPolicy, Role, User};
use wasp_model::s3::{Bucket, PublicAccessBlock, Versioning, VersioningStatus};
use wasp_model::{Inventory, Setting};

const USERS: usize = 5_000;
const ROLES: usize = 5_000;
const BUCKETS: usize = 10_000;
const SECURITY_GROUPS: usize = 20_000;
const INSTANCES: usize = 10_000;
const VOLUMES: usize = 20_000;

pub fn inventory() -> Inventory {
    let now = "2026-06-01T00:00:00Z".parse().unwrap();
    let mut inv = Inventory::new("123456789012", now);
    inv.regions = vec!["us-east-1".into(), "eu-west-1".into()];
    let region = |i: usize| if i.is_multiple_of(2) { "us-east-1" } else { "eu-west-1" }.to_owned();
    let doc = serde_json::json!({"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject"], "Resource": "arn:aws:s3:::b/*"},
        {"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}]});
    // IAM as estates have it: developers who pass roles to EC2 and Lambda, a few operators who
    // write role policies and assume roles, a few administrators; some roles trust the account.
    let policy = |name: &str, statement: serde_json::Value| ManagedPolicy {
        arn: if name == "AdministratorAccess" {
            "arn:aws:iam::aws:policy/AdministratorAccess".into()
        } else {
            format!("arn:aws:iam::123456789012:policy/{name}")
        },
        name: name.into(),
        attachment_count: Some(1),
        document: Some(serde_json::json!({"Version": "2012-10-17", "Statement": statement})),
        location: None,
    };
    inv.iam.aws_policies =
        vec![policy("AdministratorAccess", serde_json::json!([{"Effect": "Allow", "Action": "*", "Resource": "*"}]))];
    inv.iam.policies = vec![
        policy(
            "developer",
            serde_json::json!([{"Effect": "Allow", "Resource": "*", "Action":
                ["iam:PassRole", "ec2:RunInstances", "lambda:CreateFunction", "lambda:InvokeFunction", "s3:Get*"]}]),
        ),
        policy(
            "operator",
            serde_json::json!([{"Effect": "Allow", "Resource": "*", "Action":
                ["iam:PutRolePolicy", "iam:AttachRolePolicy", "sts:AssumeRole", "iam:List*"]}]),
        ),
    ];
    let attached = |i: usize, admin_every: usize| -> Vec<String> {
        let name = if i % admin_every == 7 {
            return vec!["arn:aws:iam::aws:policy/AdministratorAccess".into()];
        } else if i % 100 == 5 {
            "operator"
        } else if i.is_multiple_of(10) {
            "developer"
        } else {
            return Vec::new();
        };
        vec![format!("arn:aws:iam::123456789012:policy/{name}")]
    };
    let account_trust = serde_json::json!({"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::123456789012:root"}, "Action": "sts:AssumeRole"}]});
    for i in 0..USERS {
        inv.iam.users.push(User {
            arn: format!("arn:aws:iam::123456789012:user/u{i}"),
            name: format!("u{i}"),
            console_access: Some(i % 3 == 0),
            mfa_active: Some(i % 2 == 0),
            access_keys: Some(vec![AccessKey { id: None, active: true, created: Some(now), last_used: Some(now) }]),
            attached_policies: attached(i, 1000),
            ..User::default()
        });
    }
    for i in 0..ROLES {
        inv.iam.roles.push(Role {
            arn: format!("arn:aws:iam::123456789012:role/r{i}"),
            name: format!("r{i}"),
            trust_policy: Some(if i % 50 == 1 { account_trust.clone() } else { doc.clone() }),
            attached_policies: attached(i, 500),
            ..Role::default()
        });
    }
    for i in 0..BUCKETS {
        let block = PublicAccessBlock {
            block_public_acls: true,
            ignore_public_acls: i % 2 == 0,
            block_public_policy: true,
            restrict_public_buckets: true,
        };
        inv.s3.buckets.push(Bucket {
            name: format!("b{i}"),
            arn: format!("arn:aws:s3:::b{i}"),
            region: region(i),
            policy: Some(Setting::Configured(doc.clone())),
            policy_is_public: Some(false),
            acl_grants: Some(Vec::new()),
            public_access_block: Some(Setting::Configured(block)),
            versioning: Some(Versioning { status: VersioningStatus::Enabled, mfa_delete: false }),
            logging: Some(Setting::NotConfigured),
            encryption: Some(Setting::NotConfigured),
            ..Bucket::default()
        });
    }
    for i in 0..SECURITY_GROUPS {
        let rule = |port: i32, source: &str| SgRule {
            protocol: Protocol::Tcp,
            from_port: Some(port),
            to_port: Some(port),
            source: source.into(),
        };
        inv.ec2.security_groups.push(SecurityGroup {
            arn: format!("arn:aws:ec2:us-east-1:123456789012:security-group/sg-{i}"),
            id: format!("sg-{i}"),
            name: if i % 100 == 0 { "default".into() } else { format!("g{i}") },
            region: region(i),
            ingress: vec![
                rule(443, "0.0.0.0/0"),
                rule(22, if i % 10 == 0 { "0.0.0.0/0" } else { "10.0.0.0/8" }),
                rule(5432, "sg-1"),
            ],
            ..SecurityGroup::default()
        });
    }
    for i in 0..INSTANCES {
        inv.ec2.instances.push(Instance {
            arn: format!("arn:aws:ec2:us-east-1:123456789012:instance/i-{i}"),
            id: format!("i-{i}"),
            region: region(i),
            state: Some(InstanceState::Running),
            metadata_http_tokens: Some(if i % 4 == 0 { HttpTokens::Optional } else { HttpTokens::Required }),
            ..Instance::default()
        });
    }
    for i in 0..VOLUMES {
        inv.ec2.volumes.push(Volume {
            arn: format!("arn:aws:ec2:us-east-1:123456789012:volume/vol-{i}"),
            id: format!("vol-{i}"),
            region: region(i),
            encrypted: Some(i % 5 != 0),
            ..Volume::default()
        });
    }
    inv
}
