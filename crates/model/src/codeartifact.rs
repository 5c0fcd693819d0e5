//! CodeArtifact: domains (with their resource policies) and repositories (with their
//! upstreams and external connections).
use crate::{regional_resource, Setting, SourceLocation};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CodeArtifact {
    #[serde(default)]
    pub domains: Vec<Domain>,
    #[serde(default)]
    pub repositories: Vec<Repository>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Domain {
    pub arn: String,
    pub name: String,
    pub region: String,
    #[serde(default)]
    pub owner: Option<String>,
    /// The domain's resource policy; `None` when it could not be read.
    #[serde(default)]
    pub policy: Option<Setting<serde_json::Value>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<SourceLocation>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Repository {
    pub arn: String,
    pub name: String,
    pub region: String,
    pub domain: String,
    /// Names of upstream repositories; `None` when the repository could not be described.
    #[serde(default)]
    pub upstreams: Option<Vec<String>>,
    /// External connections (`public:npmjs`, `public:pypi` …); `None` when not described.
    #[serde(default)]
    pub external_connections: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<SourceLocation>,
}

regional_resource!(Domain, Repository);
