use crate::declare_check;
use wasp_model::Inventory;

/// Predefined ELBv2 security policies whose minimum protocol is TLS 1.2 or 1.3 carry one of
/// these in their names (`ELBSecurityPolicy-TLS13-1-2-2021-06`, `…-FS-1-2-Res-2020-10` …).
const TLS12_MARKERS: [&str; 4] = ["-TLS13-1-2-", "-TLS13-1-3-", "-TLS-1-2-", "-FS-1-2-"];

/// Whether a predefined policy refuses TLS 1.0 and 1.1.
pub(crate) fn minimum_tls12(policy: &str) -> bool {
    TLS12_MARKERS.iter().any(|m| policy.contains(m))
}

declare_check! {
    /// ### What it checks
    /// Every `HTTPS` and `TLS` listener of an Application or Network Load Balancer uses a
    /// security policy that refuses TLS 1.0 and 1.1: a predefined policy of the `TLS13-1-2`,
    /// `TLS13-1-3`, `TLS-1-2` or `FS-1-2` families (with or without `Res`, `Ext`, `FIPS` or `PQ`
    /// variants). `ELBSecurityPolicy-2016-08` (the API default), `…-TLS13-1-0-…`,
    /// `…-TLS13-1-1-…`, `…-TLS-1-1-…`, `…-FS-2018-06` and other policies fail. A load balancer
    /// without HTTPS or TLS listeners passes. SKIP when the listeners could not be read.
    ///
    /// ### Why it matters
    /// TLS 1.0 and 1.1 use constructions (CBC with MAC-then-encrypt, SHA-1 in the handshake)
    /// with known attacks, and no current client needs them; allowing them lets an active
    /// attacker negotiate the weakest common option.
    ///
    /// ### How to fix
    /// `aws elbv2 modify-listener --listener-arn <arn> --ssl-policy
    /// ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09` (or another TLS 1.2+ policy).
    Elbv2TlsPolicyMinimumTls12 {
        id: "elbv2_tls_policy_minimum_tls12",
        title: "HTTPS and TLS listeners refuse TLS versions older than 1.2",
        severity: Medium,
        service: Elbv2,
        resource_kind: "elbv2_load_balancer",
        best_practices: ["SEC09-BP02"],
        prowler: ["elbv2_insecure_ssl_ciphers"],
        security_hub: ["ELB.17"],
        config_rule: ["ELBV2_PREDEFINED_SECURITY_POLICY_SSL_CHECK"],
        cis: [],
        reads: { Elbv2: [DescribeLoadBalancers, DescribeListeners] },
        remediation: "Move HTTPS and TLS listeners to a TLS 1.2+ security policy.",
    }
}

impl Elbv2TlsPolicyMinimumTls12 {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for lb in &inv.elbv2.load_balancers {
            let Some(listeners) = super::listeners(inv, lb, out) else { continue };
            let tls: Vec<_> =
                listeners.iter().filter(|l| matches!(l.protocol.as_deref(), Some("HTTPS" | "TLS"))).collect();
            let weak: Vec<String> = tls
                .iter()
                .filter(|l| !l.ssl_policy.as_deref().is_some_and(minimum_tls12))
                .map(|l| format!("{} ({})", super::label(l), l.ssl_policy.as_deref().unwrap_or("no policy reported")))
                .collect();
            if !weak.is_empty() {
                out.fail(lb, format!("listener(s) allowing TLS older than 1.2: {}", weak.join(", ")));
            } else if tls.is_empty() {
                out.pass(lb, "no HTTPS or TLS listener");
            } else {
                out.pass(lb, format!("{} HTTPS/TLS listener(s), all TLS 1.2 or newer", tls.len()));
            }
        }
    }
}
