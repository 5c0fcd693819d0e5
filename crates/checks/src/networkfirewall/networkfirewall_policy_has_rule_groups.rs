use crate::{declare_check, evidence};
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Every firewall policy references at least one stateless or stateful rule group. SKIP
    /// when the policy could not be described.
    ///
    /// ### Why it matters
    /// A policy without rule groups decides everything by its default actions: the firewall
    /// inspects nothing it could tell apart.
    ///
    /// ### How to fix
    /// Add AWS managed threat signature or domain list rule groups, or your own, to the policy.
    NetworkfirewallPolicyHasRuleGroups {
        id: "networkfirewall_policy_has_rule_groups",
        title: "Firewall policies reference rule groups",
        severity: Medium,
        service: NetworkFirewall,
        resource_kind: "networkfirewall_policy",
        best_practices: ["SEC05-BP03"],
        prowler: ["networkfirewall_policy_rule_group_associated"],
        security_hub: ["NetworkFirewall.3"],
        config_rule: ["NETFW_POLICY_RULE_GROUP_ASSOCIATED"],
        cis: [],
        reads: { NetworkFirewall: [ListFirewallPolicies, DescribeFirewallPolicy] },
        remediation: "Add stateless or stateful rule groups to the policy.",
    }
}

impl NetworkfirewallPolicyHasRuleGroups {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for policy in &inv.network_firewall.policies {
            let (Some(stateless), Some(stateful)) = (&policy.stateless_rule_groups, &policy.stateful_rule_groups)
            else {
                out.skip(policy, evidence::unknown_for_resource(inv, &policy.arn, "the policy"));
                continue;
            };
            if stateless.is_empty() && stateful.is_empty() {
                out.fail(policy, "the policy references no rule group");
            } else {
                out.pass(
                    policy,
                    format!("{} stateless and {} stateful rule group(s)", stateless.len(), stateful.len()),
                );
            }
        }
    }
}
