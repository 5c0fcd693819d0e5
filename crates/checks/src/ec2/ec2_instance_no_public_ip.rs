use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// No EC2 instance has a public IPv4 address (`PublicIpAddress`, whether auto-assigned or
    /// an Elastic IP on its primary interface). Instances that are shutting down or terminated
    /// are not judged. IPv6 addresses are not considered.
    ///
    /// ### Why it matters
    /// A public address makes the instance reachable from the internet as far as its security
    /// groups and network ACLs allow; one rule too wide and the host is exposed. Workloads
    /// behind load balancers, NAT gateways and Session Manager need none.
    ///
    /// ### How to fix
    /// Launch instances in private subnets without public addresses, reach them through a
    /// load balancer or Session Manager, and release Elastic IPs that are not needed.
    Ec2InstanceNoPublicIp {
        id: "ec2_instance_no_public_ip",
        title: "EC2 instances have no public IPv4 address",
        severity: Medium,
        service: Ec2,
        resource_kind: "ec2_instance",
        best_practices: ["SEC05-BP01"],
        prowler: ["ec2_instance_public_ip"],
        security_hub: ["EC2.9"],
        config_rule: ["EC2_INSTANCE_NO_PUBLIC_IP"],
        cis: [],
        reads: { Ec2: [DescribeInstances] },
        remediation: "Move the instance to a private subnet without a public address.",
    }
}

impl Ec2InstanceNoPublicIp {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for instance in &inv.ec2.instances {
            if instance.state.is_some_and(|s| s.is_gone()) {
                continue;
            }
            match &instance.public_ip {
                Some(ip) => out.fail(instance, format!("public IPv4 address {ip}")),
                None => out.pass(instance, "no public IPv4 address"),
            }
        }
    }
}
