use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// No Redshift provisioned cluster keeps the default database name `dev`, as Security Hub
    /// Redshift.9 asks. SKIP when AWS did not report the name.
    ///
    /// ### Why it matters
    /// With the admin user, the database name is half of what a connection attempt needs; a
    /// default one spares an attacker a guess.
    ///
    /// ### How to fix
    /// The initial database cannot be renamed in place: create the cluster (or restore a
    /// snapshot) with `--db-name <name>` and move clients to it.
    RedshiftClusterDefaultDatabaseName {
        id: "redshift_cluster_default_database_name",
        title: "Redshift clusters do not use the default database name",
        severity: Low,
        service: Redshift,
        resource_kind: "redshift_cluster",
        best_practices: ["SEC02-BP01"],
        prowler: ["redshift_cluster_non_default_database_name"],
        security_hub: ["Redshift.9"],
        config_rule: ["REDSHIFT_DEFAULT_DB_NAME_CHECK"],
        cis: [],
        reads: { Redshift: [DescribeClusters] },
        remediation: "Recreate the cluster with a database name other than dev.",
    }
}

impl RedshiftClusterDefaultDatabaseName {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for cluster in super::live_clusters(inv) {
            match cluster.database_name.as_deref() {
                Some("dev") => out.fail(cluster, "the database has the default name dev"),
                Some(name) => out.pass(cluster, format!("the database is named {name}")),
                None => out.skip(cluster, "AWS did not report the database name"),
            }
        }
    }
}
