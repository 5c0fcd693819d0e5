use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Every ElastiCache replication group authenticates clients: with a Redis AUTH token
    /// (`AuthTokenEnabled`) or with role-based access control user groups (`UserGroupIds` not
    /// empty). A group with neither fails. SKIP when AWS did not say.
    ///
    /// ### Why it matters
    /// Without authentication any host that reaches the port can read every key, write
    /// poisoned values or run `FLUSHALL`; security groups are then the only control.
    ///
    /// ### How to fix
    /// Create RBAC users and a user group (`aws elasticache create-user`,
    /// `create-user-group`) and attach it with `aws elasticache modify-replication-group
    /// --user-group-ids-to-add <id>` (in-transit encryption is required), or set an AUTH token.
    ElasticacheReplicationGroupAuthEnabled {
        id: "elasticache_replication_group_auth_enabled",
        title: "ElastiCache replication groups authenticate clients",
        severity: High,
        service: ElastiCache,
        resource_kind: "elasticache_replication_group",
        best_practices: ["SEC09-BP03", "SEC02-BP01"],
        prowler: ["elasticache_redis_replication_group_auth_enabled"],
        security_hub: ["ElastiCache.6"],
        config_rule: [],
        cis: [],
        reads: { ElastiCache: [DescribeReplicationGroups] },
        remediation: "Attach an RBAC user group or set an AUTH token.",
    }
}

impl ElasticacheReplicationGroupAuthEnabled {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for group in super::live_groups(inv) {
            let rbac = group.user_group_ids.as_ref().map(|u| !u.is_empty());
            match (rbac, group.auth_token_enabled) {
                (Some(true), _) => out.pass(
                    group,
                    format!(
                        "clients authenticate as RBAC users of {}",
                        group.user_group_ids.as_deref().unwrap_or_default().join(", ")
                    ),
                ),
                (_, Some(true)) => out.pass(group, "clients authenticate with an AUTH token"),
                (Some(false), Some(false)) | (Some(false), None) => {
                    out.fail(group, "clients connect without authenticating")
                }
                _ => out.skip(group, "AWS did not say how clients authenticate"),
            }
        }
    }
}
