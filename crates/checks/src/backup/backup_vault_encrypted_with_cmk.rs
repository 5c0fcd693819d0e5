use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Every AWS Backup vault (standard vaults, `BACKUP_VAULT`) encrypts recovery points with a
    /// customer managed KMS key: its `EncryptionKeyArn` names a key that the inventory lists as
    /// customer managed. The AWS managed key `aws/backup` fails. Logically air-gapped vaults
    /// (AWS owned keys by design) are not judged. SKIP when the vault names no key or a key
    /// that is not in the inventory (KMS not collected, or a key of another account).
    ///
    /// ### Why it matters
    /// With the AWS managed key, whoever can use the vault in the account can restore; a
    /// customer managed key's policy adds an independent gate, and is what lets backups be
    /// copied to another account for isolation.
    ///
    /// ### How to fix
    /// A vault's key cannot change: create a vault with `--encryption-key-arn <key>`, point the
    /// plans' rules at it, and let the old recovery points expire.
    BackupVaultEncryptedWithCmk {
        id: "backup_vault_encrypted_with_cmk",
        title: "Backup vaults encrypt with customer managed KMS keys",
        severity: Low,
        service: Backup,
        resource_kind: "backup_vault",
        best_practices: ["SEC08-BP01"],
        prowler: [],
        security_hub: [],
        config_rule: [],
        cis: [],
        reads: { Backup: [ListBackupVaults], Kms: [ListKeys, DescribeKey] },
        remediation: "Send backups to a vault encrypted with a customer managed KMS key.",
    }
}

impl BackupVaultEncryptedWithCmk {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for vault in &inv.backup.vaults {
            if vault.vault_type.as_deref().is_some_and(|t| t != "BACKUP_VAULT") {
                continue;
            }
            let Some(key_arn) = vault.encryption_key_arn.as_deref() else {
                out.skip(vault, "AWS did not name the vault's KMS key");
                continue;
            };
            match inv.kms.keys.iter().find(|k| k.arn == key_arn) {
                Some(k) if k.is_customer_managed() => {
                    out.pass(vault, format!("encrypted with customer managed key {key_arn}"))
                }
                Some(_) => out.fail(vault, format!("encrypted with the AWS managed key {key_arn}")),
                None => out.skip(vault, format!("key {key_arn} is not in the inventory, so who manages it is unknown")),
            }
        }
    }
}
