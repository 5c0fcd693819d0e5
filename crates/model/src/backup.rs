//! AWS Backup: vaults with their key, lock and access policy, plans, and the resources that
//! have recovery points.
use crate::{regional_resource, Setting, SourceLocation, Timestamp};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Backup {
    #[serde(default)]
    pub vaults: Vec<Vault>,
    #[serde(default)]
    pub plans: Vec<Plan>,
    /// By region: resources with at least one recovery point there. A missing region was not
    /// read.
    #[serde(default)]
    pub protected_resources: BTreeMap<String, Vec<ProtectedResource>>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Vault {
    pub arn: String,
    pub name: String,
    pub region: String,
    /// The KMS key encrypting recovery points that the vault encrypts itself.
    #[serde(default)]
    pub encryption_key_arn: Option<String>,
    /// Vault Lock is applied (compliance or governance mode).
    #[serde(default)]
    pub locked: Option<bool>,
    #[serde(default)]
    pub min_retention_days: Option<i64>,
    /// `BACKUP_VAULT`, `LOGICALLY_AIR_GAPPED_BACKUP_VAULT` …
    #[serde(default)]
    pub vault_type: Option<String>,
    #[serde(default)]
    pub recovery_points: Option<i64>,
    /// The vault access policy; `NotConfigured` when it has none.
    #[serde(default)]
    pub policy: Option<Setting<serde_json::Value>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<SourceLocation>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    pub arn: String,
    pub name: String,
    pub region: String,
    /// Number of rules (schedules); `None` when the plan could not be read.
    #[serde(default)]
    pub rules: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<SourceLocation>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ProtectedResource {
    pub arn: String,
    /// `RDS`, `DynamoDB`, `EFS`, `EBS`, `Aurora` …
    #[serde(default)]
    pub resource_type: Option<String>,
    #[serde(default)]
    pub last_backup: Option<Timestamp>,
}

regional_resource!(Vault, Plan);
