use crate::{declare_check, evidence, Status};
use wasp_model::{Inventory, Service};

declare_check! {
    /// ### What it checks
    /// In every scanned region, EBS encryption by default is on, so new volumes and snapshot
    /// copies are encrypted even when the request does not ask for it. FAIL when it is off;
    /// SKIP when the region's setting could not be read.
    ///
    /// ### Why it matters
    /// Encryption that depends on every template and console click remembering a checkbox
    /// will eventually be forgotten. The regional default makes unencrypted volumes impossible
    /// to create by accident.
    ///
    /// ### How to fix
    /// Run `aws ec2 enable-ebs-encryption-by-default` in every region (optionally choosing a
    /// customer-managed default key), or enforce it organization-wide with a declarative policy.
    Ec2EbsEncryptionByDefaultEnabled {
        id: "ec2_ebs_encryption_by_default_enabled",
        title: "EBS encryption by default is on in every region",
        severity: Medium,
        service: Ec2,
        resource_kind: "region",
        best_practices: ["SEC08-BP02", "SEC08-BP03"],
        prowler: ["ec2_ebs_default_encryption"],
        security_hub: ["EC2.7"],
        config_rule: ["EC2_EBS_ENCRYPTION_BY_DEFAULT"],
        cis: ["3.0:2.2.1", "4.0:5.1.1", "5.0:5.1.1"],
        reads: { Ec2: [GetEbsEncryptionByDefault] },
        remediation: "Enable EBS encryption by default in every region.",
    }
}

impl Ec2EbsEncryptionByDefaultEnabled {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for region in evidence::scanned_regions(inv) {
            let arn = inv.regional_account_arn("ec2", region);
            match inv.ec2.ebs_defaults.get(region) {
                Some(d) if d.encryption_by_default => {
                    out.report(Status::Pass, arn, region, "EBS encryption by default is on")
                }
                Some(_) => out.report(Status::Fail, arn, region, "EBS encryption by default is off"),
                None => {
                    let why = evidence::unknown_because(inv, Service::Ec2, region, "EBS encryption by default");
                    out.report(Status::Skip, arn, region, why)
                }
            }
        }
    }
}
