//! Redshift of one region: provisioned clusters (one paginated `DescribeClusters`), the
//! `require_ssl` parameter of each distinct cluster parameter group (`DescribeClusterParameters`,
//! paginated, once per group), and each cluster's audit logging (`DescribeLoggingStatus`).
use crate::unit::{client, Unit};
use aws_sdk_redshift::Client;
use futures::StreamExt;
use std::collections::{BTreeMap, BTreeSet};
use wasp_model::redshift::Cluster;
use wasp_model::Inventory;

const PAGE: i32 = 100;

pub(crate) async fn collect(unit: &Unit, part: &mut Inventory) {
    let redshift = client!(aws_sdk_redshift, unit);
    let mut listed = Vec::new();
    let mut pages = redshift.describe_clusters().max_records(PAGE).into_paginator().send();
    while let Some(page) = pages.next().await {
        let Some(page) = unit.read("DescribeClusters", page).ok() else { break };
        listed.extend(page.clusters().iter().filter_map(|c| {
            let id = c.cluster_identifier()?.to_owned();
            Some(Cluster {
                arn: unit.arn("redshift", &format!("cluster:{id}")),
                region: unit.region.clone(),
                status: c.cluster_status().map(str::to_owned),
                publicly_accessible: c.publicly_accessible(),
                encrypted: c.encrypted(),
                kms_key_id: c.kms_key_id().map(str::to_owned),
                enhanced_vpc_routing: c.enhanced_vpc_routing(),
                master_username: c.master_username().map(str::to_owned),
                database_name: c.db_name().map(str::to_owned),
                automated_snapshot_retention_days: c.automated_snapshot_retention_period(),
                allow_version_upgrade: c.allow_version_upgrade(),
                parameter_group: c
                    .cluster_parameter_groups()
                    .first()
                    .and_then(|g| g.parameter_group_name())
                    .map(str::to_owned),
                require_ssl: None,
                audit_logging: None,
                id,
                location: None,
            })
        }));
    }
    let groups: BTreeSet<String> = listed.iter().filter_map(|c| c.parameter_group.clone()).collect();
    let require_ssl: BTreeMap<String, Option<bool>> = futures::stream::iter(groups)
        .map(|group| {
            let redshift = &redshift;
            async move {
                let value = require_ssl_of(unit, redshift, &group).await;
                (group, value)
            }
        })
        .buffered(unit.inner_concurrency())
        .collect()
        .await;
    part.redshift.clusters = futures::stream::iter(listed)
        .map(|mut cluster| {
            let redshift = &redshift;
            let require_ssl = &require_ssl;
            async move {
                let answer = redshift.describe_logging_status().cluster_identifier(&cluster.id).send().await;
                cluster.audit_logging = unit
                    .read_for("DescribeLoggingStatus", &cluster.arn, answer)
                    .ok()
                    .map(|o| o.logging_enabled().unwrap_or(false));
                cluster.require_ssl =
                    cluster.parameter_group.as_ref().and_then(|g| require_ssl.get(g).copied().flatten());
                cluster
            }
        })
        .buffered(unit.inner_concurrency())
        .collect()
        .await;
}

/// The `require_ssl` value of a parameter group; `None` when a page failed or it is absent.
async fn require_ssl_of(unit: &Unit, redshift: &Client, group: &str) -> Option<bool> {
    let resource = unit.arn("redshift", &format!("parametergroup:{group}"));
    let mut pages =
        redshift.describe_cluster_parameters().parameter_group_name(group).max_records(PAGE).into_paginator().send();
    while let Some(page) = pages.next().await {
        let page = unit.read_for("DescribeClusterParameters", &resource, page).ok()?;
        if let Some(p) = page.parameters().iter().find(|p| p.parameter_name() == Some("require_ssl")) {
            return p.parameter_value().map(|v| v.eq_ignore_ascii_case("true"));
        }
    }
    None
}
