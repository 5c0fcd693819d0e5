use crate::{declare_check, evidence};
use wasp_model::{Inventory, Setting};

declare_check! {
    /// ### What it checks
    /// Every EFS file system has automatic backups on: its backup policy's status is
    /// `ENABLED` (or `ENABLING`), which has AWS Backup copy it daily into the default vault. A
    /// policy `DISABLED`/`DISABLING`, or no backup policy, fails. File systems backed up by a
    /// separate AWS Backup plan are not seen here (see `backup_data_stores_have_recovery_points`).
    /// SKIP when the backup policy could not be read.
    ///
    /// ### Why it matters
    /// EFS keeps no earlier versions of files: a deleted directory, an overwriting bug or
    /// ransomware running on a client is final without a backup.
    ///
    /// ### How to fix
    /// Run `aws efs put-backup-policy --file-system-id <id> --backup-policy Status=ENABLED`, or
    /// add the file system to an AWS Backup plan.
    EfsFileSystemAutomaticBackupsEnabled {
        id: "efs_file_system_automatic_backups_enabled",
        title: "EFS file systems have automatic backups on",
        severity: Medium,
        service: Efs,
        resource_kind: "efs_file_system",
        best_practices: ["SEC08-BP03"],
        prowler: ["efs_have_backup_enabled"],
        security_hub: [],
        config_rule: [],
        cis: [],
        reads: { Efs: [DescribeFileSystems, DescribeBackupPolicy] },
        remediation: "Turn on automatic backups for the file system.",
    }
}

impl EfsFileSystemAutomaticBackupsEnabled {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for fs in super::live_file_systems(inv) {
            match &fs.backup_policy {
                Some(Setting::Configured(s)) if s == "ENABLED" || s == "ENABLING" => {
                    out.pass(fs, format!("automatic backups are {s}"))
                }
                Some(Setting::Configured(s)) => out.fail(fs, format!("automatic backups are {s}")),
                Some(Setting::NotConfigured) => out.fail(fs, "the file system has no backup policy"),
                None => out.skip(fs, evidence::unknown_for_resource(inv, &fs.arn, "the backup policy")),
            }
        }
    }
}
