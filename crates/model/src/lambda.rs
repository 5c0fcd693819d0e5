//! Lambda: functions with their runtime, function URLs and resource policy. Environment
//! variables are never part of the model: their values are secrets as often as not.
use crate::{regional_resource, Setting, SourceLocation};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Lambda {
    /// Functions (their unpublished `$LATEST` configuration) in every scanned region.
    #[serde(default)]
    pub functions: Vec<Function>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Function {
    pub arn: String,
    pub name: String,
    pub region: String,
    /// Runtime identifier (`python3.13`, `nodejs22.x`, `provided.al2023` …); container image
    /// functions have none.
    #[serde(default)]
    pub runtime: Option<String>,
    /// `None` when AWS did not say.
    #[serde(default)]
    pub package_type: Option<PackageType>,
    /// The VPC the function is attached to; `None` when it is not attached to one.
    #[serde(default)]
    pub vpc_id: Option<String>,
    /// X-Ray tracing; `None` when AWS did not say.
    #[serde(default)]
    pub tracing: Option<TracingMode>,
    /// ARNs of the layer versions the function loads (`arn:aws:lambda:REGION:ACCOUNT:layer:NAME:N`).
    #[serde(default)]
    pub layers: Vec<String>,
    /// The code signing configuration; `NotConfigured` when the function has none, `None`
    /// when it could not be read (image functions are not asked: they cannot have one).
    #[serde(default)]
    pub code_signing_config: Option<Setting<String>>,
    /// The function URLs of the function and of its aliases; `None` when they could not be
    /// read.
    #[serde(default)]
    pub urls: Option<Vec<FunctionUrl>>,
    /// The resource-based policy (who may invoke or manage the function); `None` when it
    /// could not be read.
    #[serde(default)]
    pub policy: Option<Setting<serde_json::Value>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<SourceLocation>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum PackageType {
    /// A .zip archive run on a managed or OS-only runtime.
    Zip,
    /// A container image, which carries its own runtime.
    Image,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum TracingMode {
    Active,
    PassThrough,
}

/// One function URL: an HTTPS endpoint that invokes the function or one of its aliases.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FunctionUrl {
    pub url: String,
    /// The alias the URL invokes; `None` for the function itself.
    #[serde(default)]
    pub qualifier: Option<String>,
    pub auth_type: UrlAuthType,
}

/// Who a function URL lets in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum UrlAuthType {
    /// Callers sign their requests with IAM credentials that allow `lambda:InvokeFunctionUrl`.
    AwsIam,
    /// No authentication: whoever knows the URL, as far as the resource policy allows.
    None,
}

regional_resource!(Function);
