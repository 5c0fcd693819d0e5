//! RDS of one region: DB instances and DB clusters (one paginated describe each), and the
//! account's manual snapshots (one paginated describe per kind, `SnapshotType` `manual`) with
//! who may restore each one (one attributes read per snapshot; AWS has no bulk form, and
//! automated snapshots cannot be shared, so they cost nothing).
use crate::unit::{client, Unit};
use aws_sdk_rds::Client;
use futures::StreamExt;
use wasp_model::rds::{DbCluster, DbInstance, DbSnapshot, SnapshotKind};
use wasp_model::Inventory;

/// Records per describe page (the most RDS allows).
const PAGE: i32 = 100;
/// The snapshot attribute that lists who may copy or restore a snapshot.
const RESTORE: &str = "restore";

pub(crate) async fn collect(unit: &Unit, part: &mut Inventory) {
    let rds = client!(aws_sdk_rds, unit);
    let (instances, clusters, (instance_snapshots, cluster_snapshots)) = futures::join!(
        instances(unit, &rds),
        clusters(unit, &rds),
        futures::future::join(instance_snapshots(unit, &rds), cluster_snapshots(unit, &rds)),
    );
    part.rds.instances = instances;
    part.rds.clusters = clusters;
    part.rds.snapshots = instance_snapshots.into_iter().chain(cluster_snapshots).collect();
}

async fn instances(unit: &Unit, rds: &Client) -> Vec<DbInstance> {
    let mut out = Vec::new();
    let mut pages = rds.describe_db_instances().max_records(PAGE).into_paginator().send();
    while let Some(page) = pages.next().await {
        let Some(page) = unit.read("DescribeDBInstances", page).ok() else { break };
        out.extend(page.db_instances().iter().filter_map(|i| {
            let id = i.db_instance_identifier()?.to_owned();
            Some(DbInstance {
                arn: i.db_instance_arn().map_or_else(|| unit.arn("rds", &format!("db:{id}")), str::to_owned),
                region: unit.region.clone(),
                engine: i.engine().map(str::to_owned),
                engine_version: i.engine_version().map(str::to_owned),
                status: i.db_instance_status().map(str::to_owned),
                cluster_id: i.db_cluster_identifier().map(str::to_owned),
                replica_of: i.read_replica_source_db_instance_identifier().map(str::to_owned),
                storage_encrypted: i.storage_encrypted(),
                publicly_accessible: i.publicly_accessible(),
                backup_retention_days: i.backup_retention_period(),
                deletion_protection: i.deletion_protection(),
                iam_database_authentication: i.iam_database_authentication_enabled(),
                auto_minor_version_upgrade: i.auto_minor_version_upgrade(),
                id,
                location: None,
            })
        }));
    }
    out
}

async fn clusters(unit: &Unit, rds: &Client) -> Vec<DbCluster> {
    let mut out = Vec::new();
    let mut pages = rds.describe_db_clusters().max_records(PAGE).into_paginator().send();
    while let Some(page) = pages.next().await {
        let Some(page) = unit.read("DescribeDBClusters", page).ok() else { break };
        out.extend(page.db_clusters().iter().filter_map(|c| {
            let id = c.db_cluster_identifier()?.to_owned();
            Some(DbCluster {
                arn: c.db_cluster_arn().map_or_else(|| unit.arn("rds", &format!("cluster:{id}")), str::to_owned),
                region: unit.region.clone(),
                engine: c.engine().map(str::to_owned),
                engine_version: c.engine_version().map(str::to_owned),
                engine_mode: c.engine_mode().map(str::to_owned),
                status: c.status().map(str::to_owned),
                storage_encrypted: c.storage_encrypted(),
                backup_retention_days: c.backup_retention_period(),
                deletion_protection: c.deletion_protection(),
                iam_database_authentication: c.iam_database_authentication_enabled(),
                id,
                location: None,
            })
        }));
    }
    out
}

