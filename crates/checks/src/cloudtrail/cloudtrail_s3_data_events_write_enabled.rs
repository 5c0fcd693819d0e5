use super::data_events::{self, Direction};
use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// At least one multi-region trail that is logging records
    /// S3 object write events for every resource of type `AWS::S3::Object`: a
    /// basic event selector whose data resource names the bare service ARN (`arn:aws:s3`), or an
    /// advanced selector of category `Data` on that resource type restricted by nothing but
    /// `readOnly`. Selectors limited to some ARNs, prefixes or event names do not count, nor do
    /// single-region trails. FAIL when no trail qualifies; SKIP when a trail's flags, status or
    /// selectors, or a region's trail list, could not be read and none qualified.
    ///
    /// ### Why it matters
    /// Management events show who changed a bucket, not who put or deleted its objects; without
    /// write data events, tampering with or destroying data leaves no record.
    ///
    /// ### How to fix
    /// Add a data event selector for `AWS::S3::Object` with write (or all) events and every bucket
    /// to a multi-region trail; mind the cost on busy buckets and exclude log buckets that write
    /// constantly with an advanced selector.
    CloudtrailS3DataEventsWriteEnabled {
        id: "cloudtrail_s3_data_events_write_enabled",
        title: "A multi-region trail records S3 object-level write events",
        severity: Low,
        service: CloudTrail,
        resource_kind: "account",
        best_practices: ["SEC04-BP01"],
        prowler: ["cloudtrail_s3_dataevents_write_enabled"],
        security_hub: ["S3.22"],
        config_rule: ["CLOUDTRAIL_ALL_WRITE_S3_DATA_EVENT_CHECK"],
        cis: ["3.0:3.8", "4.0:3.8", "5.0:3.8"],
        reads: { CloudTrail: [DescribeTrails, GetTrailStatus, GetEventSelectors] },
        remediation: "Record S3 object write events for all resources on a multi-region trail.",
    }
}

impl CloudtrailS3DataEventsWriteEnabled {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        let (status, message) =
            data_events::evaluate(inv, "AWS::S3::Object", Direction::Write, "S3 object write events");
        out.account(status, message);
    }
}
