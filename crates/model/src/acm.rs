//! ACM: certificates with their expiry, key algorithm, validation and transparency-logging
//! preference.
use crate::{regional_resource, SourceLocation, Timestamp};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Acm {
    /// Certificates of every key type in every scanned region.
    #[serde(default)]
    pub certificates: Vec<Certificate>,
}

/// A certificate as `DescribeCertificate` reports it; `None` where AWS did not say.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Certificate {
    pub arn: String,
    pub domain_name: String,
    pub region: String,
    /// `ISSUED`, `PENDING_VALIDATION`, `EXPIRED`, `FAILED`, `VALIDATION_TIMED_OUT`, `REVOKED`,
    /// `INACTIVE`.
    #[serde(default)]
    pub status: Option<String>,
    /// `AMAZON_ISSUED`, `IMPORTED` or `PRIVATE`.
    #[serde(default)]
    pub certificate_type: Option<String>,
    /// `RSA_1024`, `RSA_2048`, `RSA_3072`, `RSA_4096`, `EC_prime256v1`, `EC_secp384r1` …
    #[serde(default)]
    pub key_algorithm: Option<String>,
    #[serde(default)]
    pub not_after: Option<Timestamp>,
    /// ARNs of the AWS resources using the certificate.
    #[serde(default)]
    pub in_use_by: Option<Vec<String>>,
    /// `ENABLED` or `DISABLED`: whether ACM logs the certificate to public CT logs.
    #[serde(default)]
    pub transparency_logging: Option<String>,
    /// Why issuance failed, when it did.
    #[serde(default)]
    pub failure_reason: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<SourceLocation>,
}

impl Certificate {
    /// Whether any AWS resource uses it; `None` when unknown.
    pub fn in_use(&self) -> Option<bool> {
        self.in_use_by.as_ref().map(|u| !u.is_empty())
    }
}

regional_resource!(Certificate);
