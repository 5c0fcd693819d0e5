//! securityhub checks.
