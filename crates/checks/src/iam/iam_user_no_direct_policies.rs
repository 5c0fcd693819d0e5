use crate::{declare_check, evidence};
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// No IAM user has managed policies attached directly or inline policies of its own; users
    /// get permissions through groups (or, better, roles). FAIL naming the policies otherwise;
    /// SKIP when a gap was recorded against the user, so its policy lists may be incomplete.
    ///
    /// ### Why it matters
    /// Permissions granted person by person drift apart, are hard to review and linger after a
    /// job change. Groups make access a property of a role in the organization, reviewed once.
    ///
    /// ### How to fix
    /// Put the user in a group that carries the needed policies, then detach the user's
    /// managed policies and delete its inline ones.
    IamUserNoDirectPolicies {
        id: "iam_user_no_direct_policies",
        title: "IAM users receive permissions only through groups",
        severity: Low,
        service: Iam,
        resource_kind: "iam_user",
        best_practices: ["SEC02-BP06"],
        prowler: ["iam_policy_attached_only_to_group_or_roles"],
        security_hub: ["IAM.2"],
        config_rule: ["IAM_USER_NO_POLICIES_CHECK"],
        cis: ["3.0:1.15", "4.0:1.15", "5.0:1.14"],
        reads: { Iam: [GetAccountAuthorizationDetails] },
        remediation: "Move the user's policies to a group and detach them from the user.",
    }
}

impl IamUserNoDirectPolicies {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for user in &inv.iam.users {
            let mut direct: Vec<String> = user.attached_policies.clone();
            direct.extend(user.inline_policies.iter().map(|p| format!("inline {}", p.name)));
            if !direct.is_empty() {
                out.fail(user, format!("policies on the user: {}", direct.join(", ")));
            } else if evidence::gap_for_resource(inv, &user.arn).is_some() {
                out.skip(user, evidence::unknown_for_resource(inv, &user.arn, "the user's policy list"));
            } else {
                out.pass(user, "no policies attached to the user directly");
            }
        }
    }
}
