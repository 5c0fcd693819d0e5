use crate::resource_policy::{judge, report_public, trusted};
use crate::{declare_check, evidence};
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// No S3 Glacier vault access policy lets anyone, or any AWS account, call an action on
    /// the vault without a condition that restricts the caller, judged with wasp's policy
    /// engine (conditions that pin the caller, such as `aws:PrincipalOrgID` or
    /// `aws:SourceAccount`, restrict; conditions the caller controls, such as
    /// `aws:UserAgent`, do not). A vault without an access policy passes. SKIP when the policy
    /// could not be read or parsed.
    ///
    /// ### Why it matters
    /// Vaults hold archives kept for years, often the only copy. A public
    /// `glacier:InitiateJob` and `glacier:GetJobOutput` let anyone retrieve them; a public
    /// `glacier:DeleteArchive` lets anyone destroy them.
    ///
    /// ### How to fix
    /// Replace the policy with `aws glacier set-vault-access-policy` (or remove it with
    /// `delete-vault-access-policy`), naming the accounts or roles that need the vault.
    GlacierVaultPolicyNotPublic {
        id: "glacier_vault_policy_not_public",
        title: "Glacier vault access policies do not grant access to everyone",
        severity: Critical,
        service: Glacier,
        resource_kind: "glacier_vault",
        best_practices: ["SEC03-BP07", "SEC08-BP04"],
        prowler: ["glacier_vaults_policy_public_access"],
        security_hub: [],
        config_rule: [],
        cis: [],
        reads: { Glacier: [ListVaults, GetVaultAccessPolicy] },
        remediation: "Remove the public statement from the vault access policy.",
    }
}

impl GlacierVaultPolicyNotPublic {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        let trusted = trusted(inv, out.settings());
        for vault in &inv.glacier.vaults {
            report_public(out, vault, judge(inv, &trusted, &vault.arn, vault.policy.as_ref()), || {
                evidence::unknown_for_resource(inv, &vault.arn, "the vault access policy")
            });
        }
    }
}
