use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// No Redshift provisioned cluster keeps the console's default admin user name `awsuser`
    /// (compared without regard to case), as Security Hub Redshift.8 asks. SKIP when AWS did
    /// not report the user name.
    ///
    /// ### Why it matters
    /// A known admin name leaves attackers only the password to guess; brute force against
    /// `awsuser` is the first thing tried on an exposed cluster.
    ///
    /// ### How to fix
    /// The admin name cannot change: restore a snapshot into a new cluster with another
    /// `--master-username` (or create one and migrate), and prefer IAM-based access with
    /// `GetClusterCredentials` or Redshift-managed admin passwords in Secrets Manager.
    RedshiftClusterDefaultAdminUsername {
        id: "redshift_cluster_default_admin_username",
        title: "Redshift clusters do not use the default admin user name",
        severity: Low,
        service: Redshift,
        resource_kind: "redshift_cluster",
        best_practices: ["SEC02-BP01"],
        prowler: ["redshift_cluster_non_default_username"],
        security_hub: ["Redshift.8"],
        config_rule: ["REDSHIFT_DEFAULT_ADMIN_CHECK"],
        cis: [],
        reads: { Redshift: [DescribeClusters] },
        remediation: "Recreate the cluster with an admin user name other than awsuser.",
    }
}

impl RedshiftClusterDefaultAdminUsername {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for cluster in super::live_clusters(inv) {
            match cluster.master_username.as_deref() {
                Some(name) if name.eq_ignore_ascii_case("awsuser") => {
                    out.fail(cluster, format!("the admin user is the default {name}"))
                }
                Some(name) => out.pass(cluster, format!("the admin user is {name}")),
                None => out.skip(cluster, "AWS did not report the admin user name"),
            }
        }
    }
}
