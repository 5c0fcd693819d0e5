use crate::{declare_check, evidence, Status};
use wasp_model::cloudtrail::ManagementEvents;
use wasp_model::{Inventory, Service};

declare_check! {
    /// ### What it checks
    /// The account has at least one multi-region trail (its own or an organization trail)
    /// that is logging (`GetTrailStatus`) and records both read and write management events.
    /// PASS names the first such trail. FAIL when no multi-region trail exists, or every one is
    /// stopped or records only part of the management events; SKIP instead when a candidate's
    /// logging status or event selectors could not be read, or when the trail list of any
    /// region could not be read, since the missing region might hold the trail.
    ///
    /// ### Why it matters
    /// CloudTrail is the account's audit log: who did what, from where, with which
    /// credentials. A trail in one region misses activity in the others, which is exactly
    /// where an intruder launching resources would go.
    ///
    /// ### How to fix
    /// Create a multi-region trail recording all management events (an organization trail
    /// from the management account covers every member), deliver it to a locked-down bucket
    /// and make sure it is started.
    CloudtrailMultiRegionEnabled {
        id: "cloudtrail_multi_region_enabled",
        title: "A multi-region trail logs all management events",
        severity: High,
        service: CloudTrail,
        resource_kind: "account",
        best_practices: ["SEC04-BP01"],
        prowler: ["cloudtrail_multi_region_enabled_logging_management_events"],
        security_hub: ["CloudTrail.1"],
        config_rule: ["MULTI_REGION_CLOUD_TRAIL_ENABLED"],
        cis: ["3.0:3.1", "4.0:3.1", "5.0:3.1"],
        reads: { CloudTrail: [DescribeTrails, GetTrailStatus, GetEventSelectors] },
        remediation: "Create and start a multi-region trail that records all management events.",
    }
}

fn describe(events: ManagementEvents) -> &'static str {
    match events {
        ManagementEvents::None => "no",
        ManagementEvents::ReadOnly => "only read",
        ManagementEvents::WriteOnly => "only write",
        ManagementEvents::All => "all",
    }
}

impl CloudtrailMultiRegionEnabled {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        let mut unknown = None;
        let mut failing = Vec::new();
        for trail in &inv.cloudtrail.trails {
            match trail.multi_region {
                Some(true) => {}
                Some(false) => continue,
                None => {
                    unknown.get_or_insert_with(|| format!("whether trail {} is multi-region was not read", trail.name));
                    continue;
                }
            }
            match (trail.is_logging, trail.management_events) {
                (Some(true), Some(ManagementEvents::All)) => {
                    let msg = format!("multi-region trail {} logs all management events", trail.name);
                    out.account(Status::Pass, msg);
                    return;
                }
                (Some(false), _) => failing.push(format!("{} is not logging", trail.name)),
                (_, Some(events)) if events != ManagementEvents::All => {
                    failing.push(format!("{} records {} management events", trail.name, describe(events)))
                }
                _ => {
                    let what = format!("the logging status or event selector of trail {}", trail.name);
                    unknown.get_or_insert_with(|| {
                        evidence::unknown_because(inv, Service::CloudTrail, &trail.region, &what)
                    });
                }
            }
        }
        let trail_list =
            || evidence::operation_gap_anywhere(inv, Service::CloudTrail, "DescribeTrails", "the trail list");
        if let Some(why) = unknown.or_else(trail_list) {
            out.account(Status::Skip, why);
        } else if failing.is_empty() {
            out.account(Status::Fail, "no multi-region trail");
        } else {
            out.account(Status::Fail, format!("multi-region trails: {}", failing.join("; ")));
        }
    }
}
