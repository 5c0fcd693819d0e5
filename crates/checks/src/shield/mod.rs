//! Shield Advanced checks.
mod shield_advanced_protects_edge_resources;
mod shield_advanced_subscribed;

pub use shield_advanced_protects_edge_resources::ShieldAdvancedProtectsEdgeResources;
pub use shield_advanced_subscribed::ShieldAdvancedSubscribed;
