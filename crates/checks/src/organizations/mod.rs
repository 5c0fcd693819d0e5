//! AWS Organizations checks.
mod attached;
mod organizations_ai_opt_out_policy_attached;
mod organizations_all_features_enabled;
mod organizations_custom_scp_attached;
mod organizations_declarative_policy_attached;
mod organizations_rcp_attached;
mod organizations_security_services_delegated_admin;
mod organizations_tag_policy_attached;

pub use organizations_ai_opt_out_policy_attached::OrganizationsAiOptOutPolicyAttached;
pub use organizations_all_features_enabled::OrganizationsAllFeaturesEnabled;
pub use organizations_custom_scp_attached::OrganizationsCustomScpAttached;
pub use organizations_declarative_policy_attached::OrganizationsDeclarativePolicyAttached;
pub use organizations_rcp_attached::OrganizationsRcpAttached;
pub use organizations_security_services_delegated_admin::OrganizationsSecurityServicesDelegatedAdmin;
pub use organizations_tag_policy_attached::OrganizationsTagPolicyAttached;

use wasp_model::{Inventory, Setting};

/// Whether the scanned account is registered as the delegated administrator of a service
/// (`guardduty.amazonaws.com` …): `Some(false)` when the account is in no organization;
/// `None` when the organization's delegated administrators were not read.
pub fn is_delegated_administrator(inv: &Inventory, principal: &str) -> Option<bool> {
    if matches!(inv.organizations.organization, Some(Setting::NotConfigured)) {
        return Some(false);
    }
    inv.organizations.delegated_administrators.get(principal).map(|admins| admins.contains(&inv.account_id))
}
