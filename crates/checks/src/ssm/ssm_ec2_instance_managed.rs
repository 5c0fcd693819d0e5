use crate::declare_check;
use wasp_model::ec2::InstanceState;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Every running EC2 instance (from the EC2 inventory; pending, stopped and terminated
    /// instances are not judged) is a Systems Manager managed node in its region, as
    /// `DescribeInstanceInformation` lists them, with ping status `Online`. An instance that
    /// is not registered fails; one registered with `ConnectionLost` or `Inactive` fails too
    /// (its agent no longer reports). SKIP when the region's managed nodes could not be read.
    ///
    /// ### Why it matters
    /// Managed nodes can be patched, inventoried and reached through Session Manager without
    /// SSH keys or open ports. An unmanaged instance is patched by hand, if at all, and is
    /// usually reached through an open admin port.
    ///
    /// ### How to fix
    /// Give the instance a role with `AmazonSSMManagedInstanceCore` (or turn on Default Host
    /// Management Configuration), make sure the SSM Agent runs and can reach the SSM
    /// endpoints (VPC endpoints in private subnets).
    SsmEc2InstanceManaged {
        id: "ssm_ec2_instance_managed",
        title: "Running EC2 instances are managed by Systems Manager",
        severity: Medium,
        service: Ssm,
        resource_kind: "ec2_instance",
        best_practices: ["SEC06-BP03", "SEC06-BP05", "SEC06-BP01"],
        prowler: ["ec2_instance_managed_by_ssm"],
        security_hub: ["SSM.1"],
        config_rule: ["EC2_INSTANCE_MANAGED_BY_SSM"],
        cis: [],
        reads: { Ssm: [DescribeInstanceInformation], Ec2: [DescribeInstances] },
        remediation: "Attach an instance profile with AmazonSSMManagedInstanceCore and run the SSM Agent.",
    }
}

impl SsmEc2InstanceManaged {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for instance in inv.ec2.instances.iter().filter(|i| i.state == Some(InstanceState::Running)) {
            let Some(nodes) = inv.ssm.regions.get(&instance.region).and_then(|r| r.managed_nodes.as_ref()) else {
                let why = super::unknown(inv, &instance.region, "DescribeInstanceInformation", "the managed nodes");
                out.skip(instance, why);
                continue;
            };
            match nodes.iter().find(|n| n.id == instance.id).map(|n| n.ping_status.as_deref()) {
                Some(Some("Online")) => out.pass(instance, "a managed node, online"),
                Some(Some(status)) => out.fail(instance, format!("registered, but its agent is {status}")),
                Some(None) => out.pass(instance, "a managed node"),
                None => out.fail(instance, "not a Systems Manager managed node"),
            }
        }
    }
}
