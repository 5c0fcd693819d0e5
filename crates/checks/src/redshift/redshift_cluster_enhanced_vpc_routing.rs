use crate::{declare_check, evidence};
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Every Redshift provisioned cluster has enhanced VPC routing on (`EnhancedVpcRouting`), so
    /// that `COPY` and `UNLOAD` traffic to S3 and other data sources goes through the cluster's
    /// VPC. SKIP when AWS did not say.
    ///
    /// ### Why it matters
    /// Without it, data loads and unloads travel outside the VPC, beyond the reach of VPC
    /// endpoint policies, security groups, network ACLs and flow logs: an `UNLOAD` to a bucket in
    /// another account is neither restricted nor seen.
    ///
    /// ### How to fix
    /// Run `aws redshift modify-cluster --cluster-identifier <id> --enhanced-vpc-routing`, then
    /// give the VPC an S3 gateway endpoint (with a policy naming your buckets).
    RedshiftClusterEnhancedVpcRouting {
        id: "redshift_cluster_enhanced_vpc_routing",
        title: "Redshift clusters use enhanced VPC routing",
        severity: Low,
        service: Redshift,
        resource_kind: "redshift_cluster",
        best_practices: ["SEC05-BP02"],
        prowler: ["redshift_cluster_enhanced_vpc_routing"],
        security_hub: ["Redshift.7"],
        config_rule: ["REDSHIFT_ENHANCED_VPC_ROUTING_ENABLED"],
        cis: [],
        reads: { Redshift: [DescribeClusters] },
        remediation: "Turn on enhanced VPC routing and add S3 VPC endpoints.",
    }
}

impl RedshiftClusterEnhancedVpcRouting {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for cluster in super::live_clusters(inv) {
            super::judge_flag(
                out,
                cluster,
                cluster.enhanced_vpc_routing,
                "COPY and UNLOAD traffic goes through the VPC",
                "COPY and UNLOAD traffic bypasses the VPC",
                evidence::unknown_for_resource(inv, &cluster.arn, "enhanced VPC routing"),
            );
        }
    }
}
