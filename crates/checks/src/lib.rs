//! The check engine: declarations, the registry and a runner over the inventory.
//!
//! A check is a pure function of the [`Inventory`]: it never calls AWS, never prints and never
//! fails. It reports one [`Finding`] per resource it judges: PASS, FAIL, or SKIP when the
//! evidence it needs could not be read.

mod declare;
mod engine;
mod evidence;
pub mod filter_pattern;
pub mod iam_policies;
pub mod policy;
mod registry;
pub mod resource_policy;
pub mod secret_names;
mod settings;

pub mod accessanalyzer;
pub mod accountcontacts;
pub mod acm;
pub mod apigateway;
pub mod backup;
pub mod cloudformation;
pub mod cloudfront;
pub mod cloudtrail;
pub mod cloudwatch;
pub mod codeartifact;
pub mod codebuild;
pub mod config;
pub mod dynamodb;
pub mod ec2;
pub mod ecr;
pub mod ecs;
pub mod efs;
pub mod eks;
pub mod elasticache;
pub mod elb;
pub mod elbv2;
pub mod fis;
pub mod glacier;
pub mod guardduty;
pub mod iam;
pub mod identitycenter;
pub mod incidentmanager;
pub mod inspector;
pub mod kms;
pub mod lambda;
pub mod logs;
pub mod macie;
pub mod networkfirewall;
pub mod opensearch;
pub mod organizations;
pub mod rds;
pub mod redshift;
pub mod route53;
pub mod s3;
pub mod secretsmanager;
pub mod securityhub;
pub mod shield;
pub mod sns;
pub mod sqs;
pub mod ssm;
pub mod wafv2;

pub use declare::{Check, CheckKind, Equivalents, Meta, Read, Severity};
pub use engine::{run, run_one, Finding, Findings, Selection, Status, Suppression};
pub use registry::{find, CHECKS};
pub use settings::Settings;
