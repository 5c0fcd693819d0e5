//! KMS: keys, their rotation and policies, aliases.
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
    /// `CUSTOMER` or `AWS`.
    pub manager: String,
    /// `Enabled`, `Disabled`, `PendingDeletion` …
    pub state: String,
    /// `SYMMETRIC_DEFAULT`, `RSA_2048` …
    #[serde(default = "default_spec")]
    pub spec: String,
    /// `AWS_KMS`, `EXTERNAL`, `AWS_CLOUDHSM`, `EXTERNAL_KEY_STORE`.
    #[serde(default = "default_origin")]
    pub origin: String,
    #[serde(default)]
    pub rotation_enabled: Option<bool>,
    #[serde(default)]
    pub policy: Option<serde_json::Value>,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub deletion_date: Option<Timestamp>,
    #[serde(default)]
    pub tags: Tags,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<SourceLocation>,
}

fn default_spec() -> String {
    "SYMMETRIC_DEFAULT".into()
}
fn default_origin() -> String {
    "AWS_KMS".into()
}

impl Key {
    pub fn is_customer_managed(&self) -> bool {
        self.manager == "CUSTOMER"
    }
    /// Symmetric keys with key material in KMS are the only ones AWS rotates automatically.
    pub fn supports_rotation(&self) -> bool {
        self.spec == "SYMMETRIC_DEFAULT" && self.origin == "AWS_KMS"
    }
}

regional_resource!(Key);
