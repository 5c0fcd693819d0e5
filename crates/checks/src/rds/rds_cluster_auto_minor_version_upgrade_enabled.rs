use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Every RDS Multi-AZ DB cluster (engine `mysql` or `postgres` in a cluster) takes minor
    /// engine upgrades automatically (`AutoMinorVersionUpgrade` of the cluster), as Security Hub
    /// RDS.35 asks. Aurora clusters are not judged here: Aurora sets the option per instance,
    /// which `rds_instance_auto_minor_version_upgrade_enabled` covers for standalone instances.
    /// Clusters being deleted are not judged. SKIP when AWS did not say.
    ///
    /// ### Why it matters
    /// Minor versions carry the engine's security fixes; without automatic upgrades they wait
    /// for someone to schedule them.
    ///
    /// ### How to fix
    /// Run `aws rds modify-db-cluster --db-cluster-identifier <id>
    /// --auto-minor-version-upgrade`.
    RdsClusterAutoMinorVersionUpgradeEnabled {
        id: "rds_cluster_auto_minor_version_upgrade_enabled",
        title: "RDS Multi-AZ DB clusters take minor engine upgrades automatically",
        severity: Low,
        service: Rds,
        resource_kind: "rds_cluster",
        best_practices: ["SEC06-BP01"],
        prowler: ["rds_cluster_minor_version_upgrade_enabled"],
        security_hub: ["RDS.35"],
        config_rule: ["RDS_CLUSTER_AUTO_MINOR_VERSION_UPGRADE_ENABLE"],
        cis: [],
        reads: { Rds: [DescribeDBClusters] },
        remediation: "Turn on automatic minor version upgrades for the cluster.",
    }
}

impl RdsClusterAutoMinorVersionUpgradeEnabled {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for cluster in super::live_clusters(inv).filter(|c| matches!(c.engine.as_deref(), Some("mysql" | "postgres"))) {
            match cluster.auto_minor_version_upgrade {
                Some(true) => out.pass(cluster, "minor upgrades are applied automatically"),
                Some(false) => out.fail(cluster, "minor upgrades are not applied automatically"),
                None => out.skip(cluster, "AWS did not say whether minor upgrades are automatic"),
            }
        }
    }
}
