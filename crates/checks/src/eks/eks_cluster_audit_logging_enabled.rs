use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Every EKS cluster sends the `audit` control-plane log to CloudWatch Logs. Other log
    /// types do not count here (see `eks_cluster_control_plane_logging_all_types`). Clusters
    /// being deleted are not judged; SKIP when the cluster could not be described.
    ///
    /// ### Why it matters
    /// The Kubernetes audit log records every request to the API server — who read which
    /// secret, who created a privileged pod. Without it an intrusion in the cluster leaves no
    /// record; GuardDuty EKS protection reads it too.
    ///
    /// ### How to fix
    /// `aws eks update-cluster-config --name <name> --logging
    /// '{"clusterLogging":[{"types":["audit","authenticator"],"enabled":true}]}'`.
    EksClusterAuditLoggingEnabled {
        id: "eks_cluster_audit_logging_enabled",
        title: "EKS clusters send the Kubernetes audit log to CloudWatch Logs",
        severity: Medium,
        service: Eks,
        resource_kind: "eks_cluster",
        best_practices: ["SEC04-BP01"],
        prowler: [],
        security_hub: ["EKS.8"],
        config_rule: ["EKS_CLUSTER_LOG_ENABLED"],
        cis: [],
        reads: { Eks: [ListClusters, DescribeCluster] },
        remediation: "Enable the audit control-plane log type for the cluster.",
    }
}

impl EksClusterAuditLoggingEnabled {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for cluster in super::judged(inv) {
            match &cluster.enabled_log_types {
                Some(types) if types.iter().any(|t| t == "audit") => out.pass(cluster, "the audit log is enabled"),
                Some(_) => out.fail(cluster, "the audit log is not sent to CloudWatch Logs"),
                None => out.skip(cluster, super::undescribed(inv, cluster)),
            }
        }
    }
}
