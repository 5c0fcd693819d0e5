use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Every CloudWatch Logs group has a retention period set. A group without one keeps its
    /// events forever ("never expire") and FAILs; any explicit period passes, since the right
    /// length depends on the data and the obligations that apply to it.
    ///
    /// ### Why it matters
    /// Retention is a decision about how long evidence is kept and how long sensitive data
    /// lingers. Groups left at "never expire" mean nobody made it: logs with personal data or
    /// secrets pile up indefinitely while the useful period was never agreed.
    ///
    /// ### How to fix
    /// Agree retention per kind of log (security logs often a year or more) and run `aws logs
    /// put-retention-policy --log-group-name <group> --retention-in-days <days>`; archive to S3
    /// for anything kept longer.
    LogsLogGroupRetentionSet {
        id: "logs_log_group_retention_set",
        title: "CloudWatch Logs groups have a retention period",
        severity: Low,
        service: Logs,
        resource_kind: "log_group",
        best_practices: ["SEC04-BP01", "SEC07-BP04"],
        prowler: [],
        security_hub: [],
        config_rule: [],
        cis: [],
        reads: { Logs: [DescribeLogGroups] },
        remediation: "Set a retention period on the log group that matches its data's requirements.",
    }
}

impl LogsLogGroupRetentionSet {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for group in &inv.logs.log_groups {
            match group.retention_days {
                Some(days) => out.pass(group, format!("events are kept for {days} days")),
                None => out.fail(group, "events never expire; no retention period is set"),
            }
        }
    }
}
