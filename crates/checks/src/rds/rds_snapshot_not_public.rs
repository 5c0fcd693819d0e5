use crate::{declare_check, evidence};
use wasp_model::rds::SnapshotKind;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// No manual DB snapshot or DB cluster snapshot of the account lists `all` in its
    /// `restore` attribute (`DescribeDBSnapshotAttributes`,
    /// `DescribeDBClusterSnapshotAttributes`), which would let every AWS account copy or
    /// restore it. Snapshots shared with named accounts pass here (the message counts them);
    /// automated snapshots cannot be shared and are not read. SKIP when a snapshot's attributes
    /// could not be read.
    ///
    /// ### Why it matters
    /// Anyone can restore a public snapshot into their own account and read the whole
    /// database as it was: customer records, password hashes, tokens. Public RDS snapshots are
    /// searched for systematically.
    ///
    /// ### How to fix
    /// Run `aws rds modify-db-snapshot-attribute --db-snapshot-identifier <id>
    /// --attribute-name restore --values-to-remove all` (or
    /// `modify-db-cluster-snapshot-attribute` for a cluster snapshot), and share with named
    /// accounts instead.
    RdsSnapshotNotPublic {
        id: "rds_snapshot_not_public",
        title: "RDS snapshots are not public",
        severity: Critical,
        service: Rds,
        resource_kind: "rds_snapshot",
        best_practices: ["SEC03-BP07", "SEC08-BP04"],
        prowler: ["rds_snapshots_public_access"],
        security_hub: ["RDS.1"],
        config_rule: ["RDS_SNAPSHOTS_PUBLIC_PROHIBITED"],
        cis: [],
        reads: {
            Rds: [
                DescribeDBSnapshots,
                DescribeDBSnapshotAttributes,
                DescribeDBClusterSnapshots,
                DescribeDBClusterSnapshotAttributes,
            ]
        },
        remediation: "Remove `all` from the snapshot's restore attribute.",
    }
}

impl RdsSnapshotNotPublic {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for snapshot in &inv.rds.snapshots {
            let kind = match snapshot.kind {
                SnapshotKind::Instance => "DB snapshot",
                SnapshotKind::Cluster => "DB cluster snapshot",
            };
            let Some(restorers) = &snapshot.restorable_by else {
                out.skip(snapshot, evidence::unknown_for_resource(inv, &snapshot.arn, "who may restore the snapshot"));
                continue;
            };
            if snapshot.is_public() == Some(true) {
                out.fail(snapshot, format!("any AWS account can copy or restore the {kind}"));
            } else if restorers.is_empty() {
                out.pass(snapshot, format!("the {kind} is shared with no other account"));
            } else {
                out.pass(snapshot, format!("the {kind} is shared with {} named account(s) only", restorers.len()));
            }
        }
    }
}
