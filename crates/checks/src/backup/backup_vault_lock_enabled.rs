use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Every AWS Backup vault that holds recovery points has Vault Lock applied (`Locked`,
    /// governance or compliance mode; logically air-gapped vaults are always locked). Empty
    /// vaults are not judged. SKIP when AWS did not say.
    ///
    /// ### Why it matters
    /// Without a lock, anyone with `backup:DeleteRecoveryPoint` in the account (an intruder
    /// with admin rights, ransomware with stolen keys) can delete the backups before touching
    /// the data. A lock keeps recovery points until their retention ends.
    ///
    /// ### How to fix
    /// Run `aws backup put-backup-vault-lock-configuration --backup-vault-name <name>
    /// --min-retention-days 7` (add `--changeable-for-days` for compliance mode, which nobody,
    /// root included, can undo once it is fixed).
    BackupVaultLockEnabled {
        id: "backup_vault_lock_enabled",
        title: "Backup vaults holding recovery points are locked",
        severity: Medium,
        service: Backup,
        resource_kind: "backup_vault",
        best_practices: ["SEC08-BP03", "SEC08-BP04"],
        prowler: [],
        security_hub: [],
        config_rule: [],
        cis: [],
        reads: { Backup: [ListBackupVaults] },
        remediation: "Apply Backup Vault Lock with a minimum retention.",
    }
}

impl BackupVaultLockEnabled {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for vault in inv.backup.vaults.iter().filter(|v| v.recovery_points != Some(0)) {
            match vault.locked {
                Some(true) => out.pass(
                    vault,
                    match vault.min_retention_days {
                        Some(d) => format!("Vault Lock keeps recovery points at least {d} day(s)"),
                        None => "Vault Lock is applied".to_owned(),
                    },
                ),
                Some(false) => out.fail(vault, "the vault is not locked: its recovery points can be deleted"),
                None => out.skip(vault, "AWS did not say whether the vault is locked"),
            }
        }
    }
}
