use crate::declare_check;
use wasp_model::ecs::ContainerInsights;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Every ECS cluster has Container Insights `enabled` or `enhanced` in its settings. A
    /// cluster whose setting is `disabled` or absent fails; SKIP when the cluster could not be
    /// described.
    ///
    /// ### Why it matters
    /// Container Insights records per-task CPU, memory, network and restart metrics and
    /// events; without them, a crypto-miner in a task or a crash loop after a compromise
    /// leaves no trace to investigate.
    ///
    /// ### How to fix
    /// `aws ecs update-cluster-settings --cluster <name> --settings
    /// name=containerInsights,value=enhanced`, and set the account default with `aws ecs
    /// put-account-setting-default --name containerInsights --value enhanced`.
    EcsClusterContainerInsightsEnabled {
        id: "ecs_cluster_container_insights_enabled",
        title: "ECS clusters have Container Insights enabled",
        severity: Low,
        service: Ecs,
        resource_kind: "ecs_cluster",
        best_practices: ["SEC04-BP01"],
        prowler: ["ecs_cluster_container_insights_enabled"],
        security_hub: ["ECS.12"],
        config_rule: ["ECS_CONTAINER_INSIGHTS_ENABLED"],
        cis: [],
        reads: { Ecs: [ListClusters, DescribeClusters] },
        remediation: "Turn on Container Insights (enhanced) for the cluster and as the account default.",
    }
}

impl EcsClusterContainerInsightsEnabled {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for cluster in &inv.ecs.clusters {
            match cluster.container_insights {
                Some(ContainerInsights::Enabled) => out.pass(cluster, "Container Insights is enabled"),
                Some(ContainerInsights::Enhanced) => out.pass(cluster, "Container Insights is enabled (enhanced)"),
                Some(ContainerInsights::Disabled) => out.fail(cluster, "Container Insights is off"),
                None => out.skip(
                    cluster,
                    crate::evidence::unknown_because(
                        inv,
                        wasp_model::Service::Ecs,
                        &cluster.region,
                        "the cluster settings",
                    ),
                ),
            }
        }
    }
}
