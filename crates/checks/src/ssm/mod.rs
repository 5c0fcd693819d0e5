//! Systems Manager checks.
mod ssm_automation_logging_enabled;
mod ssm_document_not_public;
mod ssm_document_public_sharing_blocked;
mod ssm_ec2_instance_managed;
mod ssm_managed_node_association_compliant;
mod ssm_managed_node_patch_compliant;
mod ssm_parameter_secrets_use_secure_string;
mod ssm_session_manager_encryption_enabled;
mod ssm_session_manager_logging_enabled;

pub use ssm_automation_logging_enabled::SsmAutomationLoggingEnabled;
pub use ssm_document_not_public::SsmDocumentNotPublic;
pub use ssm_document_public_sharing_blocked::SsmDocumentPublicSharingBlocked;
pub use ssm_ec2_instance_managed::SsmEc2InstanceManaged;
pub use ssm_managed_node_association_compliant::SsmManagedNodeAssociationCompliant;
pub use ssm_managed_node_patch_compliant::SsmManagedNodePatchCompliant;
pub use ssm_parameter_secrets_use_secure_string::SsmParameterSecretsUseSecureString;
pub use ssm_session_manager_encryption_enabled::SsmSessionManagerEncryptionEnabled;
pub use ssm_session_manager_logging_enabled::SsmSessionManagerLoggingEnabled;

use wasp_model::{Inventory, Service};

/// Why a regional SSM value is unknown: the failed operation when there is one.
pub(crate) fn unknown(inv: &Inventory, region: &str, operation: &str, what: &str) -> String {
    crate::evidence::operation_gap(inv, Service::Ssm, region, operation, what)
        .unwrap_or_else(|| crate::evidence::unknown_because(inv, Service::Ssm, region, what))
}

/// The ARN findings use for a managed node: an EC2 instance or a hybrid managed instance.
pub(crate) fn node_arn(inv: &Inventory, region: &str, id: &str) -> String {
    if id.starts_with("mi-") {
        format!("arn:{}:ssm:{region}:{}:managed-instance/{id}", inv.partition, inv.account_id)
    } else {
        format!("arn:{}:ec2:{region}:{}:instance/{id}", inv.partition, inv.account_id)
    }
}

/// Judges the compliance summaries of one type in every scanned region: PASS for
/// `COMPLIANT`, FAIL for `NON_COMPLIANT` (with the severity and count), SKIP for regions
/// whose summaries were not read. With `nodes_without_data`, managed nodes that report no
/// summary of the type fail too.
pub(crate) fn compliance(inv: &Inventory, out: &mut crate::Findings<'_>, kind: &str, nodes_without_data: Option<&str>) {
    use crate::Status;
    for region in crate::evidence::scanned_regions(inv) {
        let Some(items) = inv.ssm.regions.get(region).and_then(|r| r.compliance.as_ref()) else {
            let why = unknown(inv, region, "ListResourceComplianceSummaries", "compliance summaries");
            out.in_region(Status::Skip, "ssm", region, why);
            continue;
        };
        let of_kind: Vec<_> = items.iter().filter(|i| i.compliance_type.eq_ignore_ascii_case(kind)).collect();
        for item in &of_kind {
            let arn = node_arn(inv, region, &item.resource_id);
            if item.status == "COMPLIANT" {
                out.report(Status::Pass, arn, region, format!("{kind} compliance: COMPLIANT"));
            } else {
                let severity = item.overall_severity.as_deref().unwrap_or("UNSPECIFIED");
                let count =
                    item.non_compliant_count.map(|c| format!(", {c} non-compliant item(s)")).unwrap_or_default();
                out.report(
                    Status::Fail,
                    arn,
                    region,
                    format!("{kind} compliance: {} (severity {severity}{count})", item.status),
                );
            }
        }
        let Some(message) = nodes_without_data else { continue };
        let Some(nodes) = inv.ssm.regions.get(region).and_then(|r| r.managed_nodes.as_ref()) else { continue };
        for node in nodes {
            if !of_kind.iter().any(|i| i.resource_id == node.id) {
                out.report(Status::Fail, node_arn(inv, region, &node.id), region, message);
            }
        }
    }
}
