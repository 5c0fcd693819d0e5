//! KMS checks.
mod kms_key_not_pending_deletion;
mod kms_key_rotation_enabled;

pub use kms_key_not_pending_deletion::KmsKeyNotPendingDeletion;
pub use kms_key_rotation_enabled::KmsKeyRotationEnabled;
