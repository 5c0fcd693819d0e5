//! IAM Access Analyzer checks.
mod accessanalyzer_enabled;

pub use accessanalyzer_enabled::AccessanalyzerEnabled;
