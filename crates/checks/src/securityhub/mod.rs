//! Security Hub checks.
mod securityhub_centrally_managed;
mod securityhub_cis_standard_enabled;
mod securityhub_enabled;
mod securityhub_fsbp_standard_enabled;
mod standard;

pub use securityhub_centrally_managed::SecurityhubCentrallyManaged;
pub use securityhub_cis_standard_enabled::SecurityhubCisStandardEnabled;
pub use securityhub_enabled::SecurityhubEnabled;
pub use securityhub_fsbp_standard_enabled::SecurityhubFsbpStandardEnabled;
