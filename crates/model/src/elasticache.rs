//! ElastiCache: replication groups (Redis OSS and Valkey) with their encryption, access control
//! and backups, and cache clusters with their engine, subnet group and upgrades.
use crate::{regional_resource, SourceLocation};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ElastiCache {
    #[serde(default)]
    pub replication_groups: Vec<ReplicationGroup>,
    #[serde(default)]
    pub cache_clusters: Vec<CacheCluster>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReplicationGroup {
    pub arn: String,
    pub id: String,
    pub region: String,
    /// `redis` or `valkey`.
    #[serde(default)]
    pub engine: Option<String>,
    /// `available`, `creating`, `deleting` …
    #[serde(default)]
    pub status: Option<String>,
    #[serde(default)]
    pub at_rest_encryption: Option<bool>,
    #[serde(default)]
    pub transit_encryption: Option<bool>,
    /// `preferred` (plaintext still accepted) or `required`.
    #[serde(default)]
    pub transit_encryption_mode: Option<String>,
    #[serde(default)]
    pub auth_token_enabled: Option<bool>,
    /// RBAC user groups.
    #[serde(default)]
    pub user_group_ids: Option<Vec<String>>,
    /// Days automatic snapshots are kept; 0 = off.
    #[serde(default)]
    pub snapshot_retention_days: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<SourceLocation>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CacheCluster {
    pub arn: String,
    pub id: String,
    pub region: String,
    /// `redis`, `valkey` or `memcached`.
    #[serde(default)]
    pub engine: Option<String>,
    #[serde(default)]
    pub engine_version: Option<String>,
    #[serde(default)]
    pub status: Option<String>,
    #[serde(default)]
    pub replication_group_id: Option<String>,
    #[serde(default)]
    pub subnet_group: Option<String>,
    #[serde(default)]
    pub auto_minor_version_upgrade: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<SourceLocation>,
}

impl ReplicationGroup {
    pub fn is_gone(&self) -> bool {
        self.status.as_deref() == Some("deleting")
    }
}

impl CacheCluster {
    pub fn is_gone(&self) -> bool {
        self.status.as_deref() == Some("deleting")
    }
}

regional_resource!(ReplicationGroup, CacheCluster);
