//! organizations checks.
