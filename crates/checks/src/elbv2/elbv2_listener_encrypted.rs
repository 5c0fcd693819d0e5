use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Every listener of an Application Load Balancer is `HTTPS`, or `HTTP` redirecting to
    /// HTTPS; every listener of a Network Load Balancer is `TLS`. `TCP`, `UDP` and `TCP_UDP`
    /// listeners of an NLB fail (the traffic may still be TLS end to end, which the load
    /// balancer cannot show). Gateway Load Balancers are not judged. A load balancer without
    /// listeners passes. SKIP when the listeners could not be read.
    ///
    /// ### Why it matters
    /// A listener without TLS carries the clients' data in clear text up to the load balancer;
    /// anyone on the path can read or change it.
    ///
    /// ### How to fix
    /// Add an HTTPS (ALB) or TLS (NLB) listener with an ACM certificate, move clients to it and
    /// remove or redirect the plain listener; where targets terminate TLS themselves, document
    /// it as an exception.
    Elbv2ListenerEncrypted {
        id: "elbv2_listener_encrypted",
        title: "ALB listeners use HTTPS and NLB listeners use TLS",
        severity: Medium,
        service: Elbv2,
        resource_kind: "elbv2_load_balancer",
        best_practices: ["SEC09-BP02"],
        prowler: ["elbv2_nlb_tls_termination_enabled"],
        security_hub: ["ELB.18"],
        config_rule: ["ELBV2_LISTENER_ENCRYPTION_IN_TRANSIT"],
        cis: [],
        reads: { Elbv2: [DescribeLoadBalancers, DescribeListeners] },
        remediation: "Use HTTPS listeners on ALBs and TLS listeners on NLBs.",
    }
}

impl Elbv2ListenerEncrypted {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        use wasp_model::elbv2::LoadBalancerKind::{Application, Network};
        for lb in &inv.elbv2.load_balancers {
            let Some(kind @ (Application | Network)) = lb.kind else { continue };
            let Some(listeners) = super::listeners(inv, lb, out) else { continue };
            let plain: Vec<String> = listeners
                .iter()
                .filter(|l| match (kind, l.protocol.as_deref()) {
                    (_, Some("HTTPS" | "TLS")) => false,
                    (Application, Some("HTTP")) => !l.redirects_to_https,
                    _ => true,
                })
                .map(super::label)
                .collect();
            if plain.is_empty() {
                out.pass(lb, format!("all {} listener(s) are encrypted", listeners.len()));
            } else {
                out.fail(lb, format!("unencrypted listener(s): {}", plain.join(", ")));
            }
        }
    }
}
