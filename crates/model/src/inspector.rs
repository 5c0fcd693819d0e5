//! Amazon Inspector (v2): the account's activation per resource type, coverage by scan
//! status, and open critical and high findings counted by the day they were first seen.
use crate::Timestamp;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Inspector {
    /// By region; a missing region was not read.
    #[serde(default)]
    pub regions: BTreeMap<String, InspectorRegion>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct InspectorRegion {
    /// Scan states by resource type; `None` when the account status could not be read.
    #[serde(default)]
    pub status: Option<ScanStatus>,
    /// Covered resources counted by scan status (`ACTIVE`, `INACTIVE`); `None` when unread.
    #[serde(default)]
    pub coverage: Option<BTreeMap<String, i64>>,
    /// Open CRITICAL and HIGH findings, counted per severity and first-observed day;
    /// `None` when unread.
    #[serde(default)]
    pub open_findings: Option<Vec<FindingCount>>,
}

/// Inspector's state per resource type: `ENABLED`, `DISABLED`, `ENABLING`, `SUSPENDED` …
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ScanStatus {
    #[serde(default)]
    pub ec2: Option<String>,
    #[serde(default)]
    pub ecr: Option<String>,
    #[serde(default)]
    pub lambda: Option<String>,
    #[serde(default)]
    pub lambda_code: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FindingCount {
    /// `CRITICAL` or `HIGH`.
    pub severity: String,
    /// Midnight UTC of the day the findings were first observed.
    pub first_observed: Timestamp,
    pub count: u64,
}
