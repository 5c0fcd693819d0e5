//! ELBv2: Application, Network and Gateway Load Balancers with their listeners and the
//! attributes checks judge (access logs, deletion protection, header handling).
use crate::{regional_resource, SourceLocation};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Elbv2 {
    /// Load balancers in every scanned region.
    #[serde(default)]
    pub load_balancers: Vec<LoadBalancer>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LoadBalancer {
    pub arn: String,
    pub name: String,
    pub region: String,
    /// `None` when AWS did not say.
    #[serde(default)]
    pub kind: Option<LoadBalancerKind>,
    /// `None` when AWS did not say.
    #[serde(default)]
    pub scheme: Option<Scheme>,
    #[serde(default)]
    pub vpc_id: Option<String>,
    /// The DNS name AWS gave the load balancer.
    #[serde(default)]
    pub dns_name: Option<String>,
    /// Listeners; `None` when they could not be read.
    #[serde(default)]
    pub listeners: Option<Vec<Listener>>,
    /// Attributes; `None` when they could not be read.
    #[serde(default)]
    pub attributes: Option<LoadBalancerAttributes>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<SourceLocation>,
}

impl LoadBalancer {
    pub fn is_application(&self) -> bool {
        self.kind == Some(LoadBalancerKind::Application)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum LoadBalancerKind {
    Application,
    Network,
    Gateway,
}

/// Whether a load balancer has public addresses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Scheme {
    InternetFacing,
    Internal,
}

/// One listener: the protocol and port clients connect to.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Listener {
    pub arn: String,
    #[serde(default)]
    pub port: Option<i32>,
    /// `HTTP`, `HTTPS`, `TCP`, `TLS`, `UDP`, `TCP_UDP`, `GENEVE`; `None` when AWS did not say
    /// (Gateway Load Balancer listeners have none).
    #[serde(default)]
    pub protocol: Option<String>,
    /// The TLS security policy of an HTTPS or TLS listener.
    #[serde(default)]
    pub ssl_policy: Option<String>,
    /// The default certificate(s) of an HTTPS or TLS listener.
    #[serde(default)]
    pub certificate_arns: Vec<String>,
    /// Every default action redirects to HTTPS (the only safe use of an HTTP listener).
    #[serde(default)]
    pub redirects_to_https: bool,
}

/// The load balancer attributes checks read; a key AWS did not return is `None`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LoadBalancerAttributes {
    /// `access_logs.s3.enabled`.
    #[serde(default)]
    pub access_logs: Option<bool>,
    /// `deletion_protection.enabled`.
    #[serde(default)]
    pub deletion_protection: Option<bool>,
    /// `routing.http.drop_invalid_header_fields.enabled` (Application Load Balancers).
    #[serde(default)]
    pub drop_invalid_header_fields: Option<bool>,
    /// `routing.http.desync_mitigation_mode`: `monitor`, `defensive` or `strictest`
    /// (Application Load Balancers).
    #[serde(default)]
    pub desync_mitigation_mode: Option<String>,
}

regional_resource!(LoadBalancer);
