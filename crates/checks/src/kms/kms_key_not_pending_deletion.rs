use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// No customer-managed key is scheduled for deletion (state `PendingDeletion`, or
    /// `PendingReplicaDeletion` for multi-Region replicas). AWS-managed keys are not judged.
    /// The FAIL message gives the deletion date when known.
    ///
    /// ### Why it matters
    /// Once the waiting period ends, the key material is gone and everything encrypted under it
    /// is unrecoverable. A scheduled deletion should be a deliberate, reviewed decision, never
    /// a surprise.
    ///
    /// ### How to fix
    /// Confirm nothing still needs the key (CloudTrail shows recent use); if anything does,
    /// run `aws kms cancel-key-deletion` and re-enable the key.
    KmsKeyNotPendingDeletion {
        id: "kms_key_not_pending_deletion",
        title: "Customer-managed KMS keys are not scheduled for deletion",
        severity: High,
        service: Kms,
        resource_kind: "kms_key",
        best_practices: ["SEC08-BP01"],
        prowler: ["kms_cmk_not_deleted_unintentionally"],
        security_hub: ["KMS.3"],
        config_rule: ["KMS_CMK_NOT_SCHEDULED_FOR_DELETION"],
        cis: [],
        reads: { Kms: [ListKeys, DescribeKey] },
        remediation: "Cancel the key deletion unless it is deliberate and nothing depends on the key.",
    }
}

impl KmsKeyNotPendingDeletion {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for key in inv.kms.keys.iter().filter(|k| k.is_customer_managed()) {
            if !key.state.is_pending_deletion() {
                out.pass(key, format!("the key is {}", key.state.as_str()));
                continue;
            }
            match key.deletion_date {
                Some(date) => {
                    out.fail(key, format!("the key is scheduled for deletion on {}", date.format("%Y-%m-%d")))
                }
                None => out.fail(key, "the key is scheduled for deletion"),
            }
        }
    }
}
