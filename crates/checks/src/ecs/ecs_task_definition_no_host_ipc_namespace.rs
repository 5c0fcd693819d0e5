use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// The newest ACTIVE revision of every task definition family does not set `ipcMode` to
    /// `host`. `task`, `none` or unset passes.
    ///
    /// ### Why it matters
    /// The host's IPC namespace exposes shared memory and semaphores of every process on the
    /// instance, a path to read or tamper with other workloads' data.
    ///
    /// ### How to fix
    /// Remove `ipcMode` (or use `task`) and register a new revision.
    EcsTaskDefinitionNoHostIpcNamespace {
        id: "ecs_task_definition_no_host_ipc_namespace",
        title: "ECS task definitions do not share the host IPC namespace",
        severity: Medium,
        service: Ecs,
        resource_kind: "ecs_task_definition",
        best_practices: ["SEC06-BP05", "SEC06-BP02"],
        prowler: [],
        security_hub: [],
        config_rule: [],
        cis: [],
        reads: { Ecs: [ListTaskDefinitionFamilies, DescribeTaskDefinition] },
        remediation: "Remove ipcMode host from the task definition.",
    }
}

impl EcsTaskDefinitionNoHostIpcNamespace {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for td in &inv.ecs.task_definitions {
            if td.ipc_mode.as_deref() == Some("host") {
                out.fail(td, format!("revision {}: ipcMode is host", td.revision));
            } else {
                out.pass(td, format!("revision {}: containers do not share the host IPC namespace", td.revision));
            }
        }
    }
}
