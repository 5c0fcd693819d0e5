use super::data_events::{self, Direction};
use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// At least one multi-region trail that is logging records
    /// Lambda invoke events for every resource of type `AWS::Lambda::Function`: a
    /// basic event selector whose data resource names the bare service ARN (`arn:aws:lambda`), or
    /// an advanced selector of category `Data` on that resource type restricted by nothing but
    /// `readOnly`. Selectors limited to some ARNs, prefixes or event names do not count, nor do
    /// single-region trails. FAIL when no trail qualifies; SKIP when a trail's flags, status or
    /// selectors, or a region's trail list, could not be read and none qualified.
    ///
    /// ### Why it matters
    /// Invocations are how functions are abused once an attacker holds credentials; without data
    /// events nothing records who invoked what.
    ///
    /// ### How to fix
    /// Add a data event selector for `AWS::Lambda::Function` covering every function to a
    /// multi-region trail.
    CloudtrailLambdaDataEventsEnabled {
        id: "cloudtrail_lambda_data_events_enabled",
        title: "A multi-region trail records Lambda invocations",
        severity: Low,
        service: CloudTrail,
        resource_kind: "account",
        best_practices: ["SEC04-BP01"],
        prowler: ["awslambda_function_invoke_api_operations_cloudtrail_logging_enabled"],
        security_hub: [],
        config_rule: [],
        cis: [],
        reads: { CloudTrail: [DescribeTrails, GetTrailStatus, GetEventSelectors] },
        remediation: "Record Lambda invoke events for all resources on a multi-region trail.",
    }
}

impl CloudtrailLambdaDataEventsEnabled {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        let (status, message) =
            data_events::evaluate(inv, "AWS::Lambda::Function", Direction::Write, "Lambda invoke events");
        out.account(status, message);
    }
}
