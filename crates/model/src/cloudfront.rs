//! CloudFront (global): distributions with their viewer and origin TLS settings, WAF, logging
//! and how S3 origins are reached.
use crate::{global_resource, SourceLocation};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CloudFront {
    #[serde(default)]
    pub distributions: Vec<Distribution>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Distribution {
    pub arn: String,
    pub id: String,
    #[serde(default)]
    pub domain_name: Option<String>,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub enabled: Option<bool>,
    /// The default cache behaviour followed by the others, in order.
    #[serde(default)]
    pub cache_behaviors: Vec<CacheBehavior>,
    #[serde(default)]
    pub origins: Vec<Origin>,
    #[serde(default)]
    pub viewer_certificate: Option<ViewerCertificate>,
    /// The web ACL (a WAFv2 ARN or a WAF Classic id); `None` when none is attached.
    #[serde(default)]
    pub web_acl_id: Option<String>,
    /// `none`, `whitelist` or `blacklist` as CloudFront names them; `None` when unknown.
    #[serde(default)]
    pub geo_restriction: Option<String>,
    /// The default root object; `Some("")` when none is set, `None` when the configuration
    /// could not be read.
    #[serde(default)]
    pub default_root_object: Option<String>,
    /// Standard logging to S3 (legacy); `None` when the configuration could not be read.
    #[serde(default)]
    pub logging_enabled: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<SourceLocation>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CacheBehavior {
    /// `None` for the default behaviour.
    #[serde(default)]
    pub path_pattern: Option<String>,
    /// `allow-all`, `redirect-to-https` or `https-only`.
    pub viewer_protocol_policy: String,
    #[serde(default)]
    pub field_level_encryption_id: Option<String>,
    #[serde(default)]
    pub realtime_log_config_arn: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Origin {
    pub id: String,
    pub domain_name: String,
    /// Present for S3 (REST endpoint) origins: the legacy origin access identity, `""` when
    /// none.
    #[serde(default)]
    pub s3_origin_access_identity: Option<String>,
    /// Origin access control, when one is attached.
    #[serde(default)]
    pub origin_access_control_id: Option<String>,
    /// Present for custom origins (including S3 website endpoints).
    #[serde(default)]
    pub custom: Option<CustomOrigin>,
}

impl Origin {
    /// The origin is an S3 bucket's REST endpoint (`<bucket>.s3[.<region>].amazonaws.com`).
    pub fn s3_bucket(&self) -> Option<&str> {
        let host = self.domain_name.trim_end_matches('.');
        let (bucket, rest) = host.split_once(".s3")?;
        (rest.ends_with(".amazonaws.com") && !rest.starts_with("-website")).then_some(bucket)
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CustomOrigin {
    /// `http-only`, `match-viewer` or `https-only`.
    pub protocol_policy: String,
    /// `SSLv3`, `TLSv1`, `TLSv1.1`, `TLSv1.2`.
    #[serde(default)]
    pub ssl_protocols: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ViewerCertificate {
    /// The `*.cloudfront.net` certificate is used.
    #[serde(default)]
    pub cloudfront_default: bool,
    #[serde(default)]
    pub acm_certificate_arn: Option<String>,
    #[serde(default)]
    pub iam_certificate_id: Option<String>,
    /// `sni-only`, `vip` or `static-ip`.
    #[serde(default)]
    pub ssl_support_method: Option<String>,
    /// `TLSv1.2_2021`, `TLSv1` …
    #[serde(default)]
    pub minimum_protocol_version: Option<String>,
}

global_resource!(Distribution);
