use crate::{declare_check, evidence, Status};
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// In every scanned region, the service setting
    /// `/ssm/documents/console/public-sharing-permission` is `Disable`, so no document of the
    /// account can be shared publicly. `Enable` (the default) fails; SKIP when the setting
    /// could not be read.
    ///
    /// ### Why it matters
    /// Blocking public sharing at the account level keeps one mistaken `modify-document-
    /// permission` from publishing a runbook to every AWS account.
    ///
    /// ### How to fix
    /// `aws ssm update-service-setting --setting-id
    /// /ssm/documents/console/public-sharing-permission --setting-value Disable` in every
    /// region.
    SsmDocumentPublicSharingBlocked {
        id: "ssm_document_public_sharing_blocked",
        title: "Public sharing of Systems Manager documents is blocked",
        severity: Medium,
        service: Ssm,
        resource_kind: "region",
        best_practices: ["SEC03-BP07", "SEC03-BP05"],
        prowler: [],
        security_hub: ["SSM.7"],
        config_rule: ["SSM_AUTOMATION_BLOCK_PUBLIC_SHARING"],
        cis: [],
        reads: { Ssm: [GetServiceSetting] },
        remediation: "Set the public-sharing-permission service setting to Disable in every region.",
    }
}

impl SsmDocumentPublicSharingBlocked {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for region in evidence::scanned_regions(inv) {
            match inv.ssm.regions.get(region).and_then(|r| r.document_public_sharing.as_deref()) {
                Some(v) if v.eq_ignore_ascii_case("Disable") => {
                    out.in_region(Status::Pass, "ssm", region, "public sharing of documents is blocked")
                }
                Some(v) => {
                    out.in_region(Status::Fail, "ssm", region, format!("public sharing of documents is allowed ({v})"))
                }
                None => out.in_region(
                    Status::Skip,
                    "ssm",
                    region,
                    super::unknown(inv, region, "GetServiceSetting", "the public-sharing setting"),
                ),
            }
        }
    }
}
