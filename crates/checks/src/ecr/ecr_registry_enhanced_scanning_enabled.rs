use crate::{declare_check, evidence, Status};
use wasp_model::ecr::{ScanFrequency, ScanType};
use wasp_model::{Inventory, Service};

declare_check! {
    /// ### What it checks
    /// In every scanned region that holds at least one private repository, the registry
    /// scanning configuration uses `ENHANCED` scanning (Amazon Inspector) with at least one
    /// rule of frequency `SCAN_ON_PUSH` or `CONTINUOUS_SCAN`. `BASIC` scanning, or enhanced
    /// scanning without such a rule, fails. Regions without repositories are not judged. SKIP
    /// when the configuration could not be read.
    ///
    /// ### Why it matters
    /// Basic scanning looks at an image once, at push, for operating-system packages only.
    /// Enhanced scanning also covers language packages and rescans images when new CVEs are
    /// published, so an image that was clean last month is flagged when it is no longer.
    ///
    /// ### How to fix
    /// `aws ecr put-registry-scanning-configuration --scan-type ENHANCED --rules
    /// '[{"scanFrequency":"CONTINUOUS_SCAN","repositoryFilters":[{"filter":"*","filterType":"WILDCARD"}]}]'`
    /// (this activates Amazon Inspector for ECR).
    EcrRegistryEnhancedScanningEnabled {
        id: "ecr_registry_enhanced_scanning_enabled",
        title: "ECR registries use enhanced (continuous) scanning",
        severity: Medium,
        service: Ecr,
        resource_kind: "region",
        best_practices: ["SEC06-BP01", "SEC06-BP05"],
        prowler: ["ecr_registry_enhanced_scanning_enabled"],
        security_hub: [],
        config_rule: [],
        cis: [],
        reads: { Ecr: [DescribeRepositories, GetRegistryScanningConfiguration] },
        remediation: "Switch the registry to ENHANCED scanning with a continuous rule for every repository.",
    }
}

impl EcrRegistryEnhancedScanningEnabled {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for region in evidence::scanned_regions(inv) {
            if !inv.ecr.repositories.iter().any(|r| r.region == region) {
                continue;
            }
            let Some(config) = inv.ecr.registry_scanning.get(region) else {
                let why = evidence::unknown_because(inv, Service::Ecr, region, "the registry scanning configuration");
                out.in_region(Status::Skip, "ecr", region, why);
                continue;
            };
            let automatic = config
                .rules
                .iter()
                .any(|r| matches!(r.frequency, ScanFrequency::ScanOnPush | ScanFrequency::ContinuousScan));
            let (status, message) = match (config.scan_type, automatic) {
                (Some(ScanType::Enhanced), true) => (Status::Pass, "enhanced scanning with automatic rules"),
                (Some(ScanType::Enhanced), false) => {
                    (Status::Fail, "enhanced scanning has no SCAN_ON_PUSH or CONTINUOUS_SCAN rule")
                }
                (Some(ScanType::Basic), _) => (Status::Fail, "the registry uses basic scanning"),
                (None, _) => (Status::Fail, "the registry scanning type is not set (basic scanning applies)"),
            };
            out.in_region(status, "ecr", region, message);
        }
    }
}
