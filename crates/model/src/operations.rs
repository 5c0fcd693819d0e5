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

/// The collector's whole surface. All are reads (`List`, `Get`, `Describe`, `BatchGet`), plus
/// two `Generate` calls that only ask IAM to prepare a report from data it already keeps —
/// `GenerateCredentialReport` and `GenerateServiceLastAccessedDetails` — and change nothing
/// in the account: no resource, setting or policy.
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
    // Starts a report job over IAM's own access records; the Get reads it back.
    read(Iam, "GenerateServiceLastAccessedDetails", &["iam:GenerateServiceLastAccessedDetails"]),
    read(Iam, "GetServiceLastAccessedDetails", &["iam:GetServiceLastAccessedDetails"]),
    read(Iam, "ListVirtualMFADevices", &["iam:ListVirtualMFADevices"]),
    read(Iam, "ListSAMLProviders", &["iam:ListSAMLProviders"]),
    read(Iam, "ListOpenIDConnectProviders", &["iam:ListOpenIDConnectProviders"]),
    read(Iam, "ListServerCertificates", &["iam:ListServerCertificates"]),
    read(Organizations, "DescribeOrganization", &["organizations:DescribeOrganization"]),
    read(Organizations, "ListPolicies", &["organizations:ListPolicies"]),
    read(Organizations, "ListTargetsForPolicy", &["organizations:ListTargetsForPolicy"]),
    read(Organizations, "DescribePolicy", &["organizations:DescribePolicy"]),
    read(Organizations, "ListParents", &["organizations:ListParents"]),
    read(Organizations, "ListDelegatedAdministrators", &["organizations:ListDelegatedAdministrators"]),
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
    read(Ec2, "DescribeSubnets", &["ec2:DescribeSubnets"]),
    read(Ec2, "DescribeTransitGateways", &["ec2:DescribeTransitGateways"]),
    read(Ec2, "DescribeVpnConnections", &["ec2:DescribeVpnConnections"]),
    read(Kms, "ListKeys", &["kms:ListKeys"]),
    read(Kms, "DescribeKey", &["kms:DescribeKey"]),
    read(Kms, "GetKeyRotationStatus", &["kms:GetKeyRotationStatus"]),
    read(Kms, "GetKeyPolicy", &["kms:GetKeyPolicy"]),
    read(CloudTrail, "DescribeTrails", &["cloudtrail:DescribeTrails"]),
    read(CloudTrail, "GetTrailStatus", &["cloudtrail:GetTrailStatus"]),
    read(CloudTrail, "GetEventSelectors", &["cloudtrail:GetEventSelectors"]),
    read(CloudTrail, "GetInsightSelectors", &["cloudtrail:GetInsightSelectors"]),
    read(Config, "DescribeConfigurationRecorders", &["config:DescribeConfigurationRecorders"]),
    read(Config, "DescribeConfigurationRecorderStatus", &["config:DescribeConfigurationRecorderStatus"]),
    read(Config, "DescribeDeliveryChannels", &["config:DescribeDeliveryChannels"]),
    read(Config, "DescribeConfigurationAggregators", &["config:DescribeConfigurationAggregators"]),
    read(GuardDuty, "ListDetectors", &["guardduty:ListDetectors"]),
    read(GuardDuty, "GetDetector", &["guardduty:GetDetector"]),
    read(GuardDuty, "ListFindings", &["guardduty:ListFindings"]),
    read(GuardDuty, "GetAdministratorAccount", &["guardduty:GetAdministratorAccount"]),
    read(SecurityHub, "DescribeHub", &["securityhub:DescribeHub"]),
    read(SecurityHub, "GetEnabledStandards", &["securityhub:GetEnabledStandards"]),
    read(SecurityHub, "GetAdministratorAccount", &["securityhub:GetAdministratorAccount"]),
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
    read(Lambda, "GetFunctionCodeSigningConfig", &["lambda:GetFunctionCodeSigningConfig"]),
    read(Ecr, "DescribeRepositories", &["ecr:DescribeRepositories"]),
    read(Ecr, "GetRepositoryPolicy", &["ecr:GetRepositoryPolicy"]),
    read(Ecr, "GetLifecyclePolicy", &["ecr:GetLifecyclePolicy"]),
    read(Ecr, "GetRegistryScanningConfiguration", &["ecr:GetRegistryScanningConfiguration"]),
    read(Ecr, "DescribePullThroughCacheRules", &["ecr:DescribePullThroughCacheRules"]),
    read(Ecs, "ListClusters", &["ecs:ListClusters"]),
    read(Ecs, "DescribeClusters", &["ecs:DescribeClusters"]),
    read(Ecs, "ListServices", &["ecs:ListServices"]),
    read(Ecs, "DescribeServices", &["ecs:DescribeServices"]),
    read(Ecs, "ListTaskDefinitionFamilies", &["ecs:ListTaskDefinitionFamilies"]),
    read(Ecs, "DescribeTaskDefinition", &["ecs:DescribeTaskDefinition"]),
    read(Eks, "ListClusters", &["eks:ListClusters"]),
    read(Eks, "DescribeCluster", &["eks:DescribeCluster"]),
    read(CodeBuild, "ListProjects", &["codebuild:ListProjects"]),
    read(CodeBuild, "BatchGetProjects", &["codebuild:BatchGetProjects"]),
    read(CodeBuild, "ListReportGroups", &["codebuild:ListReportGroups"]),
    read(CodeBuild, "BatchGetReportGroups", &["codebuild:BatchGetReportGroups"]),
    read(CodeArtifact, "ListDomains", &["codeartifact:ListDomains"]),
    read(CodeArtifact, "GetDomainPermissionsPolicy", &["codeartifact:GetDomainPermissionsPolicy"]),
    read(CodeArtifact, "ListRepositories", &["codeartifact:ListRepositories"]),
    read(CodeArtifact, "DescribeRepository", &["codeartifact:DescribeRepository"]),
    read(Ssm, "DescribeInstanceInformation", &["ssm:DescribeInstanceInformation"]),
    read(Ssm, "ListResourceComplianceSummaries", &["ssm:ListResourceComplianceSummaries"]),
    read(Ssm, "GetServiceSetting", &["ssm:GetServiceSetting"]),
    read(Ssm, "GetDocument", &["ssm:GetDocument"]),
    read(Ssm, "ListDocuments", &["ssm:ListDocuments"]),
    read(Ssm, "DescribeDocumentPermission", &["ssm:DescribeDocumentPermission"]),
    read(Ssm, "DescribeParameters", &["ssm:DescribeParameters"]),
    read(Inspector, "BatchGetAccountStatus", &["inspector2:BatchGetAccountStatus"]),
    read(Inspector, "ListCoverageStatistics", &["inspector2:ListCoverageStatistics"]),
    read(Inspector, "ListFindings", &["inspector2:ListFindings"]),
    read(Fis, "ListExperimentTemplates", &["fis:ListExperimentTemplates"]),
    read(Fis, "ListExperiments", &["fis:ListExperiments"]),
    read(Rds, "DescribeDBParameters", &["rds:DescribeDBParameters"]),
    read(SecretsManager, "ListSecrets", &["secretsmanager:ListSecrets"]),
    read(SecretsManager, "GetResourcePolicy", &["secretsmanager:GetResourcePolicy"]),
    read(Acm, "ListCertificates", &["acm:ListCertificates"]),
    read(Acm, "DescribeCertificate", &["acm:DescribeCertificate"]),
    read(Efs, "DescribeFileSystems", &["elasticfilesystem:DescribeFileSystems"]),
    read(Efs, "DescribeFileSystemPolicy", &["elasticfilesystem:DescribeFileSystemPolicy"]),
    read(Efs, "DescribeBackupPolicy", &["elasticfilesystem:DescribeBackupPolicy"]),
    read(Efs, "DescribeAccessPoints", &["elasticfilesystem:DescribeAccessPoints"]),
    read(Glacier, "ListVaults", &["glacier:ListVaults"]),
    read(Glacier, "GetVaultAccessPolicy", &["glacier:GetVaultAccessPolicy"]),
    read(Backup, "ListBackupVaults", &["backup:ListBackupVaults"]),
    read(Backup, "GetBackupVaultAccessPolicy", &["backup:GetBackupVaultAccessPolicy"]),
    read(Backup, "ListBackupPlans", &["backup:ListBackupPlans"]),
    read(Backup, "GetBackupPlan", &["backup:GetBackupPlan"]),
    read(Backup, "ListProtectedResources", &["backup:ListProtectedResources"]),
    read(Redshift, "DescribeClusters", &["redshift:DescribeClusters"]),
    read(Redshift, "DescribeClusterParameters", &["redshift:DescribeClusterParameters"]),
    read(Redshift, "DescribeLoggingStatus", &["redshift:DescribeLoggingStatus"]),
    read(OpenSearch, "ListDomainNames", &["es:ListDomainNames"]),
    read(OpenSearch, "DescribeDomains", &["es:DescribeDomains"]),
    read(ElastiCache, "DescribeReplicationGroups", &["elasticache:DescribeReplicationGroups"]),
    read(ElastiCache, "DescribeCacheClusters", &["elasticache:DescribeCacheClusters"]),
    read(Macie, "GetMacieSession", &["macie2:GetMacieSession"]),
    read(Macie, "GetAutomatedDiscoveryConfiguration", &["macie2:GetAutomatedDiscoveryConfiguration"]),
    read(Macie, "ListClassificationJobs", &["macie2:ListClassificationJobs"]),
    read(Macie, "GetFindingStatistics", &["macie2:GetFindingStatistics"]),
    read(Elbv2, "DescribeLoadBalancers", &["elasticloadbalancing:DescribeLoadBalancers"]),
    read(Elbv2, "DescribeListeners", &["elasticloadbalancing:DescribeListeners"]),
    read(Elbv2, "DescribeLoadBalancerAttributes", &["elasticloadbalancing:DescribeLoadBalancerAttributes"]),
    read(Elb, "DescribeLoadBalancers", &["elasticloadbalancing:DescribeLoadBalancers"]),
    read(Elb, "DescribeLoadBalancerPolicies", &["elasticloadbalancing:DescribeLoadBalancerPolicies"]),
    read(Elb, "DescribeLoadBalancerAttributes", &["elasticloadbalancing:DescribeLoadBalancerAttributes"]),
    read(CloudFront, "ListDistributions", &["cloudfront:ListDistributions"]),
    read(CloudFront, "GetDistributionConfig", &["cloudfront:GetDistributionConfig"]),
    read(Wafv2, "ListWebACLs", &["wafv2:ListWebACLs"]),
    read(Wafv2, "GetWebACL", &["wafv2:GetWebACL"]),
    read(Wafv2, "ListLoggingConfigurations", &["wafv2:ListLoggingConfigurations"]),
    read(Wafv2, "ListResourcesForWebACL", &["wafv2:ListResourcesForWebACL"]),
    read(Shield, "DescribeSubscription", &["shield:DescribeSubscription"]),
    read(Shield, "ListProtections", &["shield:ListProtections"]),
    read(ApiGateway, "GetRestApis", &["apigateway:GET"]),
    read(ApiGateway, "GetStages", &["apigateway:GET"]),
    read(ApiGateway, "GetResources", &["apigateway:GET"]),
    read(ApiGateway, "GetApis", &["apigateway:GET"]),
    read(ApiGateway, "GetRoutes", &["apigateway:GET"]),
    read(Route53, "ListHostedZones", &["route53:ListHostedZones"]),
    read(Route53, "ListQueryLoggingConfigs", &["route53:ListQueryLoggingConfigs"]),
    read(Route53, "GetDNSSEC", &["route53:GetDNSSEC"]),
    read(Route53, "ListDomains", &["route53domains:ListDomains"]),
    read(Route53, "GetDomainDetail", &["route53domains:GetDomainDetail"]),
    read(NetworkFirewall, "ListFirewalls", &["network-firewall:ListFirewalls"]),
    read(NetworkFirewall, "DescribeFirewall", &["network-firewall:DescribeFirewall"]),
    read(NetworkFirewall, "DescribeLoggingConfiguration", &["network-firewall:DescribeLoggingConfiguration"]),
    read(NetworkFirewall, "ListFirewallPolicies", &["network-firewall:ListFirewallPolicies"]),
    read(NetworkFirewall, "DescribeFirewallPolicy", &["network-firewall:DescribeFirewallPolicy"]),
    read(NetworkFirewall, "ListRuleGroups", &["network-firewall:ListRuleGroups"]),
    read(NetworkFirewall, "DescribeRuleGroup", &["network-firewall:DescribeRuleGroup"]),
    read(CloudFormation, "DescribeStacks", &["cloudformation:DescribeStacks"]),
    read(IncidentManager, "ListReplicationSets", &["ssm-incidents:ListReplicationSets"]),
    read(IncidentManager, "ListResponsePlans", &["ssm-incidents:ListResponsePlans"]),
    read(IncidentManager, "ListContacts", &["ssm-contacts:ListContacts"]),
    read(IdentityCenter, "ListInstances", &["sso:ListInstances"]),
    read(IdentityCenter, "ListPermissionSets", &["sso:ListPermissionSets"]),
    read(IdentityCenter, "DescribePermissionSet", &["sso:DescribePermissionSet"]),
    read(IdentityCenter, "ListManagedPoliciesInPermissionSet", &["sso:ListManagedPoliciesInPermissionSet"]),
    read(IdentityCenter, "GetInlinePolicyForPermissionSet", &["sso:GetInlinePolicyForPermissionSet"]),
    read(AccountContacts, "GetAlternateContact", &["account:GetAlternateContact"]),
];

