use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// No ElastiCache cache cluster uses the subnet group named `default`, which ElastiCache
    /// builds from the default VPC's subnets, as Security Hub ElastiCache.7 asks. Clusters
    /// that report no subnet group (EC2-Classic remnants) fail too. SKIP is never needed: the
    /// name is part of every description.
    ///
    /// ### Why it matters
    /// The default VPC's subnets are public (they route to an internet gateway and give
    /// instances public addresses); a cache placed there is one security group rule away from
    /// the internet and shares its network with whatever else was dropped into the default VPC.
    ///
    /// ### How to fix
    /// Create a subnet group of private subnets (`aws elasticache create-cache-subnet-group`),
    /// create the cluster in it from a backup, switch clients and delete the old one.
    ElasticacheClusterCustomSubnetGroup {
        id: "elasticache_cluster_custom_subnet_group",
        title: "ElastiCache clusters do not use the default subnet group",
        severity: Medium,
        service: ElastiCache,
        resource_kind: "elasticache_cluster",
        best_practices: ["SEC05-BP01"],
        prowler: [],
        security_hub: ["ElastiCache.7"],
        config_rule: ["ELASTICACHE_SUBNET_GROUP_CHECK"],
        cis: [],
        reads: { ElastiCache: [DescribeCacheClusters] },
        remediation: "Move the cluster into a subnet group of private subnets.",
    }
}

impl ElasticacheClusterCustomSubnetGroup {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for cluster in super::live_clusters(inv) {
            match cluster.subnet_group.as_deref() {
                Some("default") => out.fail(cluster, "the cluster uses the default subnet group"),
                Some(group) => out.pass(cluster, format!("the cluster uses subnet group {group}")),
                None => out.fail(cluster, "the cluster reports no subnet group"),
            }
        }
    }
}
