//! Shield Advanced (global): whether the account subscribes, and which resources it protects.
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Shield {
    /// Whether Shield Advanced is subscribed; `None` when unread.
    #[serde(default)]
    pub subscribed: Option<bool>,
    /// The ARNs of protected resources; `None` when unread (or not subscribed).
    #[serde(default)]
    pub protected_resources: Option<Vec<String>>,
}
