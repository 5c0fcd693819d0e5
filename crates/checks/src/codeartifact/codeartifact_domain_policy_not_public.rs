use crate::{declare_check, evidence, policy};
use wasp_model::{Inventory, Setting};

declare_check! {
    /// ### What it checks
    /// No CodeArtifact domain policy has an `Allow` statement for everyone (`"*"`,
    /// `{"AWS": "*"}` or a `NotPrincipal`) without a condition that really restricts the
    /// caller (`aws:PrincipalOrgID`, `aws:PrincipalAccount` … with concrete values). A domain
    /// without a policy passes (only its owner account can use it); SKIP when the policy
    /// could not be read.
    ///
    /// ### Why it matters
    /// The domain policy governs every repository in the domain: a public
    /// `codeartifact:GetAuthorizationToken` or `ReadFromRepository` exposes your private
    /// packages, and a public `PublishPackageVersion` lets anyone plant a package your builds
    /// will install.
    ///
    /// ### How to fix
    /// Replace the statement with one naming the accounts that use the domain, or restrict it
    /// with `aws:PrincipalOrgID`.
    CodeartifactDomainPolicyNotPublic {
        id: "codeartifact_domain_policy_not_public",
        title: "CodeArtifact domain policies do not grant access to everyone",
        severity: Critical,
        service: CodeArtifact,
        resource_kind: "codeartifact_domain",
        best_practices: ["SEC03-BP07", "SEC11-BP05"],
        prowler: [],
        security_hub: [],
        config_rule: [],
        cis: [],
        reads: { CodeArtifact: [ListDomains, GetDomainPermissionsPolicy] },
        remediation: "Remove the public statement and name the accounts or organization that use the domain.",
    }
}

impl CodeartifactDomainPolicyNotPublic {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for domain in &inv.codeartifact.domains {
            match &domain.policy {
                Some(Setting::Configured(document)) => {
                    let public = policy::public_statements(document);
                    if public.is_empty() {
                        out.pass(domain, "the policy grants nothing to everyone without a restricting condition");
                    } else {
                        out.fail(domain, format!("the policy lets anyone call {}", policy::actions_of(&public)));
                    }
                }
                Some(Setting::NotConfigured) => out.pass(domain, "the domain has no policy"),
                None => out.skip(domain, evidence::unknown_for_resource(inv, &domain.arn, "the domain policy")),
            }
        }
    }
}
