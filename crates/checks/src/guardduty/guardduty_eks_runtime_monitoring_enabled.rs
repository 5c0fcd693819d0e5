use super::plan;
use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// In every scanned region, the region's enabled GuardDuty detector has the protection plan
    /// `RUNTIME_MONITORING` and its additional configuration `EKS_ADDON_MANAGEMENT` (automated
    /// agent management; an agent deployed by hand is not visible to this check) with status
    /// `ENABLED`, as `GetDetector` lists its features. FAIL when GuardDuty is not enabled in the
    /// region, or the plan is disabled or not listed (a detector that predates the plan and never
    /// had it turned on). SKIP when the region's detectors, their status or their features could
    /// not be read. Findings are per region; a detector managed by a delegated administrator shows
    /// the configuration that administrator applied.
    ///
    /// ### Why it matters
    /// Without the managed add-on, each EKS cluster needs the security agent deployed by hand;
    /// clusters created later are silently uncovered.
    ///
    /// ### How to fix
    /// Enable Runtime Monitoring with `EKS_ADDON_MANAGEMENT` on the detector of every region.
    GuarddutyEksRuntimeMonitoringEnabled {
        id: "guardduty_eks_runtime_monitoring_enabled",
        title: "GuardDuty Runtime Monitoring covers EKS with automated agents",
        severity: Medium,
        service: GuardDuty,
        resource_kind: "region",
        best_practices: ["SEC01-BP08", "SEC06-BP05"],
        prowler: ["guardduty_eks_runtime_monitoring_enabled"],
        security_hub: ["GuardDuty.7"],
        config_rule: ["GUARDDUTY_EKS_PROTECTION_RUNTIME_ENABLED"],
        cis: [],
        reads: { GuardDuty: [ListDetectors, GetDetector] },
        remediation: "Enable EKS Runtime Monitoring with automated agent management on the GuardDuty detector of every region.",
    }
}

impl GuarddutyEksRuntimeMonitoringEnabled {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        plan::evaluate(
            inv,
            out,
            &["RUNTIME_MONITORING", "RUNTIME_MONITORING/EKS_ADDON_MANAGEMENT"],
            "EKS Runtime Monitoring with automated agent management",
        );
    }
}
