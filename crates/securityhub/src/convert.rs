//! wasp's ASFF findings as the SDK's typed `AwsSecurityFinding`.
use aws_sdk_securityhub::types;
use wasp_report::asff::{AsffFinding, AsffSeverity, ComplianceStatus, RecordState, SeverityLabel, WorkflowStatus};

/// One finding as `BatchImportFindings` takes it, every field mapped by type.
pub fn to_sdk(f: &AsffFinding) -> types::AwsSecurityFinding {
    let resources = f
        .resources
        .iter()
        .map(|r| {
            types::Resource::builder()
                .r#type(&r.kind)
                .id(&r.id)
                .partition(types::Partition::from(r.partition.as_str()))
                .region(&r.region)
                .build()
        })
        .collect();
    let remediation = f.remediation.as_ref().map(|r| {
        let recommendation =
            types::Recommendation::builder().text(&r.recommendation.text).set_url(r.recommendation.url.clone()).build();
        types::Remediation::builder().recommendation(recommendation).build()
    });
    let compliance = types::Compliance::builder()
        .status(compliance(f.compliance.status))
        .set_related_requirements(Some(f.compliance.related_requirements.clone()))
        .build();
    let provider = &f.finding_provider_fields;
    let provider_fields = types::FindingProviderFields::builder()
        .severity(
            types::FindingProviderSeverity::builder()
                .label(label(provider.severity.label))
                .original(&provider.severity.original)
                .build(),
        )
        .set_types(Some(provider.types.clone()))
        .build();

    types::AwsSecurityFinding::builder()
        .schema_version(&f.schema_version)
        .id(&f.id)
        .product_arn(&f.product_arn)
        .generator_id(&f.generator_id)
        .aws_account_id(&f.aws_account_id)
        .set_types(Some(f.types.clone()))
        .created_at(&f.created_at)
        .updated_at(&f.updated_at)
        .severity(severity(&f.severity))
        .title(&f.title)
        .description(&f.description)
        .set_remediation(remediation)
        .set_product_fields(Some(f.product_fields.iter().map(|(k, v)| (k.clone(), v.clone())).collect()))
        .set_resources(Some(resources))
        .compliance(compliance)
        .workflow(types::Workflow::builder().status(workflow(f.workflow.status)).build())
        .record_state(record_state(f.record_state))
        .finding_provider_fields(provider_fields)
        .build()
}

fn severity(s: &AsffSeverity) -> types::Severity {
    types::Severity::builder().label(label(s.label)).original(&s.original).build()
}

fn label(label: SeverityLabel) -> types::SeverityLabel {
    match label {
        SeverityLabel::Informational => types::SeverityLabel::Informational,
        SeverityLabel::Low => types::SeverityLabel::Low,
        SeverityLabel::Medium => types::SeverityLabel::Medium,
        SeverityLabel::High => types::SeverityLabel::High,
        SeverityLabel::Critical => types::SeverityLabel::Critical,
    }
}

fn compliance(status: ComplianceStatus) -> types::ComplianceStatus {
    match status {
        ComplianceStatus::Passed => types::ComplianceStatus::Passed,
        ComplianceStatus::Failed => types::ComplianceStatus::Failed,
        ComplianceStatus::Warning => types::ComplianceStatus::Warning,
        ComplianceStatus::NotAvailable => types::ComplianceStatus::NotAvailable,
    }
}

fn workflow(status: WorkflowStatus) -> types::WorkflowStatus {
    match status {
        WorkflowStatus::New => types::WorkflowStatus::New,
        WorkflowStatus::Notified => types::WorkflowStatus::Notified,
        WorkflowStatus::Suppressed => types::WorkflowStatus::Suppressed,
        WorkflowStatus::Resolved => types::WorkflowStatus::Resolved,
    }
}

fn record_state(state: RecordState) -> types::RecordState {
    match state {
        RecordState::Active => types::RecordState::Active,
        RecordState::Archived => types::RecordState::Archived,
    }
}
