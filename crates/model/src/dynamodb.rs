//! DynamoDB: tables with their encryption, deletion protection and point-in-time recovery.
use crate::{regional_resource, SourceLocation};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DynamoDb {
    /// The account's tables in every scanned region.
    #[serde(default)]
    pub tables: Vec<Table>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Table {
    pub arn: String,
    pub name: String,
    pub region: String,
    /// `None` when the table could not be described.
    #[serde(default)]
    pub status: Option<TableStatus>,
    /// Which key encrypts the table at rest (every table is encrypted); `None` when the table
    /// could not be described.
    #[serde(default)]
    pub encryption: Option<TableEncryption>,
    /// `None` when the table could not be described or AWS did not say.
    #[serde(default)]
    pub deletion_protection: Option<bool>,
    /// Point-in-time recovery (continuous backups); `None` when it could not be read.
    #[serde(default)]
    pub point_in_time_recovery: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<SourceLocation>,
}

/// The key that encrypts a table at rest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum TableEncryption {
    /// The default: a key DynamoDB owns, invisible in the account.
    AwsOwnedKey,
    /// A KMS key in an account (the AWS managed `aws/dynamodb` key or a customer managed one),
    /// by ARN.
    Kms(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum TableStatus {
    Creating,
    Updating,
    Deleting,
    Active,
    /// The table's KMS key cannot be used; the table is archived after seven days.
    InaccessibleEncryptionCredentials,
    Archiving,
    Archived,
    /// Any other status AWS may add.
    #[serde(other)]
    Other,
}

impl TableStatus {
    /// Being deleted or already archived: nothing about it can be fixed any more.
    pub fn is_gone(self) -> bool {
        matches!(self, TableStatus::Deleting | TableStatus::Archiving | TableStatus::Archived)
    }
}

regional_resource!(Table);
