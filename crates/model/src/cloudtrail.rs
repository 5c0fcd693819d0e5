//! CloudTrail trails with their status and event selectors.
use crate::{regional_resource, SourceLocation, Timestamp};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CloudTrail {
    /// Each trail once, in its home region.
    #[serde(default)]
    pub trails: Vec<Trail>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
/// Flags AWS may leave out are `None` when it did.
pub struct Trail {
    pub arn: String,
    pub name: String,
    /// Home region.
    pub region: String,
    #[serde(default)]
    pub multi_region: Option<bool>,
    #[serde(default)]
    pub organization_trail: Option<bool>,
    #[serde(default)]
    pub log_file_validation: Option<bool>,
    #[serde(default)]
    pub kms_key_id: Option<String>,
    #[serde(default)]
    pub s3_bucket: Option<String>,
    #[serde(default)]
    pub cloudwatch_logs_group_arn: Option<String>,
    #[serde(default)]
    pub include_global_service_events: Option<bool>,
    /// From `GetTrailStatus`.
    #[serde(default)]
    pub is_logging: Option<bool>,
    #[serde(default)]
    pub latest_delivery: Option<Timestamp>,
    /// Whether management events (read and write) are recorded, from the event selectors.
    #[serde(default)]
    pub management_events: Option<ManagementEvents>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<SourceLocation>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ManagementEvents {
    #[default]
    None,
    ReadOnly,
    WriteOnly,
    All,
}

regional_resource!(Trail);
