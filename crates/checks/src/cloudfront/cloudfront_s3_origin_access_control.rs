use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Every S3 origin of a CloudFront distribution (a bucket's REST endpoint,
    /// `<bucket>.s3[.<region>].amazonaws.com`) is reached with origin access control (OAC) or,
    /// the legacy way, an origin access identity (OAI, reported in the message). An S3 origin
    /// with neither fails. S3 website endpoints are custom origins and are not judged, nor are
    /// distributions without S3 origins.
    ///
    /// ### Why it matters
    /// Without OAC or OAI, CloudFront fetches objects anonymously, so the bucket must be
    /// public for the site to work: anyone can bypass the distribution, its WAF and its
    /// signed URLs and read the bucket directly.
    ///
    /// ### How to fix
    /// Create an origin access control, attach it to the origin, and replace the bucket's
    /// public access with a policy that allows `cloudfront.amazonaws.com` with
    /// `aws:SourceArn` set to the distribution.
    CloudfrontS3OriginAccessControl {
        id: "cloudfront_s3_origin_access_control",
        title: "CloudFront reaches S3 origins through origin access control",
        severity: Medium,
        service: CloudFront,
        resource_kind: "cloudfront_distribution",
        best_practices: ["SEC08-BP04", "SEC03-BP07"],
        prowler: ["cloudfront_distributions_s3_origin_access_control"],
        security_hub: ["CloudFront.13", "CloudFront.2"],
        config_rule: ["CLOUDFRONT_S3_ORIGIN_ACCESS_CONTROL_ENABLED", "CLOUDFRONT_ORIGIN_ACCESS_IDENTITY_ENABLED"],
        cis: [],
        reads: { CloudFront: [ListDistributions] },
        remediation: "Attach an origin access control to each S3 origin and make the bucket private.",
    }
}

impl CloudfrontS3OriginAccessControl {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for d in &inv.cloudfront.distributions {
            let s3: Vec<_> = d.origins.iter().filter(|o| o.custom.is_none() && o.s3_bucket().is_some()).collect();
            if s3.is_empty() {
                continue;
            }
            let oac = |o: &&wasp_model::cloudfront::Origin| {
                o.origin_access_control_id.as_deref().is_some_and(|i| !i.is_empty())
            };
            let oai = |o: &&wasp_model::cloudfront::Origin| {
                o.s3_origin_access_identity.as_deref().is_some_and(|i| !i.is_empty())
            };
            let open: Vec<&str> = s3.iter().filter(|o| !oac(o) && !oai(o)).map(|o| o.id.as_str()).collect();
            let legacy: Vec<&str> = s3.iter().filter(|o| !oac(o) && oai(o)).map(|o| o.id.as_str()).collect();
            if !open.is_empty() {
                out.fail(d, format!("S3 origin(s) fetched anonymously: {}", open.join(", ")));
            } else if !legacy.is_empty() {
                out.pass(d, format!("S3 origins use OAC or the legacy OAI ({})", legacy.join(", ")));
            } else {
                out.pass(d, format!("all {} S3 origin(s) use origin access control", s3.len()));
            }
        }
    }
}
