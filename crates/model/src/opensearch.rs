//! OpenSearch Service: domains with their encryption, endpoint, access policy, access control
//! and logs (Elasticsearch domains too: the same API describes both).
use crate::{regional_resource, Setting, SourceLocation};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OpenSearch {
    #[serde(default)]
    pub domains: Vec<Domain>,
}

/// A domain as `DescribeDomains` reports it; `None` where AWS did not say.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Domain {
    pub arn: String,
    pub name: String,
    pub region: String,
    /// `OpenSearch_2.13`, `Elasticsearch_7.10` …
    #[serde(default)]
    pub engine_version: Option<String>,
    /// Being deleted.
    #[serde(default)]
    pub deleted: Option<bool>,
    #[serde(default)]
    pub encryption_at_rest: Option<bool>,
    #[serde(default)]
    pub node_to_node_encryption: Option<bool>,
    #[serde(default)]
    pub enforce_https: Option<bool>,
    /// `Policy-Min-TLS-1-2-2019-07`, `Policy-Min-TLS-1-0-2019-07` …
    #[serde(default)]
    pub tls_policy: Option<String>,
    /// The VPC the domain's endpoint lives in; `NotConfigured` for a public endpoint.
    #[serde(default)]
    pub vpc_id: Option<Setting<String>>,
    /// The domain access policy; `NotConfigured` when it has none.
    #[serde(default)]
    pub access_policy: Option<Setting<serde_json::Value>>,
    /// Fine-grained access control.
    #[serde(default)]
    pub fine_grained_access_control: Option<bool>,
    /// Fine-grained access control keeps its own user database.
    #[serde(default)]
    pub internal_user_database: Option<bool>,
    /// SAML sign-in to OpenSearch Dashboards.
    #[serde(default)]
    pub saml: Option<bool>,
    /// Amazon Cognito sign-in to OpenSearch Dashboards.
    #[serde(default)]
    pub cognito: Option<bool>,
    /// Log types published to CloudWatch Logs and enabled (`AUDIT_LOGS`,
    /// `ES_APPLICATION_LOGS`, `SEARCH_SLOW_LOGS`, `INDEX_SLOW_LOGS`).
    #[serde(default)]
    pub logs_enabled: Option<Vec<String>>,
    /// A service software update is available.
    #[serde(default)]
    pub update_available: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<SourceLocation>,
}

impl Domain {
    pub fn is_gone(&self) -> bool {
        self.deleted == Some(true)
    }

    /// Whether a log type is published; `None` when unknown.
    pub fn logs(&self, kind: &str) -> Option<bool> {
        self.logs_enabled.as_ref().map(|l| l.iter().any(|k| k == kind))
    }
}

regional_resource!(Domain);
