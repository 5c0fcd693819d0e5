use crate::{declare_check, evidence};
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Every DynamoDB table has deletion protection on (`DeletionProtectionEnabled` in
    /// `DescribeTable`). Tables being deleted or archived are not judged; SKIP when the table
    /// could not be described or the answer left the setting out.
    ///
    /// ### Why it matters
    /// With deletion protection, `DeleteTable` fails until someone deliberately turns it off:
    /// a mistaken script, a stack teardown or a careless console click cannot drop the table,
    /// and an attacker must take one more, logged, step first.
    ///
    /// ### How to fix
    /// Run `aws dynamodb update-table --table-name <name> --deletion-protection-enabled`, and
    /// set `DeletionProtectionEnabled` in the table's template.
    DynamodbTableDeletionProtectionEnabled {
        id: "dynamodb_table_deletion_protection_enabled",
        title: "DynamoDB tables have deletion protection enabled",
        severity: Medium,
        service: DynamoDb,
        resource_kind: "dynamodb_table",
        best_practices: ["SEC08-BP04"],
        prowler: ["dynamodb_table_deletion_protection_enabled"],
        security_hub: ["DynamoDB.6"],
        config_rule: ["DYNAMODB_TABLE_DELETION_PROTECTION_ENABLED"],
        cis: [],
        reads: { DynamoDb: [ListTables, DescribeTable] },
        remediation: "Turn on deletion protection for the table.",
    }
}

impl DynamodbTableDeletionProtectionEnabled {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for table in super::live_tables(inv) {
            match table.deletion_protection {
                Some(true) => out.pass(table, "deletion protection is on"),
                Some(false) => out.fail(table, "deletion protection is off"),
                None => out.skip(table, evidence::unknown_for_resource(inv, &table.arn, "deletion protection")),
            }
        }
    }
}
