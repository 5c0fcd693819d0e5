use crate::declare_check;
use wasp_model::ec2::{Protocol, SgRule};
use wasp_model::Inventory;

/// The rule opens every port: all protocols, or TCP/UDP over the whole port range (or with no
/// port range given).
fn opens_every_port(rule: &SgRule) -> bool {
    if rule.all_traffic() {
        return true;
    }
    matches!(rule.protocol, Protocol::Tcp | Protocol::Udp)
        && match (rule.from_port, rule.to_port) {
            (Some(from), Some(to)) => from <= 0 && to >= 65535,
            _ => true,
        }
}

declare_check! {
    /// ### What it checks
    /// No ingress rule of a security group admits every port from `0.0.0.0/0` or `::/0`:
    /// neither an all-protocols rule (`-1`) nor a TCP or UDP rule spanning ports 0 to 65535.
    /// Narrower port ranges, ICMP, and sources such as private ranges, prefix lists or other
    /// security groups are not judged here.
    ///
    /// ### Why it matters
    /// A rule that opens everything to the internet exposes every service on the instance,
    /// including ones that were never meant to listen publicly (databases, agents, debug
    /// ports), and makes the group useless as a firewall.
    ///
    /// ### How to fix
    /// Replace the rule with the specific ports the workload serves, from the narrowest source
    /// that works (a load balancer's security group rather than the internet).
    Ec2SecurityGroupAllTrafficRestricted {
        id: "ec2_security_group_all_traffic_restricted",
        title: "Security groups do not open every port to the internet",
        severity: Critical,
        service: Ec2,
        resource_kind: "ec2_security_group",
        best_practices: ["SEC05-BP02"],
        prowler: ["ec2_securitygroup_allow_ingress_from_internet_to_all_ports"],
        security_hub: [],
        config_rule: [],
        cis: [],
        reads: { Ec2: [DescribeSecurityGroups] },
        remediation: "Replace all-port internet ingress with the specific ports and sources needed.",
    }
}

impl Ec2SecurityGroupAllTrafficRestricted {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for sg in &inv.ec2.security_groups {
            let open: Vec<String> = sg
                .ingress
                .iter()
                .filter(|r| r.from_anywhere() && opens_every_port(r))
                .map(|r| format!("protocol {} from {}", r.protocol, r.source))
                .collect();
            if open.is_empty() {
                out.pass(sg, "no all-port ingress from the internet");
            } else {
                out.fail(sg, format!("every port open to the internet: {}", open.join(", ")));
            }
        }
    }
}
