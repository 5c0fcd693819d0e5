use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Every trail also delivers its events to a CloudWatch Logs group. Whether delivery
    /// currently succeeds is not checked.
    ///
    /// ### Why it matters
    /// Events in S3 are for after-the-fact investigation. In CloudWatch Logs they can drive
    /// metric filters and alarms within minutes, for example on root sign-ins or bursts of
    /// denied calls.
    ///
    /// ### How to fix
    /// Create a log group and a role CloudTrail can assume to write to it, then run `aws
    /// cloudtrail update-trail --cloud-watch-logs-log-group-arn <arn>
    /// --cloud-watch-logs-role-arn <role>`.
    CloudtrailCloudwatchLogsEnabled {
        id: "cloudtrail_cloudwatch_logs_enabled",
        title: "CloudTrail trails deliver events to CloudWatch Logs",
        severity: Low,
        service: CloudTrail,
        resource_kind: "cloudtrail_trail",
        best_practices: ["SEC04-BP02", "SEC04-BP03"],
        prowler: ["cloudtrail_cloudwatch_logging_enabled"],
        security_hub: ["CloudTrail.5"],
        config_rule: ["CLOUD_TRAIL_CLOUD_WATCH_LOGS_ENABLED"],
        cis: [],
        reads: { CloudTrail: [DescribeTrails] },
        remediation: "Configure the trail to deliver its events to a CloudWatch Logs group.",
    }
}

impl CloudtrailCloudwatchLogsEnabled {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for trail in &inv.cloudtrail.trails {
            match &trail.cloudwatch_logs_group_arn {
                Some(group) => out.pass(trail, format!("events go to {group}")),
                None => out.fail(trail, "the trail does not deliver to CloudWatch Logs"),
            }
        }
    }
}
