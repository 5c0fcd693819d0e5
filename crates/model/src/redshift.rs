//! Redshift: provisioned clusters with their network exposure, encryption, TLS parameter,
//! audit logging and maintenance settings.
use crate::{regional_resource, SourceLocation};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Redshift {
    #[serde(default)]
    pub clusters: Vec<Cluster>,
}

/// A cluster as `DescribeClusters` reports it; `None` where AWS did not say.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Cluster {
    pub arn: String,
    pub id: String,
    pub region: String,
    /// `available`, `creating`, `deleting` …
    #[serde(default)]
    pub status: Option<String>,
    #[serde(default)]
    pub publicly_accessible: Option<bool>,
    #[serde(default)]
    pub encrypted: Option<bool>,
    #[serde(default)]
    pub kms_key_id: Option<String>,
    #[serde(default)]
    pub enhanced_vpc_routing: Option<bool>,
    #[serde(default)]
    pub master_username: Option<String>,
    #[serde(default)]
    pub database_name: Option<String>,
    /// Days automated snapshots are kept; 0 = off.
    #[serde(default)]
    pub automated_snapshot_retention_days: Option<i32>,
    #[serde(default)]
    pub allow_version_upgrade: Option<bool>,
    /// The cluster parameter group.
    #[serde(default)]
    pub parameter_group: Option<String>,
    /// The `require_ssl` parameter of the cluster's parameter group.
    #[serde(default)]
    pub require_ssl: Option<bool>,
    /// Audit logging (`DescribeLoggingStatus`).
    #[serde(default)]
    pub audit_logging: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<SourceLocation>,
}

impl Cluster {
    pub fn is_gone(&self) -> bool {
        matches!(self.status.as_deref(), Some("deleting" | "final-snapshot"))
    }
}

regional_resource!(Cluster);
