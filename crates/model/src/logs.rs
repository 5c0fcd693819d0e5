//! CloudWatch Logs groups and metric filters, and CloudWatch alarms.
use crate::{regional_resource, SourceLocation, Timestamp};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Logs {
    #[serde(default)]
    pub log_groups: Vec<LogGroup>,
    #[serde(default)]
    pub metric_filters: Vec<MetricFilter>,
    /// Per region: CloudWatch metric alarms; a missing region was not read.
    #[serde(default)]
    pub alarms: BTreeMap<String, Vec<MetricAlarm>>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LogGroup {
    pub arn: String,
    pub name: String,
    pub region: String,
    /// `None` = never expire.
    #[serde(default)]
    pub retention_days: Option<u32>,
    /// The customer-managed KMS key; `None` = encrypted with a key CloudWatch Logs manages.
    #[serde(default)]
    pub kms_key_id: Option<String>,
    #[serde(default)]
    pub created: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<SourceLocation>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MetricFilter {
    pub name: String,
    pub region: String,
    pub log_group_name: String,
    pub pattern: String,
    /// `namespace/metric` pairs the filter publishes.
    #[serde(default)]
    pub metrics: Vec<MetricRef>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MetricRef {
    pub namespace: String,
    pub name: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MetricAlarm {
    pub arn: String,
    pub name: String,
    #[serde(default)]
    pub metric: Option<MetricRef>,
    /// `None` when AWS did not say.
    #[serde(default)]
    pub actions_enabled: Option<bool>,
    /// ARNs notified when the alarm fires (SNS topics, Lambda functions, Systems Manager …).
    #[serde(default)]
    pub alarm_actions: Vec<String>,
}

regional_resource!(LogGroup);
