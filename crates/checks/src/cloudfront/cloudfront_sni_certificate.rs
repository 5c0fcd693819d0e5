use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Every CloudFront distribution that serves its own certificate does so with SNI
    /// (`SSLSupportMethod` `sni-only`); `vip` (dedicated IP addresses at every edge location)
    /// and `static-ip` fail. Distributions on the default certificate are not judged. SKIP when
    /// the support method was not reported.
    ///
    /// ### Why it matters
    /// Every client in use today sends SNI; dedicated-IP certificate serving exists for clients
    /// from before 2010, at a large monthly cost, and keeps those obsolete clients (and their
    /// old TLS stacks) supported.
    ///
    /// ### How to fix
    /// Change the distribution's "Legacy clients support" setting off, so the certificate is
    /// served with SNI only.
    CloudfrontSniCertificate {
        id: "cloudfront_sni_certificate",
        title: "CloudFront serves custom certificates with SNI",
        severity: Low,
        service: CloudFront,
        resource_kind: "cloudfront_distribution",
        best_practices: ["SEC09-BP01"],
        prowler: ["cloudfront_distributions_https_sni_enabled"],
        security_hub: ["CloudFront.8"],
        config_rule: ["CLOUDFRONT_SNI_ENABLED"],
        cis: [],
        reads: { CloudFront: [ListDistributions] },
        remediation: "Serve the custom certificate with SNI only.",
    }
}

impl CloudfrontSniCertificate {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for d in &inv.cloudfront.distributions {
            let Some(cert) = d.viewer_certificate.as_ref().filter(|c| !c.cloudfront_default) else { continue };
            match cert.ssl_support_method.as_deref() {
                Some("sni-only") => out.pass(d, "the certificate is served with SNI"),
                Some(other) => out.fail(d, format!("the certificate is served with {other}")),
                None => out.skip(d, "CloudFront did not report the SSL support method"),
            }
        }
    }
}
