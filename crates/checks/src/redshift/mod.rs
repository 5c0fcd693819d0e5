//! Redshift checks (provisioned clusters). Clusters being deleted are not judged.
mod redshift_cluster_audit_logging_enabled;
mod redshift_cluster_automated_snapshots_retained;
mod redshift_cluster_default_admin_username;
mod redshift_cluster_default_database_name;
mod redshift_cluster_encrypted;
mod redshift_cluster_enhanced_vpc_routing;
mod redshift_cluster_not_publicly_accessible;
mod redshift_cluster_require_ssl;
mod redshift_cluster_version_upgrade_allowed;

pub use redshift_cluster_audit_logging_enabled::RedshiftClusterAuditLoggingEnabled;
pub use redshift_cluster_automated_snapshots_retained::RedshiftClusterAutomatedSnapshotsRetained;
pub use redshift_cluster_default_admin_username::RedshiftClusterDefaultAdminUsername;
pub use redshift_cluster_default_database_name::RedshiftClusterDefaultDatabaseName;
pub use redshift_cluster_encrypted::RedshiftClusterEncrypted;
pub use redshift_cluster_enhanced_vpc_routing::RedshiftClusterEnhancedVpcRouting;
pub use redshift_cluster_not_publicly_accessible::RedshiftClusterNotPubliclyAccessible;
pub use redshift_cluster_require_ssl::RedshiftClusterRequireSsl;
pub use redshift_cluster_version_upgrade_allowed::RedshiftClusterVersionUpgradeAllowed;

use wasp_model::redshift::Cluster;
use wasp_model::Inventory;

fn live_clusters(inv: &Inventory) -> impl Iterator<Item = &Cluster> {
    inv.redshift.clusters.iter().filter(|c| !c.is_gone())
}

/// PASS/FAIL/SKIP on one boolean setting of a cluster; `unknown` is the SKIP message.
fn judge_flag(
    out: &mut crate::Findings<'_>,
    cluster: &Cluster,
    value: Option<bool>,
    on: &str,
    off: &str,
    unknown: String,
) {
    match value {
        Some(true) => out.pass(cluster, on),
        Some(false) => out.fail(cluster, off),
        None => out.skip(cluster, unknown),
    }
}
