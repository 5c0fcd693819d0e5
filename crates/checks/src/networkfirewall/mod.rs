//! Network Firewall checks.
mod networkfirewall_change_protection_enabled;
mod networkfirewall_deletion_protection_enabled;
mod networkfirewall_logging_enabled;
mod networkfirewall_policy_default_action_fragmented_packets;
mod networkfirewall_policy_default_action_full_packets;
mod networkfirewall_policy_has_rule_groups;
mod networkfirewall_stateless_rule_group_not_empty;
mod networkfirewall_vpc_protected;

pub use networkfirewall_change_protection_enabled::NetworkfirewallChangeProtectionEnabled;
pub use networkfirewall_deletion_protection_enabled::NetworkfirewallDeletionProtectionEnabled;
pub use networkfirewall_logging_enabled::NetworkfirewallLoggingEnabled;
pub use networkfirewall_policy_default_action_fragmented_packets::NetworkfirewallPolicyDefaultActionFragmentedPackets;
pub use networkfirewall_policy_default_action_full_packets::NetworkfirewallPolicyDefaultActionFullPackets;
pub use networkfirewall_policy_has_rule_groups::NetworkfirewallPolicyHasRuleGroups;
pub use networkfirewall_stateless_rule_group_not_empty::NetworkfirewallStatelessRuleGroupNotEmpty;
pub use networkfirewall_vpc_protected::NetworkfirewallVpcProtected;

/// Stateless default actions that do not let a packet through uninspected.
pub(crate) fn blocks_or_inspects(actions: &[String]) -> bool {
    actions.iter().any(|a| a == "aws:drop" || a == "aws:forward_to_sfe")
}
