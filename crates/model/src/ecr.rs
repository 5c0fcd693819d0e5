//! ECR: private repositories with their scanning, tag mutability, encryption, lifecycle and
//! repository policies, and each region's registry scanning configuration and pull-through
//! cache rules.
use crate::{regional_resource, Setting, SourceLocation};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Ecr {
    /// Private repositories in every scanned region.
    #[serde(default)]
    pub repositories: Vec<Repository>,
    /// The registry scanning configuration, by region; a missing region was not read.
    #[serde(default)]
    pub registry_scanning: BTreeMap<String, RegistryScanning>,
    /// Pull-through cache rules (upstream registries mirrored through ECR), by region; a
    /// missing region was not read.
    #[serde(default)]
    pub pull_through_cache_rules: BTreeMap<String, Vec<PullThroughCacheRule>>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Repository {
    pub arn: String,
    pub name: String,
    pub region: String,
    /// The repository's own basic scan-on-push flag; `None` when AWS did not say.
    #[serde(default)]
    pub scan_on_push: Option<bool>,
    #[serde(default)]
    pub tag_mutability: Option<TagMutability>,
    #[serde(default)]
    pub encryption: Option<RepositoryEncryption>,
    /// The repository policy; `None` when it could not be read.
    #[serde(default)]
    pub policy: Option<Setting<serde_json::Value>>,
    /// The lifecycle policy; `None` when it could not be read.
    #[serde(default)]
    pub lifecycle_policy: Option<Setting<serde_json::Value>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<SourceLocation>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum TagMutability {
    Mutable,
    Immutable,
    /// Immutable except for tags matching exclusion filters.
    ImmutableWithExclusion,
    /// Mutable except for tags matching exclusion filters.
    MutableWithExclusion,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RepositoryEncryption {
    pub kind: EncryptionKind,
    /// The KMS key, for `KMS` and `KMS_DSSE`.
    #[serde(default)]
    pub kms_key: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum EncryptionKind {
    /// Amazon S3-managed keys (the default).
    Aes256,
    Kms,
    KmsDsse,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RegistryScanning {
    /// `BASIC` or `ENHANCED` (Amazon Inspector); `None` when AWS did not say.
    #[serde(default)]
    pub scan_type: Option<ScanType>,
    #[serde(default)]
    pub rules: Vec<ScanningRule>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ScanType {
    Basic,
    Enhanced,
}

/// One rule of the registry scanning configuration: repositories matching any filter are
/// scanned at this frequency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ScanningRule {
    pub frequency: ScanFrequency,
    /// Repository-name filters (`*` matches any characters).
    #[serde(default)]
    pub filters: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ScanFrequency {
    ScanOnPush,
    ContinuousScan,
    Manual,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PullThroughCacheRule {
    pub prefix: String,
    #[serde(default)]
    pub upstream_url: Option<String>,
}

regional_resource!(Repository);
