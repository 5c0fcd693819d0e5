use crate::{declare_check, evidence};
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Every CloudFront distribution with an S3 REST origin has a default root object (such
    /// as `index.html`), read with `GetDistributionConfig`. Distributions with only custom
    /// origins are not judged: their origin answers requests for `/` itself. SKIP when the
    /// configuration could not be read.
    ///
    /// ### Why it matters
    /// Without a default root object, a request for the distribution's root is passed to the
    /// bucket as a request for its root; if the origin allows listing, the response lists the
    /// bucket's objects.
    ///
    /// ### How to fix
    /// Set the default root object in the distribution's settings.
    CloudfrontDefaultRootObject {
        id: "cloudfront_default_root_object",
        title: "CloudFront distributions with S3 origins set a default root object",
        severity: Medium,
        service: CloudFront,
        resource_kind: "cloudfront_distribution",
        best_practices: ["SEC03-BP07"],
        prowler: ["cloudfront_distributions_default_root_object"],
        security_hub: ["CloudFront.1"],
        config_rule: ["CLOUDFRONT_DEFAULT_ROOT_OBJECT_CONFIGURED"],
        cis: [],
        reads: { CloudFront: [ListDistributions, GetDistributionConfig] },
        remediation: "Set a default root object for the distribution.",
    }
}

impl CloudfrontDefaultRootObject {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for d in &inv.cloudfront.distributions {
            if !d.origins.iter().any(|o| o.custom.is_none() && o.s3_bucket().is_some()) {
                continue;
            }
            match d.default_root_object.as_deref() {
                Some("") => out.fail(d, "no default root object"),
                Some(object) => out.pass(d, format!("default root object {object}")),
                None => out.skip(d, evidence::unknown_for_resource(inv, &d.arn, "the default root object")),
            }
        }
    }
}
