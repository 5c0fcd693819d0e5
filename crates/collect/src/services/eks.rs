//! EKS of one region: every cluster (paginated `ListClusters`), each described with
//! `DescribeCluster` (AWS has no bulk form). Nothing inside the Kubernetes API is read.
use crate::unit::{client, Unit};
use aws_sdk_eks::types::Cluster as SdkCluster;
use futures::StreamExt;
use wasp_model::eks::Cluster;
use wasp_model::{Inventory, Setting};

pub(crate) async fn collect(unit: &Unit, part: &mut Inventory) {
    let eks = client!(aws_sdk_eks, unit);
    let mut names = Vec::new();
    let mut pages = eks.list_clusters().max_results(100).into_paginator().send();
    while let Some(page) = pages.next().await {
        let Some(page) = unit.read("ListClusters", page).ok() else { break };
        names.extend(page.clusters().iter().cloned());
    }
    part.eks.clusters = futures::stream::iter(names)
        .map(|name| {
            let eks = &eks;
            async move {
                let arn = unit.arn("eks", &format!("cluster/{name}"));
                let answer = eks.describe_cluster().name(&name).send().await;
                match unit.read_for("DescribeCluster", &arn, answer).ok().and_then(|o| o.cluster) {
                    Some(c) => cluster(unit, &c, name, arn),
                    None => Cluster { arn, name, region: unit.region.clone(), ..Cluster::default() },
                }
            }
        })
        .buffered(unit.inner_concurrency())
        .collect()
        .await;
}

fn cluster(unit: &Unit, c: &SdkCluster, name: String, arn: String) -> Cluster {
    let vpc = c.resources_vpc_config();
    let key = c
        .encryption_config()
        .iter()
        // Envelope encryption is configured for secrets only (EKS has deprecated the resource
        // list, since it now encrypts all API data by default): any provider key is it.
        .find_map(|e| e.provider().and_then(|p| p.key_arn()))
        .map(|k| Setting::Configured(k.to_owned()))
        .unwrap_or(Setting::NotConfigured);
    let enabled_log_types = c.logging().map(|l| {
        let mut types: Vec<String> = l
            .cluster_logging()
            .iter()
            .filter(|s| s.enabled() == Some(true))
            .flat_map(|s| s.types().iter().map(|t| t.as_str().to_owned()))
            .collect();
        types.sort();
        types.dedup();
        types
    });
    Cluster {
        arn: c.arn().map_or(arn, str::to_owned),
        name,
        region: unit.region.clone(),
        version: c.version().map(str::to_owned),
        status: c.status().map(|s| s.as_str().to_owned()),
        endpoint_public_access: vpc.map(|v| v.endpoint_public_access()),
        endpoint_private_access: vpc.map(|v| v.endpoint_private_access()),
        public_access_cidrs: vpc.map(|v| v.public_access_cidrs().to_vec()),
        secrets_encryption_key: Some(key),
        enabled_log_types: Some(enabled_log_types.unwrap_or_default()),
        location: None,
    }
}
