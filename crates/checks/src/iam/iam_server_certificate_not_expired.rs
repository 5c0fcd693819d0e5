use crate::{declare_check, evidence};
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// No server certificate stored in IAM (`ListServerCertificates`) has expired: each one's
    /// expiration is after the moment of collection. FAIL for an expired certificate, naming
    /// the date; SKIP for a certificate whose expiration AWS did not give. Accounts whose
    /// certificate list could not be read give no finding (the gap is reported). Certificates
    /// in ACM are not judged here.
    ///
    /// ### Why it matters
    /// An expired certificate left in IAM can still be attached to a load balancer or
    /// CloudFront by mistake, breaking TLS for clients or teaching them to click through
    /// warnings; keeping only valid certificates removes the trap.
    ///
    /// ### How to fix
    /// Delete expired certificates (`aws iam delete-server-certificate`) after checking that
    /// nothing uses them, and manage new ones in ACM, which renews them.
    IamServerCertificateNotExpired {
        id: "iam_server_certificate_not_expired",
        title: "No expired server certificates are stored in IAM",
        severity: Medium,
        service: Iam,
        resource_kind: "iam_server_certificate",
        best_practices: ["SEC09-BP01"],
        prowler: ["iam_no_expired_server_certificates_stored"],
        security_hub: ["IAM.26"],
        config_rule: [],
        cis: ["3.0:1.19", "4.0:1.19", "5.0:1.18"],
        reads: { Iam: [ListServerCertificates] },
        remediation: "Delete expired server certificates from IAM and use ACM instead.",
    }
}

impl IamServerCertificateNotExpired {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for cert in inv.iam.server_certificates.iter().flatten() {
            match cert.expiration {
                Some(at) if at <= inv.collected_at => out.fail(cert, format!("expired on {}", at.format("%Y-%m-%d"))),
                Some(at) => out.pass(cert, format!("valid until {}", at.format("%Y-%m-%d"))),
                None => out.skip(cert, evidence::unknown_for_resource(inv, &cert.arn, "the expiration date")),
            }
        }
    }
}
