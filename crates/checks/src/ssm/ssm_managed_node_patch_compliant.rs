use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Every managed node reports `Patch` compliance `COMPLIANT` in
    /// `ListResourceComplianceSummaries` (the result of the last Patch Manager scan or
    /// install against its patch baseline). `NON_COMPLIANT` fails, naming the highest
    /// severity and the number of missing patches. Unlike Security Hub SSM.2, a managed node
    /// that reports no patch compliance at all also fails: no patch scan has ever run on it.
    /// SKIP for a region whose compliance summaries could not be read.
    ///
    /// ### Why it matters
    /// Missing operating-system patches are the most common way into a server; the compliance
    /// summary is the account's own measure of them.
    ///
    /// ### How to fix
    /// Run `AWS-RunPatchBaseline` on a schedule (a Quick Setup patch policy or a maintenance
    /// window) with the `Install` operation, and investigate nodes that stay non-compliant.
    SsmManagedNodePatchCompliant {
        id: "ssm_managed_node_patch_compliant",
        title: "Managed nodes are compliant with their patch baseline",
        severity: High,
        service: Ssm,
        resource_kind: "ssm_managed_node",
        best_practices: ["SEC06-BP01", "SEC06-BP05"],
        prowler: ["ssm_managed_compliant_patching"],
        security_hub: ["SSM.2"],
        config_rule: ["EC2_MANAGEDINSTANCE_PATCH_COMPLIANCE_STATUS_CHECK"],
        cis: [],
        reads: { Ssm: [ListResourceComplianceSummaries, DescribeInstanceInformation] },
        remediation: "Patch the node with AWS-RunPatchBaseline on a schedule.",
    }
}

impl SsmManagedNodePatchCompliant {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        super::compliance(inv, out, "Patch", Some("no patch compliance reported: no patch scan has run on this node"));
    }
}
