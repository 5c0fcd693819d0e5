use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Every custom origin (including S3 website endpoints) of a CloudFront distribution is
    /// reached over HTTPS: its origin protocol policy is `https-only`, or `match-viewer` while
    /// no cache behaviour of the distribution lets viewers in over HTTP (`allow-all`).
    /// `http-only` fails. S3 REST origins and distributions without custom origins are not
    /// judged.
    ///
    /// ### Why it matters
    /// Between the edge and the origin the traffic crosses the internet; in clear text it can
    /// be read and changed there, whatever the viewer's connection looked like.
    ///
    /// ### How to fix
    /// Serve the origin with a valid certificate and set the origin protocol policy to
    /// `https-only`.
    CloudfrontOriginHttpsOnly {
        id: "cloudfront_origin_https_only",
        title: "CloudFront reaches custom origins over HTTPS",
        severity: Medium,
        service: CloudFront,
        resource_kind: "cloudfront_distribution",
        best_practices: ["SEC09-BP02"],
        prowler: ["cloudfront_distributions_origin_traffic_encrypted"],
        security_hub: ["CloudFront.9"],
        config_rule: ["CLOUDFRONT_TRAFFIC_TO_ORIGIN_ENCRYPTED"],
        cis: [],
        reads: { CloudFront: [ListDistributions] },
        remediation: "Set the origin protocol policy of custom origins to https-only.",
    }
}

impl CloudfrontOriginHttpsOnly {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for d in &inv.cloudfront.distributions {
            let http_viewers = d.cache_behaviors.iter().any(|b| b.viewer_protocol_policy == "allow-all");
            let custom: Vec<_> = d.origins.iter().filter_map(|o| o.custom.as_ref().map(|c| (o, c))).collect();
            if custom.is_empty() {
                continue;
            }
            let plain: Vec<String> = custom
                .iter()
                .filter(|(_, c)| match c.protocol_policy.as_str() {
                    "https-only" => false,
                    "match-viewer" => http_viewers,
                    _ => true,
                })
                .map(|(o, c)| format!("{} ({})", o.id, c.protocol_policy))
                .collect();
            if plain.is_empty() {
                out.pass(d, format!("all {} custom origin(s) are reached over HTTPS", custom.len()));
            } else {
                out.fail(d, format!("origin(s) reached over HTTP: {}", plain.join(", ")));
            }
        }
    }
}
