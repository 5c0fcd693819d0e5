use crate::{declare_check, evidence};
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// No ACM certificate is stuck in a failed request: status `FAILED` (the message names
    /// ACM's `FailureReason`, e.g. `CAA_ERROR` or `DOMAIN_NOT_ALLOWED`) or
    /// `VALIDATION_TIMED_OUT` (validation not completed within 72 hours). Certificates pending
    /// validation pass (the message says so), as do issued ones. Revoked, expired and inactive
    /// certificates are left to the other checks. SKIP when the status is unknown.
    ///
    /// ### Why it matters
    /// A failed request usually means a certificate someone counted on does not exist, and the
    /// endpoint it was meant for runs on an older certificate or none; it is also clutter that
    /// hides the certificates that matter.
    ///
    /// ### How to fix
    /// Fix the cause (CAA records, validation DNS records), request the certificate again, and
    /// delete the failed request: `aws acm delete-certificate --certificate-arn <arn>`.
    AcmCertificateValidationNotFailed {
        id: "acm_certificate_validation_not_failed",
        title: "ACM certificate requests have not failed validation",
        severity: Low,
        service: Acm,
        resource_kind: "acm_certificate",
        best_practices: ["SEC09-BP01"],
        prowler: [],
        security_hub: [],
        config_rule: [],
        cis: [],
        reads: { Acm: [ListCertificates, DescribeCertificate] },
        remediation: "Fix the validation problem, request the certificate again and delete the failed one.",
    }
}

impl AcmCertificateValidationNotFailed {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for cert in &inv.acm.certificates {
            match cert.status.as_deref() {
                Some("FAILED") => out.fail(
                    cert,
                    format!("the request failed ({})", cert.failure_reason.as_deref().unwrap_or("no reason given")),
                ),
                Some("VALIDATION_TIMED_OUT") => out.fail(cert, "validation timed out before the domain was proven"),
                Some("PENDING_VALIDATION") => out.pass(cert, "validation is pending"),
                Some("ISSUED") => out.pass(cert, "the certificate is issued"),
                Some(_) => {}
                None => out.skip(cert, evidence::unknown_for_resource(inv, &cert.arn, "the certificate's status")),
            }
        }
    }
}
