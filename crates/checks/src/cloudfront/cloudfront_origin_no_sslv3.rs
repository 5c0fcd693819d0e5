use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// No custom origin of a CloudFront distribution lists `SSLv3` among the protocols
    /// CloudFront may use to reach it (`OriginSslProtocols`). Distributions without custom
    /// origins are not judged.
    ///
    /// ### Why it matters
    /// SSLv3 is broken (POODLE); allowing it lets the connection to the origin fall back to a
    /// protocol whose encryption an attacker on the path can defeat.
    ///
    /// ### How to fix
    /// Set the origin's SSL protocols to `TLSv1.2` (after checking the origin supports it).
    CloudfrontOriginNoSslv3 {
        id: "cloudfront_origin_no_sslv3",
        title: "CloudFront does not use SSLv3 to reach custom origins",
        severity: Medium,
        service: CloudFront,
        resource_kind: "cloudfront_distribution",
        best_practices: ["SEC09-BP02"],
        prowler: ["cloudfront_distributions_using_deprecated_ssl_protocols"],
        security_hub: ["CloudFront.10"],
        config_rule: ["CLOUDFRONT_NO_DEPRECATED_SSL_PROTOCOLS"],
        cis: [],
        reads: { CloudFront: [ListDistributions] },
        remediation: "Remove SSLv3 from the origin SSL protocols.",
    }
}

impl CloudfrontOriginNoSslv3 {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for d in &inv.cloudfront.distributions {
            let custom: Vec<_> = d.origins.iter().filter_map(|o| o.custom.as_ref().map(|c| (o, c))).collect();
            if custom.is_empty() {
                continue;
            }
            let old: Vec<&str> = custom
                .iter()
                .filter(|(_, c)| c.ssl_protocols.iter().any(|p| p.eq_ignore_ascii_case("SSLv3")))
                .map(|(o, _)| o.id.as_str())
                .collect();
            if old.is_empty() {
                out.pass(d, "no custom origin allows SSLv3");
            } else {
                out.fail(d, format!("SSLv3 allowed towards origin(s) {}", old.join(", ")));
            }
        }
    }
}
