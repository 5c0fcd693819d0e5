//! The services wasp knows: one typed name used by check metadata, gaps, `--services` and the
//! collector's dispatch.
use serde::{Deserialize, Serialize};

/// An AWS service wasp reads, or one of the two scopes a gap can have beyond a service.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Service {
    /// Only the caller's identity; always called first.
    Sts,
    Iam,
    Organizations,
    S3,
    Ec2,
    Kms,
    CloudTrail,
    Config,
    GuardDuty,
    SecurityHub,
    AccessAnalyzer,
    Logs,
    CloudWatch,
    Sns,
    Sqs,
    DynamoDb,
    Rds,
    Lambda,
    /// Application, Network and Gateway Load Balancers (ELBv2).
    Elbv2,
    /// Classic Load Balancers.
    Elb,
    /// CloudFront distributions (global).
    CloudFront,
    /// WAFv2 web ACLs, their associations and logging.
    Wafv2,
    /// Shield Advanced subscription and protections (global).
    Shield,
    /// API Gateway REST APIs (v1) and HTTP/WebSocket APIs (v2).
    ApiGateway,
    /// Route 53 hosted zones and registered domains (global).
    Route53,
    /// Network Firewall firewalls and policies.
    NetworkFirewall,
    /// ECR repositories.
    Ecr,
    /// ECS clusters, services and task definitions.
    Ecs,
    /// EKS clusters.
    Eks,
    /// CodeBuild projects.
    CodeBuild,
    /// CodeArtifact domains and repositories.
    CodeArtifact,
    /// Systems Manager: managed instances, patch compliance, documents, parameters (never values).
    Ssm,
    /// Amazon Inspector (v2) coverage and findings counts.
    Inspector,
    /// AWS Fault Injection Service experiment templates and experiments.
    Fis,
    /// Secrets Manager secrets (never their values).
    SecretsManager,
    /// ACM certificates.
    Acm,
    /// EFS file systems and access points.
    Efs,
    /// S3 Glacier vaults and their access policies.
    Glacier,
    /// AWS Backup vaults, plans and protected resources.
    Backup,
    /// Redshift clusters.
    Redshift,
    /// OpenSearch Service domains.
    OpenSearch,
    /// ElastiCache replication groups and clusters.
    ElastiCache,
    /// Amazon Macie status, classification jobs and findings counts.
    Macie,
    /// CloudFormation stacks.
    CloudFormation,
    /// Incident Manager response plans and contacts.
    IncidentManager,
    /// IAM Identity Center instances and permission sets.
    IdentityCenter,
    /// The account's alternate contacts (the Account Management API; global).
    AccountContacts,
    /// Gaps only: the account itself (its list of regions).
    Account,
    /// Gaps only: every service of a region (every call there was denied).
    #[serde(rename = "*")]
    Every,
}

impl Service {
    /// Every service `wasp scan` can collect, in collection order.
    pub const COLLECTED: [Service; 46] = [
        Service::Iam,
        Service::Organizations,
        Service::S3,
        Service::Ec2,
        Service::Kms,
        Service::CloudTrail,
        Service::Config,
        Service::GuardDuty,
        Service::SecurityHub,
        Service::AccessAnalyzer,
        Service::Logs,
        Service::CloudWatch,
        Service::Sns,
        Service::Sqs,
        Service::DynamoDb,
        Service::Rds,
        Service::Lambda,
        Service::Elbv2,
        Service::Elb,
        Service::CloudFront,
        Service::Wafv2,
        Service::Shield,
        Service::ApiGateway,
        Service::Route53,
        Service::NetworkFirewall,
        Service::Ecr,
        Service::Ecs,
        Service::Eks,
        Service::CodeBuild,
        Service::CodeArtifact,
        Service::Ssm,
        Service::Inspector,
        Service::Fis,
        Service::SecretsManager,
        Service::Acm,
        Service::Efs,
        Service::Glacier,
        Service::Backup,
        Service::Redshift,
        Service::OpenSearch,
        Service::ElastiCache,
        Service::Macie,
        Service::CloudFormation,
        Service::IncidentManager,
        Service::IdentityCenter,
        Service::AccountContacts,
    ];

    /// wasp's short name, as in `--services`, gaps and snapshot files.
    pub const fn name(self) -> &'static str {
        match self {
            Service::Sts => "sts",
            Service::Iam => "iam",
            Service::Organizations => "organizations",
            Service::S3 => "s3",
            Service::Ec2 => "ec2",
            Service::Kms => "kms",
            Service::CloudTrail => "cloudtrail",
            Service::Config => "config",
            Service::GuardDuty => "guardduty",
            Service::SecurityHub => "securityhub",
            Service::AccessAnalyzer => "accessanalyzer",
            Service::Logs => "logs",
            Service::CloudWatch => "cloudwatch",
            Service::Sns => "sns",
            Service::Sqs => "sqs",
            Service::DynamoDb => "dynamodb",
            Service::Rds => "rds",
            Service::Lambda => "lambda",
            Service::Elbv2 => "elbv2",
            Service::Elb => "elb",
            Service::CloudFront => "cloudfront",
            Service::Wafv2 => "wafv2",
            Service::Shield => "shield",
            Service::ApiGateway => "apigateway",
            Service::Route53 => "route53",
            Service::NetworkFirewall => "networkfirewall",
            Service::Ecr => "ecr",
            Service::Ecs => "ecs",
            Service::Eks => "eks",
            Service::CodeBuild => "codebuild",
            Service::CodeArtifact => "codeartifact",
            Service::Ssm => "ssm",
            Service::Inspector => "inspector",
            Service::Fis => "fis",
            Service::SecretsManager => "secretsmanager",
            Service::Acm => "acm",
            Service::Efs => "efs",
            Service::Glacier => "glacier",
            Service::Backup => "backup",
            Service::Redshift => "redshift",
            Service::OpenSearch => "opensearch",
            Service::ElastiCache => "elasticache",
            Service::Macie => "macie",
            Service::CloudFormation => "cloudformation",
            Service::IncidentManager => "incidentmanager",
            Service::IdentityCenter => "identitycenter",
            Service::AccountContacts => "accountcontacts",
            Service::Account => "account",
            Service::Every => "*",
        }
    }

    /// A collectable service by its short name (case-insensitive).
    pub fn parse(name: &str) -> Option<Service> {
        Service::COLLECTED.into_iter().find(|s| s.name().eq_ignore_ascii_case(name))
    }

    /// Collected once per account rather than once per region.
    pub const fn is_global(self) -> bool {
        matches!(
            self,
            Service::Sts
                | Service::Iam
                | Service::Organizations
                | Service::S3
                | Service::Account
                | Service::CloudFront
                | Service::Route53
                | Service::Shield
                | Service::AccountContacts
        )
    }
}

impl std::fmt::Display for Service {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_through_serde_and_parse() {
        for service in Service::COLLECTED {
            let json = serde_json::to_string(&service).unwrap();
            assert_eq!(json, format!("\"{}\"", service.name()));
            assert_eq!(serde_json::from_str::<Service>(&json).unwrap(), service);
            assert_eq!(Service::parse(&service.name().to_uppercase()), Some(service));
        }
        assert_eq!(serde_json::to_string(&Service::Every).unwrap(), "\"*\"");
        assert_eq!(Service::parse("account"), None, "gap scopes are not services to collect");
        assert_eq!(Service::parse("s4"), None);
    }
}
