use crate::declare_check;
use wasp_model::ec2::Protocol;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// No ingress rule of a security group admits MongoDB (TCP ports 27017, 27018) from
    /// `0.0.0.0/0` or `::/0`. A rule counts when its protocol matches (or is `-1`, all
    /// protocols) and its port range includes one of the ports; rules from private ranges,
    /// prefix lists or other security groups do not. Every security group is judged, attached
    /// or not.
    ///
    /// ### Why it matters
    /// Internet-reachable MongoDB instances have been wiped and ransomed by the tens of thousands; many run without authentication at all.
    ///
    /// ### How to fix
    /// Remove the rule; let only the application tier's security group reach the database.
    Ec2SecurityGroupMongodbPortsRestricted {
        id: "ec2_security_group_mongodb_ports_restricted",
        title: "Security groups do not open MongoDB to the internet",
        severity: High,
        service: Ec2,
        resource_kind: "ec2_security_group",
        best_practices: ["SEC05-BP02", "SEC05-BP01"],
        prowler: ["ec2_securitygroup_allow_ingress_from_internet_to_tcp_port_mongodb_27017_27018"],
        security_hub: [],
        config_rule: [],
        cis: [],
        reads: { Ec2: [DescribeSecurityGroups] },
        remediation: "Remove internet-wide MongoDB rules and allow only the security groups that need the service.",
    }
}

impl Ec2SecurityGroupMongodbPortsRestricted {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        super::ports::judge(inv, out, "MongoDB", &[27017, 27018], &[Protocol::Tcp]);
    }
}
