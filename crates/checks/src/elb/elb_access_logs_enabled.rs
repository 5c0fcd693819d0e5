use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Every Classic Load Balancer has access logging on (`AccessLog.Enabled`). SKIP when the
    /// attributes could not be read, or the value is missing from the answer.
    ///
    /// ### Why it matters
    /// Access logs record every request (client address, path, latency, status): the trail
    /// for investigating an attack through the load balancer, which no other log keeps.
    ///
    /// ### How to fix
    /// `aws elb modify-load-balancer-attributes --load-balancer-name <name>
    /// --load-balancer-attributes AccessLog={Enabled=true,S3BucketName=<bucket>,EmitInterval=5}`.
    ElbAccessLogsEnabled {
        id: "elb_access_logs_enabled",
        title: "Classic Load Balancers write access logs",
        severity: Medium,
        service: Elb,
        resource_kind: "elb_load_balancer",
        best_practices: ["SEC04-BP01"],
        prowler: ["elb_logging_enabled"],
        security_hub: ["ELB.5"],
        config_rule: ["ELB_LOGGING_ENABLED"],
        cis: [],
        reads: { Elb: [DescribeLoadBalancers, DescribeLoadBalancerAttributes] },
        remediation: "Turn on access logs to an S3 bucket for the load balancer.",
    }
}

impl ElbAccessLogsEnabled {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for lb in &inv.elb.load_balancers {
            let Some(attributes) = super::attributes(inv, lb, out) else { continue };
            match attributes.access_logs {
                Some(true) => out.pass(lb, "access logs are written to S3"),
                Some(false) => out.fail(lb, "access logs are off"),
                None => out.skip(lb, "AWS did not return AccessLog.Enabled"),
            }
        }
    }
}
