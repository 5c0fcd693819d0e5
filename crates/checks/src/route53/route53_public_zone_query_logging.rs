use crate::{declare_check, evidence};
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Every public hosted zone has a query logging configuration sending its DNS queries to
    /// CloudWatch Logs (`ListQueryLoggingConfigs`). Private hosted zones (whose queries
    /// Resolver query logging covers) are not judged. SKIP when the configurations could not
    /// be read.
    ///
    /// ### Why it matters
    /// Query logs show which names are asked for, from which resolver locations: evidence of
    /// reconnaissance against your domain and of the resolution behind a phishing or
    /// takeover attempt.
    ///
    /// ### How to fix
    /// Create a log group in us-east-1 with a resource policy for `route53.amazonaws.com`, then
    /// `aws route53 create-query-logging-config --hosted-zone-id <id>
    /// --cloud-watch-logs-log-group-arn <arn>`.
    Route53PublicZoneQueryLogging {
        id: "route53_public_zone_query_logging",
        title: "Public hosted zones log DNS queries",
        severity: Low,
        service: Route53,
        resource_kind: "route53_hosted_zone",
        best_practices: ["SEC04-BP01"],
        prowler: ["route53_public_hosted_zones_cloudwatch_logging_enabled"],
        security_hub: ["Route53.2"],
        config_rule: ["ROUTE53_QUERY_LOGGING_ENABLED"],
        cis: [],
        reads: { Route53: [ListHostedZones, ListQueryLoggingConfigs] },
        remediation: "Configure query logging for the public hosted zone.",
    }
}

impl Route53PublicZoneQueryLogging {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for zone in inv.route53.hosted_zones.iter().filter(|z| !z.private) {
            match zone.query_logging.as_deref() {
                Some([]) => out.fail(zone, "no query logging"),
                Some(to) => out.pass(zone, format!("queries logged to {}", to.join(", "))),
                None => out.skip(zone, evidence::unknown_for_resource(inv, &zone.arn, "query logging")),
            }
        }
    }
}
