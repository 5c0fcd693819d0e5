use crate::{declare_check, evidence};
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Every domain registered through Route 53 Domains has privacy protection on for its
    /// registrant, administrative and technical contacts (`GetDomainDetail`), so WHOIS shows
    /// the registrar's details instead of yours. SKIP when the details could not be read; one
    /// account-level SKIP when the domains could not be listed.
    ///
    /// ### Why it matters
    /// Public contact details give attackers names, addresses, phone numbers and mailboxes for
    /// targeted phishing and social engineering of the registrar.
    ///
    /// ### How to fix
    /// `aws route53domains update-domain-contact-privacy --domain-name <name>
    /// --admin-privacy --registrant-privacy --tech-privacy` (us-east-1).
    Route53DomainPrivacyProtection {
        id: "route53_domain_privacy_protection",
        title: "Registered domains hide their contacts with privacy protection",
        severity: Low,
        service: Route53,
        resource_kind: "route53_domain",
        best_practices: ["SEC07-BP02"],
        prowler: ["route53_domains_privacy_protection_enabled"],
        security_hub: [],
        config_rule: [],
        cis: [],
        reads: { Route53: [ListDomains, GetDomainDetail] },
        remediation: "Turn on privacy protection for all contacts of the domain.",
    }
}

impl Route53DomainPrivacyProtection {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for domain in super::domains(inv, out) {
            let Some(privacy) = &domain.privacy else {
                out.skip(domain, evidence::unknown_for_resource(inv, &domain.arn, "the contact privacy"));
                continue;
            };
            let public: Vec<&str> =
                [("registrant", privacy.registrant), ("admin", privacy.admin), ("tech", privacy.tech)]
                    .into_iter()
                    .filter(|(_, on)| !on)
                    .map(|(who, _)| who)
                    .collect();
            if public.is_empty() {
                out.pass(domain, "privacy protection for every contact");
            } else {
                out.fail(domain, format!("public contact details: {}", public.join(", ")))
            }
        }
    }
}
