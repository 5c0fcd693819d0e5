use crate::{declare_check, util};
use wasp_model::{Inventory, GLOBAL_REGION};

declare_check! {
    /// ### What it checks
    /// Denied API calls raise an alarm, as the CIS monitoring items describe: a multi-region,
    /// logging trail delivers to a CloudWatch Logs group; a metric filter on that group has a
    /// pattern mentioning both `UnauthorizedOperation` and `AccessDenied`; and a CloudWatch
    /// alarm in the group's region watches a metric that filter publishes. Whether the alarm
    /// notifies anyone is not judged. FAIL names the first missing link; SKIP when a link could
    /// not be read (the trail's status, the group's metric filters, the region's alarms, or any
    /// CloudTrail gap).
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
        service: "cloudwatch",
        resource_kind: "account",
        best_practices: ["SEC04-BP03"],
        prowler: ["cloudwatch_log_metric_filter_unauthorized_api_calls"],
        security_hub: ["CloudWatch.2"],
        config_rule: [],
        cis: ["3.0:4.1", "4.0:4.1", "5.0:4.1"],
        reads: ["logs", "cloudtrail"],
        remediation: "Add a metric filter and alarm for denied API calls on the trail's log group.",
    }
}

impl CloudwatchUnauthorizedApiCallsAlarmConfigured {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        let terms = ["UnauthorizedOperation", "AccessDenied"];
        let (status, message) = util::cloudtrail_metric_alarm(inv, &terms, "unauthorized API calls");
        out.report(status, inv.account_arn(), GLOBAL_REGION, message);
    }
}
