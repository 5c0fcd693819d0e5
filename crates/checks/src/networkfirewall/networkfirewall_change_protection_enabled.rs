use crate::{declare_check, evidence};
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Every Network Firewall firewall has both policy change protection
    /// (`FirewallPolicyChangeProtection`) and subnet change protection
    /// (`SubnetChangeProtection`) on. SKIP when the firewall could not be described.
    ///
    /// ### Why it matters
    /// Swapping the firewall's policy or removing its subnets silently changes what traffic
    /// is inspected; with the protections on, such a change first needs an explicit change
    /// to the protection itself, which automation and reviews can gate.
    ///
    /// ### How to fix
    /// `aws network-firewall update-firewall-policy-change-protection
    /// --firewall-policy-change-protection` and `update-subnet-change-protection
    /// --subnet-change-protection`.
    NetworkfirewallChangeProtectionEnabled {
        id: "networkfirewall_change_protection_enabled",
        title: "Network firewalls protect their policy and subnets against change",
        severity: Low,
        service: NetworkFirewall,
        resource_kind: "networkfirewall_firewall",
        best_practices: ["SEC05-BP04"],
        prowler: [],
        security_hub: [],
        config_rule: [],
        cis: [],
        reads: { NetworkFirewall: [ListFirewalls, DescribeFirewall] },
        remediation: "Turn on policy and subnet change protection for the firewall.",
    }
}

impl NetworkfirewallChangeProtectionEnabled {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for fw in &inv.network_firewall.firewalls {
            let (Some(policy), Some(subnet)) = (fw.policy_change_protection, fw.subnet_change_protection) else {
                out.skip(fw, evidence::unknown_for_resource(inv, &fw.arn, "change protection"));
                continue;
            };
            let off: Vec<&str> =
                [("policy", policy), ("subnet", subnet)].into_iter().filter(|(_, on)| !on).map(|(w, _)| w).collect();
            if off.is_empty() {
                out.pass(fw, "policy and subnet change protection are on");
            } else {
                out.fail(fw, format!("{} change protection is off", off.join(" and ")));
            }
        }
    }
}
