use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// In every scanned region, no ACTIVE Amazon Inspector finding of severity `HIGH` was
    /// first observed more than `inspector_high_max_age_days` days (default 30, the CISA BOD
    /// 19-02 deadline for high vulnerabilities) before the collection. FAIL gives the count
    /// and the age of the oldest. Suppressed and closed findings do not count. SKIP when the
    /// findings could not be listed.
    ///
    /// ### Why it matters
    /// High findings are the bulk of exploitable vulnerabilities; a backlog that only grows
    /// shows remediation is not keeping pace with detection.
    ///
    /// ### How to fix
    /// Patch or rebuild the affected resources, automate routine patching, and suppress
    /// findings that do not apply with a documented reason.
    InspectorHighFindingsNotOverdue {
        id: "inspector_high_findings_not_overdue",
        title: "No high Inspector finding stays open past its remediation deadline",
        severity: Medium,
        service: Inspector,
        resource_kind: "region",
        best_practices: ["SEC06-BP01", "SEC04-BP04", "SEC06-BP05"],
        prowler: ["inspector2_active_findings_within_max_age"],
        security_hub: [],
        config_rule: [],
        cis: [],
        reads: { Inspector: [ListFindings] },
        remediation: "Remediate high findings within the deadline or suppress them with a documented reason.",
    }
}

impl InspectorHighFindingsNotOverdue {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        let max = out.settings().inspector_high_max_age_days;
        super::overdue(inv, out, "HIGH", max);
    }
}
