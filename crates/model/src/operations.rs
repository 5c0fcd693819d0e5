//! Every AWS operation wasp may call, with the IAM actions that authorise it.
//!
//! The collector refuses any call not listed here; checks name the operations whose data they
//! read, so a failed read touches only the practices of the checks that need it, and the
//! permissions page shows why each action is asked for.
use crate::Service;

/// One read operation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Operation {
    pub service: Service,
    /// The API operation, as AWS names it (`GetBucketPolicy`).
    pub name: &'static str,
    /// The IAM actions that authorise it (two when one operation serves two levels, as S3's
    /// `GetPublicAccessBlock` does for buckets and, through S3 Control, for the account).
    pub iam_actions: &'static [&'static str],
    /// Why wasp calls it when no check reads its data (the identity, the region list).
    pub infrastructure: Option<&'static str>,
}

const fn read(service: Service, name: &'static str, iam_actions: &'static [&'static str]) -> Operation {
    Operation { service, name, iam_actions, infrastructure: None }
}

use Service::*;

/// The collector's whole surface. All are reads (`List`, `Get`, `Describe`), plus
/// `GenerateCredentialReport`, which only asks IAM to prepare the credential report and is
/// allowed by AWS's own SecurityAudit policy.
pub const OPERATIONS: &[Operation] = &[
    Operation {
        service: Sts,
        name: "GetCallerIdentity",
        iam_actions: &["sts:GetCallerIdentity"],
        infrastructure: Some("identifies the account and partition before anything else is read"),
    },
    Operation {
        service: Ec2,
        name: "DescribeRegions",
        iam_actions: &["ec2:DescribeRegions"],
        infrastructure: Some("lists the regions enabled for the account, which a default scan covers"),
    },
    read(Iam, "GetAccountAuthorizationDetails", &["iam:GetAccountAuthorizationDetails"]),
    read(Iam, "GetAccountSummary", &["iam:GetAccountSummary"]),
    read(Iam, "GetAccountPasswordPolicy", &["iam:GetAccountPasswordPolicy"]),
    read(Iam, "GenerateCredentialReport", &["iam:GenerateCredentialReport"]),
    read(Iam, "GetCredentialReport", &["iam:GetCredentialReport"]),
    read(Iam, "ListVirtualMFADevices", &["iam:ListVirtualMFADevices"]),
    read(Organizations, "DescribeOrganization", &["organizations:DescribeOrganization"]),
    read(Organizations, "ListPolicies", &["organizations:ListPolicies"]),
    read(Organizations, "ListTargetsForPolicy", &["organizations:ListTargetsForPolicy"]),
    read(Organizations, "DescribePolicy", &["organizations:DescribePolicy"]),
    read(Organizations, "ListParents", &["organizations:ListParents"]),
    Operation {
        service: Organizations,
        name: "ListAccounts",
        iam_actions: &["organizations:ListAccounts"],
        infrastructure: Some("lists the organization's accounts for `wasp scan --organization`"),
    },
    Operation {
        service: Organizations,
        name: "ListAccountsForParent",
        iam_actions: &["organizations:ListAccountsForParent"],
        infrastructure: Some("lists the organization's accounts for `wasp scan --organization`"),
    },
    Operation {
        service: Organizations,
        name: "ListOrganizationalUnitsForParent",
        iam_actions: &["organizations:ListOrganizationalUnitsForParent"],
        infrastructure: Some("lists the organization's accounts for `wasp scan --organization`"),
    },
    read(S3, "ListBuckets", &["s3:ListAllMyBuckets"]),
    read(S3, "GetBucketLocation", &["s3:GetBucketLocation"]),
    read(S3, "GetBucketPolicy", &["s3:GetBucketPolicy"]),
    read(S3, "GetBucketPolicyStatus", &["s3:GetBucketPolicyStatus"]),
    read(S3, "GetBucketAcl", &["s3:GetBucketAcl"]),
    read(S3, "GetPublicAccessBlock", &["s3:GetBucketPublicAccessBlock", "s3:GetAccountPublicAccessBlock"]),
    read(S3, "GetBucketEncryption", &["s3:GetEncryptionConfiguration"]),
    read(S3, "GetBucketVersioning", &["s3:GetBucketVersioning"]),
    read(S3, "GetBucketLogging", &["s3:GetBucketLogging"]),
    read(Ec2, "GetEbsEncryptionByDefault", &["ec2:GetEbsEncryptionByDefault"]),
    read(Ec2, "DescribeVpcs", &["ec2:DescribeVpcs"]),
    read(Ec2, "DescribeSecurityGroups", &["ec2:DescribeSecurityGroups"]),
    read(Ec2, "DescribeNetworkAcls", &["ec2:DescribeNetworkAcls"]),
    read(Ec2, "DescribeFlowLogs", &["ec2:DescribeFlowLogs"]),
    read(Ec2, "DescribeInstances", &["ec2:DescribeInstances"]),
    read(Ec2, "DescribeVolumes", &["ec2:DescribeVolumes"]),
    read(Ec2, "DescribeSnapshots", &["ec2:DescribeSnapshots"]),
    read(Ec2, "DescribeImages", &["ec2:DescribeImages"]),
    read(Kms, "ListKeys", &["kms:ListKeys"]),
    read(Kms, "DescribeKey", &["kms:DescribeKey"]),
    read(Kms, "GetKeyRotationStatus", &["kms:GetKeyRotationStatus"]),
    read(Kms, "GetKeyPolicy", &["kms:GetKeyPolicy"]),
    read(CloudTrail, "DescribeTrails", &["cloudtrail:DescribeTrails"]),
    read(CloudTrail, "GetTrailStatus", &["cloudtrail:GetTrailStatus"]),
    read(CloudTrail, "GetEventSelectors", &["cloudtrail:GetEventSelectors"]),
    read(Config, "DescribeConfigurationRecorders", &["config:DescribeConfigurationRecorders"]),
    read(Config, "DescribeConfigurationRecorderStatus", &["config:DescribeConfigurationRecorderStatus"]),
    read(GuardDuty, "ListDetectors", &["guardduty:ListDetectors"]),
    read(GuardDuty, "GetDetector", &["guardduty:GetDetector"]),
    read(SecurityHub, "DescribeHub", &["securityhub:DescribeHub"]),
    read(AccessAnalyzer, "ListAnalyzers", &["access-analyzer:ListAnalyzers"]),
    read(Logs, "DescribeLogGroups", &["logs:DescribeLogGroups"]),
    read(Logs, "DescribeMetricFilters", &["logs:DescribeMetricFilters"]),
    read(CloudWatch, "DescribeAlarms", &["cloudwatch:DescribeAlarms"]),
    read(Sns, "ListSubscriptions", &["sns:ListSubscriptions"]),
    read(Sns, "ListTopics", &["sns:ListTopics"]),
    read(Sns, "GetTopicAttributes", &["sns:GetTopicAttributes"]),
    read(Sqs, "ListQueues", &["sqs:ListQueues"]),
    read(Sqs, "GetQueueAttributes", &["sqs:GetQueueAttributes"]),
    read(DynamoDb, "ListTables", &["dynamodb:ListTables"]),
    read(DynamoDb, "DescribeTable", &["dynamodb:DescribeTable"]),
    read(DynamoDb, "DescribeContinuousBackups", &["dynamodb:DescribeContinuousBackups"]),
    read(Rds, "DescribeDBInstances", &["rds:DescribeDBInstances"]),
    read(Rds, "DescribeDBClusters", &["rds:DescribeDBClusters"]),
    read(Rds, "DescribeDBSnapshots", &["rds:DescribeDBSnapshots"]),
    read(Rds, "DescribeDBSnapshotAttributes", &["rds:DescribeDBSnapshotAttributes"]),
    read(Rds, "DescribeDBClusterSnapshots", &["rds:DescribeDBClusterSnapshots"]),
    read(Rds, "DescribeDBClusterSnapshotAttributes", &["rds:DescribeDBClusterSnapshotAttributes"]),
    read(Lambda, "ListFunctions", &["lambda:ListFunctions"]),
    read(Lambda, "GetPolicy", &["lambda:GetPolicy"]),
    read(Lambda, "ListFunctionUrlConfigs", &["lambda:ListFunctionUrlConfigs"]),
];

/// The operation `name` of `service`, if wasp may call it.
pub fn find(service: Service, name: &str) -> Option<&'static Operation> {
    OPERATIONS.iter().find(|op| op.service == service && op.name == name)
}

