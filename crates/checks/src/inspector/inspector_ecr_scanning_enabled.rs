use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// In every scanned region, the account's Amazon Inspector status for ECR is `ENABLED`
    /// (enhanced scanning of container images). Other states fail; SKIP when the account
    /// status could not be read.
    ///
    /// ### Why it matters
    /// Enhanced ECR scanning checks operating-system and language packages of every pushed
    /// image and rescans them as new vulnerabilities are published, so a release pipeline
    /// learns of a vulnerable base image before and after it ships.
    ///
    /// ### How to fix
    /// `aws inspector2 enable --resource-types ECR` in every region.
    InspectorEcrScanningEnabled {
        id: "inspector_ecr_scanning_enabled",
        title: "Amazon Inspector scans ECR container images in every region",
        severity: High,
        service: Inspector,
        resource_kind: "region",
        best_practices: ["SEC06-BP01", "SEC11-BP02"],
        prowler: [],
        security_hub: ["Inspector.2"],
        config_rule: ["INSPECTOR_ECR_SCAN_ENABLED"],
        cis: [],
        reads: { Inspector: [BatchGetAccountStatus] },
        remediation: "Enable Inspector ECR scanning in every region.",
    }
}

impl InspectorEcrScanningEnabled {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        super::scan_type(inv, out, "ECR", |s| s.ecr.as_ref());
    }
}
