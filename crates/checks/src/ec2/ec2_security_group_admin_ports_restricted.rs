use crate::declare_check;
use wasp_model::Inventory;

/// Remote administration ports: SSH and RDP.
const ADMIN_PORTS: [(i32, &str); 2] = [(22, "SSH"), (3389, "RDP")];

declare_check! {
    /// ### What it checks
    /// No ingress rule of a security group admits SSH (TCP 22) or RDP (TCP 3389) from
    /// `0.0.0.0/0` or `::/0`. Port ranges that include either port and rules for all
    /// protocols count; private ranges such as `10.0.0.0/8` do not.
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
        service: "ec2",
        resource_kind: "ec2_security_group",
        best_practices: ["SEC05-BP02", "SEC06-BP03"],
        prowler: [
            "ec2_securitygroup_allow_ingress_from_internet_to_tcp_port_22",
            "ec2_securitygroup_allow_ingress_from_internet_to_tcp_port_3389",
        ],
        security_hub: ["EC2.13", "EC2.14", "EC2.53", "EC2.54"],
        config_rule: ["INCOMING_SSH_DISABLED", "RESTRICTED_INCOMING_TRAFFIC"],
        cis: ["3.0:5.2", "3.0:5.3", "4.0:5.2", "4.0:5.3", "5.0:5.3", "5.0:5.4"],
        remediation: "Remove internet-wide SSH/RDP rules; use Session Manager or a narrow source range.",
    }
}

impl Ec2SecurityGroupAdminPortsRestricted {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for sg in &inv.ec2.security_groups {
            let open: Vec<String> = ADMIN_PORTS
                .iter()
                .filter_map(|(port, name)| {
                    sg.ingress
                        .iter()
                        .find(|r| r.from_anywhere() && r.covers_tcp_port(*port))
                        .map(|r| format!("{name} from {}", r.source))
                })
                .collect();
            if open.is_empty() {
                out.pass(sg, "no SSH or RDP ingress from the internet");
            } else {
                out.fail(sg, format!("internet ingress allowed: {}", open.join(", ")));
            }
        }
    }
}
