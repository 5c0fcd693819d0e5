use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Every ElastiCache replication group (Redis OSS, Valkey) encrypts data at rest
    /// (`AtRestEncryptionEnabled`): on disk during sync and swap, and in backups in S3. SKIP
    /// when AWS did not say.
    ///
    /// ### Why it matters
    /// Caches hold sessions, tokens and copies of database rows; their backups land in S3
    /// and can be exported. Without encryption at rest they are stored in the clear.
    ///
    /// ### How to fix
    /// Encryption at rest is chosen at creation: create a group with
    /// `--at-rest-encryption-enabled` (and `--kms-key-id` for a customer managed key) from a
    /// backup of the old one, switch clients, delete the old group.
    ElasticacheReplicationGroupEncryptedAtRest {
        id: "elasticache_replication_group_encrypted_at_rest",
        title: "ElastiCache replication groups are encrypted at rest",
        severity: Medium,
        service: ElastiCache,
        resource_kind: "elasticache_replication_group",
        best_practices: ["SEC08-BP02"],
        prowler: ["elasticache_redis_cluster_rest_encryption_enabled"],
        security_hub: ["ElastiCache.4"],
        config_rule: ["ELASTICACHE_REPL_GRP_ENCRYPTED_AT_REST"],
        cis: [],
        reads: { ElastiCache: [DescribeReplicationGroups] },
        remediation: "Recreate the replication group with encryption at rest.",
    }
}

impl ElasticacheReplicationGroupEncryptedAtRest {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for group in super::live_groups(inv) {
            match group.at_rest_encryption {
                Some(true) => out.pass(group, "encrypted at rest"),
                Some(false) => out.fail(group, "not encrypted at rest"),
                None => out.skip(group, "AWS did not say whether the group is encrypted at rest"),
            }
        }
    }
}
