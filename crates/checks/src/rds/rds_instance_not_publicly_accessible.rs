use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// No RDS DB instance, in a cluster or not, is marked `PubliclyAccessible`. The flag gives
    /// the instance a public IP address and a DNS name that resolves to it; whether traffic
    /// then reaches it also depends on its security groups and subnet routes, which this check
    /// does not evaluate, so a FAIL is an exposure one firewall rule away, not proof of an
    /// open port. Instances being deleted are not judged; SKIP when the description leaves the
    /// flag out.
    ///
    /// ### Why it matters
    /// A database reachable from the internet is scanned within minutes, and its only
    /// remaining defences are its security group and its passwords: one permissive rule turns
    /// it into the target of credential stuffing and engine exploits.
    ///
    /// ### How to fix
    /// Run `aws rds modify-db-instance --db-instance-identifier <id>
    /// --no-publicly-accessible --apply-immediately`, keep the instance in private subnets and
    /// reach it through a bastion, VPN or RDS Proxy.
    RdsInstanceNotPubliclyAccessible {
        id: "rds_instance_not_publicly_accessible",
        title: "RDS DB instances are not publicly accessible",
        severity: Critical,
        service: Rds,
        resource_kind: "rds_instance",
        best_practices: ["SEC05-BP01", "SEC03-BP07"],
        prowler: ["rds_instance_no_public_access"],
        security_hub: ["RDS.2"],
        config_rule: ["RDS_INSTANCE_PUBLIC_ACCESS_CHECK"],
        cis: ["3.0:2.3.3", "4.0:2.2.3", "5.0:2.2.3"],
        reads: { Rds: [DescribeDBInstances] },
        remediation: "Turn off PubliclyAccessible and keep the instance in private subnets.",
    }
}

impl RdsInstanceNotPubliclyAccessible {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for instance in super::live_instances(inv) {
            match instance.publicly_accessible {
                Some(false) => out.pass(instance, "the instance is not publicly accessible"),
                Some(true) => {
                    out.fail(instance, "the instance is publicly accessible: it has a public address on the internet")
                }
                None => out.skip(instance, "AWS did not say whether the instance is publicly accessible"),
            }
        }
    }
}
