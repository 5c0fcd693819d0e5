use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Every secret is encrypted with a customer managed KMS key rather than the AWS managed
    /// key `aws/secretsmanager` (a secret that names no key, or names `alias/aws/secretsmanager`,
    /// fails). When the named key is in the inventory, an AWS managed key fails too.
    ///
    /// ### Why it matters
    /// With the AWS managed key, anyone in the account whose IAM policies allow
    /// `secretsmanager:GetSecretValue` can read the secret: its key policy cannot be changed.
    /// A customer managed key adds a second, independent gate (its key policy) and lets the
    /// secret be shared with another account at all.
    ///
    /// ### How to fix
    /// Create a customer managed key whose policy admits the secret's readers, then
    /// `aws secretsmanager update-secret --secret-id <arn> --kms-key-id <key>`.
    SecretsmanagerSecretEncryptedWithCmk {
        id: "secretsmanager_secret_encrypted_with_cmk",
        title: "Secrets are encrypted with customer managed KMS keys",
        severity: Low,
        service: SecretsManager,
        resource_kind: "secret",
        best_practices: ["SEC08-BP01", "SEC02-BP03"],
        prowler: [],
        security_hub: [],
        config_rule: [],
        cis: [],
        reads: { SecretsManager: [ListSecrets] },
        remediation: "Encrypt the secret with a customer managed KMS key whose policy names its readers.",
    }
}

impl SecretsmanagerSecretEncryptedWithCmk {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for secret in &inv.secretsmanager.secrets {
            let key = match secret.kms_key_id.as_deref() {
                None | Some("alias/aws/secretsmanager") => {
                    out.fail(secret, "encrypted with the AWS managed key aws/secretsmanager");
                    continue;
                }
                Some(k) => k,
            };
            let known = inv.kms.keys.iter().find(|k| k.arn == key || k.id == key);
            match known {
                Some(k) if !k.is_customer_managed() => {
                    out.fail(secret, format!("encrypted with {key}, an AWS managed key"));
                }
                _ => out.pass(secret, format!("encrypted with KMS key {key}")),
            }
        }
    }
}
