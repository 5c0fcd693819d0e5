//! ACM checks. Certificates that are no longer issued (expired, revoked, failed) are judged
//! only by the checks about their state.
mod acm_certificate_key_strength;
mod acm_certificate_not_expiring;
mod acm_certificate_transparency_logging_enabled;
mod acm_certificate_validation_not_failed;

pub use acm_certificate_key_strength::AcmCertificateKeyStrength;
pub use acm_certificate_not_expiring::AcmCertificateNotExpiring;
pub use acm_certificate_transparency_logging_enabled::AcmCertificateTransparencyLoggingEnabled;
pub use acm_certificate_validation_not_failed::AcmCertificateValidationNotFailed;
