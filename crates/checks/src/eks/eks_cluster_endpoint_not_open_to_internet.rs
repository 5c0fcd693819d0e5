use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// No EKS cluster's public API endpoint is open to the whole internet: when public access
    /// is on, `publicAccessCidrs` must not contain `0.0.0.0/0` (AWS's default) or `::/0`. A
    /// private endpoint passes; a public one restricted to named CIDRs passes with them
    /// listed. Clusters being deleted are not judged; SKIP when the cluster could not be
    /// described.
    ///
    /// ### Why it matters
    /// An endpoint open to `0.0.0.0/0` lets anyone on the internet reach the API server with
    /// a stolen token or try its vulnerabilities; a CIDR list confines that to your offices,
    /// VPN and CI egress.
    ///
    /// ### How to fix
    /// `aws eks update-cluster-config --name <name> --resources-vpc-config
    /// publicAccessCidrs=203.0.113.0/24`, or make the endpoint private.
    EksClusterEndpointNotOpenToInternet {
        id: "eks_cluster_endpoint_not_open_to_internet",
        title: "EKS public API endpoints are restricted to known CIDRs",
        severity: High,
        service: Eks,
        resource_kind: "eks_cluster",
        best_practices: ["SEC05-BP01", "SEC05-BP02"],
        prowler: ["eks_cluster_not_publicly_accessible"],
        security_hub: [],
        config_rule: [],
        cis: [],
        reads: { Eks: [ListClusters, DescribeCluster] },
        remediation: "Restrict publicAccessCidrs to known networks or make the endpoint private.",
    }
}

impl EksClusterEndpointNotOpenToInternet {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for cluster in super::judged(inv) {
            match (cluster.endpoint_public_access, &cluster.public_access_cidrs) {
                (Some(false), _) => out.pass(cluster, "the API endpoint is private"),
                (Some(true), Some(cidrs)) => {
                    let open: Vec<&str> =
                        cidrs.iter().map(String::as_str).filter(|c| matches!(c.trim(), "0.0.0.0/0" | "::/0")).collect();
                    if open.is_empty() {
                        out.pass(cluster, format!("the public endpoint is restricted to {}", cidrs.join(", ")))
                    } else {
                        out.fail(cluster, format!("the public endpoint is open to {}", open.join(", ")))
                    }
                }
                _ => out.skip(cluster, super::undescribed(inv, cluster)),
            }
        }
    }
}
