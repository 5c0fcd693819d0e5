use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Every `HTTPS` and `TLS` listener of an Application or Network Load Balancer uses a
    /// security policy with hybrid post-quantum key exchange: a predefined policy with `-PQ-`
    /// in its name (such as `ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09`, the console default
    /// since 2025), which offers ML-KEM hybrids (X25519MLKEM768 …) beside classical key
    /// exchange. Load balancers without HTTPS or TLS listeners are not judged. SKIP when the
    /// listeners could not be read.
    ///
    /// ### Why it matters
    /// Traffic recorded today can be decrypted once a large quantum computer breaks classical
    /// key exchange ("harvest now, decrypt later"). The PQ policies protect new sessions of
    /// clients that support ML-KEM at no cost to the others; adopting them is the kind of
    /// regular uptake of new security features the pillar asks for.
    ///
    /// ### How to fix
    /// `aws elbv2 modify-listener --listener-arn <arn> --ssl-policy
    /// ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09`.
    Elbv2TlsPolicyPostQuantum {
        id: "elbv2_tls_policy_post_quantum",
        title: "HTTPS and TLS listeners offer post-quantum key exchange",
        severity: Low,
        service: Elbv2,
        resource_kind: "elbv2_load_balancer",
        best_practices: ["SEC01-BP08", "SEC09-BP02"],
        prowler: ["elbv2_listener_pqc_tls_enabled"],
        security_hub: [],
        config_rule: [],
        cis: [],
        reads: { Elbv2: [DescribeLoadBalancers, DescribeListeners] },
        remediation: "Move HTTPS and TLS listeners to a PQ security policy.",
    }
}

impl Elbv2TlsPolicyPostQuantum {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for lb in &inv.elbv2.load_balancers {
            let Some(listeners) = super::listeners(inv, lb, out) else { continue };
            let tls: Vec<_> =
                listeners.iter().filter(|l| matches!(l.protocol.as_deref(), Some("HTTPS" | "TLS"))).collect();
            if tls.is_empty() {
                continue;
            }
            let classic: Vec<String> = tls
                .iter()
                .filter(|l| !l.ssl_policy.as_deref().is_some_and(|p| p.contains("-PQ-")))
                .map(|l| format!("{} ({})", super::label(l), l.ssl_policy.as_deref().unwrap_or("no policy reported")))
                .collect();
            if classic.is_empty() {
                out.pass(lb, format!("{} HTTPS/TLS listener(s), all with post-quantum key exchange", tls.len()));
            } else {
                out.fail(lb, format!("listener(s) without post-quantum key exchange: {}", classic.join(", ")));
            }
        }
    }
}
