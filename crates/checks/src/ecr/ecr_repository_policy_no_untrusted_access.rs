use crate::iam_policies::exposure::{accesses, conditional_text, open_text};
use crate::iam_policies::Analysis;
use crate::{declare_check, evidence};
use wasp_iam::{exposure, Policy, PolicyKind, ResourcePolicyKind};
use wasp_model::{Inventory, Setting};

declare_check! {
    /// ### What it checks
    /// No ECR repository policy lets in a principal outside the trusted accounts — the
    /// scanned account, its organization's management account and organization, and
    /// `[checks] trusted_accounts` — judged with wasp's policy engine as for bucket policies:
    /// anyone, any account, each named untrusted account, and service principals acting for
    /// another account are simulated, and a grant is open when no condition pins the caller
    /// (`aws:PrincipalOrgID`, `aws:PrincipalAccount`, `aws:SourceArn` …). FAIL lists the open
    /// grants; grants that only conditions of unknown effect restrict pass with the
    /// conditions named. A repository without a policy passes; SKIP when the policy could not
    /// be read or parsed.
    ///
    /// ### Why it matters
    /// Cross-account pulls are common and legitimate, but every account named in a repository
    /// policy can read the images, and a push grant lets it replace them. An account you do
    /// not recognise is a supply-chain exposure.
    ///
    /// ### How to fix
    /// Remove statements for accounts you do not trust, add the ones you do to
    /// `trusted_accounts`, and share with your whole organization through
    /// `aws:PrincipalOrgID`.
    EcrRepositoryPolicyNoUntrustedAccess {
        id: "ecr_repository_policy_no_untrusted_access",
        title: "ECR repository policies let in no principal outside the trusted accounts",
        severity: High,
        service: Ecr,
        resource_kind: "ecr_repository",
        best_practices: ["SEC03-BP07", "SEC03-BP09", "SEC11-BP05"],
        prowler: [],
        security_hub: [],
        config_rule: [],
        cis: [],
        reads: { Ecr: [DescribeRepositories, GetRepositoryPolicy], Organizations: [DescribeOrganization] },
        remediation: "Remove repository policy statements for untrusted accounts or restrict them with aws:PrincipalOrgID.",
    }
}

impl EcrRepositoryPolicyNoUntrustedAccess {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        let trusted = Analysis::new(inv).trusted(out.settings());
        for repo in &inv.ecr.repositories {
            let document = match &repo.policy {
                Some(Setting::NotConfigured) => {
                    out.pass(repo, "the repository has no policy");
                    continue;
                }
                Some(Setting::Configured(d)) => d,
                None => {
                    out.skip(repo, evidence::unknown_for_resource(inv, &repo.arn, "the repository policy"));
                    continue;
                }
            };
            let policy = match Policy::from_value(document, PolicyKind::Resource) {
                Ok(p) => p,
                Err(e) => {
                    out.skip(repo, format!("the repository policy could not be parsed ({e})"));
                    continue;
                }
            };
            let exposed = exposure(&policy, ResourcePolicyKind::Generic, &repo.arn, &inv.account_id, &trusted);
            let found = accesses(&exposed, |_| true);
            if found.iter().any(|a| a.conditions.is_empty()) {
                out.fail(repo, format!("the repository policy lets in {}", open_text(&found)));
            } else if found.is_empty() {
                out.pass(repo, "the repository policy lets in no principal outside the trusted accounts");
            } else {
                out.pass(repo, format!("outsiders get in only under conditions: {}", conditional_text(&found)));
            }
        }
    }
}
