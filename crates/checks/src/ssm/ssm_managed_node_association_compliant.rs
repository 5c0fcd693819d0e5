use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Every resource that reports `Association` compliance in
    /// `ListResourceComplianceSummaries` reports `COMPLIANT`: its State Manager associations
    /// (agent updates, inventory, configuration documents) last ran successfully.
    /// `NON_COMPLIANT` fails. Nodes with no association are not judged. SKIP for a region
    /// whose compliance summaries could not be read.
    ///
    /// ### Why it matters
    /// Associations are how a fleet keeps its configuration and protection (agents,
    /// hardening, remediation runbooks) applied; a failing one means a node has drifted from
    /// the state you automated.
    ///
    /// ### How to fix
    /// Look at the association's execution history (`aws ssm
    /// describe-association-executions`) and fix the cause: permissions, a missing agent, a
    /// failing document.
    SsmManagedNodeAssociationCompliant {
        id: "ssm_managed_node_association_compliant",
        title: "State Manager associations on managed nodes are compliant",
        severity: Low,
        service: Ssm,
        resource_kind: "ssm_managed_node",
        best_practices: ["SEC06-BP05", "SEC04-BP04"],
        prowler: [],
        security_hub: ["SSM.3"],
        config_rule: ["EC2_MANAGEDINSTANCE_ASSOCIATION_COMPLIANCE_STATUS_CHECK"],
        cis: [],
        reads: { Ssm: [ListResourceComplianceSummaries] },
        remediation: "Fix the failing State Manager association and re-run it.",
    }
}

impl SsmManagedNodeAssociationCompliant {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        super::compliance(inv, out, "Association", None);
    }
}
