use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Every EFS file system is encrypted at rest (`Encrypted`), with the AWS managed key
    /// `aws/elasticfilesystem` or a customer managed KMS key. SKIP when AWS did not say.
    ///
    /// ### Why it matters
    /// File shares collect exports, home directories and application state; unencrypted, the
    /// data and its backups sit in the clear on AWS's storage. Encryption is chosen at
    /// creation and cannot be added later.
    ///
    /// ### How to fix
    /// Create an encrypted file system (`aws efs create-file-system --encrypted --kms-key-id
    /// <key>`), copy the data with AWS DataSync, switch the mounts and delete the old one.
    EfsFileSystemEncrypted {
        id: "efs_file_system_encrypted",
        title: "EFS file systems are encrypted at rest",
        severity: Medium,
        service: Efs,
        resource_kind: "efs_file_system",
        best_practices: ["SEC08-BP02"],
        prowler: ["efs_encryption_at_rest_enabled"],
        security_hub: ["EFS.1"],
        config_rule: ["EFS_ENCRYPTED_CHECK"],
        cis: ["5.0:2.3.1"],
        reads: { Efs: [DescribeFileSystems] },
        remediation: "Move the data to an encrypted file system.",
    }
}

impl EfsFileSystemEncrypted {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for fs in super::live_file_systems(inv) {
            match fs.encrypted {
                Some(true) => out
                    .pass(fs, format!("encrypted with {}", fs.kms_key_id.as_deref().unwrap_or("the default EFS key"))),
                Some(false) => out.fail(fs, "the file system is not encrypted at rest"),
                None => out.skip(fs, "AWS did not say whether the file system is encrypted"),
            }
        }
    }
}
