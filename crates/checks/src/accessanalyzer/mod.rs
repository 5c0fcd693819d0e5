//! IAM Access Analyzer checks.
mod accessanalyzer_enabled;
mod accessanalyzer_unused_access_analyzer_enabled;

pub use accessanalyzer_enabled::AccessanalyzerEnabled;
pub use accessanalyzer_unused_access_analyzer_enabled::AccessanalyzerUnusedAccessAnalyzerEnabled;
