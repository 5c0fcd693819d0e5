//! The inventory: one typed model of an AWS estate, filled by live collection, snapshot files
//! or infrastructure as code, and read by every check.
//!
//! Conventions:
//! - A value nobody could read is `None`; the reason lives in [`Inventory::gaps`].
//! - A value whose absence AWS documents as "not configured" is [`Setting::NotConfigured`].
//! - Regional account settings are maps keyed by region: a missing key means "not collected".

pub mod account_contacts;
pub mod acm;
pub mod apigateway;
pub mod backup;
pub mod cloudformation;
pub mod cloudfront;
pub mod cloudtrail;
pub mod codeartifact;
pub mod codebuild;
mod common;
pub mod detection;
pub mod dynamodb;
pub mod ec2;
pub mod ecr;
pub mod ecs;
pub mod efs;
pub mod eks;
pub mod elasticache;
pub mod elb;
pub mod elbv2;
mod error_text;
pub mod fis;
pub mod glacier;
pub mod iam;
pub mod identity_center;
pub mod incident_manager;
pub mod inspector;
pub mod kms;
pub mod lambda;
pub mod logs;
pub mod macie;
pub mod network_firewall;
pub mod opensearch;
pub mod operations;
pub mod organizations;
pub mod prepared;
pub mod rds;
pub mod redshift;
pub mod route53;
pub mod s3;
pub mod secretsmanager;
mod service;
pub mod shield;
mod snapshot;
pub mod sns;
pub mod sqs;
pub mod ssm;
pub mod wafv2;

pub use common::{Gap, GapKind, Resource, Setting, SourceLocation, Tags, Timestamp};
pub use error_text::{error_chain, root_cause};
pub use service::Service;
pub use snapshot::{excerpt, read_limited, SnapshotError, DEFAULT_MAX_INPUT_BYTES};

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Version of the snapshot document; bump on any incompatible change of the model.
pub const SCHEMA_VERSION: u32 = 2;

/// Region label used for global services (IAM, Organizations, the S3 account settings).
pub const GLOBAL_REGION: &str = "global";

/// Everything wasp knows about one AWS account.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Inventory {
    pub schema_version: u32,
    pub account_id: String,
    #[serde(default = "default_partition")]
    pub partition: String,
    /// Regions that were in scope of the collection.
    #[serde(default)]
    pub regions: Vec<String>,
    /// Every region enabled for the account, when the collection could list them; a scan
    /// whose `regions` cover them all is complete in regions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled_regions: Option<Vec<String>>,
    /// When the evidence was gathered; checks measure ages (key rotation, last use) from here.
    pub collected_at: Timestamp,
    #[serde(default)]
    pub source: SourceKind,
    /// Services whose evidence was collected; empty means every service (hand-written
    /// snapshots, the demo). Checks that read a service outside this list do not run.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub collected_services: Vec<Service>,
    #[serde(default)]
    pub iam: iam::Iam,
    #[serde(default)]
    pub organizations: organizations::Organizations,
    #[serde(default)]
    pub s3: s3::S3,
    #[serde(default)]
    pub ec2: ec2::Ec2,
    #[serde(default)]
    pub kms: kms::Kms,
    #[serde(default)]
    pub cloudtrail: cloudtrail::CloudTrail,
    #[serde(default)]
    pub detection: detection::Detection,
    #[serde(default)]
    pub logs: logs::Logs,
    #[serde(default)]
    pub sns: sns::Sns,
    #[serde(default)]
    pub sqs: sqs::Sqs,
    #[serde(default)]
    pub dynamodb: dynamodb::DynamoDb,
    #[serde(default)]
    pub rds: rds::Rds,
    #[serde(default)]
    pub lambda: lambda::Lambda,
    #[serde(default)]
    pub ecr: ecr::Ecr,
    #[serde(default)]
    pub ecs: ecs::Ecs,
    #[serde(default)]
    pub eks: eks::Eks,
    #[serde(default)]
    pub codebuild: codebuild::CodeBuild,
    #[serde(default)]
    pub codeartifact: codeartifact::CodeArtifact,
    #[serde(default)]
    pub ssm: ssm::Ssm,
    #[serde(default)]
    pub inspector: inspector::Inspector,
    #[serde(default)]
    pub fis: fis::Fis,
    #[serde(default)]
    pub secretsmanager: secretsmanager::SecretsManager,
    #[serde(default)]
    pub acm: acm::Acm,
    #[serde(default)]
    pub efs: efs::Efs,
    #[serde(default)]
    pub glacier: glacier::Glacier,
    #[serde(default)]
    pub backup: backup::Backup,
    #[serde(default)]
    pub redshift: redshift::Redshift,
    #[serde(default)]
    pub opensearch: opensearch::OpenSearch,
    #[serde(default)]
    pub elasticache: elasticache::ElastiCache,
    #[serde(default)]
    pub macie: macie::Macie,
    #[serde(default)]
    pub elbv2: elbv2::Elbv2,
    #[serde(default)]
    pub elb: elb::Elb,
    #[serde(default)]
    pub cloudfront: cloudfront::CloudFront,
    #[serde(default)]
    pub wafv2: wafv2::Wafv2,
    #[serde(default)]
    pub shield: shield::Shield,
    #[serde(default)]
    pub apigateway: apigateway::ApiGateway,
    #[serde(default)]
    pub route53: route53::Route53,
    #[serde(default)]
    pub network_firewall: network_firewall::NetworkFirewall,
    #[serde(default)]
    pub account_contacts: account_contacts::AccountContacts,
    #[serde(default)]
    pub cloudformation: cloudformation::CloudFormation,
    #[serde(default)]
    pub identity_center: identity_center::IdentityCenter,
    #[serde(default)]
    pub incident_manager: incident_manager::IncidentManager,
    /// What could not be read, and why.
    #[serde(default)]
    pub gaps: Vec<Gap>,
    /// How the inventory was collected (API calls, timings), when it was collected live.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub collection: Option<CollectionStats>,
}

