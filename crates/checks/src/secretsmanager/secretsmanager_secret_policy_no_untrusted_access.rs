use crate::resource_policy::{judge, report_untrusted, trusted};
use crate::{declare_check, evidence};
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// No secret's resource policy lets in a principal outside the trusted accounts (the
    /// scanned account, its organization's management account and organization, and
    /// `[checks] trusted_accounts`) without a condition that may restrict it, judged with
    /// wasp's policy engine. Grants to anyone count, and so do grants to another, named
    /// account. Outsiders let in only under conditions pass, with the conditions named. A
    /// secret without a policy passes. SKIP when the policy could not be read or parsed.
    ///
    /// ### Why it matters
    /// A secret shared with another account is a credential that account can use for as
    /// long as the statement stays, whatever happens to the people who asked for it.
    ///
    /// ### How to fix
    /// Remove the statement, or add the account to `trusted_accounts` when sharing with it is
    /// intended, and restrict shares inside the organization with `aws:PrincipalOrgID`.
    SecretsmanagerSecretPolicyNoUntrustedAccess {
        id: "secretsmanager_secret_policy_no_untrusted_access",
        title: "Secret resource policies let in no principal outside the trusted accounts",
        severity: High,
        service: SecretsManager,
        resource_kind: "secret",
        best_practices: ["SEC02-BP03", "SEC03-BP08"],
        prowler: [],
        security_hub: [],
        config_rule: [],
        cis: [],
        reads: { SecretsManager: [ListSecrets, GetResourcePolicy], Organizations: [DescribeOrganization] },
        remediation: "Remove resource policy statements for untrusted principals.",
    }
}

impl SecretsmanagerSecretPolicyNoUntrustedAccess {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        let trusted = trusted(inv, out.settings());
        for secret in &inv.secretsmanager.secrets {
            report_untrusted(out, secret, judge(inv, &trusted, &secret.arn, secret.policy.as_ref()), || {
                evidence::unknown_for_resource(inv, &secret.arn, "the resource policy")
            });
        }
    }
}