/// The operation `name` of `service`, if wasp may call it.
pub fn find(service: Service, name: &str) -> Option<&'static Operation> {
    OPERATIONS.iter().find(|op| op.service == service && op.name == name)
}

/// The `Generate` operations on the list: each asks IAM to compile a report from records it
/// keeps anyway, and changes nothing in the account.
pub const REPORT_JOBS: &[&str] = &["GenerateCredentialReport", "GenerateServiceLastAccessedDetails"];

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
            let read = ["List", "Get", "Describe", "BatchGet"].iter().any(|p| op.name.starts_with(p))
                || REPORT_JOBS.contains(&op.name);
            assert!(read, "{}:{} is not a read operation", op.service, op.name);
            assert!(!op.iam_actions.is_empty());
            for action in op.iam_actions {
                let (_, verb) = action.split_once(':').expect("service:Action");
                // API Gateway authorises by HTTP method: `apigateway:GET` is its read.
                let reads = ["List", "Get", "Describe", "Generate", "BatchGet"];
                assert!(reads.iter().any(|p| verb.starts_with(p)) || verb == "GET", "{action}");
            }
            assert!(Service::COLLECTED.contains(&op.service) || op.infrastructure.is_some() || op.service == Sts);
        }
        assert!(find(S3, "GetBucketPolicy").is_some());
        assert!(find(Iam, "GetBucketPolicy").is_none());
    }
}
