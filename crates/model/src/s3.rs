//! S3: buckets and the account-level public-access block.
use crate::{regional_resource, Setting, SourceLocation, Tags, Timestamp};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct S3 {
    #[serde(default)]
    pub account_public_access_block: Option<Setting<PublicAccessBlock>>,
    #[serde(default)]
    pub buckets: Vec<Bucket>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PublicAccessBlock {
    pub block_public_acls: bool,
    pub ignore_public_acls: bool,
    pub block_public_policy: bool,
    pub restrict_public_buckets: bool,
}

impl PublicAccessBlock {
    pub fn all_enabled(&self) -> bool {
        self.block_public_acls && self.ignore_public_acls && self.block_public_policy && self.restrict_public_buckets
    }
    /// Public ACLs cannot take effect.
    pub fn neutralises_acls(&self) -> bool {
        self.ignore_public_acls
    }
    /// Public bucket policies cannot take effect.
    pub fn neutralises_policies(&self) -> bool {
        self.restrict_public_buckets
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Bucket {
    pub name: String,
    pub arn: String,
    pub region: String,
    #[serde(default)]
    pub created: Option<Timestamp>,
    /// The bucket policy document.
    #[serde(default)]
    pub policy: Option<Setting<serde_json::Value>>,
    /// S3's own verdict on the policy (`GetBucketPolicyStatus`).
    #[serde(default)]
    pub policy_is_public: Option<bool>,
    #[serde(default)]
    pub acl_grants: Option<Vec<AclGrant>>,
    #[serde(default)]
    pub public_access_block: Option<Setting<PublicAccessBlock>>,
    #[serde(default)]
    pub encryption: Option<Setting<BucketEncryption>>,
    #[serde(default)]
    pub versioning: Option<Versioning>,
    #[serde(default)]
    pub logging: Option<Setting<BucketLogging>>,
    #[serde(default)]
    pub object_lock: Option<Setting<ObjectLock>>,
    /// Number of lifecycle rules.
    #[serde(default)]
    pub lifecycle_rules: Option<Setting<u32>>,
    #[serde(default)]
    pub tags: Tags,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<SourceLocation>,
}

/// One ACL grant; `grantee` is a canonical id, an email or a group URI.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AclGrant {
    pub grantee: String,
    pub permission: String,
}

impl AclGrant {
    pub const ALL_USERS: &'static str = "http://acs.amazonaws.com/groups/global/AllUsers";
    pub const AUTHENTICATED_USERS: &'static str = "http://acs.amazonaws.com/groups/global/AuthenticatedUsers";

    /// Grants to everyone, or to every AWS customer.
    pub fn is_public(&self) -> bool {
        self.grantee == Self::ALL_USERS || self.grantee == Self::AUTHENTICATED_USERS
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BucketEncryption {
    /// `AES256`, `aws:kms` or `aws:kms:dsse`.
    pub algorithm: String,
    #[serde(default)]
    pub kms_key_id: Option<String>,
    #[serde(default)]
    pub bucket_key_enabled: bool,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum VersioningStatus {
    #[default]
    Never,
    Enabled,
    Suspended,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Versioning {
    pub status: VersioningStatus,
    #[serde(default)]
    pub mfa_delete: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BucketLogging {
    pub target_bucket: String,
    #[serde(default)]
    pub target_prefix: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ObjectLock {
    pub enabled: bool,
    /// `GOVERNANCE` or `COMPLIANCE` when a default retention is set.
    #[serde(default)]
    pub default_mode: Option<String>,
}

regional_resource!(Bucket);
