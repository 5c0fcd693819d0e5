use crate::declare_check;
use wasp_model::ec2::Protocol;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// No ingress rule of a security group admits MySQL (TCP port 3306) from
    /// `0.0.0.0/0` or `::/0`. A rule counts when its protocol matches (or is `-1`, all
    /// protocols) and its port range includes one of the ports; rules from private ranges,
    /// prefix lists or other security groups do not. Every security group is judged, attached
    /// or not.
    ///
    /// ### Why it matters
    /// A database port on the internet is found by scanners within hours and attacked with password guessing and known exploits; the data is one weak password away.
    ///
    /// ### How to fix
    /// Remove the rule; let only the application tier's security group reach the database, and reach it yourself through Session Manager port forwarding.
    Ec2SecurityGroupMysqlPortsRestricted {
        id: "ec2_security_group_mysql_ports_restricted",
        title: "Security groups do not open MySQL to the internet",
        severity: High,
        service: Ec2,
        resource_kind: "ec2_security_group",
        best_practices: ["SEC05-BP02", "SEC05-BP01"],
        prowler: ["ec2_securitygroup_allow_ingress_from_internet_to_tcp_port_mysql_3306"],
        security_hub: [],
        config_rule: [],
        cis: [],
        reads: { Ec2: [DescribeSecurityGroups] },
        remediation: "Remove internet-wide MySQL rules and allow only the security groups that need the service.",
    }
}

impl Ec2SecurityGroupMysqlPortsRestricted {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        super::ports::judge(inv, out, "MySQL", &[3306], &[Protocol::Tcp]);
    }
}
