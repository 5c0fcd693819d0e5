use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Every Application, Network and Gateway Load Balancer has `deletion_protection.enabled`
    /// set to `true`. SKIP when the attributes could not be read, or the attribute is missing
    /// from the answer.
    ///
    /// ### Why it matters
    /// Deleting a load balancer takes the workload's entry point off the internet at once and
    /// its DNS name cannot be recovered; protection makes deletion a deliberate two-step act.
    ///
    /// ### How to fix
    /// `aws elbv2 modify-load-balancer-attributes --load-balancer-arn <arn> --attributes
    /// Key=deletion_protection.enabled,Value=true`.
    Elbv2DeletionProtectionEnabled {
        id: "elbv2_deletion_protection_enabled",
        title: "Load balancers have deletion protection on",
        severity: Low,
        service: Elbv2,
        resource_kind: "elbv2_load_balancer",
        best_practices: ["SEC05-BP04"],
        prowler: ["elbv2_deletion_protection"],
        security_hub: ["ELB.6"],
        config_rule: ["ELB_DELETION_PROTECTION_ENABLED"],
        cis: [],
        reads: { Elbv2: [DescribeLoadBalancers, DescribeLoadBalancerAttributes] },
        remediation: "Turn on deletion protection for the load balancer.",
    }
}

impl Elbv2DeletionProtectionEnabled {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for lb in &inv.elbv2.load_balancers {
            let Some(attributes) = super::attributes(inv, lb, out) else { continue };
            match attributes.deletion_protection {
                Some(true) => out.pass(lb, "deletion protection is on"),
                Some(false) => out.fail(lb, "deletion protection is off"),
                None => out.skip(lb, "AWS did not return deletion_protection.enabled"),
            }
        }
    }
}
