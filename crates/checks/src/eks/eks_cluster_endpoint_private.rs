use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Every EKS cluster has public access to its Kubernetes API endpoint turned off
    /// (`endpointPublicAccess: false`), so the API is reachable only from the VPC and the
    /// networks connected to it. A public endpoint fails even when restricted to CIDRs (see
    /// `eks_cluster_endpoint_not_open_to_internet` for that weaker requirement). Clusters
    /// being deleted are not judged; SKIP when the cluster could not be described.
    ///
    /// ### Why it matters
    /// A public endpoint exposes the Kubernetes API server to the internet: any leaked
    /// kubeconfig token or API-server vulnerability is exploitable from anywhere.
    ///
    /// ### How to fix
    /// `aws eks update-cluster-config --name <name> --resources-vpc-config
    /// endpointPrivateAccess=true,endpointPublicAccess=false`, and reach the API through a
    /// VPN, Direct Connect or a bastion in the VPC.
    EksClusterEndpointPrivate {
        id: "eks_cluster_endpoint_private",
        title: "EKS cluster API endpoints are not publicly accessible",
        severity: Medium,
        service: Eks,
        resource_kind: "eks_cluster",
        best_practices: ["SEC05-BP01"],
        prowler: [],
        security_hub: ["EKS.1"],
        config_rule: ["EKS_ENDPOINT_NO_PUBLIC_ACCESS"],
        cis: [],
        reads: { Eks: [ListClusters, DescribeCluster] },
        remediation: "Turn off public endpoint access and enable private access.",
    }
}

impl EksClusterEndpointPrivate {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for cluster in super::judged(inv) {
            match cluster.endpoint_public_access {
                Some(false) => out.pass(cluster, "the API endpoint is private"),
                Some(true) => out.fail(cluster, "the API endpoint is publicly accessible"),
                None => out.skip(cluster, super::undescribed(inv, cluster)),
            }
        }
    }
}
