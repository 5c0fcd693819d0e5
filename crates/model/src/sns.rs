//! SNS: topics with their encryption and access policy, and who receives the notifications
//! CloudWatch alarms send.
use crate::{regional_resource, Setting, SourceLocation};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Sns {
    /// Per region: the account's topic subscriptions; a missing region was not read.
    #[serde(default)]
    pub subscriptions: BTreeMap<String, Vec<Subscription>>,
    /// The account's topics in every scanned region.
    #[serde(default)]
    pub topics: Vec<Topic>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Subscription {
    pub topic_arn: String,
    /// `email`, `sqs`, `lambda`, `https` …
    pub protocol: String,
    /// Whether the subscriber confirmed (an unconfirmed one receives nothing).
    pub confirmed: bool,
}

/// One topic, with the attributes `GetTopicAttributes` returns for it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Topic {
    pub arn: String,
    pub name: String,
    pub region: String,
    /// The KMS key (id, alias or ARN, as configured) that server-side encryption uses:
    /// `not_configured` when the topic has no server-side encryption; `None` when the
    /// attributes could not be read.
    #[serde(default)]
    pub kms_master_key_id: Option<Setting<String>>,
    /// The topic's access policy document; `None` when the attributes could not be read.
    #[serde(default)]
    pub policy: Option<Setting<serde_json::Value>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<SourceLocation>,
}

impl Sns {
    /// Whether a topic has a confirmed subscriber: `None` when its region was not read.
    pub fn topic_has_subscriber(&self, topic_arn: &str) -> Option<bool> {
        let region = topic_arn.split(':').nth(3)?;
        let subs = self.subscriptions.get(region)?;
        Some(subs.iter().any(|s| s.topic_arn == topic_arn && s.confirmed))
    }
}

regional_resource!(Topic);
