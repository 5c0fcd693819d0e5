//! ECS: clusters, services and the latest ACTIVE revision of every task definition family.
//! Environment variable VALUES are never part of the model: only their names are kept.
use crate::{regional_resource, SourceLocation};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Ecs {
    #[serde(default)]
    pub clusters: Vec<Cluster>,
    #[serde(default)]
    pub services: Vec<EcsService>,
    /// The newest ACTIVE revision of each task definition family.
    #[serde(default)]
    pub task_definitions: Vec<TaskDefinition>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Cluster {
    pub arn: String,
    pub name: String,
    pub region: String,
    /// `None` when the cluster's settings could not be read.
    #[serde(default)]
    pub container_insights: Option<ContainerInsights>,
    /// Where ECS Exec sessions are logged; `None` when not read.
    #[serde(default)]
    pub execute_command_logging: Option<ExecLogging>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<SourceLocation>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ContainerInsights {
    Enabled,
    Enhanced,
    Disabled,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ExecLogging {
    /// `NONE`: sessions are not logged.
    None,
    /// `DEFAULT`: the task definition's awslogs configuration receives the session output.
    Default,
    /// `OVERRIDE`: the log group and/or bucket named here.
    Override {
        #[serde(default)]
        cloudwatch_log_group: Option<String>,
        #[serde(default)]
        s3_bucket: Option<String>,
    },
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EcsService {
    pub arn: String,
    pub name: String,
    pub region: String,
    pub cluster_arn: String,
    /// `FARGATE`, `EC2`, `EXTERNAL`; `None` for capacity-provider services.
    #[serde(default)]
    pub launch_type: Option<String>,
    /// Fargate platform version as configured (`LATEST`, `1.4.0`).
    #[serde(default)]
    pub platform_version: Option<String>,
    /// `LINUX` or `WINDOWS_SERVER_…` for Fargate services.
    #[serde(default)]
    pub platform_family: Option<String>,
    /// Whether tasks get a public IP (`awsvpc` network configuration); `None` when the service
    /// has no awsvpc configuration.
    #[serde(default)]
    pub assign_public_ip: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<SourceLocation>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TaskDefinition {
    pub arn: String,
    pub family: String,
    pub revision: i32,
    pub region: String,
    /// `bridge`, `host`, `awsvpc`, `none`; `None` when unset (bridge on Linux EC2).
    #[serde(default)]
    pub network_mode: Option<String>,
    #[serde(default)]
    pub pid_mode: Option<String>,
    #[serde(default)]
    pub ipc_mode: Option<String>,
    /// `LINUX`, `WINDOWS_SERVER_2022_CORE` …; `None` when not declared.
    #[serde(default)]
    pub os_family: Option<String>,
    #[serde(default)]
    pub containers: Vec<Container>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<SourceLocation>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Container {
    pub name: String,
    #[serde(default)]
    pub privileged: Option<bool>,
    /// `user` as declared (`root`, `0`, `1000:1000`, `app`); `None` when not set.
    #[serde(default)]
    pub user: Option<String>,
    #[serde(default)]
    pub readonly_root_filesystem: Option<bool>,
    /// The log driver (`awslogs`, `awsfirelens`, `splunk` …); `None` when no log configuration.
    #[serde(default)]
    pub log_driver: Option<String>,
    /// Names of plain `environment` variables; their values are never read into the model.
    #[serde(default)]
    pub environment_names: Vec<String>,
    /// Variables injected from a secret store (`secrets`).
    #[serde(default)]
    pub secrets: Vec<SecretReference>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SecretReference {
    pub name: String,
    pub store: SecretStore,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SecretStore {
    SecretsManager,
    ParameterStore,
}

regional_resource!(Cluster, EcsService, TaskDefinition);
