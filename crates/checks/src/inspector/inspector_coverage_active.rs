use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// In every scanned region, no resource that Amazon Inspector covers has scan status
    /// `INACTIVE` (`ListCoverageStatistics` grouped by scan status). Inactive resources are
    /// covered but not scanned — typically EC2 instances without the SSM agent, unsupported
    /// operating systems or images beyond the rescan duration. Regions where Inspector
    /// covers nothing pass (activation is `inspector_enabled`'s concern); SKIP when the
    /// statistics could not be read.
    ///
    /// ### Why it matters
    /// Turning Inspector on is not the same as scanning: an inactive resource looks covered
    /// in a dashboard while its vulnerabilities go unseen.
    ///
    /// ### How to fix
    /// Look up the reasons (`aws inspector2 list-coverage --filter-criteria
    /// scanStatusCode=[{comparison=EQUALS,value=INACTIVE}]`): install or repair the SSM agent,
    /// move off unsupported OS versions, or extend the ECR rescan duration.
    InspectorCoverageActive {
        id: "inspector_coverage_active",
        title: "Resources Amazon Inspector covers are actively scanned",
        severity: Low,
        service: Inspector,
        resource_kind: "region",
        best_practices: ["SEC06-BP01"],
        prowler: ["inspector2_coverage_scan_status_active"],
        security_hub: [],
        config_rule: [],
        cis: [],
        reads: { Inspector: [ListCoverageStatistics] },
        remediation: "Fix the reasons Inspector gives for inactive coverage.",
    }
}

impl InspectorCoverageActive {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        use crate::{evidence, Status};
        for region in evidence::scanned_regions(inv) {
            let Some(coverage) = inv.inspector.regions.get(region).and_then(|r| r.coverage.as_ref()) else {
                let why = evidence::operation_gap(
                    inv,
                    wasp_model::Service::Inspector,
                    region,
                    "ListCoverageStatistics",
                    "coverage statistics",
                )
                .unwrap_or_else(|| {
                    evidence::unknown_because(inv, wasp_model::Service::Inspector, region, "coverage statistics")
                });
                out.in_region(Status::Skip, "inspector2", region, why);
                continue;
            };
            let active = coverage.get("ACTIVE").copied().unwrap_or(0);
            let inactive = coverage.get("INACTIVE").copied().unwrap_or(0);
            if inactive > 0 {
                out.in_region(
                    Status::Fail,
                    "inspector2",
                    region,
                    format!("{inactive} covered resource(s) are not scanned (INACTIVE), {active} active"),
                );
            } else if active > 0 {
                out.in_region(
                    Status::Pass,
                    "inspector2",
                    region,
                    format!("all {active} covered resource(s) are actively scanned"),
                );
            } else {
                out.in_region(Status::Pass, "inspector2", region, "Inspector covers no resource in this region");
            }
        }
    }
}
