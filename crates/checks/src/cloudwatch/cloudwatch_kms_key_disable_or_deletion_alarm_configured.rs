use super::chain;
use crate::declare_check;
use serde_json::Value;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Disabling or scheduled deletion of KMS keys raise an alarm that reaches someone, as CIS 4.7
    /// describes: a multi-region, logging trail delivers to a CloudWatch Logs group; a metric
    /// filter on that group counts these events; a CloudWatch alarm in the group's region watches a
    /// metric the filter publishes, with actions enabled; and its action is a Lambda function, a
    /// Systems Manager action, or an SNS topic with a confirmed subscriber. The filter pattern is
    /// parsed and evaluated against sample CloudTrail events: it must count each of `DisableKey`,
    /// `ScheduleKeyDeletion` from `kms.amazonaws.com`, and must not count reads such as
    /// `EnableKey`, `Decrypt`, `DescribeKey`. FAIL names the first broken link; SKIP when a link
    /// could not be read (a trail's flags or status, a log group in a region that was not scanned,
    /// the group's metric filters, the region's alarms or subscriptions, or a region's trail list).
    ///
    /// ### Why it matters
    /// Data encrypted under a deleted key is gone for good, and a disabled key stops every service
    /// that depends on it: the waiting period before deletion only helps if someone hears about it.
    ///
    /// ### How to fix
    /// Add a metric filter whose pattern counts `DisableKey`, `ScheduleKeyDeletion` from
    /// `kms.amazonaws.com` (the CIS pattern joins `$.eventName = <name>` terms with `||`) to the
    /// trail's log group, and an alarm on its metric (threshold 1) that notifies an SNS topic with
    /// a subscriber; an EventBridge rule on the same events is an alternative.
    CloudwatchKmsKeyDisableOrDeletionAlarmConfigured {
        id: "cloudwatch_kms_key_disable_or_deletion_alarm_configured",
        title: "An alarm fires when customer managed keys are disabled or deleted",
        severity: Low,
        service: CloudWatch,
        resource_kind: "account",
        best_practices: ["SEC04-BP03", "SEC08-BP01"],
        prowler: ["cloudwatch_log_metric_filter_disable_or_scheduled_deletion_of_kms_cmk"],
        security_hub: ["CloudWatch.7"],
        config_rule: [],
        cis: ["3.0:4.7", "4.0:4.7", "5.0:4.7"],
        reads: { CloudTrail: [DescribeTrails, GetTrailStatus], Logs: [DescribeMetricFilters], CloudWatch: [DescribeAlarms], Sns: [ListSubscriptions] },
        remediation: "Add a metric filter and alarm for disabling or scheduled deletion of KMS keys on the trail's log group.",
    }
}

fn caught() -> Vec<Value> {
    chain::api_calls("kms.amazonaws.com", &["DisableKey", "ScheduleKeyDeletion"])
}

fn left_out() -> Vec<Value> {
    chain::api_calls("kms.amazonaws.com", &["EnableKey", "Decrypt", "DescribeKey"])
}

impl CloudwatchKmsKeyDisableOrDeletionAlarmConfigured {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        let events = chain::Events {
            what: "disabling or scheduled deletion of KMS keys",
            must_match: caught,
            must_not_match: left_out,
        };
        let (status, message) = chain::evaluate(inv, &events);
        out.account(status, message);
    }
}
