use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Every CloudWatch Logs group is associated with a KMS key. Groups without one are still
    /// encrypted by CloudWatch Logs with service-owned keys, but FAIL this check.
    ///
    /// ### Why it matters
    /// Logs often carry identifiers, tokens and personal data. A KMS key adds a second access
    /// control (`kms:Decrypt`) on top of `logs:GetLogEvents`, makes every read auditable and
    /// lets you cut access to the data by disabling the key.
    ///
    /// ### How to fix
    /// Allow the CloudWatch Logs service principal to use a customer-managed key in its key
    /// policy, then run `aws logs associate-kms-key --log-group-name <group> --kms-key-id <arn>`.
    LogsLogGroupKmsEncrypted {
        id: "logs_log_group_kms_encrypted",
        title: "CloudWatch Logs groups are encrypted with KMS keys",
        severity: Low,
        service: Logs,
        resource_kind: "log_group",
        best_practices: ["SEC08-BP01"],
        prowler: ["cloudwatch_log_group_kms_encryption_enabled"],
        security_hub: [],
        config_rule: ["CLOUDWATCH_LOG_GROUP_ENCRYPTED"],
        cis: [],
        reads: { Logs: [DescribeLogGroups] },
        remediation: "Associate a customer-managed KMS key with the log group.",
    }
}

impl LogsLogGroupKmsEncrypted {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for group in &inv.logs.log_groups {
            match &group.kms_key_id {
                Some(key) => out.pass(group, format!("encrypted with {key}")),
                None => out.fail(group, "no KMS key is associated with the log group"),
            }
        }
    }
}