/// Every IAM action the collector may need, sorted and unique.
pub fn iam_actions() -> Vec<&'static str> {
    let mut actions: Vec<&str> = OPERATIONS.iter().flat_map(|op| op.iam_actions.iter().copied()).collect();
    actions.sort_unstable();
    actions.dedup();
    actions
}

/// The least-privilege IAM policy for everything wasp collects.
pub fn minimal_iam_policy() -> serde_json::Value {
    serde_json::json!({
        "Version": "2012-10-17",
        "Statement": [{ "Sid": "WaspReadOnlyReview", "Effect": "Allow", "Action": iam_actions(), "Resource": "*" }]
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_operation_is_a_read_and_listed_once() {
        let mut seen = std::collections::HashSet::new();
        for op in OPERATIONS {
            assert!(seen.insert((op.service, op.name)), "{}:{} is listed twice", op.service, op.name);
            let read = ["List", "Get", "Describe"].iter().any(|p| op.name.starts_with(p))
                || op.name == "GenerateCredentialReport";
            assert!(read, "{}:{} is not a read operation", op.service, op.name);
            assert!(!op.iam_actions.is_empty());
            for action in op.iam_actions {
                let (_, verb) = action.split_once(':').expect("service:Action");
                assert!(["List", "Get", "Describe", "Generate"].iter().any(|p| verb.starts_with(p)), "{action}");
            }
            assert!(Service::COLLECTED.contains(&op.service) || op.infrastructure.is_some() || op.service == Sts);
        }
        assert!(find(S3, "GetBucketPolicy").is_some());
        assert!(find(Iam, "GetBucketPolicy").is_none());
    }
}
