use super::plan;
use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// In every scanned region, the region's enabled GuardDuty detector has the protection plan
    /// `LAMBDA_NETWORK_LOGS` with status `ENABLED`, as `GetDetector` lists its features. FAIL when
    /// GuardDuty is not enabled in the region, or the plan is disabled or not listed (a detector
    /// that predates the plan and never had it turned on). SKIP when the region's detectors, their
    /// status or their features could not be read. Findings are per region; a detector managed by a
    /// delegated administrator shows the configuration that administrator applied.
    ///
    /// ### Why it matters
    /// Lambda Protection analyses the network activity of functions, catching a compromised
    /// function that mines crypto-currency or talks to a command-and-control server.
    ///
    /// ### How to fix
    /// Enable Lambda Protection (`LAMBDA_NETWORK_LOGS`) on the detector of every region.
    GuarddutyLambdaProtectionEnabled {
        id: "guardduty_lambda_protection_enabled",
        title: "GuardDuty Lambda Protection is enabled in every region",
        severity: Medium,
        service: GuardDuty,
        resource_kind: "region",
        best_practices: ["SEC01-BP08", "SEC06-BP05"],
        prowler: ["guardduty_lambda_protection_enabled"],
        security_hub: ["GuardDuty.6"],
        config_rule: ["GUARDDUTY_LAMBDA_PROTECTION_ENABLED"],
        cis: [],
        reads: { GuardDuty: [ListDetectors, GetDetector] },
        remediation: "Enable Lambda Protection on the GuardDuty detector of every region.",
    }
}

impl GuarddutyLambdaProtectionEnabled {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        plan::evaluate(inv, out, &["LAMBDA_NETWORK_LOGS"], "Lambda Protection");
    }
}
