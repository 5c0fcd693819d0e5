use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Every RDS DB instance outside a DB cluster keeps automated backups for at least
    /// `rds_backup_retention_min_days` days (`BackupRetentionPeriod`; 7 by default, as
    /// Security Hub RDS.11 asks; `[checks]` in wasp.toml changes it). A period of 0 means
    /// automated backups are off. Read replicas are not judged (their source is backed up),
    /// nor are instances of a cluster (the cluster keeps the backups, at least one day) or
    /// instances being deleted. SKIP when the description leaves the period out.
    ///
    /// ### Why it matters
    /// Automated backups are what point-in-time restore works from: without them a dropped
    /// table, a bad migration or a destructive intruder leaves only whatever manual snapshot
    /// happens to exist. A short window means a problem noticed after a few days is beyond
    /// reach.
    ///
    /// ### How to fix
    /// Run `aws rds modify-db-instance --db-instance-identifier <id>
    /// --backup-retention-period 7` (or more), or put the instance under an AWS Backup plan.
    RdsInstanceBackupEnabled {
        id: "rds_instance_backup_enabled",
        title: "RDS DB instances keep automated backups",
        severity: Medium,
        service: Rds,
        resource_kind: "rds_instance",
        best_practices: ["SEC08-BP03"],
        prowler: ["rds_instance_backup_enabled"],
        security_hub: ["RDS.11"],
        config_rule: ["DB_INSTANCE_BACKUP_ENABLED"],
        cis: [],
        reads: { Rds: [DescribeDBInstances] },
        remediation: "Set the instance's backup retention period to at least 7 days.",
    }
}

impl RdsInstanceBackupEnabled {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        let min = i64::from(out.settings().rds_backup_retention_min_days);
        for instance in super::standalone_instances(inv).filter(|i| i.replica_of.is_none()) {
            match instance.backup_retention_days.map(i64::from) {
                Some(0) => out.fail(instance, "automated backups are off"),
                Some(days) if days < min => out
                    .fail(instance, format!("automated backups are kept {days} day(s), fewer than the {min} required")),
                Some(days) => out.pass(instance, format!("automated backups are kept {days} days")),
                None => out.skip(instance, "AWS did not say how long automated backups are kept"),
            }
        }
    }
}