fn default_partition() -> String {
    "aws".to_owned()
}

/// Where an inventory came from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    /// Read from AWS APIs.
    #[default]
    Live,
    /// Built from infrastructure-as-code templates.
    Iac,
    /// The fictional account shipped with wasp.
    Demo,
}

/// Counters a live collection keeps about itself.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct CollectionStats {
    pub duration_ms: u64,
    pub api_calls_total: u64,
    /// One row per (service, region, operation).
    pub api_calls: Vec<ApiCallCount>,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ApiCallCount {
    pub service: Service,
    pub region: String,
    pub operation: String,
    pub count: u64,
}

impl Inventory {
    /// An empty inventory of one account, as a source starts it.
    pub fn new(account_id: impl Into<String>, collected_at: Timestamp) -> Self {
        Inventory {
            schema_version: SCHEMA_VERSION,
            account_id: account_id.into(),
            partition: default_partition(),
            collected_at,
            ..Default::default()
        }
    }

    /// The ARN used for findings about the account as a whole.
    pub fn account_arn(&self) -> String {
        format!("arn:{}:iam::{}:root", self.partition, self.account_id)
    }

    /// The ARN used for findings about an account-level setting of a regional service.
    pub fn regional_account_arn(&self, service: &str, region: &str) -> String {
        format!("arn:{}:{service}:{region}:{}:account", self.partition, self.account_id)
    }

    /// Whether evidence of `service` was collected.
    pub fn has_service(&self, service: Service) -> bool {
        self.collected_services.is_empty() || self.collected_services.contains(&service)
    }

    /// Whether the scanned regions are every region enabled for the account.
    pub fn covers_every_region(&self) -> bool {
        self.enabled_regions.as_ref().is_some_and(|enabled| enabled.iter().all(|r| self.regions.contains(r)))
    }

    /// Whether `region` was scanned.
    pub fn scanned(&self, region: &str) -> bool {
        self.regions.iter().any(|r| r == region)
    }

