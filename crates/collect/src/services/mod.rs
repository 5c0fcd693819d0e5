//! One module per AWS service; each turns SDK answers into an inventory fragment.
use crate::unit::Unit;
use wasp_model::Inventory;

mod accessanalyzer;
mod cloudtrail;
mod cloudwatch;
mod config;
mod ec2;
mod guardduty;
mod iam;
mod kms;
mod logs;
mod organizations;
mod s3;
mod securityhub;

/// A service wasp collects.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
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
}

impl Service {
    /// Every service `wasp scan` collects by default.
    pub const ALL: [Service; 12] = [
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
    ];

    /// wasp's short name, as in `--services` and in gaps.
    pub fn name(self) -> &'static str {
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
        }
    }

    pub fn parse(name: &str) -> Option<Service> {
        Service::ALL.into_iter().find(|s| s.name().eq_ignore_ascii_case(name))
    }

    /// Collected once per account rather than once per region.
    pub fn is_global(self) -> bool {
        matches!(self, Service::Sts | Service::Iam | Service::Organizations | Service::S3)
    }

    pub(crate) async fn collect(self, unit: &Unit) -> Inventory {
        let mut part = Inventory::default();
        match self {
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
            Service::Sts => {}
        }
        part
    }
}
