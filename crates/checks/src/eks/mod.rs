//! EKS checks.
mod eks_cluster_audit_logging_enabled;
mod eks_cluster_control_plane_logging_all_types;
mod eks_cluster_endpoint_not_open_to_internet;
mod eks_cluster_endpoint_private;
mod eks_cluster_secrets_encrypted;
mod eks_cluster_supported_version;
pub mod versions;

pub use eks_cluster_audit_logging_enabled::EksClusterAuditLoggingEnabled;
pub use eks_cluster_control_plane_logging_all_types::EksClusterControlPlaneLoggingAllTypes;
pub use eks_cluster_endpoint_not_open_to_internet::EksClusterEndpointNotOpenToInternet;
pub use eks_cluster_endpoint_private::EksClusterEndpointPrivate;
pub use eks_cluster_secrets_encrypted::EksClusterSecretsEncrypted;
pub use eks_cluster_supported_version::EksClusterSupportedVersion;

use wasp_model::eks::Cluster;

/// Clusters being deleted are not judged: their configuration no longer matters.
pub(crate) fn judged(inv: &wasp_model::Inventory) -> impl Iterator<Item = &Cluster> {
    inv.eks.clusters.iter().filter(|c| c.status.as_deref() != Some("DELETING"))
}

/// SKIP message for a cluster that could not be described.
pub(crate) fn undescribed(inv: &wasp_model::Inventory, cluster: &Cluster) -> String {
    crate::evidence::unknown_for_resource(inv, &cluster.arn, "the cluster's configuration")
}
