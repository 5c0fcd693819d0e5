use crate::{declare_check, evidence};
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// No subnet has `MapPublicIpOnLaunch` on, the setting that gives every instance launched
    /// into it a public IPv4 address unless the launch says otherwise. Default subnets of the
    /// default VPC have it on from the start and fail too. SKIP when AWS did not report the
    /// setting.
    ///
    /// ### Why it matters
    /// Auto-assigned public addresses put instances on the internet by default: anyone who
    /// launches into the subnet without thinking about it creates an internet-reachable host.
    ///
    /// ### How to fix
    /// `aws ec2 modify-subnet-attribute --subnet-id <id> --no-map-public-ip-on-launch`, and
    /// assign public addresses (or better, load balancers) explicitly where a host must be
    /// reachable.
    Ec2SubnetNoAutoPublicIp {
        id: "ec2_subnet_no_auto_public_ip",
        title: "Subnets do not assign public IPv4 addresses automatically",
        severity: Medium,
        service: Ec2,
        resource_kind: "ec2_subnet",
        best_practices: ["SEC05-BP01"],
        prowler: ["vpc_subnet_no_public_ip_by_default"],
        security_hub: ["EC2.15"],
        config_rule: ["SUBNET_AUTO_ASSIGN_PUBLIC_IP_DISABLED"],
        cis: [],
        reads: { Ec2: [DescribeSubnets] },
        remediation: "Turn off MapPublicIpOnLaunch on the subnet.",
    }
}

impl Ec2SubnetNoAutoPublicIp {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for subnet in &inv.ec2.subnets {
            match subnet.map_public_ip_on_launch {
                Some(true) => out.fail(subnet, "instances launched here get a public IPv4 address automatically"),
                Some(false) => out.pass(subnet, "no automatic public IPv4 address"),
                None => out.skip(subnet, evidence::unknown_for_resource(inv, &subnet.arn, "MapPublicIpOnLaunch")),
            }
        }
    }
}
