use super::chain;
use crate::declare_check;
use serde_json::Value;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Failed console sign-ins raise an alarm that reaches someone, as CIS 4.6 describes: a multi-
    /// region, logging trail delivers to a CloudWatch Logs group; a metric filter on that group
    /// counts these events; a CloudWatch alarm in the group's region watches a metric the filter
    /// publishes, with actions enabled; and its action is a Lambda function, a Systems Manager
    /// action, or an SNS topic with a confirmed subscriber. The filter pattern is parsed and
    /// evaluated against sample CloudTrail events: it must count a console sign-in that failed with
    /// `Failed authentication`, and must not count successful console sign-ins or other calls. FAIL
    /// names the first broken link; SKIP when a link could not be read (a trail's flags or status,
    /// a log group in a region that was not scanned, the group's metric filters, the region's
    /// alarms or subscriptions, or a region's trail list).
    ///
    /// ### Why it matters
    /// A run of failed console sign-ins is what password guessing looks like; an alarm lets someone
    /// lock the user or block the source before a guess lands.
    ///
    /// ### How to fix
    /// Add a metric filter with the pattern `{ ($.eventName = ConsoleLogin) && ($.errorMessage =
    /// "Failed authentication") }` to the trail's log group, and an alarm on its metric (threshold
    /// 1) that notifies an SNS topic with a subscriber; an EventBridge rule on the same events is
    /// an alternative.
    CloudwatchConsoleAuthFailuresAlarmConfigured {
        id: "cloudwatch_console_auth_failures_alarm_configured",
        title: "An alarm fires on failed console sign-ins",
        severity: Low,
        service: CloudWatch,
        resource_kind: "account",
        best_practices: ["SEC04-BP03", "SEC02-BP01"],
        prowler: ["cloudwatch_log_metric_filter_authentication_failures"],
        security_hub: ["CloudWatch.6"],
        config_rule: [],
        cis: ["3.0:4.6", "4.0:4.6", "5.0:4.6"],
        reads: { CloudTrail: [DescribeTrails, GetTrailStatus], Logs: [DescribeMetricFilters], CloudWatch: [DescribeAlarms], Sns: [ListSubscriptions] },
        remediation: "Add a metric filter and alarm for failed console sign-ins on the trail's log group.",
    }
}

fn caught() -> Vec<Value> {
    vec![chain::console_login(false, Some("No"), Some("Failed authentication"))]
}

fn left_out() -> Vec<Value> {
    vec![
        chain::console_login(true, Some("Yes"), None),
        chain::console_login(true, Some("No"), None),
        chain::api_call("iam.amazonaws.com", "ListUsers"),
    ]
}

impl CloudwatchConsoleAuthFailuresAlarmConfigured {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        let events = chain::Events { what: "failed console sign-ins", must_match: caught, must_not_match: left_out };
        let (status, message) = chain::evaluate(inv, &events);
        out.account(status, message);
    }
}
