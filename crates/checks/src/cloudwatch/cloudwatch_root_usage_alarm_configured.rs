use super::chain;
use crate::declare_check;
use serde_json::{json, Value};
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Root user activity raises an alarm that reaches someone, as the CIS monitoring item
    /// describes: a multi-region, logging trail delivers to a CloudWatch Logs group; a metric
    /// filter on that group counts root activity the way the CIS pattern does; a CloudWatch
    /// alarm in the group's region watches a metric that filter publishes, with actions
    /// enabled; and its action is a Lambda function, a Systems Manager action, or an SNS topic
    /// with a confirmed subscriber. The filter pattern is parsed and evaluated against sample
    /// CloudTrail events: it must count a root console sign-in and a root API call, and must
    /// not count calls AWS services make for the root user (`invokedBy` set), AWS service
    /// events, or other identities, so `userIdentity.type != "Root"` or a bare
    /// `userIdentity.type = "Root"` does not qualify. FAIL names the first broken link; SKIP
    /// when a link could not be read (a trail's flags or status, a log group in a region that
    /// was not scanned, the group's metric filters, the region's alarms or subscriptions, or
    /// a region's trail list).
    ///
    /// ### Why it matters
    /// The root user should almost never act. An alarm on its use turns a stolen root password
    /// or an out-of-process change into a page within minutes instead of a discovery weeks
    /// later.
    ///
    /// ### How to fix
    /// Add a metric filter with the pattern `{ $.userIdentity.type = "Root" &&
    /// $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" }` to the trail's
    /// log group and an alarm on its metric (threshold 1) that notifies an SNS topic; an
    /// EventBridge rule is an alternative.
    CloudwatchRootUsageAlarmConfigured {
        id: "cloudwatch_root_usage_alarm_configured",
        title: "An alarm fires on root user activity",
        severity: Low,
        service: CloudWatch,
        resource_kind: "account",
        best_practices: ["SEC01-BP02", "SEC04-BP03"],
        prowler: ["cloudwatch_log_metric_filter_root_usage"],
        security_hub: ["CloudWatch.1"],
        config_rule: [],
        cis: ["3.0:4.3", "4.0:4.3", "5.0:4.3"],
        reads: { CloudTrail: [DescribeTrails, GetTrailStatus], Logs: [DescribeMetricFilters], CloudWatch: [DescribeAlarms], Sns: [ListSubscriptions] },
        remediation: "Add a metric filter and alarm for root user activity on the trail's log group.",
    }
}

fn root(extra: Value) -> Value {
    let mut identity = json!({"type": "Root", "principalId": "123456789012", "arn": "arn:aws:iam::123456789012:root", "accountId": "123456789012"});
    if let (Some(identity), Some(extra)) = (identity.as_object_mut(), extra.as_object()) {
        identity.extend(extra.clone());
    }
    identity
}

/// Root activity CIS wants counted: a console sign-in and an API call.
fn root_events() -> Vec<Value> {
    vec![
        json!({"userIdentity": root(json!({})), "eventSource": "signin.amazonaws.com", "eventName": "ConsoleLogin", "eventType": "AwsConsoleSignIn", "sourceIPAddress": "203.0.113.5"}),
        json!({"userIdentity": root(json!({})), "eventSource": "iam.amazonaws.com", "eventName": "CreateAccessKey", "eventType": "AwsApiCall", "sourceIPAddress": "203.0.113.5"}),
    ]
}

/// Events the CIS pattern leaves out: AWS services acting for the root user, service events,
/// and other identities.
fn not_root_usage() -> Vec<Value> {
    vec![
        json!({"userIdentity": root(json!({"invokedBy": "support.amazonaws.com"})), "eventSource": "iam.amazonaws.com", "eventName": "ListUsers", "eventType": "AwsApiCall", "sourceIPAddress": "support.amazonaws.com"}),
        json!({"userIdentity": root(json!({})), "eventSource": "ec2.amazonaws.com", "eventName": "SharedSnapshotCopyInitiated", "eventType": "AwsServiceEvent"}),
        json!({"userIdentity": {"type": "IAMUser", "userName": "alice", "accountId": "123456789012"}, "eventSource": "signin.amazonaws.com", "eventName": "ConsoleLogin", "eventType": "AwsConsoleSignIn"}),
    ]
}

impl CloudwatchRootUsageAlarmConfigured {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        let events =
            chain::Events { what: "root user activity", must_match: root_events, must_not_match: not_root_usage };
        let (status, message) = chain::evaluate(inv, &events);
        out.account(status, message);
    }
}
