use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Every RDS DB instance, in a cluster or not, takes minor engine versions automatically
    /// in its maintenance window (`AutoMinorVersionUpgrade`). Instances being deleted are not
    /// judged; SKIP when the description leaves the setting out.
    ///
    /// ### Why it matters
    /// Minor versions carry the engine's security fixes. Without automatic upgrades an
    /// instance stays on the version it was created with until someone remembers it, and
    /// known vulnerabilities in the engine stay open.
    ///
    /// ### How to fix
    /// Run `aws rds modify-db-instance --db-instance-identifier <id>
    /// --auto-minor-version-upgrade`; if upgrades must be controlled, apply them on your own
    /// schedule with a documented maximum delay instead.
    RdsInstanceAutoMinorVersionUpgradeEnabled {
        id: "rds_instance_auto_minor_version_upgrade_enabled",
        title: "RDS DB instances take minor engine upgrades automatically",
        severity: Medium,
        service: Rds,
        resource_kind: "rds_instance",
        best_practices: ["SEC06-BP01", "SEC06-BP05"],
        prowler: ["rds_instance_minor_version_upgrade_enabled"],
        security_hub: ["RDS.13"],
        config_rule: ["RDS_AUTOMATIC_MINOR_VERSION_UPGRADE_ENABLED"],
        cis: ["3.0:2.3.2", "4.0:2.2.2", "5.0:2.2.2"],
        reads: { Rds: [DescribeDBInstances] },
        remediation: "Turn on automatic minor version upgrades for the instance.",
    }
}

impl RdsInstanceAutoMinorVersionUpgradeEnabled {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for instance in super::live_instances(inv) {
            match instance.auto_minor_version_upgrade {
                Some(true) => out.pass(instance, "minor engine upgrades are applied automatically"),
                Some(false) => out.fail(instance, "minor engine upgrades are not applied automatically"),
                None => out.skip(instance, "AWS did not say whether minor upgrades are automatic"),
            }
        }
    }
}
