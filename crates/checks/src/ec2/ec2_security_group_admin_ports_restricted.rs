use crate::declare_check;
use wasp_model::ec2::Protocol;
use wasp_model::Inventory;

/// Remote administration ports: SSH and RDP.
const ADMIN_PORTS: [(i32, &str); 2] = [(22, "SSH"), (3389, "RDP")];
/// Protocols that carry the ports; an all-protocol rule matches both.
const PROTOCOLS: [Protocol; 2] = [Protocol::Tcp, Protocol::Udp];

declare_check! {
    /// ### What it checks
    /// No ingress rule of a security group admits port 22 (SSH) or 3389 (RDP) from
    /// `0.0.0.0/0` or `::/0` over TCP, UDP or all protocols, as CIS counts them (RDP also runs
    /// over UDP). Port ranges that include either port count; private ranges such as
    /// `10.0.0.0/8`, prefix lists and other groups do not.
    ///
    /// ### Why it matters
    /// Administration ports open to the internet are scanned within minutes of exposure and are
    /// the first target of brute-force and exploit attempts.
    ///
    /// ### How to fix
    /// Remove the rule and reach instances through Systems Manager Session Manager, or limit
    /// the source to known administrative networks.
    Ec2SecurityGroupAdminPortsRestricted {
        id: "ec2_security_group_admin_ports_restricted",
        title: "Security groups do not open SSH or RDP to the internet",
        severity: High,
        service: Ec2,
        resource_kind: "ec2_security_group",
        best_practices: ["SEC05-BP02", "SEC06-BP03"],
        prowler: [],
        security_hub: ["EC2.53", "EC2.54"],
        config_rule: ["VPC_SG_PORT_RESTRICTION_CHECK"],
        cis: ["3.0:5.2", "3.0:5.3", "4.0:5.3", "4.0:5.4", "5.0:5.3", "5.0:5.4"],
        reads: { Ec2: [DescribeSecurityGroups] },
        remediation: "Remove internet-wide SSH/RDP rules; use Session Manager or a narrow source range.",
    }
}

impl Ec2SecurityGroupAdminPortsRestricted {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for sg in &inv.ec2.security_groups {
            let mut open = Vec::new();
            for (port, name) in ADMIN_PORTS {
                for protocol in PROTOCOLS {
                    if let Some(r) = sg.ingress.iter().find(|r| r.from_anywhere() && r.covers_port(protocol, port)) {
                        open.push(format!("{name} ({protocol} {port}) from {}", r.source));
                    }
                }
            }
            if open.is_empty() {
                out.pass(sg, "no SSH or RDP ingress from the internet");
            } else {
                out.fail(sg, format!("internet ingress allowed: {}", open.join(", ")));
            }
        }
    }
}
