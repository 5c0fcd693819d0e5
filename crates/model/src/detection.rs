//! Detective services, per region: AWS Config, GuardDuty, Security Hub, IAM Access Analyzer.
//!
//! Each map is keyed by region; a region missing from a map was not read (see the gaps).
use crate::{Setting, Timestamp};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Detection {
    #[serde(default)]
    pub config: BTreeMap<String, ConfigRegion>,
    #[serde(default)]
    pub guardduty: BTreeMap<String, GuardDutyRegion>,
    /// `NotConfigured` when Security Hub is not enabled in the region.
    #[serde(default)]
    pub securityhub: BTreeMap<String, Setting<SecurityHub>>,
    #[serde(default)]
    pub access_analyzer: BTreeMap<String, AccessAnalyzerRegion>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ConfigRegion {
    #[serde(default)]
    pub recorders: Vec<ConfigRecorder>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ConfigRecorder {
    pub name: String,
    /// Which resource types it records; `None` when AWS did not say.
    #[serde(default)]
    pub scope: Option<RecordingScope>,
    /// Whether it also records global resource types (IAM users, groups, roles, policies).
    #[serde(default)]
    pub include_global_resource_types: Option<bool>,
    /// From `DescribeConfigurationRecorderStatus`; `None` when not read.
    #[serde(default)]
    pub recording: Option<bool>,
    #[serde(default)]
    pub last_status: Option<RecorderLastStatus>,
}

/// The resource types a configuration recorder records.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RecordingScope {
    /// Every supported resource type, new ones included.
    AllSupported,
    /// Every supported type but these.
    AllExcept(Vec<String>),
    /// Only these types.
    Only(Vec<String>),
}

impl RecordingScope {
    /// Records every supported type, with no exclusion.
    pub fn is_complete(&self) -> bool {
        match self {
            RecordingScope::AllSupported => true,
            RecordingScope::AllExcept(excluded) => excluded.is_empty(),
            RecordingScope::Only(_) => false,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "PascalCase")]
pub enum RecorderLastStatus {
    Pending,
    Success,
    Failure,
    /// A status AWS added after this wasp.
    #[serde(other)]
    Other,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GuardDutyRegion {
    #[serde(default)]
    pub detectors: Vec<GuardDutyDetector>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GuardDutyDetector {
    pub id: String,
    /// Whether the detector is enabled; `None` when `GetDetector` failed.
    #[serde(default)]
    pub status: Option<Toggle>,
}

/// `ENABLED` or `DISABLED`, as the detective services spell it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "UPPERCASE")]
pub enum Toggle {
    Enabled,
    Disabled,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SecurityHub {
    pub hub_arn: String,
    #[serde(default)]
    pub subscribed_at: Option<Timestamp>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AccessAnalyzerRegion {
    #[serde(default)]
    pub analyzers: Vec<Analyzer>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Analyzer {
    pub arn: String,
    pub name: String,
    #[serde(rename = "type")]
    pub analyzer_type: AnalyzerType,
    /// `None` when AWS did not say.
    #[serde(default)]
    pub status: Option<AnalyzerStatus>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum AnalyzerType {
    Account,
    Organization,
    AccountUnusedAccess,
    OrganizationUnusedAccess,
    AccountInternalAccess,
    OrganizationInternalAccess,
    /// A type AWS added after this wasp.
    #[serde(other)]
    Other,
}

impl AnalyzerType {
    /// Looks for access from outside the account or organization.
    pub fn finds_external_access(self) -> bool {
        matches!(self, AnalyzerType::Account | AnalyzerType::Organization)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum AnalyzerStatus {
    Active,
    Creating,
    Disabled,
    Failed,
}

impl AnalyzerStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            AnalyzerStatus::Active => "ACTIVE",
            AnalyzerStatus::Creating => "CREATING",
            AnalyzerStatus::Disabled => "DISABLED",
            AnalyzerStatus::Failed => "FAILED",
        }
    }
}
