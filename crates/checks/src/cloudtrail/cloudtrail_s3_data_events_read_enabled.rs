use super::data_events::{self, Direction};
use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// At least one multi-region trail that is logging records
    /// S3 object read events for every resource of type `AWS::S3::Object`: a
    /// basic event selector whose data resource names the bare service ARN (`arn:aws:s3`), or an
    /// advanced selector of category `Data` on that resource type restricted by nothing but
    /// `readOnly`. Selectors limited to some ARNs, prefixes or event names do not count, nor do
    /// single-region trails. FAIL when no trail qualifies; SKIP when a trail's flags, status or
    /// selectors, or a region's trail list, could not be read and none qualified.
    ///
    /// ### Why it matters
    /// After a leak, the first question is which objects were read and by whom; only read data
    /// events answer it.
    ///
    /// ### How to fix
    /// Add a data event selector for `AWS::S3::Object` with read (or all) events and every bucket
    /// to a multi-region trail; restrict it to buckets with sensitive data with an advanced
    /// selector if the volume is too high, accepting that this check then fails.
    CloudtrailS3DataEventsReadEnabled {
        id: "cloudtrail_s3_data_events_read_enabled",
        title: "A multi-region trail records S3 object-level read events",
        severity: Low,
        service: CloudTrail,
        resource_kind: "account",
        best_practices: ["SEC04-BP01"],
        prowler: ["cloudtrail_s3_dataevents_read_enabled"],
        security_hub: ["S3.23"],
        config_rule: ["CLOUDTRAIL_ALL_READ_S3_DATA_EVENT_CHECK"],
        cis: ["3.0:3.9", "4.0:3.9", "5.0:3.9"],
        reads: { CloudTrail: [DescribeTrails, GetTrailStatus, GetEventSelectors] },
        remediation: "Record S3 object read events for all resources on a multi-region trail.",
    }
}

impl CloudtrailS3DataEventsReadEnabled {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        let (status, message) = data_events::evaluate(inv, "AWS::S3::Object", Direction::Read, "S3 object read events");
        out.account(status, message);
    }
}
