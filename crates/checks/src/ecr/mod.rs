//! ECR checks.
mod ecr_pull_through_cache_in_use;
mod ecr_registry_enhanced_scanning_enabled;
mod ecr_repository_encrypted_with_cmk;
mod ecr_repository_lifecycle_policy_configured;
mod ecr_repository_policy_no_untrusted_access;
mod ecr_repository_policy_not_public;
mod ecr_repository_scan_on_push_enabled;
mod ecr_repository_tag_immutability_enabled;

pub use ecr_pull_through_cache_in_use::EcrPullThroughCacheInUse;
pub use ecr_registry_enhanced_scanning_enabled::EcrRegistryEnhancedScanningEnabled;
pub use ecr_repository_encrypted_with_cmk::EcrRepositoryEncryptedWithCmk;
pub use ecr_repository_lifecycle_policy_configured::EcrRepositoryLifecyclePolicyConfigured;
pub use ecr_repository_policy_no_untrusted_access::EcrRepositoryPolicyNoUntrustedAccess;
pub use ecr_repository_policy_not_public::EcrRepositoryPolicyNotPublic;
pub use ecr_repository_scan_on_push_enabled::EcrRepositoryScanOnPushEnabled;
pub use ecr_repository_tag_immutability_enabled::EcrRepositoryTagImmutabilityEnabled;

use wasp_model::ecr::{RegistryScanning, ScanFrequency};

/// The registry rule that scans a repository automatically (on push or continuously), if any.
pub(crate) fn automatic_rule<'a>(scanning: &'a RegistryScanning, repository: &str) -> Option<&'a ScanFrequency> {
    scanning
        .rules
        .iter()
        .filter(|r| matches!(r.frequency, ScanFrequency::ScanOnPush | ScanFrequency::ContinuousScan))
        .find(|r| r.filters.iter().any(|f| crate::policy::glob_match(f, repository)))
        .map(|r| &r.frequency)
}
