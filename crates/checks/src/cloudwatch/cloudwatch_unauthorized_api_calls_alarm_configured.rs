use super::chain;
use crate::declare_check;
use serde_json::{json, Value};
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Denied API calls raise an alarm that reaches someone, as the CIS monitoring item
    /// describes: a multi-region, logging trail delivers to a CloudWatch Logs group; a metric
    /// filter on that group counts denied calls; a CloudWatch alarm in the group's region
    /// watches a metric that filter publishes, with actions enabled; and its action is a
    /// Lambda function, a Systems Manager action, or an SNS topic with a confirmed subscriber.
    /// The filter pattern is parsed and evaluated against sample CloudTrail events: it must
    /// count calls denied with `UnauthorizedOperation` (EC2's `Client.UnauthorizedOperation`),
    /// `AccessDenied` and `AccessDeniedException`, and must not count successful calls. The
    /// CIS exclusions of log delivery and `HeadBucket` are allowed, not required. FAIL names
    /// the first broken link; SKIP when a link could not be read (a trail's flags or status, a
    /// log group in a region that was not scanned, the group's metric filters, the region's
    /// alarms or subscriptions, or a region's trail list).
    ///
    /// ### Why it matters
    /// A burst of access-denied errors is what probing with stolen credentials looks like, as
    /// well as the first symptom of a broken deployment. Either way someone should look soon.
    ///
    /// ### How to fix
    /// Add a metric filter with the pattern `{ ($.errorCode = "*UnauthorizedOperation") ||
    /// ($.errorCode = "AccessDenied*") }` to the trail's log group and an alarm on its metric
    /// that notifies an SNS topic, with a threshold tuned to the account's normal noise.
    CloudwatchUnauthorizedApiCallsAlarmConfigured {
        id: "cloudwatch_unauthorized_api_calls_alarm_configured",
        title: "An alarm fires on unauthorized API calls",
        severity: Low,
        service: CloudWatch,
        resource_kind: "account",
        best_practices: ["SEC04-BP03"],
        prowler: ["cloudwatch_log_metric_filter_unauthorized_api_calls"],
        security_hub: ["CloudWatch.2"],
        config_rule: [],
        cis: ["3.0:4.1", "4.0:4.1", "5.0:4.1"],
        reads: { CloudTrail: [DescribeTrails, GetTrailStatus], Logs: [DescribeMetricFilters], CloudWatch: [DescribeAlarms], Sns: [ListSubscriptions] },
        remediation: "Add a metric filter and alarm for denied API calls on the trail's log group.",
    }
}

fn call(error_code: Option<&str>) -> Value {
    let mut event = json!({"userIdentity": {"type": "IAMUser", "userName": "alice", "accountId": "123456789012"}, "eventSource": "ec2.amazonaws.com", "eventName": "RunInstances", "eventType": "AwsApiCall", "sourceIPAddress": "203.0.113.5"});
    if let (Some(code), Some(map)) = (error_code, event.as_object_mut()) {
        map.insert("errorCode".into(), code.into());
    }
    event
}

/// Denied calls in the three spellings AWS services use.
fn denied_calls() -> Vec<Value> {
    vec![call(Some("Client.UnauthorizedOperation")), call(Some("AccessDenied")), call(Some("AccessDeniedException"))]
}

fn allowed_calls() -> Vec<Value> {
    vec![call(None)]
}

impl CloudwatchUnauthorizedApiCallsAlarmConfigured {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        let events =
            chain::Events { what: "unauthorized API calls", must_match: denied_calls, must_not_match: allowed_calls };
        let (status, message) = chain::evaluate(inv, &events);
        out.account(status, message);
    }
}
