use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Every Classic Load Balancer has the additional attribute `elb.http.desyncmitigationmode`
    /// set to `defensive` (the default) or `strictest`; `monitor` fails. SKIP when the
    /// attributes could not be read, or the attribute is missing from the answer.
    ///
    /// ### Why it matters
    /// HTTP desync (request smuggling) exploits requests that the load balancer and the target
    /// frame differently; in `monitor` mode the load balancer forwards the ambiguous requests
    /// the other modes block.
    ///
    /// ### How to fix
    /// `aws elb modify-load-balancer-attributes --load-balancer-name <name>
    /// --load-balancer-attributes
    /// "AdditionalAttributes=[{Key=elb.http.desyncmitigationmode,Value=defensive}]"`.
    ElbDesyncMitigationDefensive {
        id: "elb_desync_mitigation_defensive",
        title: "Classic Load Balancers use defensive or strictest desync mitigation",
        severity: Medium,
        service: Elb,
        resource_kind: "elb_load_balancer",
        best_practices: ["SEC05-BP03"],
        prowler: ["elb_desync_mitigation_mode"],
        security_hub: ["ELB.14"],
        config_rule: ["CLB_DESYNC_MODE_CHECK"],
        cis: [],
        reads: { Elb: [DescribeLoadBalancers, DescribeLoadBalancerAttributes] },
        remediation: "Set elb.http.desyncmitigationmode to defensive or strictest.",
    }
}

impl ElbDesyncMitigationDefensive {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for lb in &inv.elb.load_balancers {
            let Some(attributes) = super::attributes(inv, lb, out) else { continue };
            match attributes.desync_mitigation_mode.as_deref() {
                Some(mode @ ("defensive" | "strictest")) => out.pass(lb, format!("desync mitigation mode {mode}")),
                Some(mode) => out.fail(lb, format!("desync mitigation mode {mode}")),
                None => out.skip(lb, "AWS did not return elb.http.desyncmitigationmode"),
            }
        }
    }
}
