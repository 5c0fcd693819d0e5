//! Shared evaluation of GuardDuty protection plans: one verdict per scanned region.
use crate::{evidence, Status};
use wasp_model::detection::Toggle;
use wasp_model::{Inventory, Service};

/// Judges, in every scanned region, whether the enabled detector has every one of `features`
/// (plans, or `plan/configuration` pairs) enabled. `what` names the protection in messages.
pub fn evaluate(inv: &Inventory, out: &mut crate::Findings<'_>, features: &[&str], what: &str) {
    for region in evidence::scanned_regions(inv) {
        let (status, message) = verdict(inv, region, features, what);
        out.in_region(status, "guardduty", region, message);
    }
}

fn verdict(inv: &Inventory, region: &str, features: &[&str], what: &str) -> (Status, String) {
    let Some(state) = inv.detection.guardduty.get(region) else {
        return (Status::Skip, evidence::unknown_because(inv, Service::GuardDuty, region, "GuardDuty detectors"));
    };
    let Some(detector) = state.enabled_detector() else {
        if state.detectors.iter().any(|d| d.status.is_none()) {
            return (Status::Skip, evidence::unknown_because(inv, Service::GuardDuty, region, "the detector status"));
        }
        return (Status::Fail, format!("GuardDuty is not enabled in this region, so {what} is off"));
    };
    for feature in features {
        match detector.feature(feature) {
            None => {
                let why = evidence::unknown_because(inv, Service::GuardDuty, region, "the detector's protection plans");
                return (Status::Skip, why);
            }
            Some(Some(Toggle::Enabled)) => {}
            Some(Some(Toggle::Disabled)) => {
                return (Status::Fail, format!("{feature} is disabled on detector {}", detector.id));
            }
            Some(None) => {
                return (Status::Fail, format!("detector {} does not list {feature}", detector.id));
            }
        }
    }
    (Status::Pass, format!("{what} is enabled on detector {} ({})", detector.id, features.join(", ")))
}
