//! CloudWatch Logs checks.
mod logs_log_group_kms_encrypted;
mod logs_log_group_retention_set;

pub use logs_log_group_kms_encrypted::LogsLogGroupKmsEncrypted;
pub use logs_log_group_retention_set::LogsLogGroupRetentionSet;
