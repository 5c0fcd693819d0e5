use crate::{declare_check, util, Status};
use wasp_model::Inventory;

/// Analyzer types that look for external (public and cross-account) access.
const EXTERNAL_ACCESS: [&str; 2] = ["ACCOUNT", "ORGANIZATION"];

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
        service: "accessanalyzer",
        resource_kind: "region",
        best_practices: ["SEC03-BP07", "SEC01-BP08"],
        prowler: ["accessanalyzer_enabled"],
        security_hub: ["IAM.28"],
        config_rule: ["IAM_EXTERNAL_ACCESS_ANALYZER_ENABLED"],
        cis: ["3.0:1.20", "4.0:1.20", "5.0:1.19"],
        remediation: "Create an external-access analyzer in every region.",
    }
}

impl AccessanalyzerEnabled {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for region in util::scanned_regions(inv) {
            let arn = inv.regional_account_arn("access-analyzer", region);
            let Some(state) = inv.detection.access_analyzer.get(region) else {
                let why = util::unknown_because(inv, "accessanalyzer", region, "the analyzer list");
                out.report(Status::Skip, arn, region, why);
                continue;
            };
            let external: Vec<_> =
                state.analyzers.iter().filter(|a| EXTERNAL_ACCESS.contains(&a.analyzer_type.as_str())).collect();
            if let Some(a) = external.iter().find(|a| a.status == "ACTIVE") {
                out.report(Status::Pass, arn, region, format!("analyzer {} is active", a.name));
            } else if external.iter().any(|a| a.status.is_empty()) {
                let why = util::unknown_because(inv, "accessanalyzer", region, "the analyzer status");
                out.report(Status::Skip, arn, region, why);
            } else if let Some(a) = external.first() {
                out.report(Status::Fail, arn, region, format!("analyzer {} is {}", a.name, a.status));
            } else if state.analyzers.is_empty() {
                out.report(Status::Fail, arn, region, "no analyzer in this region");
            } else {
                out.report(Status::Fail, arn, region, "only unused-access analyzers in this region");
            }
        }
    }
}
