use crate::{declare_check, evidence};
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Every CloudFront distribution records its requests: standard logging to S3 is enabled
    /// in its configuration (`Logging.Enabled`, read with `GetDistributionConfig`), or a cache
    /// behaviour sends real-time logs to Kinesis. Standard logging v2 (delivery to CloudWatch
    /// Logs, S3 or Firehose configured through CloudWatch Logs delivery sources) is not read
    /// and does not count; a distribution logging only that way fails. SKIP when the
    /// configuration could not be read.
    ///
    /// ### Why it matters
    /// CloudFront logs hold every viewer request (address, path, status, TLS details): the
    /// only record of what reached the edge when investigating scraping, credential stuffing
    /// or an attack on the origin.
    ///
    /// ### How to fix
    /// Turn on standard logging to an S3 bucket in the distribution's settings (or configure
    /// a log delivery and accept this finding as an exception).
    CloudfrontLoggingEnabled {
        id: "cloudfront_logging_enabled",
        title: "CloudFront distributions log viewer requests",
        severity: Medium,
        service: CloudFront,
        resource_kind: "cloudfront_distribution",
        best_practices: ["SEC04-BP01"],
        prowler: ["cloudfront_distributions_logging_enabled"],
        security_hub: ["CloudFront.5"],
        config_rule: ["CLOUDFRONT_ACCESSLOGS_ENABLED"],
        cis: [],
        reads: { CloudFront: [ListDistributions, GetDistributionConfig] },
        remediation: "Turn on standard logging for the distribution.",
    }
}

impl CloudfrontLoggingEnabled {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for d in &inv.cloudfront.distributions {
            let realtime = d.cache_behaviors.iter().any(|b| b.realtime_log_config_arn.is_some());
            match d.logging_enabled {
                Some(true) => out.pass(d, "standard logging to S3 is on"),
                _ if realtime => out.pass(d, "real-time logs are configured"),
                Some(false) => out.fail(d, "neither standard logging nor real-time logs are configured"),
                None => out.skip(d, evidence::unknown_for_resource(inv, &d.arn, "the logging configuration")),
            }
        }
    }
}
