//! ELBv2 checks: Application, Network and Gateway Load Balancers.
mod elbv2_access_logs_enabled;
mod elbv2_alb_desync_mitigation_defensive;
mod elbv2_alb_drop_invalid_header_fields;
mod elbv2_alb_http_redirects_to_https;
mod elbv2_alb_waf_attached;
mod elbv2_deletion_protection_enabled;
mod elbv2_listener_encrypted;
mod elbv2_tls_policy_minimum_tls12;
mod elbv2_tls_policy_post_quantum;

pub use elbv2_access_logs_enabled::Elbv2AccessLogsEnabled;
pub use elbv2_alb_desync_mitigation_defensive::Elbv2AlbDesyncMitigationDefensive;
pub use elbv2_alb_drop_invalid_header_fields::Elbv2AlbDropInvalidHeaderFields;
pub use elbv2_alb_http_redirects_to_https::Elbv2AlbHttpRedirectsToHttps;
pub use elbv2_alb_waf_attached::Elbv2AlbWafAttached;
pub use elbv2_deletion_protection_enabled::Elbv2DeletionProtectionEnabled;
pub use elbv2_listener_encrypted::Elbv2ListenerEncrypted;
pub use elbv2_tls_policy_minimum_tls12::Elbv2TlsPolicyMinimumTls12;
pub use elbv2_tls_policy_post_quantum::Elbv2TlsPolicyPostQuantum;

use wasp_model::elbv2::{Listener, LoadBalancer, LoadBalancerAttributes};
use wasp_model::Inventory;

/// The attributes of a load balancer, or a SKIP naming the failed read.
pub(crate) fn attributes<'a>(
    inv: &Inventory,
    lb: &'a LoadBalancer,
    out: &mut crate::Findings<'_>,
) -> Option<&'a LoadBalancerAttributes> {
    if lb.attributes.is_none() {
        out.skip(lb, crate::evidence::unknown_for_resource(inv, &lb.arn, "the load balancer attributes"));
    }
    lb.attributes.as_ref()
}

/// The listeners of a load balancer, or a SKIP naming the failed read.
pub(crate) fn listeners<'a>(
    inv: &Inventory,
    lb: &'a LoadBalancer,
    out: &mut crate::Findings<'_>,
) -> Option<&'a [Listener]> {
    if lb.listeners.is_none() {
        out.skip(lb, crate::evidence::unknown_for_resource(inv, &lb.arn, "the listeners"));
    }
    lb.listeners.as_deref()
}

/// `HTTPS:443` style label of a listener.
pub(crate) fn label(l: &Listener) -> String {
    format!("{}:{}", l.protocol.as_deref().unwrap_or("?"), l.port.map_or_else(|| "?".to_owned(), |p| p.to_string()))
}
