use crate::{declare_check, evidence};
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Every DynamoDB table has point-in-time recovery on (`DescribeContinuousBackups`
    /// reports `PointInTimeRecoveryStatus` `ENABLED`). Tables being deleted or archived are not
    /// judged; SKIP when the continuous-backup status could not be read.
    ///
    /// ### Why it matters
    /// Point-in-time recovery lets you restore a table to any second of the recovery window
    /// (35 days by default), which is the way back from a faulty deployment, a bulk delete or
    /// ransomware-style overwrites by a stolen credential. On-demand backups only cover the
    /// moments someone remembered to take one.
    ///
    /// ### How to fix
    /// Run `aws dynamodb update-continuous-backups --table-name <name>
    /// --point-in-time-recovery-specification PointInTimeRecoveryEnabled=true`, and keep it in
    /// the table's template so new tables start with it.
    DynamodbTablePitrEnabled {
        id: "dynamodb_table_pitr_enabled",
        title: "DynamoDB tables have point-in-time recovery enabled",
        severity: Medium,
        service: DynamoDb,
        resource_kind: "dynamodb_table",
        best_practices: ["SEC08-BP03"],
        prowler: ["dynamodb_tables_pitr_enabled"],
        security_hub: ["DynamoDB.2"],
        config_rule: ["DYNAMODB_PITR_ENABLED"],
        cis: [],
        reads: { DynamoDb: [ListTables, DescribeTable, DescribeContinuousBackups] },
        remediation: "Turn on point-in-time recovery for the table.",
    }
}

impl DynamodbTablePitrEnabled {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for table in super::live_tables(inv) {
            match table.point_in_time_recovery {
                Some(true) => out.pass(table, "point-in-time recovery is on"),
                Some(false) => out.fail(table, "point-in-time recovery is off"),
                None => out.skip(table, evidence::unknown_for_resource(inv, &table.arn, "point-in-time recovery")),
            }
        }
    }
}
