use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Every RDS DB instance (cluster members included: monitoring is per instance) has
    /// enhanced monitoring on: `MonitoringInterval` above 0 seconds. Instances being deleted
    /// are not judged. SKIP when AWS did not report the interval.
    ///
    /// ### Why it matters
    /// Enhanced monitoring reports the operating system's processes, CPU, memory and I/O every
    /// few seconds: the evidence that tells a runaway query from crypto-mining or bulk
    /// extraction, which CloudWatch's one-minute instance metrics blur.
    ///
    /// ### How to fix
    /// Run `aws rds modify-db-instance --db-instance-identifier <id> --monitoring-interval 60
    /// --monitoring-role-arn <role with AmazonRDSEnhancedMonitoringRole>`.
    RdsInstanceEnhancedMonitoringEnabled {
        id: "rds_instance_enhanced_monitoring_enabled",
        title: "RDS DB instances have enhanced monitoring on",
        severity: Low,
        service: Rds,
        resource_kind: "rds_instance",
        best_practices: ["SEC04-BP01"],
        prowler: ["rds_instance_enhanced_monitoring_enabled"],
        security_hub: ["RDS.6"],
        config_rule: ["RDS_ENHANCED_MONITORING_ENABLED"],
        cis: [],
        reads: { Rds: [DescribeDBInstances] },
        remediation: "Set a monitoring interval and a monitoring role on the instance.",
    }
}

impl RdsInstanceEnhancedMonitoringEnabled {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for instance in super::live_instances(inv) {
            match instance.monitoring_interval {
                Some(0) => out.fail(instance, "enhanced monitoring is off"),
                Some(s) => out.pass(instance, format!("enhanced monitoring samples every {s} seconds")),
                None => out.skip(instance, "AWS did not report the monitoring interval"),
            }
        }
    }
}
