use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// For the newest ACTIVE revision of every task definition family whose network mode is
    /// `host`, no container runs as root without being declared privileged: a container whose
    /// `user` is unset (the image default, root for most images), `root`, or uid `0` (with or
    /// without a group) fails unless it sets `privileged: true` (privileged containers are
    /// judged by `ecs_task_definition_no_privileged_containers`). Task definitions in other
    /// network modes pass.
    ///
    /// ### Why it matters
    /// A root process that shares the host's network stack can bind privileged ports, sniff
    /// other tasks' traffic and reach the instance metadata service for the instance role.
    ///
    /// ### How to fix
    /// Set `user` to a non-root uid (`"1000:1000"`) in each container, or leave host mode for
    /// `awsvpc`.
    EcsTaskDefinitionHostModeNonRootUser {
        id: "ecs_task_definition_host_mode_non_root_user",
        title: "ECS task definitions in host network mode run containers as non-root",
        severity: High,
        service: Ecs,
        resource_kind: "ecs_task_definition",
        best_practices: ["SEC06-BP05", "SEC03-BP02"],
        prowler: ["ecs_task_definitions_host_networking_mode_users"],
        security_hub: ["ECS.1"],
        config_rule: ["ECS_TASK_DEFINITION_USER_FOR_HOST_MODE_CHECK"],
        cis: [],
        reads: { Ecs: [ListTaskDefinitionFamilies, DescribeTaskDefinition] },
        remediation: "Run the containers as a non-root user or leave host network mode.",
    }
}

impl EcsTaskDefinitionHostModeNonRootUser {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for td in &inv.ecs.task_definitions {
            if td.network_mode.as_deref() != Some("host") {
                out.pass(td, format!("revision {}: not in host network mode", td.revision));
                continue;
            }
            let root: Vec<&str> = td
                .containers
                .iter()
                .filter(|c| c.privileged != Some(true) && super::runs_as_root(c.user.as_deref()))
                .map(|c| c.name.as_str())
                .collect();
            if root.is_empty() {
                out.pass(td, format!("revision {}: host mode, every container runs as a non-root user", td.revision));
            } else {
                out.fail(td, format!("revision {}: host mode with {} running as root", td.revision, root.join(", ")));
            }
        }
    }
}
