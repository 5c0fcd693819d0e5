use crate::{declare_check, evidence};
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Every Redshift provisioned cluster has audit logging on (`DescribeLoggingStatus`
    /// `LoggingEnabled`), to S3 or CloudWatch Logs: connection, user and (with
    /// `enable_user_activity_logging`) user activity logs. SKIP when the status could not be read.
    ///
    /// ### Why it matters
    /// The warehouse is where bulk data theft happens; without connection and query logs, who
    /// connected and what they ran cannot be established after the fact.
    ///
    /// ### How to fix
    /// Run `aws redshift enable-logging --cluster-identifier <id> --log-destination-type
    /// cloudwatch --log-exports connectionlog userlog useractivitylog`, and set
    /// `enable_user_activity_logging` to true in the parameter group.
    RedshiftClusterAuditLoggingEnabled {
        id: "redshift_cluster_audit_logging_enabled",
        title: "Redshift clusters log audit events",
        severity: Medium,
        service: Redshift,
        resource_kind: "redshift_cluster",
        best_practices: ["SEC04-BP01"],
        prowler: ["redshift_cluster_audit_logging"],
        security_hub: ["Redshift.4"],
        config_rule: [],
        cis: [],
        reads: { Redshift: [DescribeClusters, DescribeLoggingStatus] },
        remediation: "Turn on audit logging to CloudWatch Logs or S3.",
    }
}

impl RedshiftClusterAuditLoggingEnabled {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for cluster in super::live_clusters(inv) {
            super::judge_flag(
                out,
                cluster,
                cluster.audit_logging,
                "audit logging is on",
                "audit logging is off",
                evidence::unknown_for_resource(inv, &cluster.arn, "the logging status"),
            );
        }
    }
}
