//! S3 Glacier vaults (the vault service, not the S3 storage classes) with their access policy.
use crate::{regional_resource, Setting, SourceLocation};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Glacier {
    /// Vaults in every scanned region.
    #[serde(default)]
    pub vaults: Vec<Vault>,
}

/// A vault as `ListVaults` describes it, with its access policy.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Vault {
    pub arn: String,
    pub name: String,
    pub region: String,
    #[serde(default)]
    pub number_of_archives: Option<i64>,
    /// The vault access policy; `NotConfigured` when it has none, `None` when it could not be
    /// read.
    #[serde(default)]
    pub policy: Option<Setting<serde_json::Value>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<SourceLocation>,
}

regional_resource!(Vault);
