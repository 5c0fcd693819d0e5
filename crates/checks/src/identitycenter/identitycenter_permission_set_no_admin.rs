use crate::{declare_check, evidence};
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// No IAM Identity Center permission set grants full administrator rights: neither the
    /// AWS managed `AdministratorAccess` policy is attached
    /// (`ListManagedPoliciesInPermissionSet`, any partition) nor does its inline policy
    /// (`GetInlinePolicyForPermissionSet`) have a statement allowing `*` on `*`. Customer
    /// managed policy references and permissions boundaries are not read. FAIL names the
    /// grant; SKIP when the managed policies or the inline policy could not be read. Who is
    /// assigned the permission set is not judged: one administrator set for a small, watched
    /// group is common practice, and its failure is the prompt to check that.
    ///
    /// ### Why it matters
    /// An administrator permission set assigned broadly turns every assigned person's
    /// compromised browser session into full control of every account it is assigned in.
    ///
    /// ### How to fix
    /// Give day-to-day permission sets job-function policies, keep an administrator set for
    /// a few people, assign it to few accounts, and alarm on its use.
    IdentitycenterPermissionSetNoAdmin {
        id: "identitycenter_permission_set_no_admin",
        title: "Identity Center permission sets do not grant full administrator rights",
        severity: Medium,
        service: IdentityCenter,
        resource_kind: "identitycenter_permission_set",
        best_practices: ["SEC03-BP02"],
        prowler: [],
        security_hub: [],
        config_rule: [],
        cis: [],
        reads: { IdentityCenter: [ListInstances, ListPermissionSets, ListManagedPoliciesInPermissionSet, GetInlinePolicyForPermissionSet] },
        remediation: "Replace full administrator rights in permission sets with job-function policies.",
    }
}

/// AWS's managed policy that allows everything, in any partition.
fn is_administrator_access(arn: &str) -> bool {
    arn.starts_with("arn:") && arn.ends_with(":iam::aws:policy/AdministratorAccess")
}

impl IdentitycenterPermissionSetNoAdmin {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for set in &inv.identity_center.permission_sets {
            let managed = set.managed_policies.as_ref().map(|p| p.iter().any(|a| is_administrator_access(a)));
            let inline =
                set.inline_policy.as_ref().map(|p| p.configured().is_some_and(crate::policy::allows_full_admin));
            match (managed, inline) {
                (Some(true), _) => out.fail(set, "AdministratorAccess is attached"),
                (_, Some(true)) => out.fail(set, "the inline policy allows * on *"),
                (Some(false), Some(false)) => out.pass(set, "no full administrator grant"),
                _ => out.skip(set, evidence::unknown_for_resource(inv, &set.arn, "the permission set's policies")),
            }
        }
    }
}
