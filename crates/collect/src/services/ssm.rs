//! Systems Manager of one region: managed nodes (`DescribeInstanceInformation`), per-resource
//! compliance summaries (`ListResourceComplianceSummaries`), two service settings
//! (`GetServiceSetting`), the Session Manager preferences (`GetDocument` of
//! `SSM-SessionManagerRunShell`, keeping only its logging and encryption fields), the
//! documents the account owns (`ListDocuments`) with their sharing
//! (`DescribeDocumentPermission`, one per document), and Parameter Store metadata
//! (`DescribeParameters`). Parameter values are never read.
use crate::unit::{client, Read, Unit};
use aws_sdk_ssm::types::{DocumentKeyValuesFilter, DocumentPermissionType};
use aws_sdk_ssm::Client;
use futures::StreamExt;
use wasp_model::ssm::{ComplianceSummary, Document, ManagedNode, Parameter, SessionPreferences, SsmRegion};
use wasp_model::{Inventory, Setting};

/// The document that holds the Session Manager preferences of a region.
const SESSION_DOCUMENT: &str = "SSM-SessionManagerRunShell";
const PUBLIC_SHARING: &str = "/ssm/documents/console/public-sharing-permission";
const AUTOMATION_LOGS: &str = "/ssm/automation/customer-script-log-destination";

pub(crate) async fn collect(unit: &Unit, part: &mut Inventory) {
    let ssm = client!(aws_sdk_ssm, unit);
    let (managed_nodes, compliance, sharing, automation, session, documents, parameters) = futures::join!(
        managed_nodes(unit, &ssm),
        compliance(unit, &ssm),
        service_setting(unit, &ssm, PUBLIC_SHARING),
        service_setting(unit, &ssm, AUTOMATION_LOGS),
        session_preferences(unit, &ssm),
        documents(unit, &ssm),
        parameters(unit, &ssm),
    );
    part.ssm.regions.insert(
        unit.region.clone(),
        SsmRegion {
            managed_nodes,
            compliance,
            document_public_sharing: sharing,
            automation_log_destination: automation,
            session_preferences: session,
        },
    );
    part.ssm.documents = documents;
    part.ssm.parameters = parameters;
}

async fn managed_nodes(unit: &Unit, ssm: &Client) -> Option<Vec<ManagedNode>> {
    let mut nodes = Vec::new();
    let mut pages = ssm.describe_instance_information().max_results(50).into_paginator().send();
    while let Some(page) = pages.next().await {
        let page = unit.read("DescribeInstanceInformation", page).ok()?;
        nodes.extend(page.instance_information_list().iter().filter_map(|i| {
            Some(ManagedNode {
                id: i.instance_id()?.to_owned(),
                ping_status: i.ping_status().map(|p| p.as_str().to_owned()),
                resource_type: i.resource_type().map(|r| r.as_str().to_owned()),
            })
        }));
    }
    Some(nodes)
}

async fn compliance(unit: &Unit, ssm: &Client) -> Option<Vec<ComplianceSummary>> {
    let mut items = Vec::new();
    let mut pages = ssm.list_resource_compliance_summaries().max_results(50).into_paginator().send();
    while let Some(page) = pages.next().await {
        let page = unit.read("ListResourceComplianceSummaries", page).ok()?;
        items.extend(page.resource_compliance_summary_items().iter().filter_map(|i| {
            Some(ComplianceSummary {
                resource_id: i.resource_id()?.to_owned(),
                resource_type: i.resource_type().map(str::to_owned),
                compliance_type: i.compliance_type()?.to_owned(),
                status: i.status()?.as_str().to_owned(),
                overall_severity: i.overall_severity().map(|s| s.as_str().to_owned()),
                non_compliant_count: i.non_compliant_summary().map(|s| s.non_compliant_count()),
            })
        }));
    }
    Some(items)
}

async fn service_setting(unit: &Unit, ssm: &Client, id: &str) -> Option<String> {
    let answer = ssm.get_service_setting().setting_id(id).send().await;
    let out = unit.read("GetServiceSetting", answer).ok()?;
    out.service_setting().and_then(|s| s.setting_value()).map(str::to_owned)
}

async fn session_preferences(unit: &Unit, ssm: &Client) -> Option<Setting<SessionPreferences>> {
    let answer = ssm.get_document().name(SESSION_DOCUMENT).send().await;
    match unit.read("GetDocument", answer) {
        Read::Ok(out) => Some(Setting::Configured(preferences(out.content().unwrap_or_default()))),
        Read::NotConfigured => Some(Setting::NotConfigured),
        Read::Gap => None,
    }
}

