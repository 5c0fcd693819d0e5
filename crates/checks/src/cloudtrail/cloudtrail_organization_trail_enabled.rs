use crate::evidence::{operation_gap_anywhere, unknown_because};
use crate::{declare_check, Status};
use wasp_model::{Inventory, Service, Setting, GLOBAL_REGION};

declare_check! {
    /// ### What it checks
    /// The account is in an organization and a trail with `IsOrganizationTrail` set, that is
    /// multi-region and logging, is visible from it (member accounts see the management
    /// account's organization trail in `DescribeTrails`). FAIL when the account is in no
    /// organization, or no such trail exists; SKIP when the organization or a region's trail
    /// list could not be read, or a trail's flags or status were not read and none qualified.
    ///
    /// ### Why it matters
    /// An organization trail records every account, including ones created tomorrow, into a
    /// bucket that member accounts cannot change or stop; a trail per account can be switched
    /// off by whoever controls that account.
    ///
    /// ### How to fix
    /// From the management account (or CloudTrail's delegated administrator), create a
    /// multi-region organization trail delivering to a bucket in a log archive account.
    CloudtrailOrganizationTrailEnabled {
        id: "cloudtrail_organization_trail_enabled",
        title: "An organization trail logs this account",
        severity: Medium,
        service: CloudTrail,
        resource_kind: "account",
        best_practices: ["SEC04-BP02", "SEC04-BP01"],
        prowler: [],
        security_hub: [],
        config_rule: [],
        cis: [],
        reads: { CloudTrail: [DescribeTrails, GetTrailStatus], Organizations: [DescribeOrganization] },
        remediation: "Create a multi-region organization trail from the management account.",
    }
}

impl CloudtrailOrganizationTrailEnabled {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        match &inv.organizations.organization {
            Some(Setting::NotConfigured) => {
                out.account(Status::Fail, "the account is in no organization, so no organization trail covers it");
                return;
            }
            None => {
                let why = unknown_because(inv, Service::Organizations, GLOBAL_REGION, "the organization");
                out.account(Status::Skip, why);
                return;
            }
            Some(Setting::Configured(_)) => {}
        }
        let mut unknown = None;
        let mut broken = None;
        for trail in inv.cloudtrail.trails.iter().filter(|t| t.organization_trail != Some(false)) {
            let name = &trail.name;
            match (trail.organization_trail, trail.multi_region, trail.is_logging) {
                (Some(true), Some(true), Some(true)) => {
                    out.account(Status::Pass, format!("organization trail {name} is multi-region and logging"));
                    return;
                }
                (Some(true), Some(false), _) => {
                    broken.get_or_insert_with(|| format!("organization trail {name} is single-region"));
                }
                (Some(true), _, Some(false)) => {
                    broken.get_or_insert_with(|| format!("organization trail {name} is not logging"));
                }
                _ => {
                    unknown.get_or_insert_with(|| format!("the flags or status of trail {name} were not read"));
                }
            }
        }
        match unknown.or_else(|| operation_gap_anywhere(inv, Service::CloudTrail, "DescribeTrails", "the trail list")) {
            Some(why) => out.account(Status::Skip, why),
            None => out.account(Status::Fail, broken.unwrap_or_else(|| "no organization trail is visible".to_owned())),
        }
    }
}
