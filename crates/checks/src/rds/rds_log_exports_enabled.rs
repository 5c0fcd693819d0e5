use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Every RDS DB cluster, and every DB instance outside a cluster, exports at least one
    /// database log type to CloudWatch Logs (`EnabledCloudwatchLogsExports`: `audit`, `error`,
    /// `general`, `slowquery`, `postgresql`, `agent` …); the message lists them. Which logs are
    /// worth exporting depends on the engine, so any one passes; an empty list fails.
    /// Resources being deleted are not judged. SKIP when the list was not reported.
    ///
    /// ### Why it matters
    /// Database logs kept only on the instance rotate away within days and vanish with it;
    /// in CloudWatch Logs they are retained, searchable and can raise alarms on failed logins
    /// or privilege changes.
    ///
    /// ### How to fix
    /// Run `aws rds modify-db-instance --db-instance-identifier <id>
    /// --cloudwatch-logs-export-configuration '{"EnableLogTypes":["error","audit"]}'` (or
    /// `modify-db-cluster`), and turn the engine's audit logging on in its parameter group.
    RdsLogExportsEnabled {
        id: "rds_log_exports_enabled",
        title: "RDS databases export their logs to CloudWatch Logs",
        severity: Low,
        service: Rds,
        resource_kind: "rds_database",
        best_practices: ["SEC04-BP01"],
        prowler: ["rds_instance_integration_cloudwatch_logs", "rds_cluster_integration_cloudwatch_logs"],
        security_hub: [],
        config_rule: [],
        cis: [],
        reads: { Rds: [DescribeDBInstances, DescribeDBClusters] },
        remediation: "Export the database's logs to CloudWatch Logs.",
    }
}

impl RdsLogExportsEnabled {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        let verdict = |logs: &Option<Vec<String>>| match logs {
            Some(l) if l.is_empty() => Err(true),
            Some(l) => Ok(l.join(", ")),
            None => Err(false),
        };
        for cluster in super::live_clusters(inv) {
            match verdict(&cluster.log_exports) {
                Ok(list) => out.pass(cluster, format!("exports {list} logs")),
                Err(true) => out.fail(cluster, "exports no logs to CloudWatch Logs"),
                Err(false) => out.skip(cluster, "AWS did not report the log exports"),
            }
        }
        for instance in super::standalone_instances(inv) {
            match verdict(&instance.log_exports) {
                Ok(list) => out.pass(instance, format!("exports {list} logs")),
                Err(true) => out.fail(instance, "exports no logs to CloudWatch Logs"),
                Err(false) => out.skip(instance, "AWS did not report the log exports"),
            }
        }
    }
}
