use crate::{declare_check, evidence, Status};
use wasp_model::{Inventory, Setting};

declare_check! {
    /// ### What it checks
    /// In every scanned region, the Session Manager preferences (the
    /// `SSM-SessionManagerRunShell` document) send session output to a CloudWatch Logs group
    /// or an S3 bucket. Preferences that name neither fail, and so does a region where they
    /// were never saved (sessions are then not logged). SKIP when the document could not be
    /// read.
    ///
    /// ### Why it matters
    /// Session Manager replaces SSH with audited access — but CloudTrail records only that a
    /// session started. The commands typed and their output are kept only if session logging
    /// is on.
    ///
    /// ### How to fix
    /// In Systems Manager > Session Manager > Preferences, turn on CloudWatch logging (and/or
    /// S3 logging) with encryption, in every region.
    SsmSessionManagerLoggingEnabled {
        id: "ssm_session_manager_logging_enabled",
        title: "Session Manager logs session activity",
        severity: Medium,
        service: Ssm,
        resource_kind: "region",
        best_practices: ["SEC04-BP01", "SEC06-BP03"],
        prowler: [],
        security_hub: [],
        config_rule: [],
        cis: [],
        reads: { Ssm: [GetDocument] },
        remediation: "Turn on CloudWatch Logs or S3 logging in the Session Manager preferences.",
    }
}

impl SsmSessionManagerLoggingEnabled {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for region in evidence::scanned_regions(inv) {
            let (status, message) = match inv.ssm.regions.get(region).and_then(|r| r.session_preferences.as_ref()) {
                Some(Setting::Configured(p)) => {
                    let targets: Vec<String> = p
                        .cloudwatch_log_group
                        .iter()
                        .map(|g| format!("log group {g}"))
                        .chain(p.s3_bucket.iter().map(|b| format!("bucket {b}")))
                        .collect();
                    if targets.is_empty() {
                        (Status::Fail, "the preferences send sessions to no log group or bucket".to_owned())
                    } else {
                        (Status::Pass, format!("sessions are logged to {}", targets.join(" and ")))
                    }
                }
                Some(Setting::NotConfigured) => {
                    (Status::Fail, "Session Manager preferences were never saved: sessions are not logged".to_owned())
                }
                None => (Status::Skip, super::unknown(inv, region, "GetDocument", "the Session Manager preferences")),
            };
            out.in_region(status, "ssm", region, message);
        }
    }
}