    /// Gaps recorded for a service (any region, any operation).
    pub fn gaps_for(&self, service: Service) -> impl Iterator<Item = &Gap> + '_ {
        self.gaps.iter().filter(move |g| g.affects(service))
    }

    /// The first gap recorded for a service in a region (or globally), if any.
    pub fn gap_in(&self, service: Service, region: &str) -> Option<&Gap> {
        self.gaps.iter().find(|g| g.affects(service) && (g.region == region || g.region == GLOBAL_REGION))
    }

    /// The first gap of one operation in a region (or globally), if any.
    pub fn operation_gap(&self, service: Service, operation: &str, region: &str) -> Option<&Gap> {
        self.gaps
            .iter()
            .find(|g| g.affects_operation(service, operation) && (g.region == region || g.region == GLOBAL_REGION))
    }

    /// The tags of every tagged resource, by ARN.
    pub fn tags_by_arn(&self) -> std::collections::HashMap<&str, &Tags> {
        let iam =
            self.iam.users.iter().map(|r| (&r.arn, &r.tags)).chain(self.iam.roles.iter().map(|r| (&r.arn, &r.tags)));
        let ec2 = self
            .ec2
            .vpcs
            .iter()
            .map(|r| (&r.arn, &r.tags))
            .chain(self.ec2.security_groups.iter().map(|r| (&r.arn, &r.tags)));
        let more = self
            .ec2
            .instances
            .iter()
            .map(|r| (&r.arn, &r.tags))
            .chain(self.ec2.volumes.iter().map(|r| (&r.arn, &r.tags)))
            .chain(self.kms.keys.iter().map(|r| (&r.arn, &r.tags)));
        iam.chain(ec2)
            .chain(more)
            .filter(|(_, tags)| !tags.is_empty())
            .map(|(arn, tags)| (arn.as_str(), tags))
            .collect()
    }

    /// Count of resources of every kind, for summaries.
    pub fn resource_counts(&self) -> BTreeMap<&'static str, usize> {
        let mut counts = BTreeMap::new();
        let mut put = |k, n| {
            if n > 0 {
                counts.insert(k, n);
            }
        };
        put("iam_user", self.iam.users.len());
        put("iam_role", self.iam.roles.len());
        put("iam_group", self.iam.groups.len());
        put("iam_policy", self.iam.policies.len());
        put("s3_bucket", self.s3.buckets.len());
        put("ec2_instance", self.ec2.instances.len());
        put("ec2_security_group", self.ec2.security_groups.len());
        put("ec2_volume", self.ec2.volumes.len());
        put("ec2_public_snapshot", self.ec2.public_snapshots.values().map(Vec::len).sum());
        put("ec2_image", self.ec2.images.len());
        put("vpc", self.ec2.vpcs.len());
        put("kms_key", self.kms.keys.len());
        put("cloudtrail_trail", self.cloudtrail.trails.len());
        put("log_group", self.logs.log_groups.len());
        put("sns_subscription", self.sns.subscriptions.values().map(Vec::len).sum());
        put("sns_topic", self.sns.topics.len());
        put("sqs_queue", self.sqs.queues.len());
        put("dynamodb_table", self.dynamodb.tables.len());
        put("rds_instance", self.rds.instances.len());
        put("rds_cluster", self.rds.clusters.len());
        put("rds_snapshot", self.rds.snapshots.len());
        put("lambda_function", self.lambda.functions.len());
        put("ecr_repository", self.ecr.repositories.len());
        put("ecs_cluster", self.ecs.clusters.len());
        put("ecs_service", self.ecs.services.len());
        put("ecs_task_definition", self.ecs.task_definitions.len());
        put("eks_cluster", self.eks.clusters.len());
        put("codebuild_project", self.codebuild.projects.len());
        put("codebuild_report_group", self.codebuild.report_groups.len());
        put("codeartifact_domain", self.codeartifact.domains.len());
        put("codeartifact_repository", self.codeartifact.repositories.len());
        put("ssm_document", self.ssm.documents.len());
        put("ssm_parameter", self.ssm.parameters.len());
        put("secret", self.secretsmanager.secrets.len());
        put("acm_certificate", self.acm.certificates.len());
        put("efs_file_system", self.efs.file_systems.len());
        put("efs_access_point", self.efs.access_points.len());
        put("glacier_vault", self.glacier.vaults.len());
        put("backup_vault", self.backup.vaults.len());
        put("backup_plan", self.backup.plans.len());
        put("redshift_cluster", self.redshift.clusters.len());
        put("opensearch_domain", self.opensearch.domains.len());
        put("elasticache_replication_group", self.elasticache.replication_groups.len());
        put("elasticache_cluster", self.elasticache.cache_clusters.len());
        put("elbv2_load_balancer", self.elbv2.load_balancers.len());
        put("elb_load_balancer", self.elb.load_balancers.len());
        put("cloudfront_distribution", self.cloudfront.distributions.len());
        put("wafv2_web_acl", self.wafv2.web_acls.len());
        put("apigateway_rest_api", self.apigateway.rest_apis.len());
        put("apigatewayv2_api", self.apigateway.apis.len());
        put("route53_hosted_zone", self.route53.hosted_zones.len());
        put("networkfirewall_firewall", self.network_firewall.firewalls.len());
        put("subnet", self.ec2.subnets.len());
        put("cloudformation_stack", self.cloudformation.stacks.len());
        put("identitycenter_permission_set", self.identity_center.permission_sets.len());
        counts
    }
}
