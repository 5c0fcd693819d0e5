//! Security Hub checks.
mod securityhub_enabled;

pub use securityhub_enabled::SecurityhubEnabled;
