use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Every Application Load Balancer has `routing.http.drop_invalid_header_fields.enabled`
    /// set to `true`, so it removes HTTP headers whose names do not match
    /// `[-A-Za-z0-9]+` before forwarding. Network and Gateway Load Balancers are not judged.
    /// SKIP when the attributes could not be read, or the attribute is missing.
    ///
    /// ### Why it matters
    /// Malformed header names are a tool of request smuggling and header injection: the load
    /// balancer and the target read the request differently and the attacker slips a second
    /// request, or a forged header, past the front door.
    ///
    /// ### How to fix
    /// `aws elbv2 modify-load-balancer-attributes --load-balancer-arn <arn> --attributes
    /// Key=routing.http.drop_invalid_header_fields.enabled,Value=true`.
    Elbv2AlbDropInvalidHeaderFields {
        id: "elbv2_alb_drop_invalid_header_fields",
        title: "Application Load Balancers drop invalid HTTP header fields",
        severity: Medium,
        service: Elbv2,
        resource_kind: "elbv2_load_balancer",
        best_practices: ["SEC05-BP03"],
        prowler: ["elbv2_alb_drop_invalid_header_fields_enabled"],
        security_hub: ["ELB.4"],
        config_rule: ["ALB_HTTP_DROP_INVALID_HEADER_ENABLED"],
        cis: [],
        reads: { Elbv2: [DescribeLoadBalancers, DescribeLoadBalancerAttributes] },
        remediation: "Set routing.http.drop_invalid_header_fields.enabled to true.",
    }
}

impl Elbv2AlbDropInvalidHeaderFields {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for lb in inv.elbv2.load_balancers.iter().filter(|lb| lb.is_application()) {
            let Some(attributes) = super::attributes(inv, lb, out) else { continue };
            match attributes.drop_invalid_header_fields {
                Some(true) => out.pass(lb, "invalid header fields are dropped"),
                Some(false) => out.fail(lb, "invalid header fields are forwarded to targets"),
                None => out.skip(lb, "AWS did not return routing.http.drop_invalid_header_fields.enabled"),
            }
        }
    }
}
