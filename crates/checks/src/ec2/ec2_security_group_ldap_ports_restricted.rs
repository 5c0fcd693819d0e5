use crate::declare_check;
use wasp_model::ec2::Protocol;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// No ingress rule of a security group admits LDAP (TCP or UDP ports 389, 636) from
    /// `0.0.0.0/0` or `::/0`. A rule counts when its protocol matches (or is `-1`, all
    /// protocols) and its port range includes one of the ports; rules from private ranges,
    /// prefix lists or other security groups do not. Every security group is judged, attached
    /// or not.
    ///
    /// ### Why it matters
    /// A directory service on the internet invites password spraying against every account it holds, and LDAP over UDP (CLDAP) is a DDoS amplifier.
    ///
    /// ### How to fix
    /// Remove the rule; let only the subnets and security groups of the directory's clients reach it.
    Ec2SecurityGroupLdapPortsRestricted {
        id: "ec2_security_group_ldap_ports_restricted",
        title: "Security groups do not open LDAP to the internet",
        severity: High,
        service: Ec2,
        resource_kind: "ec2_security_group",
        best_practices: ["SEC05-BP02"],
        prowler: [],
        security_hub: [],
        config_rule: [],
        cis: [],
        reads: { Ec2: [DescribeSecurityGroups] },
        remediation: "Remove internet-wide LDAP rules and allow only the security groups that need the service.",
    }
}

impl Ec2SecurityGroupLdapPortsRestricted {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        super::ports::judge(inv, out, "LDAP", &[389, 636], &[Protocol::Tcp, Protocol::Udp]);
    }
}
