use crate::{declare_check, evidence};
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Every ACM certificate that is issued (`ISSUED`) or has expired (`EXPIRED`) stays valid
    /// for at least `certificate_expiry_min_days` more days (30 by default, as Security Hub
    /// ACM.1 asks), by its `NotAfter`. Expired certificates fail; certificates in use and
    /// unused ones are judged alike (the message says which), as ACM's managed renewal
    /// covers only Amazon-issued certificates in use. Certificates pending validation,
    /// failed, revoked or inactive are not judged. SKIP when the certificate could not be
    /// described.
    ///
    /// ### Why it matters
    /// An expired certificate breaks TLS for every client at once, and the usual emergency
    /// fix (turning verification off somewhere) outlives the outage. Imported certificates
    /// never renew on their own.
    ///
    /// ### How to fix
    /// For Amazon-issued certificates, make sure their DNS validation records still exist so
    /// ACM can renew; re-import imported certificates before `NotAfter`
    /// (`aws acm import-certificate --certificate-arn <arn> …`), or delete unused ones.
    AcmCertificateNotExpiring {
        id: "acm_certificate_not_expiring",
        title: "ACM certificates are valid for at least 30 more days",
        severity: Medium,
        service: Acm,
        resource_kind: "acm_certificate",
        best_practices: ["SEC09-BP01"],
        prowler: ["acm_certificates_expiration_check"],
        security_hub: ["ACM.1"],
        config_rule: ["ACM_CERTIFICATE_EXPIRATION_CHECK"],
        cis: [],
        reads: { Acm: [ListCertificates, DescribeCertificate] },
        remediation: "Renew or re-import the certificate before it expires, or delete it if unused.",
    }
}

impl AcmCertificateNotExpiring {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        let min = i64::from(out.settings().certificate_expiry_min_days);
        for cert in &inv.acm.certificates {
            if !matches!(cert.status.as_deref(), Some("ISSUED" | "EXPIRED") | None) {
                continue;
            }
            let Some(not_after) = cert.not_after else {
                out.skip(cert, evidence::unknown_for_resource(inv, &cert.arn, "the certificate's expiry"));
                continue;
            };
            let used = match cert.in_use() {
                Some(true) => "in use",
                Some(false) => "not in use",
                None => "use unknown",
            };
            let left = -evidence::days_before_collection(inv, not_after);
            if inv.collected_at >= not_after {
                out.fail(cert, format!("{} expired {} day(s) ago ({used})", cert.domain_name, -left));
            } else if left < min {
                out.fail(cert, format!("{} expires in {left} day(s), fewer than {min} ({used})", cert.domain_name));
            } else {
                out.pass(cert, format!("{} is valid for {left} more days ({used})", cert.domain_name));
            }
        }
    }
}
