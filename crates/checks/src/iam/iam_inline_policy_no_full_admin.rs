use crate::{declare_check, policy};
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// No inline policy of an IAM user, group or role has a statement with `Effect: Allow`,
    /// `Action: "*"` and `Resource: "*"` (string or list fields; conditions do not exempt the
    /// statement). Each principal with inline policies gets one finding; principals without
    /// inline policies, and service-linked roles (which AWS manages), are not judged. FAIL
    /// names the offending policies; SKIP when a policy document could not be decoded and none
    /// of the others grants full admin.
    ///
    /// ### Why it matters
    /// Inline policies are invisible in the list of managed policies, so a full-admin inline
    /// grant is the easiest administrator access to overlook in an access review.
    ///
    /// ### How to fix
    /// Delete the inline policy and grant the needed, scoped permissions through a managed
    /// policy; keep full administrator rights on a few break-glass roles only.
    IamInlinePolicyNoFullAdmin {
        id: "iam_inline_policy_no_full_admin",
        title: "Inline policies do not grant full administrator access",
        severity: High,
        service: Iam,
        resource_kind: "iam_principal",
        best_practices: ["SEC03-BP02"],
        prowler: ["iam_inline_policy_no_administrative_privileges"],
        security_hub: [],
        config_rule: [],
        cis: [],
        reads: { Iam: [GetAccountAuthorizationDetails] },
        remediation: "Replace full-admin inline policies with scoped managed policies.",
    }
}

impl IamInlinePolicyNoFullAdmin {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for principal in inv.iam.principals() {
            let inline = principal.inline_policies;
            if inline.is_empty() {
                continue;
            }
            let admin: Vec<&str> = inline
                .iter()
                .filter(|p| p.document.as_ref().is_some_and(policy::allows_full_admin))
                .map(|p| p.name.as_str())
                .collect();
            let unread: Vec<&str> = inline.iter().filter(|p| p.document.is_none()).map(|p| p.name.as_str()).collect();
            if !admin.is_empty() {
                out.fail(principal.resource, format!("inline policies with full admin: {}", admin.join(", ")));
            } else if !unread.is_empty() {
                out.skip(
                    principal.resource,
                    format!("inline policies that could not be decoded: {}", unread.join(", ")),
                );
            } else {
                out.pass(principal.resource, format!("{} inline policies, none with full admin", inline.len()));
            }
        }
    }
}
