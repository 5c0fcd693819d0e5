//! Secrets Manager: secrets with their rotation, use, key and resource policy. Secret values
//! are never read.
use crate::{regional_resource, Setting, SourceLocation, Timestamp};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SecretsManager {
    /// Secrets (not scheduled for deletion) in every scanned region.
    #[serde(default)]
    pub secrets: Vec<Secret>,
}

/// A secret as `ListSecrets` describes it, with its resource policy.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Secret {
    pub arn: String,
    pub name: String,
    pub region: String,
    /// Automatic rotation is turned on.
    #[serde(default)]
    pub rotation_enabled: Option<bool>,
    /// `RotationRules.AutomaticallyAfterDays`; `None` when rotation has no rules or the rule
    /// is a schedule expression only.
    #[serde(default)]
    pub rotation_interval_days: Option<i64>,
    /// `RotationRules.ScheduleExpression` (`rate(10 days)`, `cron(…)`), when set.
    #[serde(default)]
    pub rotation_schedule: Option<String>,
    #[serde(default)]
    pub created: Option<Timestamp>,
    /// Last rotation; `None` when it never rotated.
    #[serde(default)]
    pub last_rotated: Option<Timestamp>,
    /// Last change of the value or settings.
    #[serde(default)]
    pub last_changed: Option<Timestamp>,
    /// Last day the value was retrieved (AWS rounds to the day); `None` when never.
    #[serde(default)]
    pub last_accessed: Option<Timestamp>,
    /// The KMS key encrypting the secret; `None` for the AWS managed `aws/secretsmanager` key.
    #[serde(default)]
    pub kms_key_id: Option<String>,
    /// The AWS service managing the secret (`rds`, `appflow` …), which rotates it itself.
    #[serde(default)]
    pub owning_service: Option<String>,
    /// The resource policy; `None` when it could not be read.
    #[serde(default)]
    pub policy: Option<Setting<serde_json::Value>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<SourceLocation>,
}

regional_resource!(Secret);
