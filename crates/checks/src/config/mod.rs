//! AWS Config checks.
mod config_recorder_enabled;

pub use config_recorder_enabled::ConfigRecorderEnabled;
