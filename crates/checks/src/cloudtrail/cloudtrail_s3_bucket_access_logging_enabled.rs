use super::bucket;
use crate::{declare_check, evidence};
use wasp_model::{Inventory, Setting};

declare_check! {
    /// ### What it checks
    /// For each trail, the S3 bucket it delivers to has server access logging on
    /// (`GetBucketLogging` names a target bucket). FAIL when logging is off; SKIP when the
    /// bucket is not in the inventory (a bucket in a log archive account is judged by scanning
    /// that account) or its logging configuration could not be read. Whether the target
    /// bucket exists or is the log bucket itself is not judged.
    ///
    /// ### Why it matters
    /// Access logs on the trail bucket record who read, copied or deleted the audit trail
    /// itself, which is what an investigation needs when the logs are suspected of tampering.
    ///
    /// ### How to fix
    /// Enable server access logging on the trail bucket, to a separate bucket in the log
    /// archive account.
    CloudtrailS3BucketAccessLoggingEnabled {
        id: "cloudtrail_s3_bucket_access_logging_enabled",
        title: "The S3 bucket of each trail has access logging on",
        severity: Low,
        service: CloudTrail,
        resource_kind: "cloudtrail_trail",
        best_practices: ["SEC04-BP01"],
        prowler: ["cloudtrail_logs_s3_bucket_access_logging_enabled"],
        security_hub: ["CloudTrail.7"],
        config_rule: [],
        cis: ["3.0:3.4", "4.0:3.4", "5.0:3.4"],
        reads: { CloudTrail: [DescribeTrails], S3: [ListBuckets, GetBucketLogging] },
        remediation: "Enable server access logging on the trail's log bucket.",
    }
}

impl CloudtrailS3BucketAccessLoggingEnabled {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for trail in &inv.cloudtrail.trails {
            let b = match bucket::of(inv, trail) {
                Ok(b) => b,
                Err(why) => {
                    out.skip(trail, why);
                    continue;
                }
            };
            match &b.logging {
                Some(Setting::Configured(l)) => {
                    out.pass(trail, format!("log bucket {} sends access logs to {}", b.name, l.target_bucket))
                }
                Some(Setting::NotConfigured) => {
                    out.fail(trail, format!("log bucket {} has access logging off", b.name))
                }
                None => out.skip(trail, evidence::unknown_for_resource(inv, &b.arn, "the logging configuration")),
            }
        }
    }
}
