use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Every listener of every Classic Load Balancer uses `HTTPS` or `SSL`; an `HTTP` or `TCP`
    /// listener fails, whatever its port. A load balancer without listeners passes.
    ///
    /// ### Why it matters
    /// A plain listener carries the clients' data in clear text up to the load balancer; anyone
    /// on the path can read or change it.
    ///
    /// ### How to fix
    /// Add an HTTPS or SSL listener with an ACM certificate, move clients over and delete the
    /// plain listener, or better, migrate to an Application or Network Load Balancer.
    ElbListenersEncrypted {
        id: "elb_listeners_encrypted",
        title: "Classic Load Balancer listeners use HTTPS or SSL",
        severity: Medium,
        service: Elb,
        resource_kind: "elb_load_balancer",
        best_practices: ["SEC09-BP02"],
        prowler: ["elb_ssl_listeners"],
        security_hub: ["ELB.3"],
        config_rule: ["ELB_TLS_HTTPS_LISTENERS_ONLY"],
        cis: [],
        reads: { Elb: [DescribeLoadBalancers] },
        remediation: "Replace HTTP and TCP listeners with HTTPS or SSL listeners.",
    }
}

impl ElbListenersEncrypted {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for lb in &inv.elb.load_balancers {
            let plain: Vec<String> = lb
                .listeners
                .iter()
                .filter(|l| !l.is_encrypted())
                .map(|l| format!("{}:{}", l.protocol, l.port))
                .collect();
            if plain.is_empty() {
                out.pass(lb, format!("all {} listener(s) use HTTPS or SSL", lb.listeners.len()));
            } else {
                out.fail(lb, format!("unencrypted listener(s): {}", plain.join(", ")));
            }
        }
    }
}
