use super::chain;
use crate::declare_check;
use serde_json::Value;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// IAM policy changes raise an alarm that reaches someone, as CIS 4.4 describes: a multi-
    /// region, logging trail delivers to a CloudWatch Logs group; a metric filter on that group
    /// counts these events; a CloudWatch alarm in the group's region watches a metric the filter
    /// publishes, with actions enabled; and its action is a Lambda function, a Systems Manager
    /// action, or an SNS topic with a confirmed subscriber. The filter pattern is parsed and
    /// evaluated against sample CloudTrail events: it must count each of `DeleteGroupPolicy`,
    /// `DeleteRolePolicy`, `DeleteUserPolicy`, `PutGroupPolicy`, `PutRolePolicy`, `PutUserPolicy`,
    /// `CreatePolicy`, `DeletePolicy`, `CreatePolicyVersion`, `DeletePolicyVersion`,
    /// `AttachRolePolicy`, `DetachRolePolicy`, `AttachUserPolicy`, `DetachUserPolicy`,
    /// `AttachGroupPolicy`, `DetachGroupPolicy` from `iam.amazonaws.com`, and must not count reads
    /// such as `GetPolicy`, `ListPolicies`. FAIL names the first broken link; SKIP when a link
    /// could not be read (a trail's flags or status, a log group in a region that was not scanned,
    /// the group's metric filters, the region's alarms or subscriptions, or a region's trail list).
    ///
    /// ### Why it matters
    /// Permissions granted outside the normal process are the commonest way a foothold becomes an
    /// administrator; an alarm on policy changes makes such a grant visible within minutes.
    ///
    /// ### How to fix
    /// Add a metric filter whose pattern counts `DeleteGroupPolicy`, `DeleteRolePolicy`,
    /// `DeleteUserPolicy`, `PutGroupPolicy`, `PutRolePolicy`, `PutUserPolicy`, `CreatePolicy`,
    /// `DeletePolicy`, `CreatePolicyVersion`, `DeletePolicyVersion`, `AttachRolePolicy`,
    /// `DetachRolePolicy`, `AttachUserPolicy`, `DetachUserPolicy`, `AttachGroupPolicy`,
    /// `DetachGroupPolicy` from `iam.amazonaws.com` (the CIS pattern joins `$.eventName = <name>`
    /// terms with `||`) to the trail's log group, and an alarm on its metric (threshold 1) that
    /// notifies an SNS topic with a subscriber; an EventBridge rule on the same events is an
    /// alternative.
    CloudwatchIamPolicyChangesAlarmConfigured {
        id: "cloudwatch_iam_policy_changes_alarm_configured",
        title: "An alarm fires on IAM policy changes",
        severity: Low,
        service: CloudWatch,
        resource_kind: "account",
        best_practices: ["SEC04-BP03", "SEC03-BP02"],
        prowler: ["cloudwatch_log_metric_filter_policy_changes"],
        security_hub: ["CloudWatch.4"],
        config_rule: [],
        cis: ["3.0:4.4", "4.0:4.4", "5.0:4.4"],
        reads: { CloudTrail: [DescribeTrails, GetTrailStatus], Logs: [DescribeMetricFilters], CloudWatch: [DescribeAlarms], Sns: [ListSubscriptions] },
        remediation: "Add a metric filter and alarm for IAM policy changes on the trail's log group.",
    }
}

fn caught() -> Vec<Value> {
    chain::api_calls(
        "iam.amazonaws.com",
        &[
            "DeleteGroupPolicy",
            "DeleteRolePolicy",
            "DeleteUserPolicy",
            "PutGroupPolicy",
            "PutRolePolicy",
            "PutUserPolicy",
            "CreatePolicy",
            "DeletePolicy",
            "CreatePolicyVersion",
            "DeletePolicyVersion",
            "AttachRolePolicy",
            "DetachRolePolicy",
            "AttachUserPolicy",
            "DetachUserPolicy",
            "AttachGroupPolicy",
            "DetachGroupPolicy",
        ],
    )
}

fn left_out() -> Vec<Value> {
    chain::api_calls("iam.amazonaws.com", &["GetPolicy", "ListPolicies"])
}

impl CloudwatchIamPolicyChangesAlarmConfigured {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        let events = chain::Events { what: "IAM policy changes", must_match: caught, must_not_match: left_out };
        let (status, message) = chain::evaluate(inv, &events);
        out.account(status, message);
    }
}
