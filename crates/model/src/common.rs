use crate::Service;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A point in time, always UTC.
pub type Timestamp = chrono::DateTime<chrono::Utc>;

/// Resource tags, sorted by key.
pub type Tags = BTreeMap<String, String>;

/// A setting that AWS reports as either configured (with a value) or documented as absent.
///
/// Wrapped in an `Option` on the model: `None` = could not be read (see the gaps),
/// `Some(NotConfigured)` = AWS said there is none, `Some(Configured(v))` = observed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Setting<T> {
    NotConfigured,
    Configured(T),
}

impl<T> Setting<T> {
    pub fn configured(&self) -> Option<&T> {
        match self {
            Setting::Configured(v) => Some(v),
            Setting::NotConfigured => None,
        }
    }
}

/// Where a resource was declared, for resources built from templates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct SourceLocation {
    pub file: String,
    pub line: Option<u32>,
    /// Column of the line (1-based), when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub column: Option<u32>,
    /// CloudFormation logical id or Terraform address.
    pub logical_id: String,
}

/// Something a finding can be about.
pub trait Resource {
    fn arn(&self) -> &str;
    fn region(&self) -> &str;
    fn location(&self) -> Option<&SourceLocation> {
        None
    }
}

/// Implements [`Resource`] for model structs with `arn`, `region` and `location` fields.
#[macro_export]
macro_rules! regional_resource {
    ($($ty:ty),+ $(,)?) => {$(
        impl $crate::Resource for $ty {
            fn arn(&self) -> &str { &self.arn }
            fn region(&self) -> &str { &self.region }
            fn location(&self) -> Option<&$crate::SourceLocation> { self.location.as_ref() }
        }
    )+};
}

/// Implements [`Resource`] for global model structs (region reported as `global`).
#[macro_export]
macro_rules! global_resource {
    ($($ty:ty),+ $(,)?) => {$(
        impl $crate::Resource for $ty {
            fn arn(&self) -> &str { &self.arn }
            fn region(&self) -> &str { $crate::GLOBAL_REGION }
            fn location(&self) -> Option<&$crate::SourceLocation> { self.location.as_ref() }
        }
    )+};
}

/// Something that could not be read. Never a pass, never a fail.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Gap {
    /// The service whose read failed; `account` for the account's region list, `*` for every
    /// service of a region.
    pub service: Service,
    /// Region, or `global`.
    pub region: String,
    /// The API operation that failed, e.g. `GetBucketPolicy`.
    pub operation: String,
    pub kind: GapKind,
    /// Human-readable reason, with the AWS error code when there was one.
    pub reason: String,
    /// The resource the call was about, when it was about one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resource: Option<String>,
}

impl Gap {
    /// Whether this gap leaves evidence of `service` incomplete.
    pub fn affects(&self, service: Service) -> bool {
        self.service == service || self.service == Service::Every
    }

    /// Whether this gap leaves the data of one operation incomplete. An account-level gap
    /// (the region list could not be read) leaves every regional read incomplete.
    pub fn affects_operation(&self, service: Service, operation: &str) -> bool {
        match self.service {
            Service::Every => true,
            Service::Account => self.kind != GapKind::RegionDisabled && !service.is_global(),
            s => s == service && self.operation == operation,
        }
    }
}

/// Why something could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum GapKind {
    /// The caller lacks permission (IAM, SCP, resource policy).
    AccessDenied,
    /// The service or operation is not offered in this region or by this endpoint.
    Unsupported,
    /// The region is not enabled for the account.
    RegionDisabled,
    /// Throttled past the retry budget.
    Throttled,
    /// Timeouts, connection failures, 5xx answers.
    Unavailable,
    /// A value in a template that cannot be resolved statically.
    Unresolved,
    /// Left out of the scan on purpose (a region outside `--regions`).
    Excluded,
    /// Anything else; the reason keeps the raw error.
    Other,
}
