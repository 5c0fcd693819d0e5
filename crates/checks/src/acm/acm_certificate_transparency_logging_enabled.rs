use crate::{declare_check, evidence};
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Every Amazon-issued public ACM certificate (`AMAZON_ISSUED`) keeps the certificate
    /// transparency logging preference `ENABLED`. Imported certificates (ACM does not log
    /// them) and private certificates (never logged) are not judged, nor are certificates
    /// that are revoked, failed or inactive. SKIP when the certificate could not be described.
    /// ACM no longer accepts new opt-outs, so a failure is a certificate requested or last
    /// updated while opting out was still possible.
    ///
    /// ### Why it matters
    /// Browsers such as Chrome and Safari refuse public certificates that are not in CT
    /// logs, and CT logs are how a domain owner notices a certificate issued for their
    /// names without their knowing. Opting out hides both.
    ///
    /// ### How to fix
    /// Run `aws acm update-certificate-options --certificate-arn <arn> --options
    /// CertificateTransparencyLoggingPreference=ENABLED`.
    AcmCertificateTransparencyLoggingEnabled {
        id: "acm_certificate_transparency_logging_enabled",
        title: "Public ACM certificates are logged to certificate transparency logs",
        severity: Low,
        service: Acm,
        resource_kind: "acm_certificate",
        best_practices: ["SEC09-BP01"],
        prowler: ["acm_certificates_transparency_logs_enabled"],
        security_hub: [],
        config_rule: [],
        cis: [],
        reads: { Acm: [ListCertificates, DescribeCertificate] },
        remediation: "Set the certificate's transparency logging preference to ENABLED.",
    }
}

impl AcmCertificateTransparencyLoggingEnabled {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for cert in &inv.acm.certificates {
            if matches!(cert.status.as_deref(), Some("REVOKED" | "FAILED" | "INACTIVE" | "VALIDATION_TIMED_OUT")) {
                continue;
            }
            match cert.certificate_type.as_deref() {
                Some("AMAZON_ISSUED") => {}
                Some(_) => continue,
                None => {
                    out.skip(cert, evidence::unknown_for_resource(inv, &cert.arn, "the certificate's type"));
                    continue;
                }
            }
            match cert.transparency_logging.as_deref() {
                Some("ENABLED") => out.pass(cert, "certificate transparency logging is enabled"),
                Some(other) => out.fail(cert, format!("certificate transparency logging is {other}")),
                None => out
                    .skip(cert, evidence::unknown_for_resource(inv, &cert.arn, "the transparency logging preference")),
            }
        }
    }
}
