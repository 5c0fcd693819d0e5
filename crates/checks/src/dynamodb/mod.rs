//! DynamoDB checks.
mod dynamodb_table_deletion_protection_enabled;
mod dynamodb_table_encrypted_with_kms;
mod dynamodb_table_pitr_enabled;

pub use dynamodb_table_deletion_protection_enabled::DynamodbTableDeletionProtectionEnabled;
pub use dynamodb_table_encrypted_with_kms::DynamodbTableEncryptedWithKms;
pub use dynamodb_table_pitr_enabled::DynamodbTablePitrEnabled;

use wasp_model::dynamodb::Table;
use wasp_model::Inventory;

/// The tables worth judging: those not being deleted or archived (a table whose description
/// could not be read is judged, and skips).
fn live_tables(inv: &Inventory) -> impl Iterator<Item = &Table> {
    inv.dynamodb.tables.iter().filter(|t| !t.status.is_some_and(|s| s.is_gone()))
}
