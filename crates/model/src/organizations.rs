//! AWS Organizations, as seen from the scanned account.
use crate::Setting;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Organizations {
    /// `NotConfigured` when the account belongs to no organization.
    #[serde(default)]
    pub organization: Option<Setting<Organization>>,
    /// Member accounts, when the scanned account may list them.
    #[serde(default)]
    pub accounts: Option<Vec<OrgAccount>>,
    /// Service control policies, when the scanned account may list them.
    #[serde(default)]
    pub service_control_policies: Option<Vec<ServiceControlPolicy>>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Organization {
    pub id: String,
    pub arn: String,
    pub master_account_id: String,
    /// `ALL` or `CONSOLIDATED_BILLING`.
    pub feature_set: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OrgAccount {
    pub id: String,
    pub arn: String,
    pub name: String,
    #[serde(default)]
    pub status: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ServiceControlPolicy {
    pub id: String,
    pub arn: String,
    pub name: String,
    #[serde(default)]
    pub aws_managed: bool,
    #[serde(default)]
    pub document: Option<serde_json::Value>,
    /// Ids of roots, OUs and accounts the policy is attached to.
    #[serde(default)]
    pub targets: Option<Vec<String>>,
}
