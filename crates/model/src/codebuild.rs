//! CodeBuild: projects and report groups. Environment variable VALUES are never part of the
//! model, and a source URL is reduced to whether it embeds credentials.
use crate::{regional_resource, SourceLocation, Timestamp};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CodeBuild {
    #[serde(default)]
    pub projects: Vec<Project>,
    #[serde(default)]
    pub report_groups: Vec<ReportGroup>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Project {
    pub arn: String,
    pub name: String,
    pub region: String,
    /// Docker privileged mode of the build environment.
    #[serde(default)]
    pub privileged_mode: Option<bool>,
    /// The environment variables' names and types; values are dropped as the answer is read.
    #[serde(default)]
    pub environment_variables: Vec<EnvironmentVariable>,
    /// The primary source and every secondary source.
    #[serde(default)]
    pub sources: Vec<Source>,
    /// Where the buildspec comes from (primary source).
    #[serde(default)]
    pub buildspec: Option<Buildspec>,
    #[serde(default)]
    pub logs: Option<LogsConfig>,
    /// Whether encryption is disabled on any artifact (primary or secondary) written to S3.
    #[serde(default)]
    pub artifacts_encryption_disabled: Option<bool>,
    /// The webhook's filter groups; `None` when the project has no webhook.
    #[serde(default)]
    pub webhook_filter_groups: Option<Vec<Vec<WebhookFilter>>>,
    /// `PRIVATE` or `PUBLIC_READ` (build results visible to anyone).
    #[serde(default)]
    pub visibility: Option<String>,
    #[serde(default)]
    pub last_modified: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<SourceLocation>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EnvironmentVariable {
    pub name: String,
    pub kind: VariableKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum VariableKind {
    /// The value is stored in the project definition.
    Plaintext,
    ParameterStore,
    SecretsManager,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// `GITHUB`, `CODECOMMIT`, `S3`, `BITBUCKET`, `GITLAB`, `NO_SOURCE` …
    pub kind: String,
    /// The location embeds `user:password@` or a token before `@` (the credential itself is
    /// not kept).
    #[serde(default)]
    pub url_has_credentials: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Buildspec {
    /// `buildspec.yml` at the root of the source, or the named file in the source tree.
    SourceFile,
    /// Inline in the project definition.
    Inline,
    /// An object in S3 (ARN or `bucket/key`).
    S3,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LogsConfig {
    pub cloudwatch_enabled: bool,
    pub s3_enabled: bool,
    /// Whether S3 logs are written unencrypted.
    #[serde(default)]
    pub s3_encryption_disabled: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct WebhookFilter {
    /// `EVENT`, `ACTOR_ACCOUNT_ID`, `HEAD_REF`, `BASE_REF`, `FILE_PATH` …
    pub kind: String,
    pub pattern: String,
    #[serde(default)]
    pub exclude: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReportGroup {
    pub arn: String,
    pub name: String,
    pub region: String,
    /// `S3` or `NO_EXPORT`.
    #[serde(default)]
    pub export_type: Option<String>,
    #[serde(default)]
    pub export_encryption_disabled: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<SourceLocation>,
}

regional_resource!(Project, ReportGroup);
