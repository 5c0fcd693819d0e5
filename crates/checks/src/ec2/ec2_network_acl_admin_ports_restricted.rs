use crate::declare_check;
use wasp_model::ec2::{NaclEntry, NetworkAcl, Protocol, RuleAction};
use wasp_model::Inventory;

/// Remote administration ports: SSH and RDP.
const ADMIN_PORTS: [(i32, &str); 2] = [(22, "SSH"), (3389, "RDP")];
/// The whole IPv4 and IPv6 internet.
const INTERNET: [&str; 2] = ["0.0.0.0/0", "::/0"];
/// Protocols that carry the ports; an all-protocol entry matches both.
const PROTOCOLS: [Protocol; 2] = [Protocol::Tcp, Protocol::Udp];

/// The entry that decides inbound traffic to `port` over `protocol` from anywhere in `cidr`,
/// if it allows it: the lowest-numbered inbound entry for exactly that CIDR covering it.
fn allowing_entry<'a>(acl: &'a NetworkAcl, cidr: &str, protocol: Protocol, port: i32) -> Option<&'a NaclEntry> {
    acl.entries
        .iter()
        .filter(|e| !e.egress && e.cidr == cidr && e.covers_port(protocol, port))
        .min_by_key(|e| e.rule_number)
        .filter(|e| e.action == RuleAction::Allow)
}

declare_check! {
    /// ### What it checks
    /// No network ACL lets port 22 (SSH) or 3389 (RDP) in from `0.0.0.0/0` or `::/0`, over TCP,
    /// UDP or all protocols, as CIS and the `nacl-no-unrestricted-ssh-rdp` rule count them.
    /// For each port, protocol and internet CIDR, the inbound entries for exactly that CIDR
    /// that cover the port (all-protocol entries and port ranges included) are taken in
    /// rule-number order, as AWS evaluates them: the port is open when the first one is
    /// `allow`. A lower numbered `deny` closes it; entries for narrower CIDRs are not judged.
    ///
    /// ### Why it matters
    /// Network ACLs are the subnet-wide layer behind security groups. An ACL that admits
    /// administration ports from the internet leaves a single security group mistake between
    /// an instance and brute-force attacks.
    ///
    /// ### How to fix
    /// Add a lower-numbered `deny` entry for ports 22 and 3389 from `0.0.0.0/0` and `::/0`, or
    /// narrow the allowing entry to the ports the subnet serves.
    Ec2NetworkAclAdminPortsRestricted {
        id: "ec2_network_acl_admin_ports_restricted",
        title: "Network ACLs do not admit SSH or RDP from the internet",
        severity: Medium,
        service: Ec2,
        resource_kind: "ec2_network_acl",
        best_practices: ["SEC05-BP02"],
        prowler: [],
        security_hub: ["EC2.21"],
        config_rule: ["NACL_NO_UNRESTRICTED_SSH_RDP"],
        cis: ["3.0:5.1", "4.0:5.2", "5.0:5.2"],
        reads: { Ec2: [DescribeNetworkAcls] },
        remediation: "Deny SSH and RDP from 0.0.0.0/0 and ::/0 in the network ACL.",
    }
}

impl Ec2NetworkAclAdminPortsRestricted {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for acl in &inv.ec2.network_acls {
            let mut open = Vec::new();
            for (port, name) in ADMIN_PORTS {
                for protocol in PROTOCOLS {
                    for cidr in INTERNET {
                        if let Some(entry) = allowing_entry(acl, cidr, protocol, port) {
                            open.push(format!("{name} ({protocol} {port}) from {cidr} (rule {})", entry.rule_number));
                        }
                    }
                }
            }
            if open.is_empty() {
                out.pass(acl, "no SSH or RDP ingress from the internet");
            } else {
                out.fail(acl, format!("internet ingress allowed: {}", open.join(", ")));
            }
        }
    }
}
