use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// In every scanned region, the account's Amazon Inspector status for EC2 is `ENABLED`.
    /// `DISABLED`, `ENABLING`, `SUSPENDED` and other states fail, named; SKIP when the account
    /// status (`BatchGetAccountStatus`) could not be read.
    ///
    /// ### Why it matters
    /// Inspector finds known vulnerabilities in the packages of every instance continuously,
    /// without agents to install beyond SSM, and rescans when new CVEs appear.
    ///
    /// ### How to fix
    /// `aws inspector2 enable --resource-types EC2` in every region, or organization-wide from
    /// the delegated administrator with auto-enable for new accounts.
    InspectorEc2ScanningEnabled {
        id: "inspector_ec2_scanning_enabled",
        title: "Amazon Inspector scans EC2 instances in every region",
        severity: High,
        service: Inspector,
        resource_kind: "region",
        best_practices: ["SEC06-BP01", "SEC06-BP05"],
        prowler: [],
        security_hub: ["Inspector.1"],
        config_rule: ["INSPECTOR_EC2_SCAN_ENABLED"],
        cis: [],
        reads: { Inspector: [BatchGetAccountStatus] },
        remediation: "Enable Inspector EC2 scanning in every region.",
    }
}

impl InspectorEc2ScanningEnabled {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        super::scan_type(inv, out, "EC2", |s| s.ec2.as_ref());
    }
}
