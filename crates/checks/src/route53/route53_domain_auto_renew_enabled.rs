use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Every domain registered through Route 53 Domains renews automatically (`AutoRenew` in
    /// `ListDomains`). SKIP for a domain whose setting was not reported; one account-level
    /// SKIP when the domains could not be listed.
    ///
    /// ### Why it matters
    /// An expired domain can be registered by anyone once its grace periods pass; whoever
    /// does receives the traffic, the mail and the password-reset messages meant for you.
    ///
    /// ### How to fix
    /// `aws route53domains enable-domain-auto-renew --domain-name <name>` (us-east-1), and
    /// keep the account's payment method valid.
    Route53DomainAutoRenewEnabled {
        id: "route53_domain_auto_renew_enabled",
        title: "Registered domains renew automatically",
        severity: Medium,
        service: Route53,
        resource_kind: "route53_domain",
        best_practices: ["SEC01-BP02"],
        prowler: [],
        security_hub: [],
        config_rule: [],
        cis: [],
        reads: { Route53: [ListDomains] },
        remediation: "Turn on automatic renewal for the domain.",
    }
}

impl Route53DomainAutoRenewEnabled {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for domain in super::domains(inv, out) {
            match domain.auto_renew {
                Some(true) => out.pass(domain, "renews automatically"),
                Some(false) => {
                    let expiry = domain.expiry.map(|e| format!(" (expires {})", e.date_naive())).unwrap_or_default();
                    out.fail(domain, format!("automatic renewal is off{expiry}"))
                }
                None => out.skip(domain, "Route 53 Domains did not report automatic renewal"),
            }
        }
    }
}
