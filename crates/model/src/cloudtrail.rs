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
    /// Data events the selectors record, one entry per resource type, from the same
    /// `GetEventSelectors` answer; `None` when not read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data_events: Option<Vec<DataEvents>>,
    /// Insight types enabled (`ApiCallRateInsight`, `ApiErrorRateInsight`) from
    /// `GetInsightSelectors`: empty when Insights is off; `None` when not read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub insight_types: Option<Vec<String>>,
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

/// Data events of one resource type that a trail records.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DataEvents {
    /// `AWS::S3::Object`, `AWS::Lambda::Function`, …
    pub resource_type: String,
    /// Read events (`GetObject`, …) are recorded.
    pub read: bool,
    /// Write events (`PutObject`, `Invoke`, …) are recorded.
    pub write: bool,
    /// Every resource of the type is covered, not only listed ARNs or prefixes.
    pub all_resources: bool,
}

impl Trail {
    /// The recorded data events of one resource type, merged over selectors: `None` when
    /// the selectors were not read.
    pub fn data_events_of(&self, resource_type: &str) -> Option<DataEvents> {
        let events = self.data_events.as_ref()?;
        let mut merged = DataEvents { resource_type: resource_type.to_owned(), ..Default::default() };
        for e in events.iter().filter(|e| e.resource_type == resource_type) {
            // Coverage of all resources counts for the directions it records.
            if e.all_resources {
                merged.read |= e.read;
                merged.write |= e.write;
            }
        }
        merged.all_resources = merged.read || merged.write;
        Some(merged)
    }
}

regional_resource!(Trail);
