use crate::declare_check;
use wasp_model::ec2::{NaclEntry, NetworkAcl};
use wasp_model::Inventory;

/// Remote administration ports: SSH and RDP.
const ADMIN_PORTS: [(i32, &str); 2] = [(22, "SSH"), (3389, "RDP")];
/// The whole IPv4 and IPv6 internet.
const INTERNET: [&str; 2] = ["0.0.0.0/0", "::/0"];

/// The entry applies to TCP traffic to `port` (or to every protocol).
fn covers_tcp_port(entry: &NaclEntry, port: i32) -> bool {
    match entry.protocol.as_str() {
        "-1" | "all" => true,
        "6" | "tcp" => match (entry.from_port, entry.to_port) {
            (Some(from), Some(to)) => from <= port && port <= to,
            _ => true,
        },
        _ => false,
    }
}

/// The entry that decides inbound TCP traffic to `port` from anywhere in `cidr`, if it allows it:
/// the lowest-numbered inbound entry for exactly that CIDR covering the port.
fn allowing_entry<'a>(acl: &'a NetworkAcl, cidr: &str, port: i32) -> Option<&'a NaclEntry> {
    acl.entries
        .iter()
        .filter(|e| !e.egress && e.cidr == cidr && covers_tcp_port(e, port))
        .min_by_key(|e| e.rule_number)
        .filter(|e| e.action.eq_ignore_ascii_case("allow"))
}

declare_check! {
    /// ### What it checks
    /// No network ACL lets SSH (TCP 22) or RDP (TCP 3389) in from `0.0.0.0/0` or `::/0`. For
    /// each port and each of the two CIDRs, the inbound entries for exactly that CIDR that
    /// cover the port (all-protocol entries and port ranges included) are taken in rule-number
    /// order, as AWS evaluates them: the port is open when the first one is `allow`. A lower
    /// numbered `deny` closes it; entries for narrower CIDRs are not judged.
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
        service: "ec2",
        resource_kind: "ec2_network_acl",
        best_practices: ["SEC05-BP02"],
        prowler: ["ec2_networkacl_allow_ingress_tcp_port_22", "ec2_networkacl_allow_ingress_tcp_port_3389"],
        security_hub: ["EC2.21"],
        config_rule: ["NACL_NO_UNRESTRICTED_SSH_RDP"],
        cis: ["3.0:5.1", "4.0:5.2", "5.0:5.2"],
        remediation: "Deny SSH and RDP from 0.0.0.0/0 and ::/0 in the network ACL.",
    }
}

impl Ec2NetworkAclAdminPortsRestricted {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for acl in &inv.ec2.network_acls {
            let mut open = Vec::new();
            for (port, name) in ADMIN_PORTS {
                for cidr in INTERNET {
                    if let Some(entry) = allowing_entry(acl, cidr, port) {
                        open.push(format!("{name} from {cidr} (rule {})", entry.rule_number));
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
