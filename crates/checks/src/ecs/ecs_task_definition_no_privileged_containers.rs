use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// The newest ACTIVE revision of every task definition family has no container with
    /// `privileged: true`. A container that does not set it is not privileged. Older
    /// revisions are not judged: they run only if a service or task still names them.
    ///
    /// ### Why it matters
    /// A privileged container has every Linux capability and the host's devices: escaping to
    /// the EC2 instance, and from there to every other task and the instance role, is a
    /// known, short step.
    ///
    /// ### How to fix
    /// Remove `privileged` and grant only the capabilities the process needs with
    /// `linuxParameters.capabilities.add`; register a new revision and deploy it.
    EcsTaskDefinitionNoPrivilegedContainers {
        id: "ecs_task_definition_no_privileged_containers",
        title: "ECS task definitions run no privileged containers",
        severity: High,
        service: Ecs,
        resource_kind: "ecs_task_definition",
        best_practices: ["SEC06-BP05", "SEC06-BP02", "SEC03-BP02"],
        prowler: ["ecs_task_definitions_no_privileged_containers"],
        security_hub: ["ECS.4"],
        config_rule: ["ECS_CONTAINERS_NONPRIVILEGED"],
        cis: [],
        reads: { Ecs: [ListTaskDefinitionFamilies, DescribeTaskDefinition] },
        remediation: "Remove privileged mode and add only the Linux capabilities the container needs.",
    }
}

impl EcsTaskDefinitionNoPrivilegedContainers {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        super::by_container(
            inv,
            out,
            |_, c| c.privileged == Some(true),
            "no container is privileged",
            "run privileged",
        );
    }
}
