use crate::declare_check;
use wasp_model::ecs::ExecLogging;
use wasp_model::{Inventory, Service};

declare_check! {
    /// ### What it checks
    /// Every ECS cluster logs ECS Exec sessions: execute-command logging `DEFAULT` (the
    /// output goes to the task definition's `awslogs` log group, when it has one) or
    /// `OVERRIDE` naming a CloudWatch Logs group or an S3 bucket passes. `NONE`, or `OVERRIDE`
    /// naming neither, fails. SKIP when the cluster could not be described.
    ///
    /// ### Why it matters
    /// ECS Exec opens an interactive shell inside running containers. Unlogged, a person (or
    /// a stolen role) can read secrets and change a live task with no record of what was
    /// typed.
    ///
    /// ### How to fix
    /// `aws ecs update-cluster --cluster <name> --configuration
    /// 'executeCommandConfiguration={logging=OVERRIDE,logConfiguration={cloudWatchLogGroupName=/ecs/exec,cloudWatchEncryptionEnabled=true}}'`.
    EcsClusterExecuteCommandLoggingEnabled {
        id: "ecs_cluster_execute_command_logging_enabled",
        title: "ECS clusters log ECS Exec sessions",
        severity: Medium,
        service: Ecs,
        resource_kind: "ecs_cluster",
        best_practices: ["SEC04-BP01", "SEC06-BP03"],
        prowler: [],
        security_hub: [],
        config_rule: [],
        cis: [],
        reads: { Ecs: [ListClusters, DescribeClusters] },
        remediation: "Set the cluster's execute-command logging to a CloudWatch Logs group or S3 bucket.",
    }
}

impl EcsClusterExecuteCommandLoggingEnabled {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for cluster in &inv.ecs.clusters {
            match &cluster.execute_command_logging {
                Some(ExecLogging::Default) => {
                    out.pass(cluster, "ECS Exec output goes to the task definition's awslogs configuration (DEFAULT)")
                }
                Some(ExecLogging::Override { cloudwatch_log_group, s3_bucket }) => {
                    let targets: Vec<String> = cloudwatch_log_group
                        .iter()
                        .map(|g| format!("log group {g}"))
                        .chain(s3_bucket.iter().map(|b| format!("bucket {b}")))
                        .collect();
                    if targets.is_empty() {
                        out.fail(cluster, "logging is OVERRIDE but names no log group or bucket")
                    } else {
                        out.pass(cluster, format!("ECS Exec sessions are logged to {}", targets.join(" and ")))
                    }
                }
                Some(ExecLogging::None) => out.fail(cluster, "ECS Exec sessions are not logged (NONE)"),
                None => out.skip(
                    cluster,
                    crate::evidence::unknown_because(inv, Service::Ecs, &cluster.region, "the cluster configuration"),
                ),
            }
        }
    }
}
