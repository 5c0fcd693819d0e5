use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Every Redshift provisioned cluster keeps automated snapshots for at least
    /// `redshift_snapshot_retention_min_days` days (7 by default, as Security Hub Redshift.3
    /// asks): `AutomatedSnapshotRetentionPeriod`, where 0 means automated snapshots are off.
    /// SKIP when AWS did not report it.
    ///
    /// ### Why it matters
    /// Automated snapshots are the warehouse's point-in-time recovery; with one day, a bad
    /// load or a destructive intruder noticed after a weekend is beyond reach.
    ///
    /// ### How to fix
    /// Run `aws redshift modify-cluster --cluster-identifier <id>
    /// --automated-snapshot-retention-period 7` (or more).
    RedshiftClusterAutomatedSnapshotsRetained {
        id: "redshift_cluster_automated_snapshots_retained",
        title: "Redshift clusters keep automated snapshots for at least 7 days",
        severity: Medium,
        service: Redshift,
        resource_kind: "redshift_cluster",
        best_practices: ["SEC08-BP03"],
        prowler: ["redshift_cluster_automated_snapshot"],
        security_hub: ["Redshift.3"],
        config_rule: ["REDSHIFT_BACKUP_ENABLED"],
        cis: [],
        reads: { Redshift: [DescribeClusters] },
        remediation: "Keep automated snapshots for at least 7 days.",
    }
}

impl RedshiftClusterAutomatedSnapshotsRetained {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        let min = i64::from(out.settings().redshift_snapshot_retention_min_days);
        for cluster in super::live_clusters(inv) {
            match cluster.automated_snapshot_retention_days.map(i64::from) {
                Some(0) => out.fail(cluster, "automated snapshots are off"),
                Some(d) if d < min => {
                    out.fail(cluster, format!("automated snapshots are kept {d} day(s), fewer than {min}"))
                }
                Some(d) => out.pass(cluster, format!("automated snapshots are kept {d} days")),
                None => out.skip(cluster, "AWS did not report the snapshot retention"),
            }
        }
    }
}
