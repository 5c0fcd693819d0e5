use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Every RDS DB cluster, and every DB instance outside a cluster, has deletion protection
    /// on (`DeletionProtection`). Instances of a cluster are covered by the cluster's setting;
    /// resources being deleted are not judged. SKIP when the description leaves the setting
    /// out.
    ///
    /// ### Why it matters
    /// With deletion protection, `DeleteDBInstance` and `DeleteDBCluster` fail until someone
    /// deliberately turns it off: a wrong script, a stack teardown or a hurried click cannot
    /// drop the database (and, unless told to keep them, its automated backups with it).
    ///
    /// ### How to fix
    /// Run `aws rds modify-db-cluster --db-cluster-identifier <id> --deletion-protection` (or
    /// `modify-db-instance --db-instance-identifier <id> --deletion-protection`), and set
    /// `DeletionProtection` in the templates.
    RdsDeletionProtectionEnabled {
        id: "rds_deletion_protection_enabled",
        title: "RDS DB instances and clusters have deletion protection enabled",
        severity: Low,
        service: Rds,
        resource_kind: "rds_database",
        best_practices: ["SEC08-BP04"],
        prowler: ["rds_instance_deletion_protection", "rds_cluster_deletion_protection"],
        security_hub: ["RDS.7", "RDS.8"],
        config_rule: ["RDS_CLUSTER_DELETION_PROTECTION_ENABLED", "RDS_INSTANCE_DELETION_PROTECTION_ENABLED"],
        cis: [],
        reads: { Rds: [DescribeDBInstances, DescribeDBClusters] },
        remediation: "Turn on deletion protection for the cluster or instance.",
    }
}

impl RdsDeletionProtectionEnabled {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for cluster in super::live_clusters(inv) {
            match cluster.deletion_protection {
                Some(true) => out.pass(cluster, "deletion protection is on for the cluster"),
                Some(false) => out.fail(cluster, "deletion protection is off for the cluster"),
                None => out.skip(cluster, "AWS did not say whether deletion protection is on"),
            }
        }
        for instance in super::standalone_instances(inv) {
            match instance.deletion_protection {
                Some(true) => out.pass(instance, "deletion protection is on"),
                Some(false) => out.fail(instance, "deletion protection is off"),
                None => out.skip(instance, "AWS did not say whether deletion protection is on"),
            }
        }
    }
}
