use super::plan;
use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// In every scanned region, the region's enabled GuardDuty detector has the protection plan
    /// `S3_DATA_EVENTS` with status `ENABLED`, as `GetDetector` lists its features. FAIL when
    /// GuardDuty is not enabled in the region, or the plan is disabled or not listed (a detector
    /// that predates the plan and never had it turned on). SKIP when the region's detectors, their
    /// status or their features could not be read. Findings are per region; a detector managed by a
    /// delegated administrator shows the configuration that administrator applied.
    ///
    /// ### Why it matters
    /// S3 Protection reads S3 data events (object reads, writes and deletions) for signs of
    /// exfiltration, unusual access from known-bad addresses and disabled logging on buckets.
    /// Without it GuardDuty sees only bucket-level management calls.
    ///
    /// ### How to fix
    /// Enable S3 Protection on the detector of every region (`aws guardduty update-detector
    /// --features Name=S3_DATA_EVENTS,Status=ENABLED`), organization-wide from the delegated
    /// administrator.
    GuarddutyS3ProtectionEnabled {
        id: "guardduty_s3_protection_enabled",
        title: "GuardDuty S3 Protection is enabled in every region",
        severity: Medium,
        service: GuardDuty,
        resource_kind: "region",
        best_practices: ["SEC01-BP08", "SEC04-BP03"],
        prowler: ["guardduty_s3_protection_enabled"],
        security_hub: ["GuardDuty.10"],
        config_rule: ["GUARDDUTY_S3_PROTECTION_ENABLED"],
        cis: [],
        reads: { GuardDuty: [ListDetectors, GetDetector] },
        remediation: "Enable S3 Protection on the GuardDuty detector of every region.",
    }
}

impl GuarddutyS3ProtectionEnabled {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        plan::evaluate(inv, out, &["S3_DATA_EVENTS"], "S3 Protection");
    }
}
