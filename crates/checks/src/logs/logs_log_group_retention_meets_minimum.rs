use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Every CloudWatch Logs group keeps its events for at least the minimum retention: 365
    /// days by default, as AWS Config's `cw-loggroup-retention-period-check` and Security Hub
    /// CloudWatch.16 ask (`log_retention_min_days` under `[checks]` in wasp.toml changes it).
    /// A group set to "never expire" keeps its events indefinitely and passes, as in that rule.
    /// FAIL when the retention period is shorter than the minimum.
    ///
    /// ### Why it matters
    /// Security investigations often start months after the event: an intrusion is found
    /// late, an auditor asks about last year. Logs that expired before anyone looked cannot
    /// answer, and a short retention is a quiet way to lose the evidence the pillar asks teams
    /// to keep.
    ///
    /// ### How to fix
    /// Run `aws logs put-retention-policy --log-group-name <group> --retention-in-days 365`
    /// (or longer, as the data's obligations require), and archive to S3 for anything kept
    /// for years at lower cost.
    LogsLogGroupRetentionMeetsMinimum {
        id: "logs_log_group_retention_meets_minimum",
        title: "CloudWatch Logs groups keep events for the minimum retention period",
        severity: Low,
        service: Logs,
        resource_kind: "log_group",
        best_practices: ["SEC04-BP01", "SEC07-BP04"],
        prowler: ["cloudwatch_log_group_retention_policy_specific_days_enabled"],
        security_hub: ["CloudWatch.16"],
        config_rule: ["CW_LOGGROUP_RETENTION_PERIOD_CHECK"],
        cis: [],
        reads: { Logs: [DescribeLogGroups] },
        remediation: "Set the log group's retention to at least the minimum (365 days by default), or archive to S3.",
    }
}

impl LogsLogGroupRetentionMeetsMinimum {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        let min = out.settings().log_retention_min_days;
        for group in &inv.logs.log_groups {
            match group.retention_days {
                Some(days) if days < min => {
                    out.fail(group, format!("events are kept for {days} days, less than the minimum of {min}"))
                }
                Some(days) => out.pass(group, format!("events are kept for {days} days (minimum {min})")),
                None => out.pass(group, "events never expire"),
            }
        }
    }
}
