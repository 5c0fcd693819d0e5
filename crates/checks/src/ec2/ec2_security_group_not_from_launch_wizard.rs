use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// No security group is named like the ones the EC2 console's launch wizard creates
    /// (`launch-wizard-<n>`, case-insensitive prefix `launch-wizard`). Every security group is
    /// judged, attached or not.
    ///
    /// ### Why it matters
    /// The launch wizard creates a group on the spot, typically opening SSH or RDP to
    /// `0.0.0.0/0`, outside any template or review. Such groups show that network rules are
    /// being made by hand rather than from managed, reviewed definitions, and they tend to
    /// outlive the test that created them.
    ///
    /// ### How to fix
    /// Replace the group with one defined in CloudFormation, CDK or Terraform (or managed by
    /// Firewall Manager), move the instances or interfaces over, and delete the wizard group.
    Ec2SecurityGroupNotFromLaunchWizard {
        id: "ec2_security_group_not_from_launch_wizard",
        title: "Security groups are not created by the console launch wizard",
        severity: Low,
        service: Ec2,
        resource_kind: "ec2_security_group",
        best_practices: ["SEC05-BP04", "SEC05-BP02"],
        prowler: ["ec2_securitygroup_from_launch_wizard"],
        security_hub: [],
        config_rule: [],
        cis: [],
        reads: { Ec2: [DescribeSecurityGroups] },
        remediation: "Replace launch-wizard security groups with groups defined in infrastructure as code.",
    }
}

impl Ec2SecurityGroupNotFromLaunchWizard {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for sg in &inv.ec2.security_groups {
            if sg.name.to_ascii_lowercase().starts_with("launch-wizard") {
                out.fail(sg, format!("{} was created by the console launch wizard", sg.name));
            } else {
                out.pass(sg, "not a launch-wizard group");
            }
        }
    }
}
