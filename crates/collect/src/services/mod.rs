//! One module per AWS service; each turns SDK answers into an inventory fragment. A new
//! service is one module here and one arm in [`collect`].
use crate::unit::Unit;
use wasp_model::{GapKind, Inventory, Service, Setting};

mod accessanalyzer;
mod account_contacts;
mod cloudformation;
mod cloudtrail;
mod cloudwatch;
mod config;
mod dynamodb;
mod ec2;
mod guardduty;
mod iam;
mod identity_center;
mod incident_manager;
mod kms;
mod lambda;
mod logs;
mod organizations;
mod rds;
mod s3;
mod securityhub;
mod sns;
mod sqs;

/// Collects one unit (a service in a region, or a global service once) into a fragment.
pub(crate) async fn collect(unit: &Unit) -> Inventory {
    let mut part = Inventory::default();
    match unit.service {
        Service::Iam => iam::collect(unit, &mut part).await,
        Service::Organizations => organizations::collect(unit, &mut part).await,
        Service::S3 => s3::collect(unit, &mut part).await,
        Service::Kms => kms::collect(unit, &mut part).await,
        Service::GuardDuty => guardduty::collect(unit, &mut part).await,
        Service::Ec2 => ec2::collect(unit, &mut part).await,
        Service::CloudTrail => cloudtrail::collect(unit, &mut part).await,
        Service::Config => config::collect(unit, &mut part).await,
        Service::SecurityHub => securityhub::collect(unit, &mut part).await,
        Service::AccessAnalyzer => accessanalyzer::collect(unit, &mut part).await,
        Service::Logs => logs::collect(unit, &mut part).await,
        Service::CloudWatch => cloudwatch::collect(unit, &mut part).await,
        Service::Sns => sns::collect(unit, &mut part).await,
        Service::Sqs => sqs::collect(unit, &mut part).await,
        Service::DynamoDb => dynamodb::collect(unit, &mut part).await,
        Service::Rds => rds::collect(unit, &mut part).await,
        Service::Lambda => lambda::collect(unit, &mut part).await,
        Service::CloudFormation => cloudformation::collect(unit, &mut part).await,
        Service::IncidentManager => incident_manager::collect(unit, &mut part).await,
        Service::IdentityCenter => identity_center::collect(unit, &mut part).await,
        Service::AccountContacts => account_contacts::collect(unit, &mut part).await,
        // Collected by the services' own modules as they land.
        Service::Elbv2
        | Service::Elb
        | Service::CloudFront
        | Service::Wafv2
        | Service::Shield
        | Service::ApiGateway
        | Service::Route53
        | Service::NetworkFirewall
        | Service::Ecr
        | Service::Ecs
        | Service::Eks
        | Service::CodeBuild
        | Service::CodeArtifact
        | Service::Ssm
        | Service::Inspector
        | Service::Fis
        | Service::SecretsManager
        | Service::Acm
        | Service::Efs
        | Service::Backup
        | Service::Redshift
        | Service::OpenSearch
        | Service::ElastiCache
        | Service::Macie => {}
        Service::Sts | Service::Account | Service::Every => {}
    }
    part
}

/// A resource policy as AWS returns it (a JSON string, or nothing when the resource has none)
/// as a model value: a policy that is not JSON is a gap about the resource, never "no policy".
pub(crate) fn policy_document(
    unit: &Unit,
    operation: &str,
    arn: &str,
    text: Option<&str>,
) -> Option<Setting<serde_json::Value>> {
    match text.filter(|t| !t.trim().is_empty()).map(serde_json::from_str::<serde_json::Value>) {
        None => Some(Setting::NotConfigured),
        Some(Ok(document)) => Some(Setting::Configured(document)),
        Some(Err(e)) => {
            unit.gap(operation, GapKind::Other, format!("the policy is not JSON: {e}"), Some(arn));
            None
        }
    }
}
