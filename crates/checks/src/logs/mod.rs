//! CloudWatch Logs checks.
mod logs_log_group_kms_encrypted;
mod logs_log_group_retention_meets_minimum;

pub use logs_log_group_kms_encrypted::LogsLogGroupKmsEncrypted;
pub use logs_log_group_retention_meets_minimum::LogsLogGroupRetentionMeetsMinimum;
