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
    part.rds.instances = with_tls_parameters(unit, &rds, instances).await;
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
                monitoring_interval: i.monitoring_interval(),
                log_exports: Some(i.enabled_cloudwatch_logs_exports().to_vec()),
                master_username: i.master_username().map(str::to_owned),
                ca_certificate: i.ca_certificate_identifier().map(str::to_owned),
                certificate_valid_till: i
                    .certificate_details()
                    .and_then(|c| c.valid_till())
                    .and_then(|t| chrono::DateTime::from_timestamp(t.secs(), 0)),
                parameter_group: i
                    .db_parameter_groups()
                    .first()
                    .and_then(|g| g.db_parameter_group_name())
                    .map(str::to_owned),
                tls_required: None,
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
                log_exports: Some(c.enabled_cloudwatch_logs_exports().to_vec()),
                auto_minor_version_upgrade: c.auto_minor_version_upgrade(),
                master_username: c.master_username().map(str::to_owned),
                id,
                location: None,
            })
        }));
    }
    out
}

/// The parameter that makes an engine refuse connections without TLS; `None` for engines
/// without one (Oracle uses a listener option, Db2 and Aurora a cluster parameter group).
fn tls_parameter(engine: &str) -> Option<&'static str> {
    match engine {
        "postgres" => Some("rds.force_ssl"),
        e if e.starts_with("sqlserver") => Some("rds.force_ssl"),
        "mysql" | "mariadb" => Some("require_secure_transport"),
        _ => None,
    }
}

/// Whether a parameter value turns TLS enforcement on (`1`, `ON`, `true`).
fn tls_value_on(value: &str) -> bool {
    matches!(value.to_ascii_lowercase().as_str(), "1" | "on" | "true")
}

/// Reads the TLS parameter of each distinct (parameter group, parameter) the standalone
/// instances use (`DescribeDBParameters`, paginated: RDS does not filter by name), once each.
async fn with_tls_parameters(unit: &Unit, rds: &Client, mut instances: Vec<DbInstance>) -> Vec<DbInstance> {
    let wanted: std::collections::BTreeSet<(String, &'static str)> = instances
        .iter()
        .filter(|i| i.cluster_id.is_none())
        .filter_map(|i| Some((i.parameter_group.clone()?, tls_parameter(i.engine.as_deref()?)?)))
        .collect();
    let values: Vec<((String, &'static str), Option<bool>)> = futures::stream::iter(wanted)
        .map(|(group, name)| async move {
            let resource = unit.arn("rds", &format!("pg:{group}"));
            let mut value = None;
            let mut pages =
                rds.describe_db_parameters().db_parameter_group_name(&group).max_records(PAGE).into_paginator().send();
            while let Some(page) = pages.next().await {
                let Some(page) = unit.read_for("DescribeDBParameters", &resource, page).ok() else { break };
                if let Some(p) = page.parameters().iter().find(|p| p.parameter_name() == Some(name)) {
                    // MySQL and MariaDB leave the value out while it is the engine default, OFF.
                    value = match p.parameter_value() {
                        Some(v) => Some(tls_value_on(v)),
                        None if name == "require_secure_transport" => Some(false),
                        None => None,
                    };
                    break;
                }
            }
            ((group, name), value)
        })
        .buffered(unit.inner_concurrency())
        .collect()
        .await;
    for instance in instances.iter_mut().filter(|i| i.cluster_id.is_none()) {
        let Some(name) = instance.engine.as_deref().and_then(tls_parameter) else { continue };
        let Some(group) = &instance.parameter_group else { continue };
        instance.tls_required = values.iter().find(|((g, n), _)| g == group && *n == name).and_then(|(_, v)| *v);
    }
    instances
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
    fn tls_parameters_by_engine() {
        assert_eq!(tls_parameter("postgres"), Some("rds.force_ssl"));
        assert_eq!(tls_parameter("sqlserver-se"), Some("rds.force_ssl"));
        assert_eq!(tls_parameter("mariadb"), Some("require_secure_transport"));
        assert_eq!(tls_parameter("oracle-ee"), None);
        assert!(tls_value_on("1") && tls_value_on("ON") && !tls_value_on("0") && !tls_value_on("OFF"));
    }

    #[test]
    fn only_the_restore_attribute_names_who_may_restore() {
        let restore = vec!["all".to_owned(), "444455556666".to_owned()];
        let other = vec!["x".to_owned()];
        let attributes = [(Some("restore"), restore.as_slice()), (Some("other"), other.as_slice())];
        assert_eq!(restorers(attributes.into_iter()), ["all", "444455556666"]);
        assert!(restorers(std::iter::empty()).is_empty());
    }
}
