//! ECS checks.
mod ecs_cluster_container_insights_enabled;
mod ecs_cluster_execute_command_logging_enabled;
mod ecs_service_fargate_latest_platform;
mod ecs_service_no_public_ip;
mod ecs_task_definition_host_mode_non_root_user;
mod ecs_task_definition_logging_configured;
mod ecs_task_definition_no_host_ipc_namespace;
mod ecs_task_definition_no_host_network_mode;
mod ecs_task_definition_no_host_pid_namespace;
mod ecs_task_definition_no_privileged_containers;
mod ecs_task_definition_no_secrets_in_environment;
mod ecs_task_definition_non_root_user;
mod ecs_task_definition_readonly_root_filesystem;

pub use ecs_cluster_container_insights_enabled::EcsClusterContainerInsightsEnabled;
pub use ecs_cluster_execute_command_logging_enabled::EcsClusterExecuteCommandLoggingEnabled;
pub use ecs_service_fargate_latest_platform::EcsServiceFargateLatestPlatform;
pub use ecs_service_no_public_ip::EcsServiceNoPublicIp;
pub use ecs_task_definition_host_mode_non_root_user::EcsTaskDefinitionHostModeNonRootUser;
pub use ecs_task_definition_logging_configured::EcsTaskDefinitionLoggingConfigured;
pub use ecs_task_definition_no_host_ipc_namespace::EcsTaskDefinitionNoHostIpcNamespace;
pub use ecs_task_definition_no_host_network_mode::EcsTaskDefinitionNoHostNetworkMode;
pub use ecs_task_definition_no_host_pid_namespace::EcsTaskDefinitionNoHostPidNamespace;
pub use ecs_task_definition_no_privileged_containers::EcsTaskDefinitionNoPrivilegedContainers;
pub use ecs_task_definition_no_secrets_in_environment::EcsTaskDefinitionNoSecretsInEnvironment;
pub use ecs_task_definition_non_root_user::EcsTaskDefinitionNonRootUser;
pub use ecs_task_definition_readonly_root_filesystem::EcsTaskDefinitionReadonlyRootFilesystem;

use wasp_model::ecs::{Container, TaskDefinition};

/// Judges every task definition by its containers: PASS when none is flagged, FAIL naming
/// the flagged ones with `why`.
pub(crate) fn by_container(
    inv: &wasp_model::Inventory,
    out: &mut crate::Findings<'_>,
    flagged: impl Fn(&TaskDefinition, &Container) -> bool,
    pass: &str,
    why: &str,
) {
    for td in &inv.ecs.task_definitions {
        let names: Vec<&str> = td.containers.iter().filter(|c| flagged(td, c)).map(|c| c.name.as_str()).collect();
        if names.is_empty() {
            out.pass(td, format!("revision {}: {pass}", td.revision));
        } else {
            out.fail(td, format!("revision {}: {} {why}", td.revision, names.join(", ")));
        }
    }
}

/// `user` runs as root: unset (the image's default, root for most images), `root`, or uid 0
/// with or without a group.
pub(crate) fn runs_as_root(user: Option<&str>) -> bool {
    match user.map(str::trim) {
        None | Some("") => true,
        Some(u) => {
            let name = u.split(':').next().unwrap_or(u);
            name == "root" || name == "0"
        }
    }
}
