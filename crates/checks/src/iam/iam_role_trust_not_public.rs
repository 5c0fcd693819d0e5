use crate::{declare_check, evidence, policy};
use wasp_model::iam::statements;
use wasp_model::Inventory;

/// The ways to assume a role; a statement covering any of them makes the role assumable.
const ASSUME_ACTIONS: [&str; 3] = ["sts:AssumeRole", "sts:AssumeRoleWithWebIdentity", "sts:AssumeRoleWithSAML"];

declare_check! {
    /// ### What it checks
    /// No role's trust policy has an `Allow` statement whose principal is everyone (`"*"` or
    /// `{"AWS": "*"}`, alone or in a list), for an action that assumes the role
    /// (`sts:AssumeRole*`, matched with wildcards such as `sts:*`), unless a condition really
    /// restricts the caller: `aws:PrincipalOrgID`, `aws:PrincipalOrgPaths`,
    /// `aws:PrincipalAccount`, `aws:PrincipalArn` (with a concrete account), `aws:SourceAccount`,
    /// `aws:SourceArn`, `aws:SourceOrgID`, `aws:SourceVpc(e)`, `aws:SourceIp` (not the whole
    /// internet) or `sts:ExternalId` without wildcards, compared with a positive operator
    /// (`StringEquals`, `StringLike`, `ArnLike`, `IpAddress` …, not their `IfExists` or negated
    /// forms) against values none of which is `*`. Conditions such as `aws:SecureTransport`,
    /// principal tags (any account can tag its own principals) or a wildcard external id do not
    /// restrict. Service-linked roles are not judged. SKIP when the trust policy could not be
    /// read.
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
        service: Iam,
        resource_kind: "iam_role",
        best_practices: ["SEC03-BP07", "SEC03-BP09"],
        prowler: [],
        security_hub: [],
        config_rule: [],
        cis: [],
        reads: { Iam: [GetAccountAuthorizationDetails] },
        remediation: "Name the trusted principals in the trust policy or restrict it with conditions.",
    }
}

impl IamRoleTrustNotPublic {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for role in inv.iam.roles.iter().filter(|r| !r.is_service_linked()) {
            let Some(trust) = &role.trust_policy else {
                out.skip(role, evidence::unknown_for_resource(inv, &role.arn, "the trust policy"));
                continue;
            };
            let public: Vec<&serde_json::Value> = statements(trust)
                .into_iter()
                .filter(|s| {
                    policy::effect_is(s, "Allow")
                        && policy::principal_is_everyone(s.get("Principal"))
                        && ASSUME_ACTIONS.iter().any(|a| policy::statement_covers_action(s, a))
                })
                .collect();
            let restricted: Vec<String> = public.iter().filter_map(|s| policy::restricting_condition(s)).collect();
            if restricted.len() < public.len() {
                out.fail(
                    role,
                    "the trust policy lets any AWS principal assume the role, with no condition that restricts who",
                );
            } else if restricted.is_empty() {
                out.pass(role, "the trust policy names who may assume the role");
            } else {
                out.pass(role, format!("anyone may assume the role only under {}", restricted.join(", ")));
            }
        }
    }
}
