use crate::declare_check;
use wasp_model::Inventory;

/// The control-plane log types EKS offers.
const ALL: [&str; 5] = ["api", "audit", "authenticator", "controllerManager", "scheduler"];

declare_check! {
    /// ### What it checks
    /// Every EKS cluster sends all five control-plane log types to CloudWatch Logs: `api`,
    /// `audit`, `authenticator`, `controllerManager` and `scheduler`. FAIL names the missing
    /// ones. Clusters being deleted are not judged; SKIP when the cluster could not be
    /// described.
    ///
    /// ### Why it matters
    /// The authenticator log ties Kubernetes users to IAM principals, and the controller and
    /// scheduler logs show what the cluster did in response; an investigation that has only
    /// the audit log cannot always say which IAM identity acted.
    ///
    /// ### How to fix
    /// `aws eks update-cluster-config --name <name> --logging
    /// '{"clusterLogging":[{"types":["api","audit","authenticator","controllerManager","scheduler"],"enabled":true}]}'`.
    EksClusterControlPlaneLoggingAllTypes {
        id: "eks_cluster_control_plane_logging_all_types",
        title: "EKS clusters send every control-plane log type to CloudWatch Logs",
        severity: Low,
        service: Eks,
        resource_kind: "eks_cluster",
        best_practices: ["SEC04-BP01"],
        prowler: ["eks_control_plane_logging_all_types_enabled"],
        security_hub: [],
        config_rule: [],
        cis: [],
        reads: { Eks: [ListClusters, DescribeCluster] },
        remediation: "Enable all five control-plane log types for the cluster.",
    }
}

impl EksClusterControlPlaneLoggingAllTypes {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for cluster in super::judged(inv) {
            let Some(types) = &cluster.enabled_log_types else {
                out.skip(cluster, super::undescribed(inv, cluster));
                continue;
            };
            let missing: Vec<&str> = ALL.iter().copied().filter(|t| !types.iter().any(|e| e == t)).collect();
            if missing.is_empty() {
                out.pass(cluster, "every control-plane log type is enabled");
            } else {
                out.fail(cluster, format!("control-plane log types not enabled: {}", missing.join(", ")));
            }
        }
    }
}
