use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Every ElastiCache cache cluster (each node of a replication group, and Memcached
    /// clusters) takes minor engine upgrades automatically (`AutoMinorVersionUpgrade`). SKIP
    /// when AWS did not say.
    ///
    /// ### Why it matters
    /// Minor versions carry security fixes for the engine; without automatic upgrades they
    /// wait for someone to schedule them.
    ///
    /// ### How to fix
    /// Run `aws elasticache modify-replication-group --replication-group-id <id>
    /// --auto-minor-version-upgrade` (or `modify-cache-cluster` for Memcached).
    ElasticacheClusterAutoMinorVersionUpgrade {
        id: "elasticache_cluster_auto_minor_version_upgrade",
        title: "ElastiCache clusters take minor engine upgrades automatically",
        severity: Low,
        service: ElastiCache,
        resource_kind: "elasticache_cluster",
        best_practices: ["SEC06-BP01"],
        prowler: ["elasticache_redis_cluster_auto_minor_version_upgrades"],
        security_hub: ["ElastiCache.2"],
        config_rule: ["ELASTICACHE_AUTO_MINOR_VERSION_UPGRADE_CHECK"],
        cis: [],
        reads: { ElastiCache: [DescribeCacheClusters] },
        remediation: "Turn on automatic minor version upgrades.",
    }
}

impl ElasticacheClusterAutoMinorVersionUpgrade {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for cluster in super::live_clusters(inv) {
            match cluster.auto_minor_version_upgrade {
                Some(true) => out.pass(cluster, "minor upgrades are applied automatically"),
                Some(false) => out.fail(cluster, "minor upgrades are not applied automatically"),
                None => out.skip(cluster, "AWS did not say whether minor upgrades are automatic"),
            }
        }
    }
}
