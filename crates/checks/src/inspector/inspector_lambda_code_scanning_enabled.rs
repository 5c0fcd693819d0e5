use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// In every scanned region, the account's Amazon Inspector status for Lambda code
    /// scanning (static analysis of function code for injection flaws, weak cryptography and
    /// embedded secrets) is `ENABLED`. Other states fail; SKIP when the account status could
    /// not be read.
    ///
    /// ### Why it matters
    /// Code scanning is automated security testing of what you wrote, not only of what you
    /// imported: it catches hard-coded credentials and injection-prone code in functions that
    /// never went through another scanner.
    ///
    /// ### How to fix
    /// `aws inspector2 enable --resource-types LAMBDA_CODE` (requires Lambda standard
    /// scanning) in every region.
    InspectorLambdaCodeScanningEnabled {
        id: "inspector_lambda_code_scanning_enabled",
        title: "Amazon Inspector scans Lambda function code in every region",
        severity: Medium,
        service: Inspector,
        resource_kind: "region",
        best_practices: ["SEC11-BP02", "SEC06-BP01"],
        prowler: [],
        security_hub: ["Inspector.3"],
        config_rule: ["INSPECTOR_LAMBDA_CODE_SCAN_ENABLED"],
        cis: [],
        reads: { Inspector: [BatchGetAccountStatus] },
        remediation: "Enable Inspector Lambda code scanning in every region.",
    }
}

impl InspectorLambdaCodeScanningEnabled {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        super::scan_type(inv, out, "Lambda code", |s| s.lambda_code.as_ref());
    }
}
