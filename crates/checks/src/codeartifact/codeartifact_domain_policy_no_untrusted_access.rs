use crate::iam_policies::exposure::{accesses, conditional_text, open_text};
use crate::iam_policies::Analysis;
use crate::{declare_check, evidence};
use wasp_iam::{exposure, Policy, PolicyKind, ResourcePolicyKind};
use wasp_model::{Inventory, Setting};

declare_check! {
    /// ### What it checks
    /// No CodeArtifact domain policy lets in a principal outside the trusted accounts (the
    /// scanned account, its organization's management account and organization, and
    /// `[checks] trusted_accounts`), judged with wasp's policy engine as for bucket policies.
    /// FAIL lists the open grants; grants restricted only by conditions of unknown effect
    /// pass with the conditions named. A domain without a policy passes; SKIP when the
    /// policy could not be read or parsed.
    ///
    /// ### Why it matters
    /// Every account the domain policy names can fetch authorization tokens for the domain
    /// and, with publish rights, push packages your builds consume.
    ///
    /// ### How to fix
    /// Remove statements for accounts you do not trust, add the ones you do to
    /// `trusted_accounts`, and share with your organization through `aws:PrincipalOrgID`.
    CodeartifactDomainPolicyNoUntrustedAccess {
        id: "codeartifact_domain_policy_no_untrusted_access",
        title: "CodeArtifact domain policies let in no principal outside the trusted accounts",
        severity: High,
        service: CodeArtifact,
        resource_kind: "codeartifact_domain",
        best_practices: ["SEC03-BP07", "SEC03-BP09", "SEC11-BP05"],
        prowler: [],
        security_hub: [],
        config_rule: [],
        cis: [],
        reads: { CodeArtifact: [ListDomains, GetDomainPermissionsPolicy], Organizations: [DescribeOrganization] },
        remediation: "Remove domain policy statements for untrusted accounts or restrict them with aws:PrincipalOrgID.",
    }
}

impl CodeartifactDomainPolicyNoUntrustedAccess {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        let trusted = Analysis::new(inv).trusted(out.settings());
        for domain in &inv.codeartifact.domains {
            let document = match &domain.policy {
                Some(Setting::NotConfigured) => {
                    out.pass(domain, "the domain has no policy");
                    continue;
                }
                Some(Setting::Configured(d)) => d,
                None => {
                    out.skip(domain, evidence::unknown_for_resource(inv, &domain.arn, "the domain policy"));
                    continue;
                }
            };
            let policy = match Policy::from_value(document, PolicyKind::Resource) {
                Ok(p) => p,
                Err(e) => {
                    out.skip(domain, format!("the domain policy could not be parsed ({e})"));
                    continue;
                }
            };
            let exposed = exposure(&policy, ResourcePolicyKind::Generic, &domain.arn, &inv.account_id, &trusted);
            let found = accesses(&exposed, |_| true);
            if found.iter().any(|a| a.conditions.is_empty()) {
                out.fail(domain, format!("the domain policy lets in {}", open_text(&found)));
            } else if found.is_empty() {
                out.pass(domain, "the domain policy lets in no principal outside the trusted accounts");
            } else {
                out.pass(domain, format!("outsiders get in only under conditions: {}", conditional_text(&found)));
            }
        }
    }
}
