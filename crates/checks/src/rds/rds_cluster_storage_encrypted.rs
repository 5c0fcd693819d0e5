use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Every RDS DB cluster (Aurora or Multi-AZ DB cluster) has encrypted storage
    /// (`StorageEncrypted`), which covers all its instances. Clusters being deleted are not
    /// judged; SKIP when the description leaves the setting out.
    ///
    /// ### Why it matters
    /// The cluster volume holds every instance's data, and its snapshots inherit its
    /// encryption: without it a shared or copied snapshot is readable by whoever restores it.
    ///
    /// ### How to fix
    /// A cluster cannot be encrypted in place: snapshot it, restore the snapshot into a new
    /// cluster with `--kms-key-id`, and cut over.
    RdsClusterStorageEncrypted {
        id: "rds_cluster_storage_encrypted",
        title: "RDS DB clusters have encrypted storage",
        severity: Medium,
        service: Rds,
        resource_kind: "rds_cluster",
        best_practices: ["SEC08-BP02"],
        prowler: ["rds_cluster_storage_encrypted"],
        security_hub: ["RDS.27"],
        config_rule: ["RDS_CLUSTER_ENCRYPTED_AT_REST"],
        cis: [],
        reads: { Rds: [DescribeDBClusters] },
        remediation: "Restore the cluster from a snapshot into a new, encrypted cluster.",
    }
}

impl RdsClusterStorageEncrypted {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for cluster in super::live_clusters(inv) {
            match cluster.storage_encrypted {
                Some(true) => out.pass(cluster, "storage is encrypted"),
                Some(false) => out.fail(cluster, "storage is not encrypted"),
                None => out.skip(cluster, "AWS did not say whether the storage is encrypted"),
            }
        }
    }
}
