//! Classic Load Balancer checks.
mod elb_access_logs_enabled;
mod elb_acm_certificate;
mod elb_desync_mitigation_defensive;
mod elb_listeners_encrypted;
mod elb_tls_policy_minimum_tls12;

pub use elb_access_logs_enabled::ElbAccessLogsEnabled;
pub use elb_acm_certificate::ElbAcmCertificate;
pub use elb_desync_mitigation_defensive::ElbDesyncMitigationDefensive;
pub use elb_listeners_encrypted::ElbListenersEncrypted;
pub use elb_tls_policy_minimum_tls12::ElbTlsPolicyMinimumTls12;

use wasp_model::elb::{ClassicAttributes, ClassicLoadBalancer};
use wasp_model::Inventory;

/// The attributes of a load balancer, or a SKIP naming the failed read.
pub(crate) fn attributes<'a>(
    inv: &Inventory,
    lb: &'a ClassicLoadBalancer,
    out: &mut crate::Findings<'_>,
) -> Option<&'a ClassicAttributes> {
    if lb.attributes.is_none() {
        out.skip(lb, crate::evidence::unknown_for_resource(inv, &lb.arn, "the load balancer attributes"));
    }
    lb.attributes.as_ref()
}
