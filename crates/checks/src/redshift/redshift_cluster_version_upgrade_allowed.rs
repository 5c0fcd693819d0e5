use crate::{declare_check, evidence};
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Every Redshift provisioned cluster allows major version upgrades in its maintenance window
    /// (`AllowVersionUpgrade`). SKIP when AWS did not say.
    ///
    /// ### Why it matters
    /// Engine upgrades carry security fixes; a cluster that refuses them keeps running known
    /// vulnerable versions until someone remembers.
    ///
    /// ### How to fix
    /// Run `aws redshift modify-cluster --cluster-identifier <id> --allow-version-upgrade`.
    RedshiftClusterVersionUpgradeAllowed {
        id: "redshift_cluster_version_upgrade_allowed",
        title: "Redshift clusters take engine upgrades automatically",
        severity: Low,
        service: Redshift,
        resource_kind: "redshift_cluster",
        best_practices: ["SEC06-BP01"],
        prowler: ["redshift_cluster_automatic_upgrades"],
        security_hub: ["Redshift.6"],
        config_rule: ["REDSHIFT_CLUSTER_MAINTENANCESETTINGS_CHECK"],
        cis: [],
        reads: { Redshift: [DescribeClusters] },
        remediation: "Allow version upgrades in the cluster's maintenance window.",
    }
}

impl RedshiftClusterVersionUpgradeAllowed {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for cluster in super::live_clusters(inv) {
            super::judge_flag(
                out,
                cluster,
                cluster.allow_version_upgrade,
                "major version upgrades are applied in the maintenance window",
                "major version upgrades are not applied automatically",
                evidence::unknown_for_resource(inv, &cluster.arn, "the upgrade setting"),
            );
        }
    }
}
