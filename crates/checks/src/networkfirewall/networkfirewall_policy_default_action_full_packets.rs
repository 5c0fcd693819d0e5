use crate::{declare_check, evidence};
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Every firewall policy's stateless default action for full packets is `aws:drop` or
    /// `aws:forward_to_sfe` (hand them to the stateful engine); `aws:pass` alone, or a
    /// custom action without either, fails. SKIP when the policy could not be described.
    ///
    /// ### Why it matters
    /// The stateless default applies to every full packet no stateless rule matched; with
    /// `aws:pass` such packets cross the firewall with no inspection at all.
    ///
    /// ### How to fix
    /// Set the policy's stateless default action for full packets to `aws:forward_to_sfe`
    /// (`aws network-firewall update-firewall-policy`) and let stateful rules decide.
    NetworkfirewallPolicyDefaultActionFullPackets {
        id: "networkfirewall_policy_default_action_full_packets",
        title: "Firewall policies drop or inspect unmatched full packets",
        severity: Medium,
        service: NetworkFirewall,
        resource_kind: "networkfirewall_policy",
        best_practices: ["SEC05-BP03"],
        prowler: ["networkfirewall_policy_default_action_full_packets"],
        security_hub: ["NetworkFirewall.4"],
        config_rule: ["NETFW_POLICY_DEFAULT_ACTION_FULL_PACKETS"],
        cis: [],
        reads: { NetworkFirewall: [ListFirewallPolicies, DescribeFirewallPolicy] },
        remediation: "Set the stateless default action for full packets to forward to the stateful engine or drop.",
    }
}

impl NetworkfirewallPolicyDefaultActionFullPackets {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for policy in &inv.network_firewall.policies {
            match policy.stateless_default_actions.as_deref() {
                Some(actions) if super::blocks_or_inspects(actions) => {
                    out.pass(policy, format!("default action {}", actions.join(", ")))
                }
                Some(actions) => {
                    out.fail(policy, format!("unmatched packets pass uninspected ({})", actions.join(", ")))
                }
                None => out.skip(policy, evidence::unknown_for_resource(inv, &policy.arn, "the policy")),
            }
        }
    }
}
