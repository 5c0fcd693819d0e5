//! ElastiCache of one region: replication groups (one paginated `DescribeReplicationGroups`)
//! and cache clusters (one paginated `DescribeCacheClusters`, without node details).
use crate::unit::{client, Unit};
use aws_sdk_elasticache::Client;
use wasp_model::elasticache::{CacheCluster, ReplicationGroup};
use wasp_model::Inventory;

const PAGE: i32 = 100;

pub(crate) async fn collect(unit: &Unit, part: &mut Inventory) {
    let ec = client!(aws_sdk_elasticache, unit);
    let (groups, clusters) = futures::join!(replication_groups(unit, &ec), cache_clusters(unit, &ec));
    part.elasticache.replication_groups = groups;
    part.elasticache.cache_clusters = clusters;
}

async fn replication_groups(unit: &Unit, ec: &Client) -> Vec<ReplicationGroup> {
    let mut out = Vec::new();
    let mut pages = ec.describe_replication_groups().max_records(PAGE).into_paginator().send();
    while let Some(page) = pages.next().await {
        let Some(page) = unit.read("DescribeReplicationGroups", page).ok() else { break };
        out.extend(page.replication_groups().iter().filter_map(|g| {
            let id = g.replication_group_id()?.to_owned();
            Some(ReplicationGroup {
                arn: g.arn().map_or_else(|| unit.arn("elasticache", &format!("replicationgroup:{id}")), str::to_owned),
                region: unit.region.clone(),
                engine: g.engine().map(str::to_owned),
                status: g.status().map(str::to_owned),
                at_rest_encryption: g.at_rest_encryption_enabled(),
                transit_encryption: g.transit_encryption_enabled(),
                transit_encryption_mode: g.transit_encryption_mode().map(|m| m.as_str().to_owned()),
                auth_token_enabled: g.auth_token_enabled(),
                user_group_ids: Some(g.user_group_ids().to_vec()),
                snapshot_retention_days: g.snapshot_retention_limit(),
                id,
                location: None,
            })
        }));
    }
    out
}

async fn cache_clusters(unit: &Unit, ec: &Client) -> Vec<CacheCluster> {
    let mut out = Vec::new();
    let mut pages = ec.describe_cache_clusters().max_records(PAGE).into_paginator().send();
    while let Some(page) = pages.next().await {
        let Some(page) = unit.read("DescribeCacheClusters", page).ok() else { break };
        out.extend(page.cache_clusters().iter().filter_map(|c| {
            let id = c.cache_cluster_id()?.to_owned();
            Some(CacheCluster {
                arn: c.arn().map_or_else(|| unit.arn("elasticache", &format!("cluster:{id}")), str::to_owned),
                region: unit.region.clone(),
                engine: c.engine().map(str::to_owned),
                engine_version: c.engine_version().map(str::to_owned),
                status: c.cache_cluster_status().map(str::to_owned),
                replication_group_id: c.replication_group_id().map(str::to_owned),
                subnet_group: c.cache_subnet_group_name().map(str::to_owned),
                auto_minor_version_upgrade: c.auto_minor_version_upgrade(),
                id,
                location: None,
            })
        }));
    }
    out
}
