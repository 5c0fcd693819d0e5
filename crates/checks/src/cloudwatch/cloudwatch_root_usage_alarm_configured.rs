use crate::{declare_check, util};
use wasp_model::{Inventory, GLOBAL_REGION};

declare_check! {
    /// ### What it checks
    /// Root user activity raises an alarm, as the CIS monitoring items describe: a multi-region,
    /// logging trail delivers to a CloudWatch Logs group; a metric filter on that group has a
    /// pattern mentioning both `userIdentity.type` and `Root`; and a CloudWatch alarm in the
    /// group's region watches a metric that filter publishes. Whether the alarm notifies anyone
    /// is not judged. FAIL names the first missing link; SKIP when a link could not be read
    /// (the trail's status, the group's metric filters, the region's alarms, or any CloudTrail
    /// gap).
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
        service: "cloudwatch",
        resource_kind: "account",
        best_practices: ["SEC01-BP02", "SEC04-BP03"],
        prowler: ["cloudwatch_log_metric_filter_root_usage"],
        security_hub: ["CloudWatch.1"],
        config_rule: [],
        cis: ["3.0:4.3", "4.0:4.3", "5.0:4.3"],
        reads: ["logs", "cloudtrail"],
        remediation: "Add a metric filter and alarm for root user activity on the trail's log group.",
    }
}

impl CloudwatchRootUsageAlarmConfigured {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        let (status, message) = util::cloudtrail_metric_alarm(inv, &["userIdentity.type", "Root"], "root usage");
        out.report(status, inv.account_arn(), GLOBAL_REGION, message);
    }
}
