//! SNS: who receives the notifications CloudWatch alarms send.
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Sns {
    /// Per region: the account's topic subscriptions; a missing region was not read.
    #[serde(default)]
    pub subscriptions: BTreeMap<String, Vec<Subscription>>,
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

impl Sns {
    /// Whether a topic has a confirmed subscriber: `None` when its region was not read.
    pub fn topic_has_subscriber(&self, topic_arn: &str) -> Option<bool> {
        let region = topic_arn.split(':').nth(3)?;
        let subs = self.subscriptions.get(region)?;
        Some(subs.iter().any(|s| s.topic_arn == topic_arn && s.confirmed))
    }
}
