use crate::{declare_check, evidence, Status};
use wasp_model::detection::{AnalyzerStatus, AnalyzerType};
use wasp_model::{Inventory, Service};

declare_check! {
    /// ### What it checks
    /// An IAM Access Analyzer unused-access analyzer (type `ACCOUNT_UNUSED_ACCESS` or
    /// `ORGANIZATION_UNUSED_ACCESS`) is `ACTIVE` in at least one scanned region. Unused access
    /// concerns IAM, which is global, so one analyzer covers the account whatever its region;
    /// the finding is about the account. FAIL when no scanned region has an active one; SKIP
    /// when none was found and a region's analyzers, or an analyzer's status, could not be
    /// read.
    ///
    /// ### Why it matters
    /// Roles, users, keys and passwords that nobody uses, and permissions granted but never
    /// exercised, are standing access an attacker can inherit. The analyzer lists them
    /// continuously so they can be removed instead of found in a yearly review.
    ///
    /// ### How to fix
    /// Create an unused-access analyzer for the organization from the delegated
    /// administrator (`aws accessanalyzer create-analyzer --type ORGANIZATION_UNUSED_ACCESS`),
    /// with a tracking period that matches your review cycle.
    AccessanalyzerUnusedAccessAnalyzerEnabled {
        id: "accessanalyzer_unused_access_analyzer_enabled",
        title: "An IAM Access Analyzer unused-access analyzer is active",
        severity: Low,
        service: AccessAnalyzer,
        resource_kind: "account",
        best_practices: ["SEC03-BP04", "SEC02-BP05"],
        prowler: [],
        security_hub: [],
        config_rule: [],
        cis: [],
        reads: { AccessAnalyzer: [ListAnalyzers] },
        remediation: "Create an unused-access analyzer for the account or organization.",
    }
}

impl AccessanalyzerUnusedAccessAnalyzerEnabled {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        let mut unknown = None;
        let mut inactive = None;
        for region in evidence::scanned_regions(inv) {
            let Some(state) = inv.detection.access_analyzer.get(region) else {
                unknown.get_or_insert_with(|| {
                    evidence::unknown_because(inv, Service::AccessAnalyzer, region, "the analyzer list")
                });
                continue;
            };
            let unused = state.analyzers.iter().filter(|a| {
                matches!(a.analyzer_type, AnalyzerType::AccountUnusedAccess | AnalyzerType::OrganizationUnusedAccess)
            });
            for a in unused {
                match a.status {
                    Some(AnalyzerStatus::Active) => {
                        out.account(Status::Pass, format!("unused-access analyzer {} is active in {region}", a.name));
                        return;
                    }
                    None => {
                        unknown.get_or_insert_with(|| format!("the status of analyzer {} was not read", a.name));
                    }
                    Some(other) => {
                        inactive
                            .get_or_insert_with(|| format!("unused-access analyzer {} is {}", a.name, other.as_str()));
                    }
                }
            }
        }
        match (unknown, inactive) {
            (Some(why), _) => out.account(Status::Skip, why),
            (None, Some(why)) => out.account(Status::Fail, why),
            (None, None) => out.account(Status::Fail, "no unused-access analyzer in the scanned regions"),
        }
    }
}
