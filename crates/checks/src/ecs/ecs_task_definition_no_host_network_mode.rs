use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// The newest ACTIVE revision of every task definition family has a network mode other
    /// than `host` (`awsvpc`, `bridge`, `none`, or unset, which is `bridge` on Linux EC2).
    ///
    /// ### Why it matters
    /// In host mode containers share the instance's network stack: they can bind any port of
    /// the host, reach the instance metadata service and see traffic of other tasks, and
    /// security groups cannot tell tasks apart.
    ///
    /// ### How to fix
    /// Use `awsvpc` (a network interface and security group per task) and register a new
    /// revision.
    EcsTaskDefinitionNoHostNetworkMode {
        id: "ecs_task_definition_no_host_network_mode",
        title: "ECS task definitions do not use host network mode",
        severity: Medium,
        service: Ecs,
        resource_kind: "ecs_task_definition",
        best_practices: ["SEC05-BP02", "SEC06-BP02"],
        prowler: [],
        security_hub: ["ECS.17"],
        config_rule: ["ECS_TASK_DEFINITION_NETWORK_MODE_NOT_HOST"],
        cis: [],
        reads: { Ecs: [ListTaskDefinitionFamilies, DescribeTaskDefinition] },
        remediation: "Use the awsvpc network mode so each task has its own interface and security group.",
    }
}

impl EcsTaskDefinitionNoHostNetworkMode {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for td in &inv.ecs.task_definitions {
            match td.network_mode.as_deref() {
                Some("host") => out.fail(td, format!("revision {}: network mode is host", td.revision)),
                Some(mode) => out.pass(td, format!("revision {}: network mode is {mode}", td.revision)),
                None => out.pass(td, format!("revision {}: network mode is the default (bridge)", td.revision)),
            }
        }
    }
}
