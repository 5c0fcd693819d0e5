use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Every Application Load Balancer has `routing.http.desync_mitigation_mode` set to
    /// `defensive` (the default) or `strictest`; `monitor` fails. Network and Gateway Load
    /// Balancers are not judged. SKIP when the attributes could not be read, or the attribute
    /// is missing.
    ///
    /// ### Why it matters
    /// HTTP desync (request smuggling) exploits requests that the load balancer and the target
    /// frame differently. In `monitor` mode the load balancer forwards even the ambiguous
    /// requests the other modes block or handle safely.
    ///
    /// ### How to fix
    /// `aws elbv2 modify-load-balancer-attributes --load-balancer-arn <arn> --attributes
    /// Key=routing.http.desync_mitigation_mode,Value=defensive` (or `strictest`).
    Elbv2AlbDesyncMitigationDefensive {
        id: "elbv2_alb_desync_mitigation_defensive",
        title: "Application Load Balancers use defensive or strictest desync mitigation",
        severity: Medium,
        service: Elbv2,
        resource_kind: "elbv2_load_balancer",
        best_practices: ["SEC05-BP03"],
        prowler: ["elbv2_desync_mitigation_mode"],
        security_hub: ["ELB.12"],
        config_rule: ["ALB_DESYNC_MODE_CHECK"],
        cis: [],
        reads: { Elbv2: [DescribeLoadBalancers, DescribeLoadBalancerAttributes] },
        remediation: "Set routing.http.desync_mitigation_mode to defensive or strictest.",
    }
}

impl Elbv2AlbDesyncMitigationDefensive {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for lb in inv.elbv2.load_balancers.iter().filter(|lb| lb.is_application()) {
            let Some(attributes) = super::attributes(inv, lb, out) else { continue };
            match attributes.desync_mitigation_mode.as_deref() {
                Some(mode @ ("defensive" | "strictest")) => out.pass(lb, format!("desync mitigation mode {mode}")),
                Some(mode) => out.fail(lb, format!("desync mitigation mode {mode}")),
                None => out.skip(lb, "AWS did not return routing.http.desync_mitigation_mode"),
            }
        }
    }
}
