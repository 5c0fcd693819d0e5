use crate::{declare_check, util};
use wasp_model::iam::statements;
use wasp_model::Inventory;

/// The ways to assume a role; a statement covering any of them makes the role assumable.
const ASSUME_ACTIONS: [&str; 3] = ["sts:AssumeRole", "sts:AssumeRoleWithWebIdentity", "sts:AssumeRoleWithSAML"];

declare_check! {
    /// ### What it checks
    /// No role's trust policy has an `Allow` statement whose principal is everyone (`"*"` or
    /// `{"AWS": "*"}`, alone or in a list), without any `Condition`, for an action that assumes
    /// the role (`sts:AssumeRole*`, matched with wildcards such as `sts:*`). A condition (for
    /// example on `aws:PrincipalOrgID` or `sts:ExternalId`) is taken as the intended
    /// restriction. Service-linked roles are not judged. SKIP when the trust policy could not
    /// be read.
    ///
    /// ### Why it matters
    /// A role that trusts `*` can be assumed by any identity in any AWS account: its
    /// permissions are effectively public, and the only thing standing in the way is the role's
    /// name being guessed.
    ///
    /// ### How to fix
    /// Replace the wildcard with the account, role or service principals that need the role,
    /// or add conditions such as `aws:PrincipalOrgID` and `sts:ExternalId` that pin who may
    /// assume it.
    IamRoleTrustNotPublic {
        id: "iam_role_trust_not_public",
        title: "Role trust policies do not let any principal assume the role",
        severity: Critical,
        service: "iam",
        resource_kind: "iam_role",
        best_practices: ["SEC03-BP07", "SEC03-BP09"],
        prowler: [],
        security_hub: [],
        config_rule: [],
        cis: [],
        remediation: "Name the trusted principals in the trust policy or restrict it with conditions.",
    }
}

impl IamRoleTrustNotPublic {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for role in inv.iam.roles.iter().filter(|r| !r.is_service_linked()) {
            let Some(trust) = &role.trust_policy else {
                out.skip(role, util::unknown_for_resource(inv, &role.arn, "the trust policy"));
                continue;
            };
            let open = statements(trust).into_iter().any(|s| {
                util::effect_is(s, "Allow")
                    && util::principal_is_everyone(s.get("Principal"))
                    && !util::has_condition(s)
                    && ASSUME_ACTIONS.iter().any(|a| util::statement_covers_action(s, a))
            });
            if open {
                out.fail(role, "the trust policy lets any AWS principal assume the role without conditions");
            } else {
                out.pass(role, "the trust policy names who may assume the role");
            }
        }
    }
}
