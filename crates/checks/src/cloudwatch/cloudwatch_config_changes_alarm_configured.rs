use super::chain;
use crate::declare_check;
use serde_json::Value;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// AWS Config configuration changes raise an alarm that reaches someone, as CIS 4.9 describes:
    /// a multi-region, logging trail delivers to a CloudWatch Logs group; a metric filter on that
    /// group counts these events; a CloudWatch alarm in the group's region watches a metric the
    /// filter publishes, with actions enabled; and its action is a Lambda function, a Systems
    /// Manager action, or an SNS topic with a confirmed subscriber. The filter pattern is parsed
    /// and evaluated against sample CloudTrail events: it must count each of
    /// `StopConfigurationRecorder`, `DeleteDeliveryChannel`, `PutDeliveryChannel`,
    /// `PutConfigurationRecorder` from `config.amazonaws.com`, and must not count reads such as
    /// `DescribeConfigurationRecorders`, `DescribeDeliveryChannels`. FAIL names the first broken
    /// link; SKIP when a link could not be read (a trail's flags or status, a log group in a region
    /// that was not scanned, the group's metric filters, the region's alarms or subscriptions, or a
    /// region's trail list).
    ///
    /// ### Why it matters
    /// Stopping the recorder or moving its delivery channel erases the history of configuration
    /// that investigations and compliance rules rely on.
    ///
    /// ### How to fix
    /// Add a metric filter whose pattern counts `StopConfigurationRecorder`,
    /// `DeleteDeliveryChannel`, `PutDeliveryChannel`, `PutConfigurationRecorder` from
    /// `config.amazonaws.com` (the CIS pattern joins `$.eventName = <name>` terms with `||`) to the
    /// trail's log group, and an alarm on its metric (threshold 1) that notifies an SNS topic with
    /// a subscriber; an EventBridge rule on the same events is an alternative.
    CloudwatchConfigChangesAlarmConfigured {
        id: "cloudwatch_config_changes_alarm_configured",
        title: "An alarm fires on AWS Config configuration changes",
        severity: Low,
        service: CloudWatch,
        resource_kind: "account",
        best_practices: ["SEC04-BP03"],
        prowler: ["cloudwatch_log_metric_filter_and_alarm_for_aws_config_configuration_changes_enabled"],
        security_hub: ["CloudWatch.9"],
        config_rule: [],
        cis: ["3.0:4.9", "4.0:4.9", "5.0:4.9"],
        reads: { CloudTrail: [DescribeTrails, GetTrailStatus], Logs: [DescribeMetricFilters], CloudWatch: [DescribeAlarms], Sns: [ListSubscriptions] },
        remediation: "Add a metric filter and alarm for AWS Config configuration changes on the trail's log group.",
    }
}

fn caught() -> Vec<Value> {
    chain::api_calls(
        "config.amazonaws.com",
        &["StopConfigurationRecorder", "DeleteDeliveryChannel", "PutDeliveryChannel", "PutConfigurationRecorder"],
    )
}

fn left_out() -> Vec<Value> {
    chain::api_calls("config.amazonaws.com", &["DescribeConfigurationRecorders", "DescribeDeliveryChannels"])
}

impl CloudwatchConfigChangesAlarmConfigured {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        let events =
            chain::Events { what: "AWS Config configuration changes", must_match: caught, must_not_match: left_out };
        let (status, message) = chain::evaluate(inv, &events);
        out.account(status, message);
    }
}
