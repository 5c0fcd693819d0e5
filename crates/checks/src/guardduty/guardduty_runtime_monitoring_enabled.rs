use super::plan;
use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// In every scanned region, the region's enabled GuardDuty detector has the protection plan
    /// `RUNTIME_MONITORING` with status `ENABLED`, as `GetDetector` lists its features. FAIL when
    /// GuardDuty is not enabled in the region, or the plan is disabled or not listed (a detector
    /// that predates the plan and never had it turned on). SKIP when the region's detectors, their
    /// status or their features could not be read. Findings are per region; a detector managed by a
    /// delegated administrator shows the configuration that administrator applied.
    ///
    /// ### Why it matters
    /// Runtime Monitoring watches processes, file access and network connections inside instances
    /// and containers: reverse shells, crypto-miners and container escapes that no log shows.
    ///
    /// ### How to fix
    /// Enable Runtime Monitoring (`RUNTIME_MONITORING`) on the detector of every region, with
    /// automated agent management for the compute you run.
    GuarddutyRuntimeMonitoringEnabled {
        id: "guardduty_runtime_monitoring_enabled",
        title: "GuardDuty Runtime Monitoring is enabled in every region",
        severity: Medium,
        service: GuardDuty,
        resource_kind: "region",
        best_practices: ["SEC01-BP08", "SEC06-BP05"],
        prowler: ["guardduty_runtime_monitoring_enabled"],
        security_hub: ["GuardDuty.11"],
        config_rule: ["GUARDDUTY_RUNTIME_MONITORING_ENABLED"],
        cis: [],
        reads: { GuardDuty: [ListDetectors, GetDetector] },
        remediation: "Enable Runtime Monitoring on the GuardDuty detector of every region.",
    }
}

impl GuarddutyRuntimeMonitoringEnabled {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        plan::evaluate(inv, out, &["RUNTIME_MONITORING"], "Runtime Monitoring");
    }
}
