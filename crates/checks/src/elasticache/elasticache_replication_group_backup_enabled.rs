use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Every ElastiCache replication group takes automatic backups: `SnapshotRetentionLimit`
    /// of at least 1 day (0 means off), as Security Hub ElastiCache.1 asks. SKIP when AWS did
    /// not say.
    ///
    /// ### Why it matters
    /// When a cache is also the store of record (sessions, queues, leaderboards), losing it
    /// to a bad command or an intruder's `FLUSHALL` is final without a backup.
    ///
    /// ### How to fix
    /// Run `aws elasticache modify-replication-group --replication-group-id <id>
    /// --snapshot-retention-limit 7 --snapshot-window 03:00-05:00`.
    ElasticacheReplicationGroupBackupEnabled {
        id: "elasticache_replication_group_backup_enabled",
        title: "ElastiCache replication groups take automatic backups",
        severity: Low,
        service: ElastiCache,
        resource_kind: "elasticache_replication_group",
        best_practices: ["SEC08-BP03"],
        prowler: ["elasticache_redis_cluster_backup_enabled"],
        security_hub: ["ElastiCache.1"],
        config_rule: ["ELASTICACHE_REDIS_CLUSTER_AUTOMATIC_BACKUP_CHECK"],
        cis: [],
        reads: { ElastiCache: [DescribeReplicationGroups] },
        remediation: "Set a snapshot retention limit of at least one day.",
    }
}

impl ElasticacheReplicationGroupBackupEnabled {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for group in super::live_groups(inv) {
            match group.snapshot_retention_days {
                Some(0) => out.fail(group, "automatic backups are off"),
                Some(d) => out.pass(group, format!("automatic backups are kept {d} day(s)")),
                None => out.skip(group, "AWS did not report the snapshot retention"),
            }
        }
    }
}
