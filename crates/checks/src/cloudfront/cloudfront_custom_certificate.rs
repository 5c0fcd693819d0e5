use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Every CloudFront distribution serves its own certificate (from ACM, or uploaded to IAM)
    /// for its own domain names rather than the default `*.cloudfront.net` certificate.
    /// SKIP when CloudFront did not report the viewer certificate.
    ///
    /// ### Why it matters
    /// With the default certificate viewers can only be sent to the `cloudfront.net` name,
    /// which proves nothing about who runs the site, and the distribution is stuck with the
    /// permissive `TLSv1` security policy. A certificate for your own name, managed and renewed
    /// in ACM, is what lets viewers authenticate you.
    ///
    /// ### How to fix
    /// Request an ACM certificate in us-east-1 for the site's names, add them as alternate
    /// domain names and select the certificate in the distribution's settings.
    CloudfrontCustomCertificate {
        id: "cloudfront_custom_certificate",
        title: "CloudFront distributions serve their own domain certificate",
        severity: Low,
        service: CloudFront,
        resource_kind: "cloudfront_distribution",
        best_practices: ["SEC09-BP01"],
        prowler: ["cloudfront_distributions_custom_ssl_certificate"],
        security_hub: ["CloudFront.7"],
        config_rule: ["CLOUDFRONT_CUSTOM_SSL_CERTIFICATE"],
        cis: [],
        reads: { CloudFront: [ListDistributions] },
        remediation: "Serve the distribution with an ACM certificate for its own domain names.",
    }
}

impl CloudfrontCustomCertificate {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for d in &inv.cloudfront.distributions {
            match &d.viewer_certificate {
                Some(c) if c.cloudfront_default => out.fail(d, "the default *.cloudfront.net certificate is used"),
                Some(c) => {
                    let source =
                        if c.acm_certificate_arn.is_some() { "an ACM certificate" } else { "an IAM certificate" };
                    out.pass(d, format!("served with {source}"))
                }
                None => out.skip(d, "CloudFront did not report the viewer certificate"),
            }
        }
    }
}
