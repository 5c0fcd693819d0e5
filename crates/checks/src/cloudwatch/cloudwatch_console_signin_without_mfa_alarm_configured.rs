use super::chain;
use crate::declare_check;
use serde_json::Value;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Console sign-ins without MFA raise an alarm that reaches someone, as CIS 4.2 describes: a
    /// multi-region, logging trail delivers to a CloudWatch Logs group; a metric filter on that
    /// group counts these events; a CloudWatch alarm in the group's region watches a metric the
    /// filter publishes, with actions enabled; and its action is a Lambda function, a Systems
    /// Manager action, or an SNS topic with a confirmed subscriber. The filter pattern is parsed
    /// and evaluated against sample CloudTrail events: it must count a successful console sign-in
    /// of an IAM user made without MFA, and must not count sign-ins made with MFA or other calls.
    /// The CIS 1.x pattern without the user-type and success conditions also qualifies. FAIL names
    /// the first broken link; SKIP when a link could not be read (a trail's flags or status, a log
    /// group in a region that was not scanned, the group's metric filters, the region's alarms or
    /// subscriptions, or a region's trail list).
    ///
    /// ### Why it matters
    /// A console sign-in without MFA is either a user the MFA rule missed or a password used alone
    /// by someone else; both deserve a look the same day.
    ///
    /// ### How to fix
    /// Add a metric filter with the pattern `{ ($.eventName = "ConsoleLogin") &&
    /// ($.additionalEventData.MFAUsed != "Yes") && ($.userIdentity.type = "IAMUser") &&
    /// ($.responseElements.ConsoleLogin = "Success") }` to the trail's log group, and an alarm on
    /// its metric (threshold 1) that notifies an SNS topic with a subscriber; an EventBridge rule
    /// on the same events is an alternative.
    CloudwatchConsoleSigninWithoutMfaAlarmConfigured {
        id: "cloudwatch_console_signin_without_mfa_alarm_configured",
        title: "An alarm fires on console sign-ins without MFA",
        severity: Low,
        service: CloudWatch,
        resource_kind: "account",
        best_practices: ["SEC02-BP01", "SEC04-BP03"],
        prowler: ["cloudwatch_log_metric_filter_sign_in_without_mfa"],
        security_hub: ["CloudWatch.3"],
        config_rule: [],
        cis: ["3.0:4.2", "4.0:4.2", "5.0:4.2"],
        reads: { CloudTrail: [DescribeTrails, GetTrailStatus], Logs: [DescribeMetricFilters], CloudWatch: [DescribeAlarms], Sns: [ListSubscriptions] },
        remediation: "Add a metric filter and alarm for console sign-ins without MFA on the trail's log group.",
    }
}

fn caught() -> Vec<Value> {
    vec![chain::console_login(true, Some("No"), None)]
}

fn left_out() -> Vec<Value> {
    vec![chain::console_login(true, Some("Yes"), None), chain::api_call("iam.amazonaws.com", "ListUsers")]
}

impl CloudwatchConsoleSigninWithoutMfaAlarmConfigured {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        let events =
            chain::Events { what: "console sign-ins without MFA", must_match: caught, must_not_match: left_out };
        let (status, message) = chain::evaluate(inv, &events);
        out.account(status, message);
    }
}
