//! SQS: queues with their server-side encryption and access policy.
use crate::{regional_resource, Setting, SourceLocation};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Sqs {
    /// The account's queues in every scanned region.
    #[serde(default)]
    pub queues: Vec<Queue>,
}

/// One queue, with the attributes `GetQueueAttributes` returns for it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Queue {
    pub arn: String,
    pub name: String,
    pub region: String,
    /// The queue URL, as `ListQueues` gives it.
    #[serde(default)]
    pub url: Option<String>,
    /// How messages are encrypted at rest; `None` when the attributes could not be read.
    #[serde(default)]
    pub encryption: Option<QueueEncryption>,
    /// The queue's access policy document; `None` when the attributes could not be read.
    #[serde(default)]
    pub policy: Option<Setting<serde_json::Value>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<SourceLocation>,
}

/// A queue's server-side encryption.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum QueueEncryption {
    /// No server-side encryption.
    Disabled,
    /// SSE-SQS: keys SQS owns and manages (the default for queues created since 2022).
    SqsManaged,
    /// SSE-KMS with this key (id, alias or ARN, as configured).
    Kms(String),
}

impl QueueEncryption {
    pub fn is_enabled(&self) -> bool {
        !matches!(self, QueueEncryption::Disabled)
    }
}

regional_resource!(Queue);
