//! S3: buckets and the account-level public-access block.
use crate::{regional_resource, Setting, SourceLocation, Timestamp};
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
    pub algorithm: SseAlgorithm,
    #[serde(default)]
    pub kms_key_id: Option<String>,
    #[serde(default)]
    pub bucket_key_enabled: bool,
}

/// The server-side encryption a bucket applies by default.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub enum SseAlgorithm {
    /// SSE-S3: keys S3 owns and manages.
    #[default]
    #[serde(rename = "AES256")]
    Aes256,
    /// SSE-KMS.
    #[serde(rename = "aws:kms")]
    Kms,
    /// DSSE-KMS: two layers of KMS encryption.
    #[serde(rename = "aws:kms:dsse")]
    KmsDsse,
}

impl SseAlgorithm {
    /// AWS's name: `AES256`, `aws:kms`, `aws:kms:dsse`.
    pub fn as_str(self) -> &'static str {
        match self {
            SseAlgorithm::Aes256 => "AES256",
            SseAlgorithm::Kms => "aws:kms",
            SseAlgorithm::KmsDsse => "aws:kms:dsse",
        }
    }

    pub fn uses_kms(self) -> bool {
        matches!(self, SseAlgorithm::Kms | SseAlgorithm::KmsDsse)
    }
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

regional_resource!(Bucket);
