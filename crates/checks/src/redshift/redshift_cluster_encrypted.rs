use crate::{declare_check, evidence};
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Every Redshift provisioned cluster is encrypted at rest (`Encrypted`), with KMS. SKIP when AWS
    /// did not say.
    ///
    /// ### Why it matters
    /// A warehouse concentrates the organisation's most queried data; unencrypted, its blocks
    /// and snapshots are in the clear on AWS's storage, and its snapshots can be shared without
    /// any key policy to stop them.
    ///
    /// ### How to fix
    /// Run `aws redshift modify-cluster --cluster-identifier <id> --encrypted --kms-key-id
    /// <key>`; Redshift migrates the data to an encrypted cluster in place.
    RedshiftClusterEncrypted {
        id: "redshift_cluster_encrypted",
        title: "Redshift clusters are encrypted at rest",
        severity: Medium,
        service: Redshift,
        resource_kind: "redshift_cluster",
        best_practices: ["SEC08-BP02"],
        prowler: ["redshift_cluster_encrypted_at_rest"],
        security_hub: ["Redshift.10"],
        config_rule: ["REDSHIFT_CLUSTER_KMS_ENABLED"],
        cis: [],
        reads: { Redshift: [DescribeClusters] },
        remediation: "Turn on KMS encryption for the cluster.",
    }
}

impl RedshiftClusterEncrypted {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for cluster in super::live_clusters(inv) {
            super::judge_flag(
                out,
                cluster,
                cluster.encrypted,
                "the cluster is encrypted at rest",
                "the cluster is not encrypted at rest",
                evidence::unknown_for_resource(inv, &cluster.arn, "whether the cluster is encrypted"),
            );
        }
    }
}
