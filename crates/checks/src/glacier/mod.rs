//! S3 Glacier vault checks.
mod glacier_vault_policy_no_untrusted_access;
mod glacier_vault_policy_not_public;

pub use glacier_vault_policy_no_untrusted_access::GlacierVaultPolicyNoUntrustedAccess;
pub use glacier_vault_policy_not_public::GlacierVaultPolicyNotPublic;
