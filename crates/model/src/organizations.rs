//! AWS Organizations, as seen from the scanned account.
use crate::Setting;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Organizations {
    /// `NotConfigured` when the account belongs to no organization.
    #[serde(default)]
    pub organization: Option<Setting<Organization>>,
    /// Service control policies, when the scanned account may list them (the management
    /// account or a delegated administrator).
    #[serde(default)]
    pub service_control_policies: Option<Vec<ServiceControlPolicy>>,
    /// Ids of the root and the OUs above the scanned account, from the root down
    /// (`ListParents`); `None` when not read. With the policies' targets, it says which SCPs
    /// apply to the account at each level.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account_parents: Option<Vec<String>>,
    /// Policies of the other types, by type (`RESOURCE_CONTROL_POLICY`, `TAG_POLICY`,
    /// `AISERVICES_OPT_OUT_POLICY`, `DECLARATIVE_POLICY_EC2`); a type missing from the map was
    /// not read. Read by the management account and delegated administrators only.
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub policies: std::collections::BTreeMap<String, Vec<ServiceControlPolicy>>,
    /// Delegated administrator accounts by service principal (`guardduty.amazonaws.com` …)
    /// from `ListDelegatedAdministrators`; a principal missing from the map was not read.
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub delegated_administrators: std::collections::BTreeMap<String, Vec<String>>,
}

/// The policy types besides SCPs that wasp reads.
pub const OTHER_POLICY_TYPES: [&str; 4] =
    ["AISERVICES_OPT_OUT_POLICY", "DECLARATIVE_POLICY_EC2", "RESOURCE_CONTROL_POLICY", "TAG_POLICY"];

/// The services whose delegated administrator wasp looks for.
pub const DELEGATED_SERVICES: [&str; 6] = [
    "access-analyzer.amazonaws.com",
    "config.amazonaws.com",
    "guardduty.amazonaws.com",
    "inspector2.amazonaws.com",
    "macie.amazonaws.com",
    "securityhub.amazonaws.com",
];

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Organization {
    pub id: String,
    pub arn: String,
    pub master_account_id: String,
    pub feature_set: FeatureSet,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum FeatureSet {
    /// Every feature, service control policies among them.
    #[default]
    All,
    ConsolidatedBilling,
}

impl FeatureSet {
    /// AWS's name: `ALL` or `CONSOLIDATED_BILLING`.
    pub fn as_str(self) -> &'static str {
        match self {
            FeatureSet::All => "ALL",
            FeatureSet::ConsolidatedBilling => "CONSOLIDATED_BILLING",
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
/// An organization policy (an SCP, or one of the [`OTHER_POLICY_TYPES`]).
pub struct ServiceControlPolicy {
    pub id: String,
    pub arn: String,
    pub name: String,
    #[serde(default)]
    pub aws_managed: bool,
    /// Ids of roots, OUs and accounts the policy is attached to.
    #[serde(default)]
    pub targets: Option<Vec<String>>,
    /// The policy document (`DescribePolicy`); `None` when it was not read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document: Option<serde_json::Value>,
}
