use crate::{declare_check, evidence};
use wasp_model::{Inventory, Setting};

declare_check! {
    /// ### What it checks
    /// The bucket has server access logging configured (a target bucket for its access logs).
    /// FAIL when logging is off; SKIP when the logging configuration could not be read. Whether
    /// the target bucket exists and accepts the logs is not checked.
    ///
    /// ### Why it matters
    /// Server access logs record every request to the bucket, including anonymous ones and
    /// object reads that CloudTrail does not log by default. Without them, an investigation
    /// cannot tell who read which object.
    ///
    /// ### How to fix
    /// Turn on server access logging to a dedicated log bucket (not the bucket itself), or
    /// record S3 data events with CloudTrail for the buckets that matter.
    S3BucketAccessLoggingEnabled {
        id: "s3_bucket_access_logging_enabled",
        title: "S3 buckets have server access logging enabled",
        severity: Medium,
        service: S3,
        resource_kind: "s3_bucket",
        best_practices: ["SEC04-BP01"],
        prowler: ["s3_bucket_server_access_logging_enabled"],
        security_hub: ["S3.9"],
        config_rule: ["S3_BUCKET_LOGGING_ENABLED"],
        cis: [],
        reads: { S3: [ListBuckets, GetBucketLocation, GetBucketLogging] },
        remediation: "Enable server access logging to a dedicated log bucket.",
    }
}

impl S3BucketAccessLoggingEnabled {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for bucket in &inv.s3.buckets {
            match &bucket.logging {
                Some(Setting::Configured(logging)) => {
                    out.pass(bucket, format!("access logs go to bucket {}", logging.target_bucket))
                }
                Some(Setting::NotConfigured) => out.fail(bucket, "server access logging is off"),
                None => out.skip(bucket, evidence::unknown_for_resource(inv, &bucket.arn, "the logging configuration")),
            }
        }
    }
}
