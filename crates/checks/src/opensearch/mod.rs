//! OpenSearch Service checks (Elasticsearch domains included). Domains being deleted are not
//! judged.
mod opensearch_domain_audit_logging_enabled;
mod opensearch_domain_central_identity_for_dashboards;
mod opensearch_domain_encrypted_at_rest;
mod opensearch_domain_error_logging_enabled;
mod opensearch_domain_fine_grained_access_control;
mod opensearch_domain_https_required;
mod opensearch_domain_in_vpc;
mod opensearch_domain_internal_user_database_disabled;
mod opensearch_domain_node_to_node_encryption;
mod opensearch_domain_policy_no_untrusted_access;
mod opensearch_domain_policy_not_public;
mod opensearch_domain_software_up_to_date;

pub use opensearch_domain_audit_logging_enabled::OpensearchDomainAuditLoggingEnabled;
pub use opensearch_domain_central_identity_for_dashboards::OpensearchDomainCentralIdentityForDashboards;
pub use opensearch_domain_encrypted_at_rest::OpensearchDomainEncryptedAtRest;
pub use opensearch_domain_error_logging_enabled::OpensearchDomainErrorLoggingEnabled;
pub use opensearch_domain_fine_grained_access_control::OpensearchDomainFineGrainedAccessControl;
pub use opensearch_domain_https_required::OpensearchDomainHttpsRequired;
pub use opensearch_domain_in_vpc::OpensearchDomainInVpc;
pub use opensearch_domain_internal_user_database_disabled::OpensearchDomainInternalUserDatabaseDisabled;
pub use opensearch_domain_node_to_node_encryption::OpensearchDomainNodeToNodeEncryption;
pub use opensearch_domain_policy_no_untrusted_access::OpensearchDomainPolicyNoUntrustedAccess;
pub use opensearch_domain_policy_not_public::OpensearchDomainPolicyNotPublic;
pub use opensearch_domain_software_up_to_date::OpensearchDomainSoftwareUpToDate;

use wasp_model::opensearch::Domain;
use wasp_model::Inventory;

fn live_domains(inv: &Inventory) -> impl Iterator<Item = &Domain> {
    inv.opensearch.domains.iter().filter(|d| !d.is_gone())
}

/// PASS/FAIL/SKIP on one boolean setting of a domain.
fn judge_flag(out: &mut crate::Findings<'_>, domain: &Domain, value: Option<bool>, on: &str, off: &str, what: &str) {
    match value {
        Some(true) => out.pass(domain, on),
        Some(false) => out.fail(domain, off),
        None => out.skip(domain, format!("AWS did not say whether {what}")),
    }
}
