use crate::resource_policy::{judge, report_untrusted, trusted};
use crate::{declare_check, evidence};
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// No S3 Glacier vault access policy lets in a principal outside the trusted accounts (the
    /// scanned account, its organization's management account and organization, and
    /// `[checks] trusted_accounts`) without a condition that may restrict it, judged with
    /// wasp's policy engine; anyone and any AWS account count. `Deny` statements (the usual
    /// one denies `glacier:DeleteArchive`) are taken into account. A vault without an access
    /// policy passes. SKIP when the policy could not be read or parsed.
    ///
    /// ### Why it matters
    /// A vault policy that lets another account retrieve or delete archives hands that
    /// account your long-term records or the power to destroy them.
    ///
    /// ### How to fix
    /// Remove the statements for untrusted principals with `aws glacier
    /// set-vault-access-policy`, or add the account to `trusted_accounts` when the share is
    /// intended.
    GlacierVaultPolicyNoUntrustedAccess {
        id: "glacier_vault_policy_no_untrusted_access",
        title: "Glacier vault access policies let in no principal outside the trusted accounts",
        severity: High,
        service: Glacier,
        resource_kind: "glacier_vault",
        best_practices: ["SEC08-BP04", "SEC03-BP08"],
        prowler: [],
        security_hub: [],
        config_rule: [],
        cis: [],
        reads: { Glacier: [ListVaults, GetVaultAccessPolicy], Organizations: [DescribeOrganization] },
        remediation: "Remove vault access policy statements for untrusted principals.",
    }
}

impl GlacierVaultPolicyNoUntrustedAccess {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        let trusted = trusted(inv, out.settings());
        for vault in &inv.glacier.vaults {
            report_untrusted(out, vault, judge(inv, &trusted, &vault.arn, vault.policy.as_ref()), || {
                evidence::unknown_for_resource(inv, &vault.arn, "the vault access policy")
            });
        }
    }
}
