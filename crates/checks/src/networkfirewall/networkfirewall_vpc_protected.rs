use crate::{declare_check, evidence};
use wasp_model::{Inventory, Service};

declare_check! {
    /// ### What it checks
    /// Every VPC has a Network Firewall firewall deployed in it (a firewall whose `VpcId` is
    /// the VPC's). Inspection provided another way (a firewall in a central inspection VPC
    /// behind a transit gateway, a Gateway Load Balancer appliance) is not seen, so those VPCs
    /// fail; treat the finding as a prompt to confirm how the VPC's traffic is inspected.
    /// SKIP when the region's firewalls could not be listed or described.
    ///
    /// ### Why it matters
    /// Security groups and network ACLs filter by address and port only; a firewall inspects
    /// what the traffic is (domains, protocols, signatures) and catches exfiltration and
    /// command-and-control traffic the others let through.
    ///
    /// ### How to fix
    /// Deploy a firewall in the VPC (or route its traffic through a central inspection VPC)
    /// and route internet-bound traffic through its endpoints.
    NetworkfirewallVpcProtected {
        id: "networkfirewall_vpc_protected",
        title: "VPCs have a Network Firewall deployed",
        severity: Low,
        service: NetworkFirewall,
        resource_kind: "vpc",
        best_practices: ["SEC05-BP03"],
        prowler: ["networkfirewall_in_all_vpc"],
        security_hub: [],
        config_rule: [],
        cis: [],
        reads: { NetworkFirewall: [ListFirewalls, DescribeFirewall], Ec2: [DescribeVpcs] },
        remediation: "Deploy a Network Firewall in the VPC or route its traffic through one.",
    }
}

impl NetworkfirewallVpcProtected {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for vpc in &inv.ec2.vpcs {
            let unread = ["ListFirewalls", "DescribeFirewall"].into_iter().find_map(|op| {
                evidence::operation_gap(inv, Service::NetworkFirewall, &vpc.region, op, "the region's firewalls")
            });
            let firewall = inv
                .network_firewall
                .firewalls
                .iter()
                .find(|f| f.region == vpc.region && f.vpc_id.as_deref() == Some(vpc.id.as_str()));
            match (firewall, unread) {
                (Some(f), _) => out.pass(vpc, format!("firewall {} is deployed in the VPC", f.name)),
                (None, Some(reason)) => out.skip(vpc, reason),
                (None, None) => out.fail(vpc, "no Network Firewall is deployed in the VPC"),
            }
        }
    }
}
