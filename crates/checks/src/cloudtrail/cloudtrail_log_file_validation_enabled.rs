use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Every trail has log file integrity validation on, so CloudTrail writes signed hourly
    /// digest files for the log files it delivers. Organization trails seen from a member
    /// account are judged too. SKIP when the trail description leaves the setting out.
    ///
    /// ### Why it matters
    /// An intruder with write access to the log bucket can delete or edit the records of what
    /// they did. Digest files let you prove which log files were changed or removed, and are
    /// what makes the logs usable as evidence.
    ///
    /// ### How to fix
    /// Run `aws cloudtrail update-trail --name <trail> --enable-log-file-validation` and
    /// validate periodically with `aws cloudtrail validate-logs`.
    CloudtrailLogFileValidationEnabled {
        id: "cloudtrail_log_file_validation_enabled",
        title: "CloudTrail trails validate their log files",
        severity: Low,
        service: CloudTrail,
        resource_kind: "cloudtrail_trail",
        best_practices: ["SEC04-BP01", "SEC10-BP03"],
        prowler: ["cloudtrail_log_file_validation_enabled"],
        security_hub: ["CloudTrail.4"],
        config_rule: ["CLOUD_TRAIL_LOG_FILE_VALIDATION_ENABLED"],
        cis: ["3.0:3.2", "4.0:3.2", "5.0:3.2"],
        reads: { CloudTrail: [DescribeTrails] },
        remediation: "Enable log file validation on the trail.",
    }
}

impl CloudtrailLogFileValidationEnabled {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for trail in &inv.cloudtrail.trails {
            match trail.log_file_validation {
                Some(true) => out.pass(trail, "log file validation is on"),
                Some(false) => out.fail(trail, "log file validation is off"),
                None => out.skip(trail, "AWS did not say whether log file validation is on"),
            }
        }
    }
}
