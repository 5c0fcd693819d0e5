//! ECS of one region: clusters (paginated `ListClusters`, then `DescribeClusters` 100 at a
//! time with their settings and configuration), each cluster's services (`ListServices`, then
//! `DescribeServices` 10 at a time, the most AWS allows), and the newest ACTIVE revision of
//! every task definition family (`ListTaskDefinitionFamilies`, then one
//! `DescribeTaskDefinition` per family: AWS has no bulk form).
//!
//! Container definitions carry environment variable values: only the variables' names are
//! kept, the values are dropped as the answer is read.
use crate::unit::{client, Unit};
use aws_sdk_ecs::types::{
    AssignPublicIp, ClusterField, ClusterSettingName, ContainerDefinition, ExecuteCommandLogging,
    TaskDefinitionFamilyStatus,
};
use aws_sdk_ecs::Client;
use futures::StreamExt;
use wasp_model::ecs::{
    Cluster, Container, ContainerInsights, EcsService, ExecLogging, SecretReference, SecretStore, TaskDefinition,
};
use wasp_model::Inventory;

pub(crate) async fn collect(unit: &Unit, part: &mut Inventory) {
    let ecs = client!(aws_sdk_ecs, unit);
    let (clusters, task_definitions) = futures::join!(clusters(unit, &ecs), task_definitions(unit, &ecs));
    let services = futures::stream::iter(clusters.iter().map(|c| c.arn.clone()))
        .map(|arn| {
            let ecs = &ecs;
            async move { services(unit, ecs, &arn).await }
        })
        .buffered(unit.inner_concurrency())
        .collect::<Vec<_>>()
        .await;
    part.ecs.clusters = clusters;
    part.ecs.services = services.into_iter().flatten().collect();
    part.ecs.task_definitions = task_definitions;
}

async fn clusters(unit: &Unit, ecs: &Client) -> Vec<Cluster> {
    let mut arns = Vec::new();
    let mut pages = ecs.list_clusters().max_results(100).into_paginator().send();
    while let Some(page) = pages.next().await {
        let Some(page) = unit.read("ListClusters", page).ok() else { break };
        arns.extend(page.cluster_arns().iter().cloned());
    }
    let mut clusters = Vec::new();
    for chunk in arns.chunks(100) {
        let answer = ecs
            .describe_clusters()
            .set_clusters(Some(chunk.to_vec()))
            .include(ClusterField::Settings)
            .include(ClusterField::Configurations)
            .send()
            .await;
        let Some(out) = unit.read("DescribeClusters", answer).ok() else {
            // Listed but not described: known to exist, settings unknown.
            clusters.extend(chunk.iter().map(|arn| Cluster {
                name: arn.rsplit('/').next().unwrap_or(arn.as_str()).to_owned(),
                arn: arn.clone(),
                region: unit.region.clone(),
                ..Cluster::default()
            }));
            continue;
        };
        for c in out.clusters() {
            let Some(arn) = c.cluster_arn() else { continue };
            let insights = c
                .settings()
                .iter()
                .find(|s| s.name() == Some(&ClusterSettingName::ContainerInsights))
                .and_then(|s| s.value())
                .map(|v| match v.to_ascii_lowercase().as_str() {
                    "enabled" => ContainerInsights::Enabled,
                    "enhanced" => ContainerInsights::Enhanced,
                    _ => ContainerInsights::Disabled,
                })
                // A cluster that never set it has it off (the account default applies at
                // creation and is written into the cluster's settings).
                .unwrap_or(ContainerInsights::Disabled);
            let exec = c.configuration().and_then(|c| c.execute_command_configuration());
            let logging = match exec.and_then(|e| e.logging()) {
                None | Some(ExecuteCommandLogging::Default) => ExecLogging::Default,
                Some(ExecuteCommandLogging::None) => ExecLogging::None,
                Some(_) => {
                    let log = exec.and_then(|e| e.log_configuration());
                    ExecLogging::Override {
                        cloudwatch_log_group: log
                            .and_then(|l| l.cloud_watch_log_group_name())
                            .filter(|s| !s.is_empty())
                            .map(str::to_owned),
                        s3_bucket: log.and_then(|l| l.s3_bucket_name()).filter(|s| !s.is_empty()).map(str::to_owned),
                    }
                }
            };
            clusters.push(Cluster {
                arn: arn.to_owned(),
                name: c.cluster_name().unwrap_or_default().to_owned(),
                region: unit.region.clone(),
                container_insights: Some(insights),
                execute_command_logging: Some(logging),
                location: None,
            });
        }
    }
    clusters
}

