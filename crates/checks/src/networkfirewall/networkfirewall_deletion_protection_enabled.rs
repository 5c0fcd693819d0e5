use crate::{declare_check, evidence};
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Every Network Firewall firewall has deletion protection on (`DeleteProtection` in
    /// `DescribeFirewall`). SKIP when the firewall could not be described.
    ///
    /// ### Why it matters
    /// Deleting the firewall removes inspection from every subnet routed through it at once;
    /// protection turns an accidental or hasty deletion into a deliberate two-step change.
    ///
    /// ### How to fix
    /// `aws network-firewall update-firewall-delete-protection --firewall-name <name>
    /// --delete-protection`.
    NetworkfirewallDeletionProtectionEnabled {
        id: "networkfirewall_deletion_protection_enabled",
        title: "Network firewalls have deletion protection on",
        severity: Medium,
        service: NetworkFirewall,
        resource_kind: "networkfirewall_firewall",
        best_practices: ["SEC05-BP04", "SEC05-BP03"],
        prowler: ["networkfirewall_deletion_protection"],
        security_hub: ["NetworkFirewall.9"],
        config_rule: ["NETFW_DELETION_PROTECTION_ENABLED"],
        cis: [],
        reads: { NetworkFirewall: [ListFirewalls, DescribeFirewall] },
        remediation: "Turn on deletion protection for the firewall.",
    }
}

impl NetworkfirewallDeletionProtectionEnabled {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for fw in &inv.network_firewall.firewalls {
            match fw.deletion_protection {
                Some(true) => out.pass(fw, "deletion protection is on"),
                Some(false) => out.fail(fw, "deletion protection is off"),
                None => out.skip(fw, evidence::unknown_for_resource(inv, &fw.arn, "deletion protection")),
            }
        }
    }
}
