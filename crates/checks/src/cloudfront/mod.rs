//! CloudFront checks.
mod cloudfront_custom_certificate;
mod cloudfront_default_root_object;
mod cloudfront_field_level_encryption_used;
mod cloudfront_logging_enabled;
mod cloudfront_origin_https_only;
mod cloudfront_origin_no_sslv3;
mod cloudfront_s3_origin_access_control;
mod cloudfront_sni_certificate;
mod cloudfront_viewer_https_required;
mod cloudfront_viewer_tls_minimum_tls12;
mod cloudfront_waf_attached;

pub use cloudfront_custom_certificate::CloudfrontCustomCertificate;
pub use cloudfront_default_root_object::CloudfrontDefaultRootObject;
pub use cloudfront_field_level_encryption_used::CloudfrontFieldLevelEncryptionUsed;
pub use cloudfront_logging_enabled::CloudfrontLoggingEnabled;
pub use cloudfront_origin_https_only::CloudfrontOriginHttpsOnly;
pub use cloudfront_origin_no_sslv3::CloudfrontOriginNoSslv3;
pub use cloudfront_s3_origin_access_control::CloudfrontS3OriginAccessControl;
pub use cloudfront_sni_certificate::CloudfrontSniCertificate;
pub use cloudfront_viewer_https_required::CloudfrontViewerHttpsRequired;
pub use cloudfront_viewer_tls_minimum_tls12::CloudfrontViewerTlsMinimumTls12;
pub use cloudfront_waf_attached::CloudfrontWafAttached;

use wasp_model::cloudfront::CacheBehavior;

/// How findings name a cache behaviour.
pub(crate) fn behavior_label(b: &CacheBehavior) -> String {
    b.path_pattern.clone().unwrap_or_else(|| "default".to_owned())
}
