//! GuardDuty checks.
mod guardduty_enabled;

pub use guardduty_enabled::GuarddutyEnabled;
