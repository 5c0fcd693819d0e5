//! Systems Manager: managed nodes, compliance summaries, self-owned documents and their
//! sharing, service settings, Session Manager preferences and Parameter Store metadata.
//! Parameter VALUES are never read (no `GetParameter`).
use crate::{regional_resource, Setting, SourceLocation};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Ssm {
    /// Per region; a missing region was not read.
    #[serde(default)]
    pub regions: BTreeMap<String, SsmRegion>,
    /// Documents the account owns.
    #[serde(default)]
    pub documents: Vec<Document>,
    /// Parameter Store parameters (metadata only).
    #[serde(default)]
    pub parameters: Vec<Parameter>,
}

/// The regional state of Systems Manager. Every field is `None` when its read failed.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SsmRegion {
    /// Managed nodes (`DescribeInstanceInformation`).
    #[serde(default)]
    pub managed_nodes: Option<Vec<ManagedNode>>,
    /// Per-resource compliance summaries (`ListResourceComplianceSummaries`).
    #[serde(default)]
    pub compliance: Option<Vec<ComplianceSummary>>,
    /// `/ssm/documents/console/public-sharing-permission`: `Enable` or `Disable`.
    #[serde(default)]
    pub document_public_sharing: Option<String>,
    /// `/ssm/automation/customer-script-log-destination`: `CloudWatch` or `None`.
    #[serde(default)]
    pub automation_log_destination: Option<String>,
    /// The `SSM-SessionManagerRunShell` preferences; `NotConfigured` when never set.
    #[serde(default)]
    pub session_preferences: Option<Setting<SessionPreferences>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ManagedNode {
    /// `i-…` for EC2 instances, `mi-…` for hybrid nodes.
    pub id: String,
    /// `Online`, `ConnectionLost`, `Inactive`.
    #[serde(default)]
    pub ping_status: Option<String>,
    /// `EC2Instance`, `ManagedInstance`.
    #[serde(default)]
    pub resource_type: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ComplianceSummary {
    pub resource_id: String,
    #[serde(default)]
    pub resource_type: Option<String>,
    /// `Patch`, `Association`, or `Custom:…`.
    pub compliance_type: String,
    /// `COMPLIANT` or `NON_COMPLIANT`.
    pub status: String,
    /// Highest severity of the non-compliant items (`CRITICAL`, `HIGH` …).
    #[serde(default)]
    pub overall_severity: Option<String>,
    /// Non-compliant items counted.
    #[serde(default)]
    pub non_compliant_count: Option<i32>,
}

/// What the Session Manager preferences say about logging and encryption.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SessionPreferences {
    #[serde(default)]
    pub s3_bucket: Option<String>,
    #[serde(default)]
    pub s3_encryption_enabled: Option<bool>,
    #[serde(default)]
    pub cloudwatch_log_group: Option<String>,
    #[serde(default)]
    pub cloudwatch_encryption_enabled: Option<bool>,
    /// KMS key that encrypts session data end to end.
    #[serde(default)]
    pub kms_key_id: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Document {
    pub arn: String,
    pub name: String,
    pub region: String,
    #[serde(default)]
    pub document_type: Option<String>,
    /// Accounts the document is shared with (`all` = public); `None` when not read.
    #[serde(default)]
    pub shared_with: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<SourceLocation>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Parameter {
    pub arn: String,
    pub name: String,
    pub region: String,
    /// `String`, `StringList` or `SecureString`.
    #[serde(default)]
    pub kind: Option<String>,
    #[serde(default)]
    pub kms_key_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<SourceLocation>,
}

regional_resource!(Document, Parameter);
