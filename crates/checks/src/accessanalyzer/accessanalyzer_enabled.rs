use crate::{declare_check, evidence, Status};
use wasp_model::detection::AnalyzerStatus;
use wasp_model::{Inventory, Service};

declare_check! {
    /// ### What it checks
    /// In every scanned region, IAM Access Analyzer has an external-access analyzer (type
    /// `ACCOUNT` or `ORGANIZATION`) whose status is `ACTIVE`. Unused-access analyzers do not
    /// count. FAIL when the region has none, or only inactive or unused-access ones; SKIP when
    /// the region's analyzers, or the status of its only external-access analyzers, could not
    /// be read.
    ///
    /// ### Why it matters
    /// Access Analyzer continuously reasons over resource policies (S3, KMS, IAM roles, SQS,
    /// snapshots and more) and reports anything reachable from outside the account or
    /// organization. It is how unintended sharing is found before someone else finds it.
    ///
    /// ### How to fix
    /// Run `aws accessanalyzer create-analyzer --type ORGANIZATION` (from the delegated
    /// administrator) or `--type ACCOUNT` in every region, and triage its findings.
    AccessanalyzerEnabled {
        id: "accessanalyzer_enabled",
        title: "IAM Access Analyzer watches external access in every region",
        severity: High,
        service: AccessAnalyzer,
        resource_kind: "region",
        best_practices: ["SEC03-BP07"],
        prowler: ["accessanalyzer_enabled"],
        security_hub: ["IAM.28"],
        config_rule: ["IAM_EXTERNAL_ACCESS_ANALYZER_ENABLED"],
        cis: ["3.0:1.20", "4.0:1.20", "5.0:1.19"],
        reads: { AccessAnalyzer: [ListAnalyzers] },
        remediation: "Create an external-access analyzer in every region.",
    }
}

impl AccessanalyzerEnabled {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for region in evidence::scanned_regions(inv) {
            let Some(state) = inv.detection.access_analyzer.get(region) else {
                let why = evidence::unknown_because(inv, Service::AccessAnalyzer, region, "the analyzer list");
                out.in_region(Status::Skip, "access-analyzer", region, why);
                continue;
            };
            let external: Vec<_> = state.analyzers.iter().filter(|a| a.analyzer_type.finds_external_access()).collect();
            let (status, message) = if let Some(a) = external.iter().find(|a| a.status == Some(AnalyzerStatus::Active))
            {
                (Status::Pass, format!("analyzer {} is active", a.name))
            } else if external.iter().any(|a| a.status.is_none()) {
                let why = evidence::unknown_because(inv, Service::AccessAnalyzer, region, "the analyzer status");
                (Status::Skip, why)
            } else if let Some(a) = external.first() {
                (Status::Fail, format!("analyzer {} is {}", a.name, a.status.map_or("", AnalyzerStatus::as_str)))
            } else if state.analyzers.is_empty() {
                (Status::Fail, "no analyzer in this region".to_owned())
            } else {
                (Status::Fail, "only unused-access analyzers in this region".to_owned())
            };
            out.in_region(status, "access-analyzer", region, message);
        }
    }
}
