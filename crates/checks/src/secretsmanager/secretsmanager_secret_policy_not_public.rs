use crate::resource_policy::{judge, report_public, trusted};
use crate::{declare_check, evidence};
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// No secret's resource policy lets anyone, or any AWS account, call an action on it
    /// without a condition that restricts the caller, judged with wasp's policy engine (the
    /// same simulation as `s3_bucket_policy_no_untrusted_access`: conditions that pin the
    /// caller, such as `aws:PrincipalOrgID` or `aws:SourceAccount`, restrict; conditions the
    /// caller controls do not). A secret without a policy passes. SKIP when the policy could
    /// not be read or parsed.
    ///
    /// ### Why it matters
    /// A public `secretsmanager:GetSecretValue` hands the credential to anyone with an AWS
    /// account (they still need the KMS key, but a customer managed key with a loose policy
    /// will not stop them).
    ///
    /// ### How to fix
    /// Remove the statement with `aws secretsmanager put-resource-policy` (or
    /// `delete-resource-policy`), naming the roles that need the secret, and use
    /// `--block-public-policy` so Secrets Manager refuses such policies.
    SecretsmanagerSecretPolicyNotPublic {
        id: "secretsmanager_secret_policy_not_public",
        title: "Secret resource policies do not grant access to everyone",
        severity: Critical,
        service: SecretsManager,
        resource_kind: "secret",
        best_practices: ["SEC02-BP03", "SEC03-BP07"],
        prowler: ["secretsmanager_not_publicly_accessible"],
        security_hub: [],
        config_rule: [],
        cis: [],
        reads: { SecretsManager: [ListSecrets, GetResourcePolicy] },
        remediation: "Remove the public statement from the secret's resource policy.",
    }
}

impl SecretsmanagerSecretPolicyNotPublic {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        let trusted = trusted(inv, out.settings());
        for secret in &inv.secretsmanager.secrets {
            report_public(out, secret, judge(inv, &trusted, &secret.arn, secret.policy.as_ref()), || {
                evidence::unknown_for_resource(inv, &secret.arn, "the resource policy")
            });
        }
    }
}
