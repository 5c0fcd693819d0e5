//! Route 53 checks: hosted zones and registered domains.
mod route53_domain_auto_renew_enabled;
mod route53_domain_privacy_protection;
mod route53_domain_transfer_lock;
mod route53_public_zone_dnssec_signing;
mod route53_public_zone_query_logging;

pub use route53_domain_auto_renew_enabled::Route53DomainAutoRenewEnabled;
pub use route53_domain_privacy_protection::Route53DomainPrivacyProtection;
pub use route53_domain_transfer_lock::Route53DomainTransferLock;
pub use route53_public_zone_dnssec_signing::Route53PublicZoneDnssecSigning;
pub use route53_public_zone_query_logging::Route53PublicZoneQueryLogging;

use wasp_model::route53::Domain;
use wasp_model::Inventory;

/// The registered domains, or one account-level SKIP when they could not be listed.
pub(crate) fn domains<'a>(inv: &'a Inventory, out: &mut crate::Findings<'_>) -> &'a [Domain] {
    match &inv.route53.domains {
        Some(domains) => domains,
        None => {
            let reason = crate::evidence::operation_gap(
                inv,
                wasp_model::Service::Route53,
                wasp_model::GLOBAL_REGION,
                "ListDomains",
                "the registered domains",
            )
            .unwrap_or_else(|| "the registered domains were not collected".to_owned());
            out.account(crate::Status::Skip, reason);
            &[]
        }
    }
}
