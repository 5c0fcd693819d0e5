use super::plan;
use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// In every scanned region, the region's enabled GuardDuty detector has the protection plan
    /// `RDS_LOGIN_EVENTS` with status `ENABLED`, as `GetDetector` lists its features. FAIL when
    /// GuardDuty is not enabled in the region, or the plan is disabled or not listed (a detector
    /// that predates the plan and never had it turned on). SKIP when the region's detectors, their
    /// status or their features could not be read. Findings are per region; a detector managed by a
    /// delegated administrator shows the configuration that administrator applied.
    ///
    /// ### Why it matters
    /// RDS Protection profiles Aurora and RDS login activity and flags brute force and logins from
    /// unusual places, which database logs alone rarely surface.
    ///
    /// ### How to fix
    /// Enable RDS Protection (`RDS_LOGIN_EVENTS`) on the detector of every region.
    GuarddutyRdsProtectionEnabled {
        id: "guardduty_rds_protection_enabled",
        title: "GuardDuty RDS Protection is enabled in every region",
        severity: Medium,
        service: GuardDuty,
        resource_kind: "region",
        best_practices: ["SEC01-BP08", "SEC04-BP03"],
        prowler: ["guardduty_rds_protection_enabled"],
        security_hub: ["GuardDuty.9"],
        config_rule: ["GUARDDUTY_RDS_PROTECTION_ENABLED"],
        cis: [],
        reads: { GuardDuty: [ListDetectors, GetDetector] },
        remediation: "Enable RDS Protection on the GuardDuty detector of every region.",
    }
}

impl GuarddutyRdsProtectionEnabled {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        plan::evaluate(inv, out, &["RDS_LOGIN_EVENTS"], "RDS Protection");
    }
}
