use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Every VPC's default security group (the group named `default`) has no inbound and no
    /// outbound rules at all. FAIL when any rule remains, whatever its source or destination.
    ///
    /// ### Why it matters
    /// Resources launched without an explicit group land in the default one. As AWS creates
    /// it, the group lets all its members talk to each other and reach anywhere outbound, so
    /// unrelated workloads end up sharing an open network segment nobody designed.
    ///
    /// ### How to fix
    /// Move resources to purpose-built security groups, then delete every inbound and outbound
    /// rule of the default group (it cannot be deleted itself).
    Ec2DefaultSecurityGroupRestricted {
        id: "ec2_default_security_group_restricted",
        title: "Default security groups allow no inbound or outbound traffic",
        severity: High,
        service: Ec2,
        resource_kind: "ec2_security_group",
        best_practices: ["SEC05-BP02"],
        prowler: ["ec2_securitygroup_default_restrict_traffic"],
        security_hub: ["EC2.2"],
        config_rule: ["VPC_DEFAULT_SECURITY_GROUP_CLOSED"],
        cis: ["3.0:5.4", "4.0:5.5", "5.0:5.5"],
        reads: { Ec2: [DescribeSecurityGroups] },
        remediation: "Remove all inbound and outbound rules from default security groups.",
    }
}

impl Ec2DefaultSecurityGroupRestricted {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for sg in inv.ec2.security_groups.iter().filter(|sg| sg.is_default()) {
            match (sg.ingress.len(), sg.egress.len()) {
                (0, 0) => out.pass(sg, "the default security group has no rules"),
                (inbound, outbound) => out.fail(sg, format!("{inbound} inbound and {outbound} outbound rules remain")),
            }
        }
    }
}
