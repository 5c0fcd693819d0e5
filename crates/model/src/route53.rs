//! Route 53 (global): hosted zones with query logging and DNSSEC signing, and domains
//! registered through Route 53 Domains.
use crate::{global_resource, SourceLocation, Timestamp};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Route53 {
    #[serde(default)]
    pub hosted_zones: Vec<HostedZone>,
    /// Registered domains; `None` when they could not be listed.
    #[serde(default)]
    pub domains: Option<Vec<Domain>>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct HostedZone {
    pub arn: String,
    pub id: String,
    pub name: String,
    pub private: bool,
    /// Query logging destinations; `None` when unread.
    #[serde(default)]
    pub query_logging: Option<Vec<String>>,
    /// DNSSEC signing status (`SIGNING`, `NOT_SIGNING`, `DELETING` …) of a public zone;
    /// `None` when unread.
    #[serde(default)]
    pub dnssec_status: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<SourceLocation>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Domain {
    pub arn: String,
    pub name: String,
    #[serde(default)]
    pub auto_renew: Option<bool>,
    #[serde(default)]
    pub transfer_lock: Option<bool>,
    #[serde(default)]
    pub expiry: Option<Timestamp>,
    /// Privacy protection of the registrant, admin and tech contacts; `None` when
    /// `GetDomainDetail` failed.
    #[serde(default)]
    pub privacy: Option<DomainPrivacy>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<SourceLocation>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DomainPrivacy {
    pub registrant: bool,
    pub admin: bool,
    pub tech: bool,
}

global_resource!(HostedZone, Domain);
