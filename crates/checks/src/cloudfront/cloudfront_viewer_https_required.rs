use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Every cache behaviour of every CloudFront distribution, the default one included, has
    /// the viewer protocol policy `redirect-to-https` or `https-only`; `allow-all` fails.
    ///
    /// ### Why it matters
    /// With `allow-all`, viewers can fetch content and send cookies or form data over plain
    /// HTTP, readable and changeable on the way.
    ///
    /// ### How to fix
    /// Set each cache behaviour's viewer protocol policy to `redirect-to-https` (or
    /// `https-only` for APIs) in the distribution's configuration.
    CloudfrontViewerHttpsRequired {
        id: "cloudfront_viewer_https_required",
        title: "CloudFront distributions require HTTPS from viewers",
        severity: Medium,
        service: CloudFront,
        resource_kind: "cloudfront_distribution",
        best_practices: ["SEC09-BP02"],
        prowler: ["cloudfront_distributions_https_enabled"],
        security_hub: ["CloudFront.3"],
        config_rule: ["CLOUDFRONT_VIEWER_POLICY_HTTPS"],
        cis: [],
        reads: { CloudFront: [ListDistributions] },
        remediation: "Set every cache behaviour's viewer protocol policy to redirect-to-https or https-only.",
    }
}

impl CloudfrontViewerHttpsRequired {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for d in &inv.cloudfront.distributions {
            let open: Vec<String> = d
                .cache_behaviors
                .iter()
                .filter(|b| b.viewer_protocol_policy == "allow-all")
                .map(super::behavior_label)
                .collect();
            if open.is_empty() {
                out.pass(d, "every cache behaviour requires HTTPS");
            } else {
                out.fail(d, format!("cache behaviour(s) allowing HTTP viewers: {}", open.join(", ")));
            }
        }
    }
}
