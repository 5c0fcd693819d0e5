use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// In the newest ACTIVE revision of every task definition family, every container sets a
    /// `user` that is not the superuser. For Linux (no `runtimePlatform`, or `LINUX`), `user`
    /// unset, `root` or uid `0` (with or without a group) fails. For Windows
    /// (`operatingSystemFamily` `WINDOWS_SERVER_…`), `user` unset or `ContainerAdministrator`
    /// (any case) fails.
    ///
    /// ### Why it matters
    /// A process running as root inside the container turns every container escape or
    /// writable host mount into root on the host.
    ///
    /// ### How to fix
    /// Set `user` (`"1000:1000"` on Linux, `ContainerUser` on Windows) in each container
    /// definition, and build images that do not need root.
    EcsTaskDefinitionNonRootUser {
        id: "ecs_task_definition_non_root_user",
        title: "ECS containers run as non-root, non-administrator users",
        severity: Medium,
        service: Ecs,
        resource_kind: "ecs_task_definition",
        best_practices: ["SEC06-BP05", "SEC03-BP02"],
        prowler: [],
        security_hub: ["ECS.20", "ECS.21"],
        config_rule: ["ECS_TASK_DEFINITION_LINUX_USER_NON_ROOT", "ECS_TASK_DEFINITION_WINDOWS_USER_NON_ADMIN"],
        cis: [],
        reads: { Ecs: [ListTaskDefinitionFamilies, DescribeTaskDefinition] },
        remediation: "Set a non-root user in every container definition.",
    }
}

impl EcsTaskDefinitionNonRootUser {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        super::by_container(
            inv,
            out,
            |td, c| {
                let windows = td.os_family.as_deref().is_some_and(|f| f.to_ascii_uppercase().starts_with("WINDOWS"));
                if windows {
                    c.user.as_deref().is_none_or(|u| u.trim().eq_ignore_ascii_case("ContainerAdministrator"))
                } else {
                    super::runs_as_root(c.user.as_deref())
                }
            },
            "every container runs as a non-root user",
            "run as root or administrator (user unset, root or 0)",
        );
    }
}
