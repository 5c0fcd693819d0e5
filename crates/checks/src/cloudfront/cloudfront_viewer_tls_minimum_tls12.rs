use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Every CloudFront distribution that serves its own certificate has a viewer minimum
    /// protocol version of TLS 1.2 or newer (a security policy whose name starts with
    /// `TLSv1.2_` or `TLSv1.3`, such as `TLSv1.2_2021`, the recommended one); `SSLv3`, `TLSv1`,
    /// `TLSv1_2016` and `TLSv1.1_2016` fail. Distributions on the default `*.cloudfront.net`
    /// certificate cannot choose a policy and are not judged
    /// (`cloudfront_custom_certificate` judges them).
    ///
    /// ### Why it matters
    /// Older protocols have practical attacks; offering them lets an attacker on the path
    /// negotiate the weakest common option with a viewer.
    ///
    /// ### How to fix
    /// Set the distribution's security policy (`MinimumProtocolVersion`) to `TLSv1.2_2021` or
    /// newer.
    CloudfrontViewerTlsMinimumTls12 {
        id: "cloudfront_viewer_tls_minimum_tls12",
        title: "CloudFront viewer connections use TLS 1.2 or newer",
        severity: Medium,
        service: CloudFront,
        resource_kind: "cloudfront_distribution",
        best_practices: ["SEC09-BP02"],
        prowler: [],
        security_hub: ["CloudFront.15"],
        config_rule: ["CLOUDFRONT_SSL_POLICY_CHECK"],
        cis: [],
        reads: { CloudFront: [ListDistributions] },
        remediation: "Set the distribution's minimum protocol version to TLSv1.2_2021 or newer.",
    }
}

impl CloudfrontViewerTlsMinimumTls12 {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for d in &inv.cloudfront.distributions {
            let Some(cert) = d.viewer_certificate.as_ref().filter(|c| !c.cloudfront_default) else { continue };
            match cert.minimum_protocol_version.as_deref() {
                Some(v) if v.starts_with("TLSv1.2_") || v.starts_with("TLSv1.3") => {
                    out.pass(d, format!("minimum protocol version {v}"))
                }
                Some(v) => out.fail(d, format!("minimum protocol version {v} allows protocols older than TLS 1.2")),
                None => out.skip(d, "CloudFront did not report the minimum protocol version"),
            }
        }
    }
}
