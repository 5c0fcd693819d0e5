use crate::declare_check;
use wasp_model::ec2::Protocol;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// No ingress rule of a security group admits SMB/CIFS (TCP or UDP ports 139, 445) from
    /// `0.0.0.0/0` or `::/0`. A rule counts when its protocol matches (or is `-1`, all
    /// protocols) and its port range includes one of the ports; rules from private ranges,
    /// prefix lists or other security groups do not. Every security group is judged, attached
    /// or not.
    ///
    /// ### Why it matters
    /// SMB on the internet is how WannaCry and NotPetya spread; it exposes file shares and a long history of remote code execution flaws.
    ///
    /// ### How to fix
    /// Remove the rule; reach file shares over VPN or Direct Connect, or use Amazon FSx with private access.
    Ec2SecurityGroupCifsPortsRestricted {
        id: "ec2_security_group_cifs_ports_restricted",
        title: "Security groups do not open SMB/CIFS to the internet",
        severity: High,
        service: Ec2,
        resource_kind: "ec2_security_group",
        best_practices: ["SEC05-BP02"],
        prowler: [],
        security_hub: [],
        config_rule: [],
        cis: [],
        reads: { Ec2: [DescribeSecurityGroups] },
        remediation: "Remove internet-wide SMB/CIFS rules and allow only the security groups that need the service.",
    }
}

impl Ec2SecurityGroupCifsPortsRestricted {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        super::ports::judge(inv, out, "SMB/CIFS", &[139, 445], &[Protocol::Tcp, Protocol::Udp]);
    }
}
