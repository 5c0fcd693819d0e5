use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Every Application, Network and Gateway Load Balancer has `access_logs.s3.enabled` set to
    /// `true`. Gateway Load Balancers have no access logs and are not judged. SKIP when the
    /// attributes could not be read (`DescribeLoadBalancerAttributes`), or the attribute is
    /// missing from the answer.
    ///
    /// ### Why it matters
    /// Access logs record every request (client address, path, TLS version and cipher, target,
    /// status): the trail for investigating an attack through the load balancer, which no
    /// other log keeps.
    ///
    /// ### How to fix
    /// Create an S3 bucket whose policy lets the ELB log delivery write to it, then
    /// `aws elbv2 modify-load-balancer-attributes --load-balancer-arn <arn> --attributes
    /// Key=access_logs.s3.enabled,Value=true Key=access_logs.s3.bucket,Value=<bucket>`.
    Elbv2AccessLogsEnabled {
        id: "elbv2_access_logs_enabled",
        title: "Application and Network Load Balancers write access logs",
        severity: Medium,
        service: Elbv2,
        resource_kind: "elbv2_load_balancer",
        best_practices: ["SEC04-BP01"],
        prowler: ["elbv2_logging_enabled"],
        security_hub: ["ELB.5"],
        config_rule: ["ELB_LOGGING_ENABLED"],
        cis: [],
        reads: { Elbv2: [DescribeLoadBalancers, DescribeLoadBalancerAttributes] },
        remediation: "Turn on access logs to an S3 bucket for the load balancer.",
    }
}

impl Elbv2AccessLogsEnabled {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for lb in &inv.elbv2.load_balancers {
            if lb.kind == Some(wasp_model::elbv2::LoadBalancerKind::Gateway) {
                continue;
            }
            let Some(attributes) = super::attributes(inv, lb, out) else { continue };
            match attributes.access_logs {
                Some(true) => out.pass(lb, "access logs are written to S3"),
                Some(false) => out.fail(lb, "access logs are off"),
                None => out.skip(lb, "AWS did not return access_logs.s3.enabled"),
            }
        }
    }
}
