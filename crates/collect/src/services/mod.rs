//! One module per AWS service; each turns SDK answers into an inventory fragment. A new
//! service is one module here and one arm in [`collect`].
use crate::unit::Unit;
use wasp_model::{GapKind, Inventory, Service, Setting};

mod accessanalyzer;
mod account_contacts;
mod acm;
mod apigateway;
mod backup;
mod cloudformation;
mod cloudfront;
mod cloudtrail;
mod cloudwatch;
mod codeartifact;
mod codebuild;
mod config;
mod dynamodb;
mod ec2;
mod ecr;
mod ecs;
mod efs;
mod eks;
mod elasticache;
mod elb;
mod elbv2;
mod fis;
mod glacier;
mod guardduty;
mod iam;
mod identity_center;
mod incident_manager;
mod inspector;
mod kms;
mod lambda;
mod logs;
mod macie;
mod network_firewall;
mod opensearch;
mod organizations;
mod rds;
mod redshift;
mod route53;
mod s3;
mod secretsmanager;
mod securityhub;
mod shield;
mod sns;
mod sqs;
mod ssm;
mod wafv2;

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
        Service::Ecr => ecr::collect(unit, &mut part).await,
        Service::Ecs => ecs::collect(unit, &mut part).await,
        Service::Eks => eks::collect(unit, &mut part).await,
        Service::CodeBuild => codebuild::collect(unit, &mut part).await,
        Service::CodeArtifact => codeartifact::collect(unit, &mut part).await,
        Service::Ssm => ssm::collect(unit, &mut part).await,
        Service::Inspector => inspector::collect(unit, &mut part).await,
        Service::Fis => fis::collect(unit, &mut part).await,
        Service::SecretsManager => secretsmanager::collect(unit, &mut part).await,
        Service::Acm => acm::collect(unit, &mut part).await,
        Service::Efs => efs::collect(unit, &mut part).await,
        Service::Glacier => glacier::collect(unit, &mut part).await,
        Service::Backup => backup::collect(unit, &mut part).await,
        Service::Redshift => redshift::collect(unit, &mut part).await,
        Service::OpenSearch => opensearch::collect(unit, &mut part).await,
        Service::ElastiCache => elasticache::collect(unit, &mut part).await,
        Service::Macie => macie::collect(unit, &mut part).await,
        Service::Elbv2 => elbv2::collect(unit, &mut part).await,
        Service::Elb => elb::collect(unit, &mut part).await,
        Service::CloudFront => cloudfront::collect(unit, &mut part).await,
        Service::Wafv2 => wafv2::collect(unit, &mut part).await,
        Service::Shield => shield::collect(unit, &mut part).await,
        Service::ApiGateway => apigateway::collect(unit, &mut part).await,
        Service::Route53 => route53::collect(unit, &mut part).await,
        Service::NetworkFirewall => network_firewall::collect(unit, &mut part).await,
        Service::CloudFormation => cloudformation::collect(unit, &mut part).await,
        Service::IncidentManager => incident_manager::collect(unit, &mut part).await,
        Service::IdentityCenter => identity_center::collect(unit, &mut part).await,
        Service::AccountContacts => account_contacts::collect(unit, &mut part).await,
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
