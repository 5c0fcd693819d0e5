use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// The newest ACTIVE revision of every task definition family does not set `pidMode` to
    /// `host`. `task` or unset passes.
    ///
    /// ### Why it matters
    /// With the host's process namespace, containers see and can signal every process on the
    /// instance, including other tasks and the ECS agent.
    ///
    /// ### How to fix
    /// Remove `pidMode` (or use `task` to share processes only within the task) and register
    /// a new revision.
    EcsTaskDefinitionNoHostPidNamespace {
        id: "ecs_task_definition_no_host_pid_namespace",
        title: "ECS task definitions do not share the host process namespace",
        severity: High,
        service: Ecs,
        resource_kind: "ecs_task_definition",
        best_practices: ["SEC06-BP05", "SEC06-BP02"],
        prowler: ["ecs_task_definitions_host_namespace_not_shared"],
        security_hub: ["ECS.3"],
        config_rule: ["ECS_TASK_DEFINITION_PID_MODE_CHECK"],
        cis: [],
        reads: { Ecs: [ListTaskDefinitionFamilies, DescribeTaskDefinition] },
        remediation: "Remove pidMode host from the task definition.",
    }
}

impl EcsTaskDefinitionNoHostPidNamespace {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for td in &inv.ecs.task_definitions {
            if td.pid_mode.as_deref() == Some("host") {
                out.fail(td, format!("revision {}: pidMode is host", td.revision));
            } else {
                out.pass(td, format!("revision {}: containers do not share the host process namespace", td.revision));
            }
        }
    }
}
