use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Every Secrets Manager secret has automatic rotation turned on (`RotationEnabled`).
    /// Secrets managed by another AWS service (`OwningService`, e.g. RDS master passwords
    /// that RDS rotates itself) are judged the same way: Secrets Manager reports their
    /// rotation too. Secrets scheduled for deletion are not listed and not judged.
    ///
    /// ### Why it matters
    /// A secret that never changes stays valid for as long as any copy of it lives: in a
    /// laptop's shell history, a log line, a former employee's notes. Rotation limits how
    /// long a leaked value is worth anything.
    ///
    /// ### How to fix
    /// Run `aws secretsmanager rotate-secret --secret-id <arn> --rotation-lambda-arn <fn>
    /// --rotation-rules AutomaticallyAfterDays=30` (or use managed rotation for RDS, Redshift
    /// and DocumentDB credentials), and make the applications read the secret at use.
    SecretsmanagerSecretRotationEnabled {
        id: "secretsmanager_secret_rotation_enabled",
        title: "Secrets Manager secrets rotate automatically",
        severity: Medium,
        service: SecretsManager,
        resource_kind: "secret",
        best_practices: ["SEC02-BP03", "SEC02-BP05"],
        prowler: ["secretsmanager_automatic_rotation_enabled"],
        security_hub: ["SecretsManager.1"],
        config_rule: ["SECRETSMANAGER_ROTATION_ENABLED_CHECK"],
        cis: [],
        reads: { SecretsManager: [ListSecrets] },
        remediation: "Turn on automatic rotation with a rotation function or managed rotation.",
    }
}

impl SecretsmanagerSecretRotationEnabled {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for secret in &inv.secretsmanager.secrets {
            match secret.rotation_enabled {
                Some(true) => out.pass(secret, "automatic rotation is on"),
                Some(false) => out.fail(secret, "automatic rotation is off"),
                None => out.skip(secret, "AWS did not say whether rotation is on"),
            }
        }
    }
}
