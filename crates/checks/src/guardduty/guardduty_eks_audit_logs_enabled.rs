use super::plan;
use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// In every scanned region, the region's enabled GuardDuty detector has the protection plan
    /// `EKS_AUDIT_LOGS` with status `ENABLED`, as `GetDetector` lists its features. FAIL when
    /// GuardDuty is not enabled in the region, or the plan is disabled or not listed (a detector
    /// that predates the plan and never had it turned on). SKIP when the region's detectors, their
    /// status or their features could not be read. Findings are per region; a detector managed by a
    /// delegated administrator shows the configuration that administrator applied.
    ///
    /// ### Why it matters
    /// Kubernetes audit logs show anonymous API access, privileged pods and credentials used from
    /// unusual places; GuardDuty only analyses them when this plan is on.
    ///
    /// ### How to fix
    /// Enable EKS Audit Log Monitoring (`EKS_AUDIT_LOGS`) on the detector of every region.
    GuarddutyEksAuditLogsEnabled {
        id: "guardduty_eks_audit_logs_enabled",
        title: "GuardDuty EKS Audit Log Monitoring is enabled in every region",
        severity: Medium,
        service: GuardDuty,
        resource_kind: "region",
        best_practices: ["SEC01-BP08", "SEC04-BP03"],
        prowler: ["guardduty_eks_audit_log_enabled"],
        security_hub: ["GuardDuty.5"],
        config_rule: ["GUARDDUTY_EKS_PROTECTION_AUDIT_ENABLED"],
        cis: [],
        reads: { GuardDuty: [ListDetectors, GetDetector] },
        remediation: "Enable EKS Audit Log Monitoring on the GuardDuty detector of every region.",
    }
}

impl GuarddutyEksAuditLogsEnabled {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        plan::evaluate(inv, out, &["EKS_AUDIT_LOGS"], "EKS Audit Log Monitoring");
    }
}
