//! EKS: clusters with their endpoint access, secrets encryption, control-plane logging and
//! Kubernetes version.
use crate::{regional_resource, Setting, SourceLocation};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Eks {
    #[serde(default)]
    pub clusters: Vec<Cluster>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Cluster {
    pub arn: String,
    pub name: String,
    pub region: String,
    /// Kubernetes `major.minor`; `None` when the cluster could not be described.
    #[serde(default)]
    pub version: Option<String>,
    /// `ACTIVE`, `CREATING`, `DELETING`, `FAILED`, `UPDATING`, `PENDING`.
    #[serde(default)]
    pub status: Option<String>,
    #[serde(default)]
    pub endpoint_public_access: Option<bool>,
    #[serde(default)]
    pub endpoint_private_access: Option<bool>,
    /// CIDRs allowed to reach the public endpoint (AWS answers `0.0.0.0/0` when unrestricted).
    #[serde(default)]
    pub public_access_cidrs: Option<Vec<String>>,
    /// The KMS key that envelope-encrypts Kubernetes secrets; `NotConfigured` when none.
    #[serde(default)]
    pub secrets_encryption_key: Option<Setting<String>>,
    /// Control-plane log types sent to CloudWatch Logs (`api`, `audit`, `authenticator`,
    /// `controllerManager`, `scheduler`).
    #[serde(default)]
    pub enabled_log_types: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<SourceLocation>,
}

regional_resource!(Cluster);
