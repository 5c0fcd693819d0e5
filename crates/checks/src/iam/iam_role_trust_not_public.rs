use crate::iam_policies::{unknown_text, Analysis, Doc};
use crate::{declare_check, evidence, policy};
use wasp_iam::{exposure, ExposedGrant, Outsider, ResourcePolicyKind};
use wasp_model::Inventory;

/// The ways to assume a role; a grant of any of them makes the role assumable.
const ASSUME_ACTIONS: [&str; 3] = ["sts:assumerole", "sts:assumerolewithwebidentity", "sts:assumerolewithsaml"];

/// Identity providers anyone can get a token from, with the claim keys that do not say who the
/// caller is (every token carries the same value).
const PUBLIC_PROVIDERS: &[(&str, &[&str])] = &[
    ("token.actions.githubusercontent.com", &[":aud"]),
    ("gitlab.com", &[":aud"]),
    ("app.terraform.io", &[":aud"]),
    ("cognito-identity.amazonaws.com", &[":amr"]),
    ("accounts.google.com", &[]),
    ("graph.facebook.com", &[]),
    ("www.amazon.com", &[]),
];

declare_check! {
    /// ### What it checks
    /// No role's trust policy lets anyone assume the role. wasp's policy engine simulates
    /// callers outside the account — an anonymous caller, a principal of any other account
    /// (in an organization or in none), and, for web-identity trusts of public identity
    /// providers (GitHub Actions, GitLab, Terraform Cloud, Cognito, Google, Facebook, Amazon),
    /// any holder of a token — each choosing the request that suits it best, and asks whether
    /// the trust policy allows them `sts:AssumeRole`, `AssumeRoleWithWebIdentity` or
    /// `AssumeRoleWithSAML` (wildcards such as `sts:*` included) after its denies.
    ///
    /// Conditions that pin the caller restrict: `aws:PrincipalOrgID`/`OrgPaths`,
    /// `aws:PrincipalAccount`, `aws:PrincipalArn` with a concrete account, `aws:SourceVpc(e)`,
    /// `aws:SourceIp`, `sts:ExternalId`, and the provider's claims that name a caller (for
    /// GitHub, `sub`; an `aud` claim every token carries does not). Conditions the caller
    /// controls do not: `aws:SecureTransport`, `aws:UserAgent`, principal or request tags, and
    /// `…IfExists` forms of organization conditions (a caller in no organization passes them).
    /// FAIL when some caller outside gets in with nothing restricting it; a grant restricted
    /// only by conditions passes, naming them. Service-linked roles are not judged. SKIP when
    /// the trust policy could not be read or parsed.
    ///
    /// ### Why it matters
    /// A role that trusts `*` can be assumed by any identity in any AWS account: its
    /// permissions are effectively public, and the only thing standing in the way is the role's
    /// name being guessed. A web-identity trust of GitHub without a `sub` condition lets any
    /// GitHub repository's workflow in.
    ///
    /// ### How to fix
    /// Replace the wildcard with the account, role or service principals that need the role,
    /// or add conditions such as `aws:PrincipalOrgID` and `sts:ExternalId` that pin who may
    /// assume it; for web identities, pin the `sub` claim to your repositories or identity pool.
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

/// Whether a grant's action (as the policy writes it) assumes the role.
pub(crate) fn assumes(grant: &ExposedGrant) -> bool {
    let action = grant.action.to_ascii_lowercase();
    ASSUME_ACTIONS.iter().any(|a| policy::glob_match(&action, a))
}

/// Who a public grant lets in, and the conditions that still restrict it; `None` when the
/// grant is not to the public.
fn public(grant: &ExposedGrant) -> Option<(String, Vec<String>)> {
    match &grant.outsider {
        Outsider::Anonymous | Outsider::AnyAccount => {
            Some(("any AWS principal".into(), grant.conditions.iter().map(unknown_text).collect()))
        }
        Outsider::Federated(provider) => {
            let (_, loose) = PUBLIC_PROVIDERS.iter().find(|(host, _)| provider.contains(host))?;
            let restricting = grant
                .conditions
                .iter()
                .filter(|u| !u.key.as_deref().is_some_and(|k| loose.iter().any(|suffix| k.ends_with(suffix))))
                .map(unknown_text)
                .collect();
            Some((format!("anyone with a token of {provider}"), restricting))
        }
        _ => None,
    }
}

impl IamRoleTrustNotPublic {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        let analysis = Analysis::new(inv);
        let trusted = analysis.trusted(out.settings());
        for role in inv.iam.roles.iter().filter(|r| !r.is_service_linked()) {
            let trust = match analysis.trust(&role.arn) {
                Some(Doc::Ready(p)) => p,
                Some(Doc::Malformed(e)) => {
                    out.skip(role, format!("the trust policy could not be parsed ({e})"));
                    continue;
                }
                _ => {
                    out.skip(role, evidence::unknown_for_resource(inv, &role.arn, "the trust policy"));
                    continue;
                }
            };
            let exposed = exposure(trust, ResourcePolicyKind::TrustPolicy, &role.arn, &inv.account_id, &trusted);
            let public: Vec<(String, Vec<String>, &ExposedGrant)> = exposed
                .grants
                .iter()
                .filter(|g| assumes(g))
                .filter_map(|g| public(g).map(|(who, conditions)| (who, conditions, g)))
                .collect();
            let open: Vec<String> = public
                .iter()
                .filter(|(_, conditions, _)| conditions.is_empty())
                .map(|(who, _, g)| format!("{who} (statement {})", g.statements.join(", ")))
                .collect();
            if !open.is_empty() {
                let mut open = open;
                open.dedup();
                out.fail(
                    role,
                    format!(
                        "the trust policy lets {} assume the role, with no condition that restricts who",
                        open.join("; ")
                    ),
                );
            } else if public.is_empty() {
                out.pass(role, "the trust policy names who may assume the role");
            } else {
                let mut conditions: Vec<String> = public.into_iter().flat_map(|(_, c, _)| c).collect();
                conditions.sort();
                conditions.dedup();
                out.pass(role, format!("outsiders may assume the role only under {}", conditions.join(" and ")));
            }
        }
    }
}
