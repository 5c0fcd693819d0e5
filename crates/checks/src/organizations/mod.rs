//! AWS Organizations checks.
mod organizations_all_features_enabled;
mod organizations_custom_scp_attached;

pub use organizations_all_features_enabled::OrganizationsAllFeaturesEnabled;
pub use organizations_custom_scp_attached::OrganizationsCustomScpAttached;
