//! CloudFormation stacks (`DescribeStacks`), per region.
use crate::{regional_resource, SourceLocation};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CloudFormation {
    #[serde(default)]
    pub stacks: Vec<Stack>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Stack {
    pub arn: String,
    pub name: String,
    pub region: String,
    /// `CREATE_COMPLETE`, `UPDATE_ROLLBACK_COMPLETE`, `DELETE_IN_PROGRESS` …
    #[serde(default)]
    pub status: Option<String>,
    /// The root stack's ARN when this stack is nested in another.
    #[serde(default)]
    pub parent: Option<String>,
    #[serde(default)]
    pub termination_protection: Option<bool>,
    /// `DRIFTED`, `IN_SYNC`, `UNKNOWN` or `NOT_CHECKED`.
    #[serde(default)]
    pub drift_status: Option<String>,
    /// SNS topics notified of stack events.
    #[serde(default)]
    pub notification_arns: Vec<String>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub tags: BTreeMap<String, String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<SourceLocation>,
}

regional_resource!(Stack);
