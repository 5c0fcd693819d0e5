//! API Gateway: REST APIs (v1) with their stages and method authorization, and HTTP and
//! WebSocket APIs (v2) with their stages and routes.
use crate::{regional_resource, Setting, SourceLocation};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ApiGateway {
    #[serde(default)]
    pub rest_apis: Vec<RestApi>,
    /// HTTP and WebSocket APIs.
    #[serde(default)]
    pub apis: Vec<Api>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RestApi {
    pub arn: String,
    pub id: String,
    pub name: String,
    pub region: String,
    /// `EDGE`, `REGIONAL`, `PRIVATE`.
    #[serde(default)]
    pub endpoint_types: Vec<String>,
    /// `None` when the stages could not be read.
    #[serde(default)]
    pub stages: Option<Vec<RestStage>>,
    /// Every method of every resource; `None` when they could not be read.
    #[serde(default)]
    pub methods: Option<Vec<Method>>,
    /// The resource policy `GetRestApis` returns with the API; `None` when it was not read.
    #[serde(default)]
    pub policy: Option<Setting<serde_json::Value>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<SourceLocation>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RestStage {
    pub arn: String,
    pub name: String,
    pub region: String,
    /// Access logs' destination, when configured.
    #[serde(default)]
    pub access_log_destination: Option<String>,
    /// Execution logging level of all methods (`*/*`): `OFF`, `ERROR`, `INFO`; `None` when
    /// not set (off).
    #[serde(default)]
    pub logging_level: Option<String>,
    #[serde(default)]
    pub tracing_enabled: Option<bool>,
    #[serde(default)]
    pub web_acl_arn: Option<String>,
    #[serde(default)]
    pub client_certificate_id: Option<String>,
    #[serde(default)]
    pub cache_cluster_enabled: Option<bool>,
    /// Cached responses encrypted for all methods (`*/*`).
    #[serde(default)]
    pub cache_data_encrypted: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<SourceLocation>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Method {
    pub path: String,
    pub http_method: String,
    /// `NONE`, `AWS_IAM`, `CUSTOM`, `COGNITO_USER_POOLS`.
    pub authorization_type: String,
    #[serde(default)]
    pub api_key_required: Option<bool>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Api {
    pub arn: String,
    pub id: String,
    pub name: String,
    pub region: String,
    /// `HTTP` or `WEBSOCKET`.
    pub protocol_type: String,
    /// `None` when the stages could not be read.
    #[serde(default)]
    pub stages: Option<Vec<ApiStage>>,
    /// `None` when the routes could not be read.
    #[serde(default)]
    pub routes: Option<Vec<Route>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<SourceLocation>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ApiStage {
    pub arn: String,
    pub name: String,
    pub region: String,
    #[serde(default)]
    pub access_log_destination: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<SourceLocation>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Route {
    pub key: String,
    /// `NONE`, `AWS_IAM`, `CUSTOM`, `JWT`.
    pub authorization_type: String,
}

regional_resource!(RestApi, RestStage, Api, ApiStage);
