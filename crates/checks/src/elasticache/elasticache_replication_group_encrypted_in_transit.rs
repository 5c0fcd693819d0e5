use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Every ElastiCache replication group requires TLS: `TransitEncryptionEnabled` and a
    /// `TransitEncryptionMode` of `required`. The `preferred` mode (used while migrating
    /// clients) still accepts plaintext connections and fails; so does transit encryption off.
    /// A group with encryption on and no mode reported (older engines, where on means
    /// required) passes. SKIP when AWS did not say.
    ///
    /// ### Why it matters
    /// Cache traffic carries session tokens, AUTH passwords and cached personal data; in the
    /// clear, anything on the network path reads or alters it.
    ///
    /// ### How to fix
    /// Run `aws elasticache modify-replication-group --replication-group-id <id>
    /// --transit-encryption-enabled --transit-encryption-mode preferred`, move clients to TLS,
    /// then modify again with `--transit-encryption-mode required`.
    ElasticacheReplicationGroupEncryptedInTransit {
        id: "elasticache_replication_group_encrypted_in_transit",
        title: "ElastiCache replication groups require TLS",
        severity: Medium,
        service: ElastiCache,
        resource_kind: "elasticache_replication_group",
        best_practices: ["SEC09-BP02"],
        prowler: ["elasticache_redis_cluster_in_transit_encryption_enabled"],
        security_hub: ["ElastiCache.5"],
        config_rule: ["ELASTICACHE_REPL_GRP_ENCRYPTED_IN_TRANSIT"],
        cis: [],
        reads: { ElastiCache: [DescribeReplicationGroups] },
        remediation: "Enable in-transit encryption in required mode.",
    }
}

impl ElasticacheReplicationGroupEncryptedInTransit {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for group in super::live_groups(inv) {
            match (group.transit_encryption, group.transit_encryption_mode.as_deref()) {
                (Some(false), _) => out.fail(group, "in-transit encryption is off"),
                (Some(true), Some("preferred")) => {
                    out.fail(group, "in-transit encryption is only preferred: plaintext connections are accepted")
                }
                (Some(true), _) => out.pass(group, "TLS is required"),
                (None, _) => out.skip(group, "AWS did not say whether in-transit encryption is on"),
            }
        }
    }
}
