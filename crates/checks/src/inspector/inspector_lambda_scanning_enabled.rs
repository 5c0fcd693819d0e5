use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// In every scanned region, the account's Amazon Inspector status for Lambda standard
    /// scanning (package dependencies of functions and layers) is `ENABLED`. Other states
    /// fail; SKIP when the account status could not be read.
    ///
    /// ### Why it matters
    /// Functions bundle their dependencies and are rarely rebuilt; standard scanning tells you
    /// when one of those dependencies gets a known vulnerability.
    ///
    /// ### How to fix
    /// `aws inspector2 enable --resource-types LAMBDA` in every region.
    InspectorLambdaScanningEnabled {
        id: "inspector_lambda_scanning_enabled",
        title: "Amazon Inspector scans Lambda functions in every region",
        severity: High,
        service: Inspector,
        resource_kind: "region",
        best_practices: ["SEC06-BP01"],
        prowler: [],
        security_hub: ["Inspector.4"],
        config_rule: ["INSPECTOR_LAMBDA_STANDARD_SCAN_ENABLED"],
        cis: [],
        reads: { Inspector: [BatchGetAccountStatus] },
        remediation: "Enable Inspector Lambda standard scanning in every region.",
    }
}

impl InspectorLambdaScanningEnabled {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        super::scan_type(inv, out, "Lambda standard", |s| s.lambda.as_ref());
    }
}