/// The logging and encryption fields of the preferences document; the rest (shell profiles,
/// run-as users) is dropped unread.
pub(crate) fn preferences(content: &str) -> SessionPreferences {
    let doc: serde_json::Value = serde_json::from_str(content).unwrap_or_default();
    let inputs = &doc["inputs"];
    let text = |key: &str| inputs[key].as_str().map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned);
    let flag = |key: &str| match &inputs[key] {
        serde_json::Value::Bool(b) => Some(*b),
        serde_json::Value::String(s) => s.parse().ok(),
        _ => None,
    };
    SessionPreferences {
        s3_bucket: text("s3BucketName"),
        s3_encryption_enabled: flag("s3EncryptionEnabled"),
        cloudwatch_log_group: text("cloudWatchLogGroupName"),
        cloudwatch_encryption_enabled: flag("cloudWatchEncryptionEnabled"),
        kms_key_id: text("kmsKeyId"),
    }
}

async fn documents(unit: &Unit, ssm: &Client) -> Vec<Document> {
    let mut listed = Vec::new();
    let owner = DocumentKeyValuesFilter::builder().key("Owner").values("Self").build();
    let mut pages = ssm.list_documents().filters(owner).max_results(50).into_paginator().send();
    while let Some(page) = pages.next().await {
        let Some(page) = unit.read("ListDocuments", page).ok() else { break };
        for d in page.document_identifiers() {
            let Some(name) = d.name() else { continue };
            listed.push(Document {
                arn: unit.arn("ssm", &format!("document/{name}")),
                name: name.to_owned(),
                region: unit.region.clone(),
                document_type: d.document_type().map(|t| t.as_str().to_owned()),
                shared_with: None,
                location: None,
            });
        }
    }
    futures::stream::iter(listed)
        .map(|doc| async move {
            let mut shared = Vec::new();
            let mut token: Option<String> = None;
            loop {
                let answer = ssm
                    .describe_document_permission()
                    .name(&doc.name)
                    .permission_type(DocumentPermissionType::Share)
                    .set_next_token(token.take())
                    .send()
                    .await;
                let Some(out) = unit.read_for("DescribeDocumentPermission", &doc.arn, answer).ok() else {
                    return doc;
                };
                shared.extend(out.account_ids().iter().cloned());
                match out.next_token() {
                    Some(t) if !t.is_empty() => token = Some(t.to_owned()),
                    _ => break,
                }
            }
            Document { shared_with: Some(shared), ..doc }
        })
        .buffered(unit.inner_concurrency())
        .collect()
        .await
}

async fn parameters(unit: &Unit, ssm: &Client) -> Vec<Parameter> {
    let mut out = Vec::new();
    let mut pages = ssm.describe_parameters().max_results(50).into_paginator().send();
    while let Some(page) = pages.next().await {
        let Some(page) = unit.read("DescribeParameters", page).ok() else { break };
        out.extend(page.parameters().iter().filter_map(|p| {
            let name = p.name()?.to_owned();
            let path = name.trim_start_matches('/');
            Some(Parameter {
                arn: p.arn().map_or_else(|| unit.arn("ssm", &format!("parameter/{path}")), str::to_owned),
                name,
                region: unit.region.clone(),
                kind: p.r#type().map(|t| t.as_str().to_owned()),
                kms_key_id: p.key_id().map(str::to_owned),
                location: None,
            })
        }));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_logging_and_encryption_survive_the_preferences() {
        let content = r#"{"schemaVersion":"1.0","inputs":{"s3BucketName":"","s3EncryptionEnabled":true,
            "cloudWatchLogGroupName":"/ssm/sessions","cloudWatchEncryptionEnabled":"false","kmsKeyId":"alias/ssm",
            "shellProfile":{"linux":"export TOKEN=abc"}}}"#;
        let p = preferences(content);
        assert_eq!(p.s3_bucket, None);
        assert_eq!(p.s3_encryption_enabled, Some(true));
        assert_eq!(p.cloudwatch_log_group.as_deref(), Some("/ssm/sessions"));
        assert_eq!(p.cloudwatch_encryption_enabled, Some(false));
        assert_eq!(p.kms_key_id.as_deref(), Some("alias/ssm"));
        assert!(!format!("{p:?}").contains("TOKEN"));
        assert_eq!(preferences("not json"), SessionPreferences::default());
    }
}
