//! Classic Load Balancers: listeners, their TLS negotiation policies and the attributes checks
//! judge.
use crate::elbv2::Scheme;
use crate::{regional_resource, SourceLocation};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Elb {
    /// Classic Load Balancers in every scanned region.
    #[serde(default)]
    pub load_balancers: Vec<ClassicLoadBalancer>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ClassicLoadBalancer {
    pub arn: String,
    pub name: String,
    pub region: String,
    #[serde(default)]
    pub scheme: Option<Scheme>,
    #[serde(default)]
    pub dns_name: Option<String>,
    #[serde(default)]
    pub listeners: Vec<ClassicListener>,
    /// The load balancer's TLS negotiation policies (`SSLNegotiationPolicyType`); `None` when
    /// they could not be read.
    #[serde(default)]
    pub ssl_policies: Option<Vec<SslNegotiationPolicy>>,
    /// `None` when the attributes could not be read.
    #[serde(default)]
    pub attributes: Option<ClassicAttributes>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<SourceLocation>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ClassicListener {
    /// `HTTP`, `HTTPS`, `TCP` or `SSL`, upper-cased.
    pub protocol: String,
    pub port: i32,
    #[serde(default)]
    pub instance_protocol: Option<String>,
    /// The server certificate (ACM or IAM ARN) of an HTTPS or SSL listener.
    #[serde(default)]
    pub certificate_id: Option<String>,
    /// The policies applied to the listener.
    #[serde(default)]
    pub policy_names: Vec<String>,
}

impl ClassicListener {
    pub fn is_encrypted(&self) -> bool {
        matches!(self.protocol.as_str(), "HTTPS" | "SSL")
    }
}

/// A TLS negotiation policy: the predefined policy it copies, and the protocols it enables.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SslNegotiationPolicy {
    pub name: String,
    /// `Reference-Security-Policy`, when the policy copies a predefined one.
    #[serde(default)]
    pub reference_policy: Option<String>,
    /// Protocols set to `true` (`Protocol-TLSv1.2`, `Protocol-TLSv1` …), without the prefix.
    #[serde(default)]
    pub protocols: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ClassicAttributes {
    #[serde(default)]
    pub access_logs: Option<bool>,
    /// `elb.http.desyncmitigationmode`: `monitor`, `defensive` or `strictest`.
    #[serde(default)]
    pub desync_mitigation_mode: Option<String>,
}

regional_resource!(ClassicLoadBalancer);
