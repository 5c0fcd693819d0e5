use crate::{declare_check, evidence};
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Every secret was retrieved within the last `secret_unused_days` days (90 by default, as
    /// Security Hub SecretsManager.3 asks), by `LastAccessedDate` (which AWS records to the
    /// day). A secret never retrieved fails once it is older than that; a younger one passes.
    /// SKIP when neither date was reported.
    ///
    /// ### Why it matters
    /// A secret nobody reads is a credential nobody owns: it still opens whatever it was
    /// for, and nobody will notice it leak or miss it when it is rotated or removed.
    ///
    /// ### How to fix
    /// Confirm that nothing uses it, then `aws secretsmanager delete-secret --secret-id <arn>
    /// --recovery-window-in-days 30`, and disable the credential it holds at its source.
    SecretsmanagerSecretUsedRecently {
        id: "secretsmanager_secret_used_recently",
        title: "Secrets were used in the last 90 days",
        severity: Low,
        service: SecretsManager,
        resource_kind: "secret",
        best_practices: ["SEC02-BP03", "SEC02-BP05"],
        prowler: ["secretsmanager_secret_unused"],
        security_hub: ["SecretsManager.3"],
        config_rule: ["SECRETSMANAGER_SECRET_UNUSED"],
        cis: [],
        reads: { SecretsManager: [ListSecrets] },
        remediation: "Delete secrets nothing reads and revoke the credentials they hold.",
    }
}

impl SecretsmanagerSecretUsedRecently {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        let max = i64::from(out.settings().secret_unused_days);
        for secret in &inv.secretsmanager.secrets {
            match (secret.last_accessed, secret.created) {
                (Some(at), _) => {
                    let days = evidence::days_before_collection(inv, at);
                    if days <= max {
                        out.pass(secret, format!("last retrieved {days} day(s) ago"));
                    } else {
                        out.fail(secret, format!("last retrieved {days} days ago, more than {max}"));
                    }
                }
                (None, Some(created)) => {
                    let days = evidence::days_before_collection(inv, created);
                    if days <= max {
                        out.pass(secret, format!("never retrieved, created {days} day(s) ago"));
                    } else {
                        out.fail(secret, format!("never retrieved in the {days} days since it was created"));
                    }
                }
                (None, None) => out.skip(secret, "AWS reported neither a last access nor a creation date"),
            }
        }
    }
}
