//! S3 checks.
mod s3_account_public_access_block_enabled;
mod s3_bucket_access_logging_enabled;
mod s3_bucket_acl_not_public;
mod s3_bucket_default_encryption_enabled;
mod s3_bucket_default_encryption_kms;
mod s3_bucket_mfa_delete_enabled;
mod s3_bucket_policy_confused_deputy;
mod s3_bucket_policy_no_untrusted_access;
mod s3_bucket_policy_not_public;
mod s3_bucket_public_access_block_enabled;
mod s3_bucket_secure_transport_required;
mod s3_bucket_versioning_enabled;

pub use s3_account_public_access_block_enabled::S3AccountPublicAccessBlockEnabled;
pub use s3_bucket_access_logging_enabled::S3BucketAccessLoggingEnabled;
pub use s3_bucket_acl_not_public::S3BucketAclNotPublic;
pub use s3_bucket_default_encryption_enabled::S3BucketDefaultEncryptionEnabled;
pub use s3_bucket_default_encryption_kms::S3BucketDefaultEncryptionKms;
pub use s3_bucket_mfa_delete_enabled::S3BucketMfaDeleteEnabled;
pub use s3_bucket_policy_confused_deputy::S3BucketPolicyConfusedDeputy;
pub use s3_bucket_policy_no_untrusted_access::S3BucketPolicyNoUntrustedAccess;
pub use s3_bucket_policy_not_public::S3BucketPolicyNotPublic;
pub use s3_bucket_public_access_block_enabled::S3BucketPublicAccessBlockEnabled;
pub use s3_bucket_secure_transport_required::S3BucketSecureTransportRequired;
pub use s3_bucket_versioning_enabled::S3BucketVersioningEnabled;

use wasp_model::s3::{Bucket, PublicAccessBlock};
use wasp_model::Inventory;

/// Whether a Block Public Access setting (`on`) keeps a kind of public grant from taking effect
/// on the bucket: `Some(true)` when the bucket or the account block has it on, `Some(false)`
/// when both levels were read and neither has it, `None` when that cannot be told.
pub(crate) fn public_access_neutralised(
    inv: &Inventory,
    bucket: &Bucket,
    on: fn(&PublicAccessBlock) -> bool,
) -> Option<bool> {
    let levels = [bucket.public_access_block.as_ref(), inv.s3.account_public_access_block.as_ref()];
    if levels.iter().flatten().any(|level| level.configured().is_some_and(on)) {
        Some(true)
    } else if levels.iter().all(Option::is_some) {
        Some(false)
    } else {
        None
    }
}