async fn services(unit: &Unit, ecs: &Client, cluster: &str) -> Vec<EcsService> {
    let mut arns = Vec::new();
    let mut pages = ecs.list_services().cluster(cluster).max_results(100).into_paginator().send();
    while let Some(page) = pages.next().await {
        let Some(page) = unit.read_for("ListServices", cluster, page).ok() else { break };
        arns.extend(page.service_arns().iter().cloned());
    }
    let mut services = Vec::new();
    for chunk in arns.chunks(10) {
        let answer = ecs.describe_services().cluster(cluster).set_services(Some(chunk.to_vec())).send().await;
        let Some(out) = unit.read_for("DescribeServices", cluster, answer).ok() else { continue };
        for s in out.services() {
            let Some(arn) = s.service_arn() else { continue };
            let vpc = s.network_configuration().and_then(|n| n.awsvpc_configuration());
            services.push(EcsService {
                arn: arn.to_owned(),
                name: s.service_name().unwrap_or_default().to_owned(),
                region: unit.region.clone(),
                cluster_arn: cluster.to_owned(),
                launch_type: s.launch_type().map(|l| l.as_str().to_owned()),
                platform_version: s.platform_version().map(str::to_owned),
                platform_family: s.platform_family().map(str::to_owned),
                assign_public_ip: vpc.map(|v| v.assign_public_ip() == Some(&AssignPublicIp::Enabled)),
                location: None,
            });
        }
    }
    services
}

async fn task_definitions(unit: &Unit, ecs: &Client) -> Vec<TaskDefinition> {
    let mut families = Vec::new();
    let mut pages = ecs
        .list_task_definition_families()
        .status(TaskDefinitionFamilyStatus::Active)
        .max_results(100)
        .into_paginator()
        .send();
    while let Some(page) = pages.next().await {
        let Some(page) = unit.read("ListTaskDefinitionFamilies", page).ok() else { break };
        families.extend(page.families().iter().cloned());
    }
    futures::stream::iter(families)
        .map(|family| async move {
            let answer = ecs.describe_task_definition().task_definition(&family).send().await;
            let resource = unit.arn("ecs", &format!("task-definition/{family}"));
            let out = unit.read_for("DescribeTaskDefinition", &resource, answer).ok()?;
            let td = out.task_definition()?;
            Some(TaskDefinition {
                arn: td.task_definition_arn().unwrap_or(resource.as_str()).to_owned(),
                family: td.family().unwrap_or(family.as_str()).to_owned(),
                revision: td.revision(),
                region: unit.region.clone(),
                network_mode: td.network_mode().map(|m| m.as_str().to_owned()),
                pid_mode: td.pid_mode().map(|m| m.as_str().to_owned()),
                ipc_mode: td.ipc_mode().map(|m| m.as_str().to_owned()),
                os_family: td
                    .runtime_platform()
                    .and_then(|p| p.operating_system_family())
                    .map(|f| f.as_str().to_owned()),
                containers: td.container_definitions().iter().map(container).collect(),
                location: None,
            })
        })
        .buffered(unit.inner_concurrency())
        .filter_map(|t| async move { t })
        .collect()
        .await
}

/// What the model keeps of a container definition: no environment value, no image
/// credentials, no command line.
fn container(c: &ContainerDefinition) -> Container {
    Container {
        name: c.name().unwrap_or_default().to_owned(),
        privileged: c.privileged(),
        user: c.user().filter(|u| !u.is_empty()).map(str::to_owned),
        readonly_root_filesystem: c.readonly_root_filesystem(),
        log_driver: c.log_configuration().map(|l| l.log_driver().as_str().to_owned()),
        environment_names: c.environment().iter().filter_map(|kv| kv.name()).map(str::to_owned).collect(),
        secrets: c
            .secrets()
            .iter()
            .map(|s| SecretReference {
                name: s.name().to_owned(),
                store: if s.value_from().starts_with("arn:") && s.value_from().contains(":secretsmanager:") {
                    SecretStore::SecretsManager
                } else {
                    SecretStore::ParameterStore
                },
            })
            .collect(),
    }
}
