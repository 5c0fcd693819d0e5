use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// In the newest ACTIVE revision of every task definition family, every container sets
    /// `readonlyRootFilesystem: true`. Unset or `false` fails.
    ///
    /// ### Why it matters
    /// A writable root filesystem lets an intruder drop tools, change binaries and persist in
    /// the container; read-only confines writes to the volumes you declare.
    ///
    /// ### How to fix
    /// Set `readonlyRootFilesystem: true` and mount a volume (or a `tmpfs` on EC2) for the
    /// paths the application must write.
    EcsTaskDefinitionReadonlyRootFilesystem {
        id: "ecs_task_definition_readonly_root_filesystem",
        title: "ECS containers mount their root filesystem read-only",
        severity: Medium,
        service: Ecs,
        resource_kind: "ecs_task_definition",
        best_practices: ["SEC06-BP05", "SEC06-BP02"],
        prowler: ["ecs_task_definitions_containers_readonly_access"],
        security_hub: ["ECS.5"],
        config_rule: ["ECS_CONTAINERS_READONLY_ACCESS"],
        cis: [],
        reads: { Ecs: [ListTaskDefinitionFamilies, DescribeTaskDefinition] },
        remediation: "Set readonlyRootFilesystem to true and mount volumes for writable paths.",
    }
}

impl EcsTaskDefinitionReadonlyRootFilesystem {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        super::by_container(
            inv,
            out,
            |_, c| c.readonly_root_filesystem != Some(true),
            "every container has a read-only root filesystem",
            "can write to their root filesystem",
        );
    }
}
