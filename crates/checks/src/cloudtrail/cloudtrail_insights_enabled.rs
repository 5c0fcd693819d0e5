use crate::evidence::{operation_gap_anywhere, unknown_for_resource};
use crate::{declare_check, Status};
use wasp_model::{Inventory, Service};

declare_check! {
    /// ### What it checks
    /// At least one trail that is logging has CloudTrail Insights enabled: its insight
    /// selectors (`GetInsightSelectors`) name `ApiCallRateInsight` or `ApiErrorRateInsight`.
    /// A trail without Insights answers `InsightNotEnabledException`, read as none. Insights
    /// analyses write management events of the trail's regions, so a single-region trail
    /// counts only for its region; this check asks for one trail anywhere. FAIL when no
    /// logging trail has an insight type; SKIP when a trail's status or insight selectors, or
    /// a region's trail list, could not be read and none qualified.
    ///
    /// ### Why it matters
    /// Insights learns the account's normal rate of API calls and errors and flags bursts:
    /// a script enumerating resources with stolen keys, or a wave of denied calls, shows up
    /// without anyone writing a rule for it.
    ///
    /// ### How to fix
    /// Enable both insight types on the organization's multi-region trail (`aws cloudtrail
    /// put-insight-selectors`).
    CloudtrailInsightsEnabled {
        id: "cloudtrail_insights_enabled",
        title: "CloudTrail Insights is enabled on a trail",
        severity: Low,
        service: CloudTrail,
        resource_kind: "account",
        best_practices: ["SEC04-BP03"],
        prowler: ["cloudtrail_insights_exist"],
        security_hub: [],
        config_rule: [],
        cis: [],
        reads: { CloudTrail: [DescribeTrails, GetTrailStatus, GetInsightSelectors] },
        remediation: "Enable CloudTrail Insights for API call and error rates on the main trail.",
    }
}

impl CloudtrailInsightsEnabled {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        let mut unknown = None;
        for trail in &inv.cloudtrail.trails {
            match trail.is_logging {
                Some(true) => {}
                Some(false) => continue,
                None => {
                    unknown.get_or_insert_with(|| unknown_for_resource(inv, &trail.arn, "the trail status"));
                    continue;
                }
            }
            match &trail.insight_types {
                Some(types) if !types.is_empty() => {
                    out.account(Status::Pass, format!("trail {} has Insights: {}", trail.name, types.join(", ")));
                    return;
                }
                Some(_) => {}
                None => {
                    unknown.get_or_insert_with(|| unknown_for_resource(inv, &trail.arn, "the insight selectors"));
                }
            }
        }
        match unknown.or_else(|| operation_gap_anywhere(inv, Service::CloudTrail, "DescribeTrails", "the trail list")) {
            Some(why) => out.account(Status::Skip, why),
            None => out.account(Status::Fail, "no logging trail has CloudTrail Insights enabled"),
        }
    }
}
