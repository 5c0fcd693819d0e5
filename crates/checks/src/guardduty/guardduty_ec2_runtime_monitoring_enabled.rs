use super::plan;
use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// In every scanned region, the region's enabled GuardDuty detector has the protection plan
    /// `RUNTIME_MONITORING` and its additional configuration `EC2_AGENT_MANAGEMENT` (automated
    /// agent management; an agent deployed by hand is not visible to this check) with status
    /// `ENABLED`, as `GetDetector` lists its features. FAIL when GuardDuty is not enabled in the
    /// region, or the plan is disabled or not listed (a detector that predates the plan and never
    /// had it turned on). SKIP when the region's detectors, their status or their features could
    /// not be read. Findings are per region; a detector managed by a delegated administrator shows
    /// the configuration that administrator applied.
    ///
    /// ### Why it matters
    /// With automated agent management GuardDuty installs and updates its agent on managed
    /// instances through Systems Manager, so new instances are covered without a deployment step.
    ///
    /// ### How to fix
    /// Enable Runtime Monitoring with `EC2_AGENT_MANAGEMENT` on the detector of every region.
    GuarddutyEc2RuntimeMonitoringEnabled {
        id: "guardduty_ec2_runtime_monitoring_enabled",
        title: "GuardDuty Runtime Monitoring covers EC2 with automated agents",
        severity: Medium,
        service: GuardDuty,
        resource_kind: "region",
        best_practices: ["SEC01-BP08", "SEC06-BP05"],
        prowler: [],
        security_hub: ["GuardDuty.13"],
        config_rule: ["GUARDDUTY_EC2_PROTECTION_RUNTIME_ENABLED"],
        cis: [],
        reads: { GuardDuty: [ListDetectors, GetDetector] },
        remediation: "Enable EC2 Runtime Monitoring with automated agent management on the GuardDuty detector of every region.",
    }
}

impl GuarddutyEc2RuntimeMonitoringEnabled {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        plan::evaluate(
            inv,
            out,
            &["RUNTIME_MONITORING", "RUNTIME_MONITORING/EC2_AGENT_MANAGEMENT"],
            "EC2 Runtime Monitoring with automated agent management",
        );
    }
}
