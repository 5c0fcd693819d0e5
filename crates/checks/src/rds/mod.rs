//! RDS checks. Settings that a DB cluster holds for its members (storage, backups, deletion
//! protection, IAM authentication) are judged on the cluster, not on each member instance.
mod rds_cluster_auto_minor_version_upgrade_enabled;
mod rds_cluster_storage_encrypted;
mod rds_default_master_username;
mod rds_deletion_protection_enabled;
mod rds_iam_authentication_enabled;
mod rds_instance_auto_minor_version_upgrade_enabled;
mod rds_instance_backup_enabled;
mod rds_instance_certificate_valid;
mod rds_instance_enhanced_monitoring_enabled;
mod rds_instance_not_publicly_accessible;
mod rds_instance_storage_encrypted;
mod rds_instance_tls_required;
mod rds_log_exports_enabled;
mod rds_snapshot_encrypted;
mod rds_snapshot_not_public;

pub use rds_cluster_auto_minor_version_upgrade_enabled::RdsClusterAutoMinorVersionUpgradeEnabled;
pub use rds_cluster_storage_encrypted::RdsClusterStorageEncrypted;
pub use rds_default_master_username::RdsDefaultMasterUsername;
pub use rds_deletion_protection_enabled::RdsDeletionProtectionEnabled;
pub use rds_iam_authentication_enabled::RdsIamAuthenticationEnabled;
pub use rds_instance_auto_minor_version_upgrade_enabled::RdsInstanceAutoMinorVersionUpgradeEnabled;
pub use rds_instance_backup_enabled::RdsInstanceBackupEnabled;
pub use rds_instance_certificate_valid::RdsInstanceCertificateValid;
pub use rds_instance_enhanced_monitoring_enabled::RdsInstanceEnhancedMonitoringEnabled;
pub use rds_instance_not_publicly_accessible::RdsInstanceNotPubliclyAccessible;
pub use rds_instance_storage_encrypted::RdsInstanceStorageEncrypted;
pub use rds_instance_tls_required::RdsInstanceTlsRequired;
pub use rds_log_exports_enabled::RdsLogExportsEnabled;
pub use rds_snapshot_encrypted::RdsSnapshotEncrypted;
pub use rds_snapshot_not_public::RdsSnapshotNotPublic;

use wasp_model::rds::{DbCluster, DbInstance};
use wasp_model::Inventory;

/// Instances not being deleted.
fn live_instances(inv: &Inventory) -> impl Iterator<Item = &DbInstance> {
    inv.rds.instances.iter().filter(|i| !i.is_gone())
}

/// Live instances outside any DB cluster: those whose storage, backups and protections are
/// their own.
fn standalone_instances(inv: &Inventory) -> impl Iterator<Item = &DbInstance> {
    live_instances(inv).filter(|i| i.cluster_id.is_none())
}

/// Clusters not being deleted.
fn live_clusters(inv: &Inventory) -> impl Iterator<Item = &DbCluster> {
    inv.rds.clusters.iter().filter(|c| !c.is_gone())
}
