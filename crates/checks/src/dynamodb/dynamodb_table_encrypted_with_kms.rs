use crate::{declare_check, evidence};
use wasp_model::dynamodb::TableEncryption;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Every DynamoDB table is encrypted with a KMS key in an account — the AWS managed
    /// `aws/dynamodb` key or a customer managed key — rather than with the key DynamoDB owns,
    /// which is the default. Tables being deleted or archived are not judged; SKIP when the
    /// table could not be described.
    ///
    /// All DynamoDB tables are encrypted at rest, whatever this check says: a failure means
    /// the key is invisible to you, not that the data is stored in the clear. Hence the low
    /// severity. The check does not tell the two kinds of KMS key apart (the table's
    /// description names only the key's ARN); only a customer managed key lets you write its
    /// key policy, disable it or revoke its grants.
    ///
    /// ### Why it matters
    /// With a KMS key in the account, every use of the key by DynamoDB on your behalf appears
    /// in CloudTrail, and with a customer managed key the key policy becomes a second gate
    /// in front of the table's data, one you can close in an incident.
    ///
    /// ### How to fix
    /// Run `aws dynamodb update-table --table-name <name> --sse-specification
    /// Enabled=true,SSEType=KMS,KMSMasterKeyId=<key>` with a customer managed key (or without
    /// `KMSMasterKeyId` for the AWS managed key). The change is online.
    DynamodbTableEncryptedWithKms {
        id: "dynamodb_table_encrypted_with_kms",
        title: "DynamoDB tables are encrypted with a KMS key in the account",
        severity: Low,
        service: DynamoDb,
        resource_kind: "dynamodb_table",
        best_practices: ["SEC08-BP01", "SEC08-BP02"],
        prowler: ["dynamodb_tables_kms_cmk_encryption_enabled"],
        security_hub: [],
        config_rule: [],
        cis: [],
        reads: { DynamoDb: [ListTables, DescribeTable] },
        remediation: "Switch the table's encryption to a KMS key, preferably a customer managed one.",
    }
}

impl DynamodbTableEncryptedWithKms {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for table in super::live_tables(inv) {
            match &table.encryption {
                Some(TableEncryption::Kms(key)) => out.pass(table, format!("encrypted with KMS key {key}")),
                Some(TableEncryption::AwsOwnedKey) => {
                    out.fail(table, "encrypted with the key DynamoDB owns, which the account cannot see or control")
                }
                None => out.skip(table, evidence::unknown_for_resource(inv, &table.arn, "the table's encryption")),
            }
        }
    }
}
