use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Every enabled CloudFront distribution has a web ACL (WAFv2 ARN or WAF Classic id)
    /// attached. Disabled distributions are not judged.
    ///
    /// ### Why it matters
    /// A distribution without a web ACL passes every request to the origin: injection
    /// attempts, known-bad bots and request floods reach the application with nothing
    /// inspecting them at the edge.
    ///
    /// ### How to fix
    /// Create a web ACL with scope `CLOUDFRONT` in us-east-1 (AWS managed rule groups and a
    /// rate-based rule) and attach it in the distribution's settings.
    CloudfrontWafAttached {
        id: "cloudfront_waf_attached",
        title: "CloudFront distributions are protected by a WAF web ACL",
        severity: Medium,
        service: CloudFront,
        resource_kind: "cloudfront_distribution",
        best_practices: ["SEC05-BP03"],
        prowler: ["cloudfront_distributions_using_waf"],
        security_hub: ["CloudFront.6"],
        config_rule: ["CLOUDFRONT_ASSOCIATED_WITH_WAF"],
        cis: [],
        reads: { CloudFront: [ListDistributions] },
        remediation: "Attach a WAF web ACL to the distribution.",
    }
}

impl CloudfrontWafAttached {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for d in inv.cloudfront.distributions.iter().filter(|d| d.enabled != Some(false)) {
            match d.web_acl_id.as_deref().filter(|id| !id.is_empty()) {
                Some(acl) => out.pass(d, format!("web ACL {acl}")),
                None => out.fail(d, "no WAF web ACL is attached"),
            }
        }
    }
}
