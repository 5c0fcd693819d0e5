//! EFS: file systems with their encryption, policy and backup policy, and access points.
use crate::{regional_resource, Setting, SourceLocation};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Efs {
    #[serde(default)]
    pub file_systems: Vec<FileSystem>,
    #[serde(default)]
    pub access_points: Vec<AccessPoint>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FileSystem {
    pub arn: String,
    pub id: String,
    pub region: String,
    #[serde(default)]
    pub name: Option<String>,
    /// `available`, `creating`, `deleting` …
    #[serde(default)]
    pub state: Option<String>,
    #[serde(default)]
    pub encrypted: Option<bool>,
    #[serde(default)]
    pub kms_key_id: Option<String>,
    /// The file system policy; `NotConfigured` when it has none (then every client that
    /// reaches a mount target has full access).
    #[serde(default)]
    pub policy: Option<Setting<serde_json::Value>>,
    /// Automatic backups (the backup policy's status `ENABLED`, `ENABLING`, `DISABLED`,
    /// `DISABLING`); `NotConfigured` when it has no backup policy.
    #[serde(default)]
    pub backup_policy: Option<Setting<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<SourceLocation>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AccessPoint {
    pub arn: String,
    pub id: String,
    pub region: String,
    pub file_system_id: String,
    /// The directory clients see as root; `/` (or none) exposes the whole file system.
    #[serde(default)]
    pub root_directory: Option<String>,
    /// The POSIX user id every request is made as; `None` when the access point does not
    /// enforce one.
    #[serde(default)]
    pub posix_uid: Option<i64>,
    #[serde(default)]
    pub state: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<SourceLocation>,
}

impl FileSystem {
    pub fn is_gone(&self) -> bool {
        matches!(self.state.as_deref(), Some("deleting" | "deleted"))
    }
}

regional_resource!(FileSystem, AccessPoint);
