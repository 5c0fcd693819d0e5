use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Every RDS DB instance outside a DB cluster has encrypted storage (`StorageEncrypted`).
    /// Instances of a cluster (Aurora, Multi-AZ DB clusters) share the cluster's storage and
    /// are judged by `rds_cluster_storage_encrypted`; instances being deleted are not judged.
    /// SKIP when the description leaves the setting out.
    ///
    /// ### Why it matters
    /// Encryption covers the instance's storage, its automated backups, read replicas and
    /// snapshots. Without it, a snapshot shared by mistake or copied out of the account is
    /// readable by whoever restores it, with no key policy in the way.
    ///
    /// ### How to fix
    /// Encryption cannot be switched on for an existing instance: take a snapshot, copy it
    /// with `--kms-key-id`, restore the encrypted copy and cut over. Turn it on for every new
    /// instance in your templates.
    RdsInstanceStorageEncrypted {
        id: "rds_instance_storage_encrypted",
        title: "RDS DB instances have encrypted storage",
        severity: Medium,
        service: Rds,
        resource_kind: "rds_instance",
        best_practices: ["SEC08-BP02"],
        prowler: ["rds_instance_storage_encrypted"],
        security_hub: ["RDS.3"],
        config_rule: ["RDS_STORAGE_ENCRYPTED"],
        cis: ["3.0:2.3.1", "4.0:2.2.1", "5.0:2.2.1"],
        reads: { Rds: [DescribeDBInstances] },
        remediation: "Restore the instance from an encrypted copy of its snapshot.",
    }
}

impl RdsInstanceStorageEncrypted {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for instance in super::standalone_instances(inv) {
            match instance.storage_encrypted {
                Some(true) => out.pass(instance, "storage is encrypted"),
                Some(false) => out.fail(instance, "storage is not encrypted"),
                None => out.skip(instance, "AWS did not say whether the storage is encrypted"),
            }
        }
    }
}
