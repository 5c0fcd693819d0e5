use crate::{declare_check, evidence};
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Every RDS DB instance's server certificate stays valid for at least
    /// `certificate_expiry_min_days` more days (30 by default), by its `CertificateDetails`
    /// `ValidTill`; the message names the certificate authority (`CACertificateIdentifier`).
    /// An expired certificate fails. Instances being deleted are not judged. SKIP when AWS did
    /// not report the expiry.
    ///
    /// ### Why it matters
    /// When the server certificate expires, clients that verify it (as they should) cannot
    /// connect, and the quick fix people reach for is turning verification off, which opens
    /// the connection to impersonation.
    ///
    /// ### How to fix
    /// Rotate to a current authority: `aws rds modify-db-instance --db-instance-identifier
    /// <id> --ca-certificate-identifier rds-ca-rsa2048-g1 --apply-immediately` (after
    /// updating the clients' trust stores with the new CA bundle).
    RdsInstanceCertificateValid {
        id: "rds_instance_certificate_valid",
        title: "RDS server certificates are valid for at least 30 more days",
        severity: Medium,
        service: Rds,
        resource_kind: "rds_instance",
        best_practices: ["SEC09-BP01"],
        prowler: ["rds_instance_certificate_expiration"],
        security_hub: [],
        config_rule: [],
        cis: [],
        reads: { Rds: [DescribeDBInstances] },
        remediation: "Rotate the instance to a current RDS certificate authority.",
    }
}

impl RdsInstanceCertificateValid {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        let min = i64::from(out.settings().certificate_expiry_min_days);
        for instance in super::live_instances(inv) {
            let ca = instance.ca_certificate.as_deref().unwrap_or("an unknown authority");
            let Some(till) = instance.certificate_valid_till else {
                out.skip(instance, "AWS did not report when the server certificate expires");
                continue;
            };
            let left = -evidence::days_before_collection(inv, till);
            if inv.collected_at >= till {
                out.fail(instance, format!("the server certificate from {ca} expired {} day(s) ago", -left));
            } else if left < min {
                out.fail(instance, format!("the server certificate from {ca} expires in {left} day(s)"));
            } else {
                out.pass(instance, format!("the server certificate from {ca} is valid for {left} more days"));
            }
        }
    }
}
