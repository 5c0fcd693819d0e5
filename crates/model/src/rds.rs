//! RDS: DB instances and clusters with their protection settings, and the account's manual
//! snapshots with who may restore them. The RDS API also answers for Aurora, and for DocumentDB
//! and Neptune, which share it; `engine` tells them apart.
use crate::{regional_resource, SourceLocation};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Rds {
    /// DB instances in every scanned region.
    #[serde(default)]
    pub instances: Vec<DbInstance>,
    /// DB clusters (Aurora and Multi-AZ DB clusters) in every scanned region.
    #[serde(default)]
    pub clusters: Vec<DbCluster>,
    /// The account's manual DB and DB cluster snapshots (automated ones cannot be shared).
    #[serde(default)]
    pub snapshots: Vec<DbSnapshot>,
}

/// Settings of a DB instance as `DescribeDBInstances` reports them; `None` where AWS did not say.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DbInstance {
    pub arn: String,
    pub id: String,
    pub region: String,
    /// `mysql`, `postgres`, `aurora-postgresql`, `sqlserver-se`, `oracle-ee` …
    #[serde(default)]
    pub engine: Option<String>,
    #[serde(default)]
    pub engine_version: Option<String>,
    /// `available`, `stopped`, `deleting` …
    #[serde(default)]
    pub status: Option<String>,
    /// The cluster the instance belongs to (Aurora, Multi-AZ DB cluster): storage, backups,
    /// deletion protection and IAM authentication are then the cluster's.
    #[serde(default)]
    pub cluster_id: Option<String>,
    /// The instance this one is a read replica of.
    #[serde(default)]
    pub replica_of: Option<String>,
    #[serde(default)]
    pub storage_encrypted: Option<bool>,
    #[serde(default)]
    pub publicly_accessible: Option<bool>,
    /// Days automated backups are kept; 0 = automated backups off.
    #[serde(default)]
    pub backup_retention_days: Option<i32>,
    #[serde(default)]
    pub deletion_protection: Option<bool>,
    #[serde(default)]
    pub iam_database_authentication: Option<bool>,
    #[serde(default)]
    pub auto_minor_version_upgrade: Option<bool>,
    /// Seconds between enhanced monitoring samples; 0 = enhanced monitoring off.
    #[serde(default)]
    pub monitoring_interval: Option<i32>,
    /// Log types exported to CloudWatch Logs (`error`, `general`, `postgresql`, `audit` …).
    #[serde(default)]
    pub log_exports: Option<Vec<String>>,
    #[serde(default)]
    pub master_username: Option<String>,
    /// The certificate authority of the server certificate (`rds-ca-rsa2048-g1` …).
    #[serde(default)]
    pub ca_certificate: Option<String>,
    /// When the server certificate expires.
    #[serde(default)]
    pub certificate_valid_till: Option<crate::Timestamp>,
    /// The DB parameter group (the first, as RDS applies one).
    #[serde(default)]
    pub parameter_group: Option<String>,
    /// Whether the parameter group makes the engine refuse connections without TLS
    /// (`rds.force_ssl` for PostgreSQL and SQL Server, `require_secure_transport` for MySQL and
    /// MariaDB); `None` when it was not read or the engine has no such parameter.
    #[serde(default)]
    pub tls_required: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<SourceLocation>,
}

/// Settings of a DB cluster as `DescribeDBClusters` reports them; `None` where AWS did not say.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DbCluster {
    pub arn: String,
    pub id: String,
    pub region: String,
    /// `aurora-mysql`, `aurora-postgresql`, `mysql`, `postgres`, `docdb`, `neptune` …
    #[serde(default)]
    pub engine: Option<String>,
    #[serde(default)]
    pub engine_version: Option<String>,
    /// `provisioned`, `serverless` …
    #[serde(default)]
    pub engine_mode: Option<String>,
    #[serde(default)]
    pub status: Option<String>,
    #[serde(default)]
    pub storage_encrypted: Option<bool>,
    #[serde(default)]
    pub backup_retention_days: Option<i32>,
    #[serde(default)]
    pub deletion_protection: Option<bool>,
    #[serde(default)]
    pub iam_database_authentication: Option<bool>,
    /// Log types exported to CloudWatch Logs.
    #[serde(default)]
    pub log_exports: Option<Vec<String>>,
    /// Minor engine upgrades applied automatically (reported for Multi-AZ DB clusters; Aurora
    /// sets it per instance).
    #[serde(default)]
    pub auto_minor_version_upgrade: Option<bool>,
    #[serde(default)]
    pub master_username: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<SourceLocation>,
}

/// A manual snapshot of a DB instance or of a DB cluster.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DbSnapshot {
    pub arn: String,
    pub id: String,
    pub region: String,
    pub kind: SnapshotKind,
    /// The instance or cluster it was taken of.
    #[serde(default)]
    pub source_id: Option<String>,
    #[serde(default)]
    pub encrypted: Option<bool>,
    /// The `restore` attribute: account ids that may copy or restore the snapshot, `all` for
    /// every AWS account; empty when it is shared with nobody; `None` when it was not read.
    #[serde(default)]
    pub restorable_by: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<SourceLocation>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SnapshotKind {
    /// A DB instance snapshot (`DescribeDBSnapshots`).
    #[default]
    Instance,
    /// A DB cluster snapshot (`DescribeDBClusterSnapshots`).
    Cluster,
}

impl DbInstance {
    /// Being deleted: nothing about it can be fixed any more.
    pub fn is_gone(&self) -> bool {
        self.status.as_deref() == Some("deleting")
    }
}

impl DbCluster {
    pub fn is_gone(&self) -> bool {
        self.status.as_deref() == Some("deleting")
    }
}

impl DbSnapshot {
    /// Every AWS account may restore it: `None` when who may was not read.
    pub fn is_public(&self) -> Option<bool> {
        self.restorable_by.as_ref().map(|who| who.iter().any(|w| w == "all"))
    }
}

/// RDS engines whose databases accept IAM database authentication: MySQL, MariaDB, PostgreSQL
/// and their Aurora forms (`aurora` is Aurora MySQL 1).
pub fn supports_iam_authentication(engine: &str) -> bool {
    matches!(engine, "mysql" | "mariadb" | "postgres" | "aurora" | "aurora-mysql" | "aurora-postgresql")
}

regional_resource!(DbInstance, DbCluster, DbSnapshot);
