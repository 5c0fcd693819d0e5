//! Detective services, per region: AWS Config, GuardDuty, Security Hub, IAM Access Analyzer.
//!
//! Each map is keyed by region; a region missing from a map was not read (see the gaps).
use crate::{Setting, Timestamp};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Detection {
    #[serde(default)]
    pub config: BTreeMap<String, ConfigRegion>,
    #[serde(default)]
    pub guardduty: BTreeMap<String, GuardDutyRegion>,
    /// `NotConfigured` when Security Hub is not enabled in the region.
    #[serde(default)]
    pub securityhub: BTreeMap<String, Setting<SecurityHub>>,
    #[serde(default)]
    pub access_analyzer: BTreeMap<String, AccessAnalyzerRegion>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ConfigRegion {
    #[serde(default)]
    pub recorders: Vec<ConfigRecorder>,
    /// Delivery channels (`DescribeDeliveryChannels`); `None` when not read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delivery_channels: Option<Vec<DeliveryChannel>>,
    /// Configuration aggregators kept in this region (`DescribeConfigurationAggregators`);
    /// `None` when not read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub aggregators: Option<Vec<ConfigAggregator>>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DeliveryChannel {
    pub name: String,
    /// The bucket that receives configuration snapshots and history.
    #[serde(default)]
    pub s3_bucket: Option<String>,
    #[serde(default)]
    pub sns_topic_arn: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ConfigAggregator {
    pub arn: String,
    pub name: String,
    /// Aggregates every account of the organization (an organization aggregation source).
    #[serde(default)]
    pub organization: bool,
    /// Aggregates every region, current and future, of its sources.
    #[serde(default)]
    pub all_regions: bool,
    /// Accounts named by an account aggregation source.
    #[serde(default)]
    pub account_ids: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ConfigRecorder {
    pub name: String,
    /// Which resource types it records; `None` when AWS did not say.
    #[serde(default)]
    pub scope: Option<RecordingScope>,
    /// Whether it also records global resource types (IAM users, groups, roles, policies).
    #[serde(default)]
    pub include_global_resource_types: Option<bool>,
    /// From `DescribeConfigurationRecorderStatus`; `None` when not read.
    #[serde(default)]
    pub recording: Option<bool>,
    #[serde(default)]
    pub last_status: Option<RecorderLastStatus>,
}

/// The resource types a configuration recorder records.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RecordingScope {
    /// Every supported resource type, new ones included.
    AllSupported,
    /// Every supported type but these.
    AllExcept(Vec<String>),
    /// Only these types.
    Only(Vec<String>),
}

impl RecordingScope {
    /// Records every supported type, with no exclusion.
    pub fn is_complete(&self) -> bool {
        match self {
            RecordingScope::AllSupported => true,
            RecordingScope::AllExcept(excluded) => excluded.is_empty(),
            RecordingScope::Only(_) => false,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "PascalCase")]
pub enum RecorderLastStatus {
    Pending,
    Success,
    Failure,
    /// A status AWS added after this wasp.
    #[serde(other)]
    Other,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GuardDutyRegion {
    #[serde(default)]
    pub detectors: Vec<GuardDutyDetector>,
}

impl GuardDutyRegion {
    /// The first enabled detector, which is the region's (a region has at most one).
    pub fn enabled_detector(&self) -> Option<&GuardDutyDetector> {
        self.detectors.iter().find(|d| d.status == Some(Toggle::Enabled))
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GuardDutyDetector {
    pub id: String,
    /// Whether the detector is enabled; `None` when `GetDetector` failed.
    #[serde(default)]
    pub status: Option<Toggle>,
    /// Protection plans as `GetDetector` lists them (`S3_DATA_EVENTS`, `EKS_AUDIT_LOGS`,
    /// `RUNTIME_MONITORING`, `EBS_MALWARE_PROTECTION`, `RDS_LOGIN_EVENTS`,
    /// `LAMBDA_NETWORK_LOGS` …); `None` when not read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub features: Option<Vec<GuardDutyFeature>>,
    /// Ids of unarchived findings of high or critical severity (7 and above), from one page of
    /// `ListFindings` (at most 50); `None` when not read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub high_severity_findings: Option<Vec<String>>,
    /// The administrator account that manages this detector (`GetAdministratorAccount`):
    /// `NotConfigured` when the account is not a member; `None` when not read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub administrator: Option<Setting<String>>,
}

impl GuardDutyDetector {
    /// The status of one protection plan, or of one of its additional configurations
    /// (`feature/configuration`, e.g. `RUNTIME_MONITORING/EKS_ADDON_MANAGEMENT`): `None` when
    /// the features were not read, `Some(None)` when the plan is not listed.
    pub fn feature(&self, name: &str) -> Option<Option<Toggle>> {
        let features = self.features.as_ref()?;
        let (plan, extra) = match name.split_once('/') {
            Some((plan, extra)) => (plan, Some(extra)),
            None => (name, None),
        };
        let Some(feature) = features.iter().find(|f| f.name == plan) else { return Some(None) };
        Some(match extra {
            None => feature.status,
            Some(extra) => feature.additional.iter().find(|a| a.name == extra).and_then(|a| a.status),
        })
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GuardDutyFeature {
    pub name: String,
    #[serde(default)]
    pub status: Option<Toggle>,
    /// Additional configurations (agent management of runtime monitoring).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub additional: Vec<GuardDutyFeatureConfig>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GuardDutyFeatureConfig {
    pub name: String,
    #[serde(default)]
    pub status: Option<Toggle>,
}

/// `ENABLED` or `DISABLED`, as the detective services spell it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "UPPERCASE")]
pub enum Toggle {
    Enabled,
    Disabled,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SecurityHub {
    pub hub_arn: String,
    #[serde(default)]
    pub subscribed_at: Option<Timestamp>,
    /// Enabled standards (`GetEnabledStandards`); `None` when not read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub standards: Option<Vec<EnabledStandard>>,
    /// The administrator account that manages this hub (`GetAdministratorAccount`):
    /// `NotConfigured` when there is none; `None` when not read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub administrator: Option<Setting<String>>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EnabledStandard {
    /// The standard's ARN, e.g.
    /// `arn:aws:securityhub:us-east-1::standards/aws-foundational-security-best-practices/v/1.0.0`.
    pub standards_arn: String,
    /// `PENDING`, `READY`, `FAILED`, `DELETING` or `INCOMPLETE`.
    #[serde(default)]
    pub status: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AccessAnalyzerRegion {
    #[serde(default)]
    pub analyzers: Vec<Analyzer>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Analyzer {
    pub arn: String,
    pub name: String,
    #[serde(rename = "type")]
    pub analyzer_type: AnalyzerType,
    /// `None` when AWS did not say.
    #[serde(default)]
    pub status: Option<AnalyzerStatus>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum AnalyzerType {
    Account,
    Organization,
    AccountUnusedAccess,
    OrganizationUnusedAccess,
    AccountInternalAccess,
    OrganizationInternalAccess,
    /// A type AWS added after this wasp.
    #[serde(other)]
    Other,
}

impl AnalyzerType {
    /// Looks for access from outside the account or organization.
    pub fn finds_external_access(self) -> bool {
        matches!(self, AnalyzerType::Account | AnalyzerType::Organization)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum AnalyzerStatus {
    Active,
    Creating,
    Disabled,
    Failed,
}

impl AnalyzerStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            AnalyzerStatus::Active => "ACTIVE",
            AnalyzerStatus::Creating => "CREATING",
            AnalyzerStatus::Disabled => "DISABLED",
            AnalyzerStatus::Failed => "FAILED",
        }
    }
}
