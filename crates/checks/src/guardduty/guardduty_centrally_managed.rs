use crate::{declare_check, evidence, Status};
use wasp_model::{Inventory, Service, Setting};

/// The service principal GuardDuty's delegated administrator is registered for.
const PRINCIPAL: &str = "guardduty.amazonaws.com";

declare_check! {
    /// ### What it checks
    /// In every scanned region where GuardDuty is enabled, the detector is managed centrally:
    /// `GetAdministratorAccount` names an administrator account, or the scanned account is
    /// itself registered in the organization as GuardDuty's delegated administrator
    /// (`ListDelegatedAdministrators` for `guardduty.amazonaws.com`, readable from the
    /// management account). FAIL when neither holds. Regions without an enabled detector are
    /// not judged here. SKIP when the administrator could not be read, or when there is none
    /// and the delegated administrators could not be read.
    ///
    /// ### Why it matters
    /// A central administrator sees every account's findings in one place, enables GuardDuty
    /// for new accounts automatically, and stops a member from suspending its own detector;
    /// responders then work from one console instead of logging in account by account.
    ///
    /// ### How to fix
    /// Register a security tooling account as GuardDuty's delegated administrator from the
    /// organization's management account and let it auto-enable every member account.
    GuarddutyCentrallyManaged {
        id: "guardduty_centrally_managed",
        title: "GuardDuty is managed by a central administrator account",
        severity: Medium,
        service: GuardDuty,
        resource_kind: "region",
        best_practices: ["SEC04-BP02", "SEC10-BP06"],
        prowler: ["guardduty_centrally_managed"],
        security_hub: [],
        config_rule: [],
        cis: [],
        reads: { GuardDuty: [ListDetectors, GetDetector, GetAdministratorAccount], Organizations: [ListDelegatedAdministrators] },
        remediation: "Manage GuardDuty from a delegated administrator account for the whole organization.",
    }
}

impl GuarddutyCentrallyManaged {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        let delegated = crate::organizations::is_delegated_administrator(inv, PRINCIPAL);
        for region in evidence::scanned_regions(inv) {
            let Some(state) = inv.detection.guardduty.get(region) else {
                let why = evidence::unknown_because(inv, Service::GuardDuty, region, "GuardDuty detectors");
                out.in_region(Status::Skip, "guardduty", region, why);
                continue;
            };
            let Some(detector) = state.enabled_detector() else { continue };
            let (status, message) = match (&detector.administrator, delegated) {
                (Some(Setting::Configured(admin)), _) => {
                    (Status::Pass, format!("detector {} is managed by administrator account {admin}", detector.id))
                }
                (_, Some(true)) => (Status::Pass, "this account is GuardDuty's delegated administrator".to_owned()),
                (None, _) => (
                    Status::Skip,
                    evidence::unknown_because(inv, Service::GuardDuty, region, "the detector's administrator"),
                ),
                (Some(Setting::NotConfigured), None) => (
                    Status::Skip,
                    evidence::operation_gap(
                        inv,
                        Service::Organizations,
                        wasp_model::GLOBAL_REGION,
                        "ListDelegatedAdministrators",
                        "the delegated administrators",
                    )
                    .unwrap_or_else(|| {
                        "no administrator manages the detector and the organization's delegated administrators \
                         were not read"
                            .to_owned()
                    }),
                ),
                (Some(Setting::NotConfigured), Some(false)) => (
                    Status::Fail,
                    format!(
                        "detector {} has no administrator account and this account is not the delegated administrator",
                        detector.id
                    ),
                ),
            };
            out.in_region(status, "guardduty", region, message);
        }
    }
}
