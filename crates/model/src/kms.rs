//! KMS: keys with their state and rotation.
use crate::{regional_resource, SourceLocation, Tags, Timestamp};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Kms {
    #[serde(default)]
    pub keys: Vec<Key>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Key {
    pub arn: String,
    pub id: String,
    pub region: String,
    pub manager: KeyManager,
    pub state: KeyState,
    /// `SYMMETRIC_DEFAULT`, `RSA_2048` …; `None` when AWS did not say.
    #[serde(default)]
    pub spec: Option<String>,
    /// Where the key material lives; `None` when AWS did not say.
    #[serde(default)]
    pub origin: Option<KeyOrigin>,
    #[serde(default)]
    pub rotation_enabled: Option<bool>,
    #[serde(default)]
    pub deletion_date: Option<Timestamp>,
    /// The key policy (`GetKeyPolicy`, policy name `default`); `None` when it was not read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub policy: Option<serde_json::Value>,
    #[serde(default)]
    pub tags: Tags,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<SourceLocation>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "UPPERCASE")]
pub enum KeyManager {
    #[default]
    Customer,
    Aws,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub enum KeyState {
    #[default]
    Enabled,
    Disabled,
    PendingDeletion,
    PendingImport,
    PendingReplicaDeletion,
    Unavailable,
    Creating,
    Updating,
}

impl KeyState {
    /// AWS's name of the state.
    pub fn as_str(self) -> &'static str {
        match self {
            KeyState::Enabled => "Enabled",
            KeyState::Disabled => "Disabled",
            KeyState::PendingDeletion => "PendingDeletion",
            KeyState::PendingImport => "PendingImport",
            KeyState::PendingReplicaDeletion => "PendingReplicaDeletion",
            KeyState::Unavailable => "Unavailable",
            KeyState::Creating => "Creating",
            KeyState::Updating => "Updating",
        }
    }

    /// Scheduled for deletion (a key, or a multi-Region replica).
    pub fn is_pending_deletion(self) -> bool {
        matches!(self, KeyState::PendingDeletion | KeyState::PendingReplicaDeletion)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum KeyOrigin {
    AwsKms,
    External,
    AwsCloudhsm,
    ExternalKeyStore,
}

impl Key {
    pub fn is_customer_managed(&self) -> bool {
        self.manager == KeyManager::Customer
    }

    /// Whether AWS can rotate the key automatically: symmetric keys whose material KMS made.
    /// `None` when the spec or origin is unknown.
    pub fn supports_rotation(&self) -> Option<bool> {
        Some(self.spec.as_deref()? == "SYMMETRIC_DEFAULT" && self.origin? == KeyOrigin::AwsKms)
    }
}

regional_resource!(Key);
