use crate::declare_check;
use wasp_model::ecr::EncryptionKind;
use wasp_model::kms::KeyManager;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Every private ECR repository is encrypted with a customer managed KMS key: encryption
    /// type `KMS` or `KMS_DSSE` with a key that is not AWS managed. `AES256` (S3-managed keys)
    /// fails, and so does `KMS` with no key named (the AWS managed `aws/ecr` key) or with a
    /// key the KMS inventory shows as AWS managed. A named key absent from the KMS inventory
    /// (another account's, or KMS not collected) is taken as customer managed. SKIP when AWS
    /// did not report the encryption. The encryption of a repository cannot be changed after
    /// creation.
    ///
    /// ### Why it matters
    /// With a customer managed key, the key policy decides who can pull image layers, every
    /// use of the key is logged in CloudTrail, and disabling the key cuts access at once.
    ///
    /// ### How to fix
    /// Create a new repository with `--encryption-configuration
    /// encryptionType=KMS,kmsKey=<key arn>`, push the images there and retire the old one
    /// (or set a repository creation template so new repositories get the key).
    EcrRepositoryEncryptedWithCmk {
        id: "ecr_repository_encrypted_with_cmk",
        title: "ECR repositories are encrypted with customer managed KMS keys",
        severity: Low,
        service: Ecr,
        resource_kind: "ecr_repository",
        best_practices: ["SEC08-BP01", "SEC08-BP02"],
        prowler: [],
        security_hub: ["ECR.5"],
        config_rule: ["ECR_REPOSITORY_CMK_ENCRYPTION_ENABLED"],
        cis: [],
        reads: { Ecr: [DescribeRepositories] },
        remediation: "Recreate the repository with KMS encryption under a customer managed key.",
    }
}

impl EcrRepositoryEncryptedWithCmk {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for repo in &inv.ecr.repositories {
            let Some(encryption) = &repo.encryption else {
                out.skip(repo, "AWS did not report the repository's encryption");
                continue;
            };
            match (encryption.kind, &encryption.kms_key) {
                (EncryptionKind::Aes256, _) => out.fail(repo, "encrypted with S3-managed keys (AES256)"),
                (_, None) => out.fail(repo, "encrypted with the AWS managed key aws/ecr"),
                (_, Some(key)) => {
                    let aws_managed =
                        inv.kms.keys.iter().any(|k| (k.arn == *key || k.id == *key) && k.manager == KeyManager::Aws);
                    if aws_managed {
                        out.fail(repo, format!("encrypted with the AWS managed key {key}"))
                    } else {
                        out.pass(repo, format!("encrypted with customer managed key {key}"))
                    }
                }
            }
        }
    }
}
