use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// No RDS DB cluster, and no DB instance outside a cluster, keeps the console's default
    /// master user name: `admin` (MySQL, MariaDB, SQL Server, Oracle, Aurora MySQL) or
    /// `postgres` (PostgreSQL, Aurora PostgreSQL), compared without regard to case. Resources
    /// being deleted are not judged. SKIP when the user name was not reported.
    ///
    /// ### Why it matters
    /// With a known administrator name, an attacker who reaches the endpoint needs only the
    /// password; password-spraying tools try these names first.
    ///
    /// ### How to fix
    /// The master user name cannot change: restore a snapshot into a new instance or cluster
    /// with another `--master-username`, and prefer IAM database authentication or
    /// RDS-managed master passwords in Secrets Manager.
    RdsDefaultMasterUsername {
        id: "rds_default_master_username",
        title: "RDS databases do not use a default master user name",
        severity: Low,
        service: Rds,
        resource_kind: "rds_database",
        best_practices: ["SEC02-BP01"],
        prowler: ["rds_instance_default_admin", "rds_cluster_default_admin"],
        security_hub: ["RDS.24", "RDS.25"],
        config_rule: ["RDS_CLUSTER_DEFAULT_ADMIN_CHECK", "RDS_INSTANCE_DEFAULT_ADMIN_CHECK"],
        cis: [],
        reads: { Rds: [DescribeDBInstances, DescribeDBClusters] },
        remediation: "Recreate the database from a snapshot with a master user name of your own.",
    }
}

fn is_default(name: &str) -> bool {
    name.eq_ignore_ascii_case("admin") || name.eq_ignore_ascii_case("postgres")
}

impl RdsDefaultMasterUsername {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        let mut judge = |resource: &dyn wasp_model::Resource, name: Option<&str>| match name {
            Some(n) if is_default(n) => out.fail(resource, format!("the master user is the default {n}")),
            Some(n) => out.pass(resource, format!("the master user is {n}")),
            None => out.skip(resource, "the master user name is not known (not reported, or not set in the template)"),
        };
        for cluster in super::live_clusters(inv) {
            judge(cluster, cluster.master_username.as_deref());
        }
        for instance in super::standalone_instances(inv) {
            judge(instance, instance.master_username.as_deref());
        }
    }
}
