use crate::{declare_check, evidence};
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Every ACM certificate's key is RSA of at least 2048 bits or an elliptic-curve key
    /// (`EC_prime256v1`, `EC_secp384r1`, `EC_secp521r1`), as Security Hub ACM.2 asks: an
    /// `RSA_1024` key fails (ACM can hold such keys only as imported certificates). Every
    /// status is judged: a weak key is weak whether or not the certificate is in use. SKIP
    /// when the certificate could not be described.
    ///
    /// ### Why it matters
    /// 1024-bit RSA is within reach of well-funded attackers and is refused by current
    /// browsers and by NIST guidance; a certificate with such a key lends a false sense of
    /// authenticity to the endpoint.
    ///
    /// ### How to fix
    /// Request a new certificate with `--key-algorithm RSA_2048` or `EC_prime256v1` (or
    /// import one with a 2048-bit or larger key), move its users to it, and delete the old one.
    AcmCertificateKeyStrength {
        id: "acm_certificate_key_strength",
        title: "ACM certificates use RSA keys of 2048 bits or more, or EC keys",
        severity: High,
        service: Acm,
        resource_kind: "acm_certificate",
        best_practices: ["SEC09-BP01"],
        prowler: ["acm_certificates_with_secure_key_algorithms"],
        security_hub: ["ACM.2"],
        config_rule: ["ACM_CERTIFICATE_RSA_CHECK"],
        cis: [],
        reads: { Acm: [ListCertificates, DescribeCertificate] },
        remediation: "Replace the certificate with one whose key is RSA 2048 or larger, or EC.",
    }
}

impl AcmCertificateKeyStrength {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for cert in &inv.acm.certificates {
            match cert.key_algorithm.as_deref() {
                None => {
                    out.skip(cert, evidence::unknown_for_resource(inv, &cert.arn, "the certificate's key algorithm"))
                }
                Some(alg) => match alg.strip_prefix("RSA_").map(str::parse::<u32>) {
                    Some(Ok(bits)) if bits < 2048 => out.fail(cert, format!("the key is {alg}, weaker than RSA 2048")),
                    Some(Ok(_)) => out.pass(cert, format!("the key is {alg}")),
                    _ if alg.starts_with("EC_") => out.pass(cert, format!("the key is {alg}")),
                    _ => out.skip(cert, format!("the key algorithm {alg} is not one wasp knows")),
                },
            }
        }
    }
}
