use crate::{declare_check, evidence};
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Every stateless Network Firewall rule group contains at least one rule. Stateful rule
    /// groups are not judged. SKIP when the rule group could not be described.
    ///
    /// ### Why it matters
    /// An empty rule group referenced by a policy looks like filtering and does none.
    ///
    /// ### How to fix
    /// Add rules to the group, or remove it from the policies that reference it and delete it.
    NetworkfirewallStatelessRuleGroupNotEmpty {
        id: "networkfirewall_stateless_rule_group_not_empty",
        title: "Stateless firewall rule groups contain rules",
        severity: Medium,
        service: NetworkFirewall,
        resource_kind: "networkfirewall_rule_group",
        best_practices: ["SEC05-BP03"],
        prowler: [],
        security_hub: ["NetworkFirewall.6"],
        config_rule: ["NETFW_STATELESS_RULE_GROUP_NOT_EMPTY"],
        cis: [],
        reads: { NetworkFirewall: [ListRuleGroups, DescribeRuleGroup] },
        remediation: "Add rules to the stateless rule group or delete it.",
    }
}

impl NetworkfirewallStatelessRuleGroupNotEmpty {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for group in inv.network_firewall.rule_groups.iter().filter(|g| g.kind == "STATELESS") {
            match group.rule_count {
                Some(0) => out.fail(group, "the rule group has no rules"),
                Some(n) => out.pass(group, format!("{n} rule(s)")),
                None => out.skip(group, evidence::unknown_for_resource(inv, &group.arn, "the rule group")),
            }
        }
    }
}
