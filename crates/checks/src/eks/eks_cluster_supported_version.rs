use super::versions::{support, Support};
use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Every EKS cluster runs a Kubernetes version still in EKS standard support on the day
    /// of the collection, by the release calendar wasp carries (`eks/versions.rs`, with
    /// dates). A version in extended support fails (AWS still patches it, at extra cost, but
    /// the cluster is over a year behind); a version past extended support fails; a version
    /// newer than the calendar passes. Clusters being deleted are not judged; SKIP when the
    /// cluster could not be described or its version is not `major.minor`.
    ///
    /// ### Why it matters
    /// Out of standard support, upstream Kubernetes no longer fixes vulnerabilities in the
    /// version, and add-ons and AMIs stop following. Upgrading one minor version at a time
    /// takes planning: falling behind makes the next CVE an emergency.
    ///
    /// ### How to fix
    /// Upgrade the control plane one minor version at a time (`aws eks update-cluster-version
    /// --kubernetes-version <next>`), then the node groups and add-ons.
    EksClusterSupportedVersion {
        id: "eks_cluster_supported_version",
        title: "EKS clusters run a Kubernetes version in standard support",
        severity: High,
        service: Eks,
        resource_kind: "eks_cluster",
        best_practices: ["SEC06-BP01"],
        prowler: ["eks_cluster_uses_a_supported_version"],
        security_hub: ["EKS.2"],
        config_rule: ["EKS_CLUSTER_SUPPORTED_VERSION"],
        cis: [],
        reads: { Eks: [ListClusters, DescribeCluster] },
        remediation: "Upgrade the cluster to a Kubernetes version in standard support.",
    }
}

impl EksClusterSupportedVersion {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        let today = inv.collected_at.date_naive();
        for cluster in super::judged(inv) {
            let Some(version) = &cluster.version else {
                out.skip(cluster, super::undescribed(inv, cluster));
                continue;
            };
            match support(version, today) {
                Support::Standard { ends } => {
                    out.pass(cluster, format!("Kubernetes {version} is in standard support until {ends}"))
                }
                Support::Newer => out.pass(cluster, format!("Kubernetes {version} is newer than wasp's calendar")),
                Support::Extended { ends } => out.fail(
                    cluster,
                    format!(
                        "Kubernetes {version} is in extended support only (ends {ends}); standard support has ended"
                    ),
                ),
                Support::Ended => out.fail(cluster, format!("Kubernetes {version} is past the end of EKS support")),
                Support::Unparsed => out.skip(cluster, format!("the version {version:?} is not major.minor")),
            }
        }
    }
}
