//! ElastiCache checks: replication groups (Redis OSS and Valkey) and cache clusters. Resources
//! being deleted are not judged.
mod elasticache_cluster_auto_minor_version_upgrade;
mod elasticache_cluster_custom_subnet_group;
mod elasticache_replication_group_auth_enabled;
mod elasticache_replication_group_backup_enabled;
mod elasticache_replication_group_encrypted_at_rest;
mod elasticache_replication_group_encrypted_in_transit;

pub use elasticache_cluster_auto_minor_version_upgrade::ElasticacheClusterAutoMinorVersionUpgrade;
pub use elasticache_cluster_custom_subnet_group::ElasticacheClusterCustomSubnetGroup;
pub use elasticache_replication_group_auth_enabled::ElasticacheReplicationGroupAuthEnabled;
pub use elasticache_replication_group_backup_enabled::ElasticacheReplicationGroupBackupEnabled;
pub use elasticache_replication_group_encrypted_at_rest::ElasticacheReplicationGroupEncryptedAtRest;
pub use elasticache_replication_group_encrypted_in_transit::ElasticacheReplicationGroupEncryptedInTransit;

use wasp_model::elasticache::{CacheCluster, ReplicationGroup};
use wasp_model::Inventory;

fn live_groups(inv: &Inventory) -> impl Iterator<Item = &ReplicationGroup> {
    inv.elasticache.replication_groups.iter().filter(|g| !g.is_gone())
}

fn live_clusters(inv: &Inventory) -> impl Iterator<Item = &CacheCluster> {
    inv.elasticache.cache_clusters.iter().filter(|c| !c.is_gone())
}
