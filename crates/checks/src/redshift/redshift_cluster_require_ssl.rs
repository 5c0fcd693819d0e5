use crate::{declare_check, evidence};
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Every Redshift provisioned cluster's parameter group sets `require_ssl` to `true`, so the
    /// cluster refuses connections without TLS. The default parameter group
    /// (`default.redshift-1.0`) leaves it `false` and fails. SKIP when the cluster's parameter
    /// group or its parameters could not be read.
    ///
    /// ### Why it matters
    /// Without it, SQL clients may connect in the clear: passwords, queries and result sets
    /// cross the network readable by anyone on the path.
    ///
    /// ### How to fix
    /// Create a parameter group (`aws redshift create-cluster-parameter-group`), run `aws
    /// redshift modify-cluster-parameter-group --parameter-group-name <pg> --parameters
    /// ParameterName=require_ssl,ParameterValue=true`, attach it to the cluster and reboot.
    RedshiftClusterRequireSsl {
        id: "redshift_cluster_require_ssl",
        title: "Redshift clusters refuse connections without TLS",
        severity: Medium,
        service: Redshift,
        resource_kind: "redshift_cluster",
        best_practices: ["SEC09-BP02"],
        prowler: ["redshift_cluster_in_transit_encryption_enabled"],
        security_hub: ["Redshift.2"],
        config_rule: ["REDSHIFT_REQUIRE_TLS_SSL"],
        cis: [],
        reads: { Redshift: [DescribeClusters, DescribeClusterParameters] },
        remediation: "Set require_ssl to true in the cluster's parameter group.",
    }
}

impl RedshiftClusterRequireSsl {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for cluster in super::live_clusters(inv) {
            let group = cluster.parameter_group.as_deref().unwrap_or("unknown");
            match cluster.require_ssl {
                Some(true) => out.pass(cluster, format!("require_ssl is true in {group}")),
                Some(false) => out.fail(cluster, format!("require_ssl is false in {group}")),
                None => {
                    out.skip(cluster, evidence::unknown_for_resource(inv, &cluster.arn, "the require_ssl parameter"))
                }
            }
        }
    }
}
