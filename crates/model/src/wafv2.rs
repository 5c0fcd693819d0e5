//! WAFv2: web ACLs (regional, and CloudFront's in us-east-1) with their rules, logging and
//! the regional resources they protect.
use crate::{regional_resource, Setting, SourceLocation};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Wafv2 {
    #[serde(default)]
    pub web_acls: Vec<WebAcl>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct WebAcl {
    pub arn: String,
    pub name: String,
    /// The region of a regional web ACL; `us-east-1` for CloudFront's.
    pub region: String,
    pub scope: WafScope,
    /// Rules (and rule groups); `None` when `GetWebACL` failed.
    #[serde(default)]
    pub rules: Option<Vec<WafRule>>,
    /// CloudWatch metrics of the web ACL itself; `None` when unknown.
    #[serde(default)]
    pub metrics_enabled: Option<bool>,
    /// Where traffic is logged; `None` when unread.
    #[serde(default)]
    pub logging: Option<Setting<Vec<String>>>,
    /// Application Load Balancers (regional ACLs) the ACL protects; `None` when unread or for
    /// CloudFront ACLs (distributions name their ACL themselves).
    #[serde(default)]
    pub load_balancers: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<SourceLocation>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum WafScope {
    #[default]
    Regional,
    Cloudfront,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct WafRule {
    pub name: String,
    /// The vendor of a managed rule group (`AWS` …); `None` for the ACL's own rules.
    #[serde(default)]
    pub managed_by: Option<String>,
    /// CloudWatch metrics for the rule.
    #[serde(default)]
    pub metrics_enabled: Option<bool>,
}

regional_resource!(WebAcl);
