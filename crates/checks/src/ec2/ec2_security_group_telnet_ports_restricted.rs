use crate::declare_check;
use wasp_model::ec2::Protocol;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// No ingress rule of a security group admits Telnet (TCP port 23) from
    /// `0.0.0.0/0` or `::/0`. A rule counts when its protocol matches (or is `-1`, all
    /// protocols) and its port range includes one of the ports; rules from private ranges,
    /// prefix lists or other security groups do not. Every security group is judged, attached
    /// or not.
    ///
    /// ### Why it matters
    /// Telnet sends the session, passwords included, in clear text and its daemons are old code; an open port invites both sniffing and brute force.
    ///
    /// ### How to fix
    /// Remove the rule and replace Telnet with SSH through Session Manager or a bastion limited to known addresses.
    Ec2SecurityGroupTelnetPortsRestricted {
        id: "ec2_security_group_telnet_ports_restricted",
        title: "Security groups do not open Telnet to the internet",
        severity: High,
        service: Ec2,
        resource_kind: "ec2_security_group",
        best_practices: ["SEC05-BP02", "SEC09-BP02"],
        prowler: ["ec2_securitygroup_allow_ingress_from_internet_to_tcp_port_telnet_23"],
        security_hub: [],
        config_rule: [],
        cis: [],
        reads: { Ec2: [DescribeSecurityGroups] },
        remediation: "Remove internet-wide Telnet rules and allow only the security groups that need the service.",
    }
}

impl Ec2SecurityGroupTelnetPortsRestricted {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        super::ports::judge(inv, out, "Telnet", &[23], &[Protocol::Tcp]);
    }
}
