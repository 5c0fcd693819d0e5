use crate::{declare_check, evidence};
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// No Redshift provisioned cluster is publicly accessible (`PubliclyAccessible`): a public
    /// cluster has a public IP address, and its security groups alone decide who on the internet
    /// reaches the database port. SKIP when AWS did not say.
    ///
    /// ### Why it matters
    /// A warehouse reachable from the internet is one weak password or one permissive security
    /// group away from a bulk export of everything analysed in it.
    ///
    /// ### How to fix
    /// Run `aws redshift modify-cluster --cluster-identifier <id> --no-publicly-accessible` and
    /// reach it through the VPC (VPN, Direct Connect, a bastion or Redshift-managed VPC endpoints).
    RedshiftClusterNotPubliclyAccessible {
        id: "redshift_cluster_not_publicly_accessible",
        title: "Redshift clusters are not publicly accessible",
        severity: High,
        service: Redshift,
        resource_kind: "redshift_cluster",
        best_practices: ["SEC05-BP01", "SEC03-BP07"],
        prowler: ["redshift_cluster_public_access"],
        security_hub: ["Redshift.1"],
        config_rule: ["REDSHIFT_CLUSTER_PUBLIC_ACCESS_CHECK"],
        cis: [],
        reads: { Redshift: [DescribeClusters] },
        remediation: "Make the cluster private and reach it through the VPC.",
    }
}

impl RedshiftClusterNotPubliclyAccessible {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for cluster in super::live_clusters(inv) {
            super::judge_flag(
                out,
                cluster,
                cluster.publicly_accessible.map(|p| !p),
                "the cluster is not publicly accessible",
                "the cluster is publicly accessible: its endpoint resolves to a public IP address",
                evidence::unknown_for_resource(inv, &cluster.arn, "whether the cluster is public"),
            );
        }
    }
}
