use crate::declare_check;
use wasp_model::Inventory;

/// Protocols of a negotiation policy older than TLS 1.2.
const WEAK: [&str; 4] = ["SSLv2", "SSLv3", "TLSv1", "TLSv1.1"];

declare_check! {
    /// ### What it checks
    /// Every `HTTPS` and `SSL` listener of a Classic Load Balancer has a TLS negotiation policy
    /// (`SSLNegotiationPolicyType`) among its policies, and that policy enables no protocol
    /// older than TLS 1.2 (`Protocol-SSLv2`, `Protocol-SSLv3`, `Protocol-TLSv1`,
    /// `Protocol-TLSv1.1` all off). The protocols are read from the policy's own attributes,
    /// so custom policies are judged like predefined ones (`ELBSecurityPolicy-TLS-1-2-2017-01`
    /// passes, `ELBSecurityPolicy-2016-08` fails). Load balancers without encrypted listeners
    /// are not judged. SKIP when the policies could not be read.
    ///
    /// ### Why it matters
    /// SSLv3, TLS 1.0 and 1.1 have practical attacks and no current client needs them;
    /// enabling them lets an active attacker negotiate the weakest common protocol.
    ///
    /// ### How to fix
    /// Create a policy referencing `ELBSecurityPolicy-TLS-1-2-2017-01`
    /// (`aws elb create-load-balancer-policy --policy-type-name SSLNegotiationPolicyType
    /// --policy-attributes AttributeName=Reference-Security-Policy,AttributeValue=…`) and set it
    /// on the listener with `set-load-balancer-policies-of-listener`.
    ElbTlsPolicyMinimumTls12 {
        id: "elb_tls_policy_minimum_tls12",
        title: "Classic Load Balancer TLS listeners refuse TLS versions older than 1.2",
        severity: Medium,
        service: Elb,
        resource_kind: "elb_load_balancer",
        best_practices: ["SEC09-BP02"],
        prowler: ["elb_insecure_ssl_ciphers"],
        security_hub: ["ELB.8"],
        config_rule: ["ELB_PREDEFINED_SECURITY_POLICY_SSL_CHECK"],
        cis: [],
        reads: { Elb: [DescribeLoadBalancers, DescribeLoadBalancerPolicies] },
        remediation: "Give TLS listeners a negotiation policy that allows TLS 1.2 and newer only.",
    }
}

impl ElbTlsPolicyMinimumTls12 {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for lb in &inv.elb.load_balancers {
            let tls: Vec<_> = lb.listeners.iter().filter(|l| l.is_encrypted()).collect();
            if tls.is_empty() {
                continue;
            }
            let Some(policies) = &lb.ssl_policies else {
                out.skip(lb, crate::evidence::unknown_for_resource(inv, &lb.arn, "the TLS negotiation policies"));
                continue;
            };
            let mut weak = Vec::new();
            for listener in tls {
                let label = format!("{}:{}", listener.protocol, listener.port);
                match policies.iter().find(|p| listener.policy_names.contains(&p.name)) {
                    None => weak.push(format!("{label} (no negotiation policy)")),
                    Some(p) => {
                        let old: Vec<&str> =
                            p.protocols.iter().map(String::as_str).filter(|v| WEAK.contains(v)).collect();
                        if !old.is_empty() {
                            weak.push(format!("{label} ({} enables {})", p.name, old.join(", ")));
                        }
                    }
                }
            }
            if weak.is_empty() {
                out.pass(lb, "every TLS listener allows TLS 1.2 or newer only");
            } else {
                out.fail(lb, format!("listener(s) allowing old protocols: {}", weak.join("; ")));
            }
        }
    }
}
