use crate::{declare_check, evidence};
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Every secret was rotated within the last `secret_rotation_max_days` days (90 by
    /// default, as Security Hub SecretsManager.4 asks), counted from its last rotation or,
    /// for a secret that never rotated, from its creation. A secret created less than that
    /// long ago passes. This sees rotations that are configured but fail, which
    /// `secretsmanager_secret_rotation_enabled` cannot. SKIP when neither date was reported.
    ///
    /// ### Why it matters
    /// A rotation function that errors leaves the secret unchanged while the console still
    /// shows rotation as on; only the date of the last rotation tells.
    ///
    /// ### How to fix
    /// Rotate now (`aws secretsmanager rotate-secret --secret-id <arn>`), then read the
    /// rotation function's logs to see why scheduled rotations did not happen.
    SecretsmanagerSecretRotatedRecently {
        id: "secretsmanager_secret_rotated_recently",
        title: "Secrets were rotated in the last 90 days",
        severity: Medium,
        service: SecretsManager,
        resource_kind: "secret",
        best_practices: ["SEC02-BP05", "SEC02-BP03"],
        prowler: ["secretsmanager_secret_rotated_periodically"],
        security_hub: ["SecretsManager.4"],
        config_rule: ["SECRETSMANAGER_SECRET_PERIODIC_ROTATION"],
        cis: [],
        reads: { SecretsManager: [ListSecrets] },
        remediation: "Rotate the secret and fix whatever stops its scheduled rotation.",
    }
}

impl SecretsmanagerSecretRotatedRecently {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        let max = i64::from(out.settings().secret_rotation_max_days);
        for secret in &inv.secretsmanager.secrets {
            match (secret.last_rotated, secret.created) {
                (Some(at), _) => {
                    let days = evidence::days_before_collection(inv, at);
                    if days <= max {
                        out.pass(secret, format!("last rotated {days} day(s) ago"));
                    } else {
                        out.fail(secret, format!("last rotated {days} days ago, more than {max}"));
                    }
                }
                (None, Some(created)) => {
                    let days = evidence::days_before_collection(inv, created);
                    if days <= max {
                        out.pass(secret, format!("never rotated, but created only {days} day(s) ago"));
                    } else {
                        out.fail(secret, format!("never rotated since it was created {days} days ago"));
                    }
                }
                (None, None) => out.skip(secret, "AWS reported neither a rotation nor a creation date"),
            }
        }
    }
}