/// Manual DB snapshots, each with its `restore` attribute read.
async fn instance_snapshots(unit: &Unit, rds: &Client) -> Vec<DbSnapshot> {
    let mut listed = Vec::new();
    let mut pages = rds.describe_db_snapshots().snapshot_type("manual").max_records(PAGE).into_paginator().send();
    while let Some(page) = pages.next().await {
        let Some(page) = unit.read("DescribeDBSnapshots", page).ok() else { break };
        listed.extend(page.db_snapshots().iter().filter_map(|s| {
            let id = s.db_snapshot_identifier()?.to_owned();
            Some(DbSnapshot {
                arn: s.db_snapshot_arn().map_or_else(|| unit.arn("rds", &format!("snapshot:{id}")), str::to_owned),
                region: unit.region.clone(),
                kind: SnapshotKind::Instance,
                source_id: s.db_instance_identifier().map(str::to_owned),
                encrypted: s.encrypted(),
                id,
                ..DbSnapshot::default()
            })
        }));
    }
    futures::stream::iter(listed)
        .map(|mut snapshot| async move {
            let answer = rds.describe_db_snapshot_attributes().db_snapshot_identifier(&snapshot.id).send().await;
            snapshot.restorable_by =
                unit.read_for("DescribeDBSnapshotAttributes", &snapshot.arn, answer).ok().map(|out| {
                    let attributes =
                        out.db_snapshot_attributes_result().map(|r| r.db_snapshot_attributes()).unwrap_or_default();
                    restorers(attributes.iter().map(|a| (a.attribute_name(), a.attribute_values())))
                });
            snapshot
        })
        .buffered(unit.inner_concurrency())
        .collect()
        .await
}

/// Manual DB cluster snapshots, each with its `restore` attribute read.
async fn cluster_snapshots(unit: &Unit, rds: &Client) -> Vec<DbSnapshot> {
    let mut listed = Vec::new();
    let mut pages =
        rds.describe_db_cluster_snapshots().snapshot_type("manual").max_records(PAGE).into_paginator().send();
    while let Some(page) = pages.next().await {
        let Some(page) = unit.read("DescribeDBClusterSnapshots", page).ok() else { break };
        listed.extend(page.db_cluster_snapshots().iter().filter_map(|s| {
            let id = s.db_cluster_snapshot_identifier()?.to_owned();
            Some(DbSnapshot {
                arn: s
                    .db_cluster_snapshot_arn()
                    .map_or_else(|| unit.arn("rds", &format!("cluster-snapshot:{id}")), str::to_owned),
                region: unit.region.clone(),
                kind: SnapshotKind::Cluster,
                source_id: s.db_cluster_identifier().map(str::to_owned),
                encrypted: s.storage_encrypted(),
                id,
                ..DbSnapshot::default()
            })
        }));
    }
    futures::stream::iter(listed)
        .map(|mut snapshot| async move {
            let answer =
                rds.describe_db_cluster_snapshot_attributes().db_cluster_snapshot_identifier(&snapshot.id).send().await;
            snapshot.restorable_by =
                unit.read_for("DescribeDBClusterSnapshotAttributes", &snapshot.arn, answer).ok().map(|out| {
                    let attributes = out
                        .db_cluster_snapshot_attributes_result()
                        .map(|r| r.db_cluster_snapshot_attributes())
                        .unwrap_or_default();
                    restorers(attributes.iter().map(|a| (a.attribute_name(), a.attribute_values())))
                });
            snapshot
        })
        .buffered(unit.inner_concurrency())
        .collect()
        .await
}

/// The values of the `restore` attribute: who may copy or restore the snapshot (`all` for
/// everyone). No such attribute: nobody else.
fn restorers<'a>(attributes: impl Iterator<Item = (Option<&'a str>, &'a [String])>) -> Vec<String> {
    attributes.filter(|(name, _)| *name == Some(RESTORE)).flat_map(|(_, values)| values.iter().cloned()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_restore_attribute_names_who_may_restore() {
        let restore = vec!["all".to_owned(), "444455556666".to_owned()];
        let other = vec!["x".to_owned()];
        let attributes = [(Some("restore"), restore.as_slice()), (Some("other"), other.as_slice())];
        assert_eq!(restorers(attributes.into_iter()), ["all", "444455556666"]);
        assert!(restorers(std::iter::empty()).is_empty());
    }
}
