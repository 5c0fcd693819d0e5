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
    #[serde(default)]
    pub delivery_channels: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ConfigRecorder {
    pub name: String,
    #[serde(default)]
    pub all_supported: bool,
    #[serde(default)]
    pub include_global_resource_types: bool,
    /// From `DescribeConfigurationRecorderStatus`; `None` when not read.
    #[serde(default)]
    pub recording: Option<bool>,
    #[serde(default)]
    pub last_status: Option<String>,
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
    /// `ENABLED` or `DISABLED`; `None` when `GetDetector` failed.
    #[serde(default)]
    pub status: Option<String>,
    #[serde(default)]
    pub finding_publishing_frequency: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SecurityHub {
    pub hub_arn: String,
    #[serde(default)]
    pub subscribed_at: Option<Timestamp>,
    /// ARNs of enabled standards; `None` when not read.
    #[serde(default)]
    pub standards: Option<Vec<String>>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AccessAnalyzerRegion {
    #[serde(default)]
    pub analyzers: Vec<Analyzer>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Analyzer {
    pub arn: String,
    pub name: String,
    /// `ACCOUNT`, `ORGANIZATION`, `ACCOUNT_UNUSED_ACCESS` …
    #[serde(rename = "type")]
    pub analyzer_type: String,
    #[serde(default)]
    pub status: String,
}
