//! Macie: whether it runs in a region, automated sensitive data discovery, classification
//! jobs and counts of its findings by severity.
use crate::{Setting, Timestamp};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Macie {
    /// By region: the Macie account there; `NotConfigured` when Macie is not enabled. A
    /// missing region was not read.
    #[serde(default)]
    pub regions: BTreeMap<String, Setting<MacieRegion>>,
}

/// Macie in one region where it is enabled; `None` where a read failed.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MacieRegion {
    /// `ENABLED` or `PAUSED`.
    pub status: String,
    /// Automated sensitive data discovery: `ENABLED` or `DISABLED`.
    #[serde(default)]
    pub automated_discovery: Option<String>,
    #[serde(default)]
    pub jobs: Option<Vec<ClassificationJob>>,
    /// Counts of sensitive-data findings (category `CLASSIFICATION`, not archived) by severity
    /// (`High`, `Medium`, `Low`).
    #[serde(default)]
    pub findings_by_severity: Option<BTreeMap<String, i64>>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ClassificationJob {
    pub id: String,
    #[serde(default)]
    pub name: Option<String>,
    /// `ONE_TIME` or `SCHEDULED`.
    #[serde(default)]
    pub job_type: Option<String>,
    /// `RUNNING`, `PAUSED`, `CANCELLED`, `COMPLETE`, `IDLE`, `USER_PAUSED`.
    #[serde(default)]
    pub status: Option<String>,
    /// When the job was created: a one-time job runs right after.
    #[serde(default)]
    pub created: Option<Timestamp>,
}
