use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Every domain registered through Route 53 Domains has the transfer lock on
    /// (`TransferLock` in `ListDomains`). SKIP for a domain whose lock status was not
    /// reported; one account-level SKIP when the domains could not be listed. Domains whose
    /// top-level domain does not support the lock fail too: the lock is not there.
    ///
    /// ### Why it matters
    /// Without the lock, whoever obtains the transfer code (or tricks the registrar) can move
    /// the domain to another registrar and take over the site, the mail and every
    /// certificate validated by DNS.
    ///
    /// ### How to fix
    /// `aws route53domains enable-domain-transfer-lock --domain-name <name>` (us-east-1).
    Route53DomainTransferLock {
        id: "route53_domain_transfer_lock",
        title: "Registered domains are locked against transfer",
        severity: High,
        service: Route53,
        resource_kind: "route53_domain",
        best_practices: ["SEC01-BP02"],
        prowler: ["route53_domains_transferlock_enabled"],
        security_hub: [],
        config_rule: [],
        cis: [],
        reads: { Route53: [ListDomains] },
        remediation: "Turn on the transfer lock for the domain.",
    }
}

impl Route53DomainTransferLock {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for domain in super::domains(inv, out) {
            match domain.transfer_lock {
                Some(true) => out.pass(domain, "transfer lock is on"),
                Some(false) => out.fail(domain, "transfer lock is off"),
                None => out.skip(domain, "Route 53 Domains did not report the transfer lock"),
            }
        }
    }
}
