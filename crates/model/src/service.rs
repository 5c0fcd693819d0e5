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
    /// Gaps only: the account itself (its list of regions).
    Account,
    /// Gaps only: every service of a region (every call there was denied).
    #[serde(rename = "*")]
    Every,
}

impl Service {
    /// Every service `wasp scan` can collect, in collection order.
    pub const COLLECTED: [Service; 17] = [
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
        matches!(self, Service::Sts | Service::Iam | Service::Organizations | Service::S3 | Service::Account)
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
