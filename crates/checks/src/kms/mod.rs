//! KMS checks.
mod kms_key_not_pending_deletion;
mod kms_key_policy_no_untrusted_access;
mod kms_key_rotation_enabled;

pub use kms_key_not_pending_deletion::KmsKeyNotPendingDeletion;
pub use kms_key_policy_no_untrusted_access::KmsKeyPolicyNoUntrustedAccess;
pub use kms_key_rotation_enabled::KmsKeyRotationEnabled;
