use crate::{declare_check, evidence, Status};
use wasp_model::detection::Toggle;
use wasp_model::{Inventory, Service};

declare_check! {
    /// ### What it checks
    /// In every scanned region, GuardDuty has a detector whose status is `ENABLED`. FAIL when
    /// the region has no detector or only disabled ones; SKIP when the region's detectors
    /// could not be read.
    ///
    /// ### Why it matters
    /// GuardDuty watches CloudTrail, VPC flow and DNS logs for compromised credentials,
    /// crypto-mining and reconnaissance. A region without it is a region where an intruder
    /// goes unnoticed.
    ///
    /// ### How to fix
    /// Enable GuardDuty in every region, ideally organization-wide from a delegated
    /// administrator account so new accounts are covered automatically.
    GuarddutyEnabled {
        id: "guardduty_enabled",
        title: "GuardDuty is enabled in every region",
        severity: High,
        service: GuardDuty,
        resource_kind: "region",
        best_practices: ["SEC04-BP03", "SEC01-BP04"],
        prowler: ["guardduty_is_enabled"],
        security_hub: ["GuardDuty.1"],
        config_rule: ["GUARDDUTY_ENABLED_CENTRALIZED"],
        cis: [],
        reads: { GuardDuty: [ListDetectors, GetDetector] },
        remediation: "Enable GuardDuty in every region, organization-wide where possible.",
    }
}

impl GuarddutyEnabled {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for region in evidence::scanned_regions(inv) {
            let Some(state) = inv.detection.guardduty.get(region) else {
                let why = evidence::unknown_because(inv, Service::GuardDuty, region, "GuardDuty detectors");
                out.in_region(Status::Skip, "guardduty", region, why);
                continue;
            };
            let enabled = state.detectors.iter().find(|d| d.status == Some(Toggle::Enabled));
            let (status, message) = match enabled {
                Some(d) => (Status::Pass, format!("detector {} is enabled", d.id)),
                None if state.detectors.iter().any(|d| d.status.is_none()) => {
                    (Status::Skip, evidence::unknown_because(inv, Service::GuardDuty, region, "the detector status"))
                }
                None if state.detectors.is_empty() => (Status::Fail, "no GuardDuty detector in this region".to_owned()),
                None => (Status::Fail, "GuardDuty detector is suspended".to_owned()),
            };
            out.in_region(status, "guardduty", region, message);
        }
    }
}
