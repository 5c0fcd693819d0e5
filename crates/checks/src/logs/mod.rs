//! logs checks.
