use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Every manual DB snapshot and DB cluster snapshot of the account is encrypted
    /// (`Encrypted`, `StorageEncrypted`). Automated snapshots are not listed (they follow their
    /// instance, which `rds_instance_storage_encrypted` judges). SKIP when AWS did not say.
    ///
    /// ### Why it matters
    /// Manual snapshots outlive their databases and are what gets shared and copied across
    /// accounts and regions; an unencrypted one can be shared with anyone and restored without
    /// any key policy standing in the way.
    ///
    /// ### How to fix
    /// Copy it encrypted (`aws rds copy-db-snapshot --source-db-snapshot-identifier <id>
    /// --target-db-snapshot-identifier <new> --kms-key-id <key>`) and delete the original.
    RdsSnapshotEncrypted {
        id: "rds_snapshot_encrypted",
        title: "RDS manual snapshots are encrypted",
        severity: Medium,
        service: Rds,
        resource_kind: "rds_snapshot",
        best_practices: ["SEC08-BP02"],
        prowler: ["rds_snapshots_encrypted"],
        security_hub: ["RDS.4"],
        config_rule: ["RDS_SNAPSHOT_ENCRYPTED"],
        cis: [],
        reads: { Rds: [DescribeDBSnapshots, DescribeDBClusterSnapshots] },
        remediation: "Copy the snapshot with a KMS key and delete the unencrypted original.",
    }
}

impl RdsSnapshotEncrypted {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for snapshot in &inv.rds.snapshots {
            match snapshot.encrypted {
                Some(true) => out.pass(snapshot, "the snapshot is encrypted"),
                Some(false) => out.fail(snapshot, "the snapshot is not encrypted"),
                None => out.skip(snapshot, "AWS did not say whether the snapshot is encrypted"),
            }
        }
    }
}
