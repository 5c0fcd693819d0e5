use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// In every scanned region, no ACTIVE Amazon Inspector finding of severity `CRITICAL` was
    /// first observed more than `inspector_critical_max_age_days` days (default 15, the CISA
    /// BOD 19-02 deadline for critical vulnerabilities) before the collection. FAIL gives the
    /// count and the age of the oldest; PASS gives the count of open ones within the deadline.
    /// Suppressed and closed findings do not count. SKIP when the findings could not be
    /// listed. A region where Inspector is off has no findings and passes; see
    /// `inspector_enabled`.
    ///
    /// ### Why it matters
    /// A critical finding that stays open for weeks is the gap attackers scan for; the age of
    /// open findings measures whether remediation really happens, not just detection.
    ///
    /// ### How to fix
    /// Patch or rebuild the affected resources (Patch Manager, a new image), or suppress the
    /// finding with a documented reason when it does not apply; automate the routine cases.
    InspectorCriticalFindingsNotOverdue {
        id: "inspector_critical_findings_not_overdue",
        title: "No critical Inspector finding stays open past its remediation deadline",
        severity: High,
        service: Inspector,
        resource_kind: "region",
        best_practices: ["SEC06-BP01", "SEC04-BP04", "SEC06-BP05"],
        prowler: ["inspector2_active_findings_within_max_age"],
        security_hub: [],
        config_rule: [],
        cis: [],
        reads: { Inspector: [ListFindings] },
        remediation: "Remediate critical findings within the deadline or suppress them with a documented reason.",
    }
}

impl InspectorCriticalFindingsNotOverdue {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        let max = out.settings().inspector_critical_max_age_days;
        super::overdue(inv, out, "CRITICAL", max);
    }
}
