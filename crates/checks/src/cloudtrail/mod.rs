//! cloudtrail checks.
