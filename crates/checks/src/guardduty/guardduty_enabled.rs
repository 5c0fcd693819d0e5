use crate::{declare_check, util, Status};
use wasp_model::Inventory;

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
        service: "guardduty",
        resource_kind: "region",
        best_practices: ["SEC04-BP01", "SEC04-BP02"],
        prowler: ["guardduty_is_enabled"],
        security_hub: ["GuardDuty.1"],
        config_rule: ["GUARDDUTY_ENABLED_CENTRALIZED"],
        cis: [],
        remediation: "Enable GuardDuty in every region, organization-wide where possible.",
    }
}

impl GuarddutyEnabled {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for region in util::scanned_regions(inv) {
            let arn = inv.regional_account_arn("guardduty", region);
            let Some(state) = inv.detection.guardduty.get(region) else {
                let why = util::unknown_because(inv, "guardduty", region, "GuardDuty detectors");
                out.report(Status::Skip, arn, region, why);
                continue;
            };
            let enabled = state.detectors.iter().find(|d| d.status.as_deref() == Some("ENABLED"));
            match enabled {
                Some(d) => out.report(Status::Pass, arn, region, format!("detector {} is enabled", d.id)),
                None if state.detectors.iter().any(|d| d.status.is_none()) => out.report(
                    Status::Skip,
                    arn,
                    region,
                    util::unknown_because(inv, "guardduty", region, "the detector status"),
                ),
                None if state.detectors.is_empty() => {
                    out.report(Status::Fail, arn, region, "no GuardDuty detector in this region")
                }
                None => out.report(Status::Fail, arn, region, "GuardDuty detector is suspended"),
            }
        }
    }
}
