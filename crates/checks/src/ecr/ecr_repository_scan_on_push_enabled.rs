use crate::{declare_check, evidence, Status};
use wasp_model::ecr::ScanType;
use wasp_model::{Inventory, Service};

declare_check! {
    /// ### What it checks
    /// Every private ECR repository has its images scanned automatically for vulnerabilities:
    /// a rule of the region's registry scanning configuration with frequency `SCAN_ON_PUSH` or
    /// `CONTINUOUS_SCAN` whose repository filter matches the repository's name (`*` matches
    /// any characters), or, with `BASIC` scanning, the repository's own `scanOnPush` flag.
    /// With `ENHANCED` scanning the repository flag is ignored by AWS, so only a matching
    /// rule passes; `MANUAL` rules never pass. SKIP when the registry configuration was not
    /// read and the repository's own flag does not already pass.
    ///
    /// ### Why it matters
    /// An image that is never scanned ships whatever known-vulnerable packages it was built
    /// with; scanning at push is the cheapest point to catch them before they run.
    ///
    /// ### How to fix
    /// Add a registry scanning rule (`aws ecr put-registry-scanning-configuration`) with
    /// `SCAN_ON_PUSH` or `CONTINUOUS_SCAN` and the filter `*`, preferably with `ENHANCED`
    /// scanning (Amazon Inspector).
    EcrRepositoryScanOnPushEnabled {
        id: "ecr_repository_scan_on_push_enabled",
        title: "ECR repositories scan images automatically",
        severity: Medium,
        service: Ecr,
        resource_kind: "ecr_repository",
        best_practices: ["SEC06-BP01", "SEC11-BP02"],
        prowler: ["ecr_repositories_scan_images_on_push_enabled", "ecr_registry_scan_images_on_push_enabled"],
        security_hub: ["ECR.1"],
        config_rule: ["ECR_PRIVATE_IMAGE_SCANNING_ENABLED"],
        cis: [],
        reads: { Ecr: [DescribeRepositories, GetRegistryScanningConfiguration] },
        remediation: "Add a registry scanning rule with SCAN_ON_PUSH or CONTINUOUS_SCAN that matches every repository.",
    }
}

impl EcrRepositoryScanOnPushEnabled {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for repo in &inv.ecr.repositories {
            let registry = inv.ecr.registry_scanning.get(&repo.region);
            let rule = registry.and_then(|r| super::automatic_rule(r, &repo.name));
            let enhanced = registry.and_then(|r| r.scan_type) == Some(ScanType::Enhanced);
            let (status, message) = match (registry, rule) {
                (Some(_), Some(frequency)) => {
                    (Status::Pass, format!("a registry scanning rule scans it ({frequency:?})"))
                }
                (Some(_), None) if enhanced => {
                    (Status::Fail, "enhanced scanning is on but no registry rule matches the repository".to_owned())
                }
                _ if repo.scan_on_push == Some(true) => {
                    (Status::Pass, "the repository scans images on push (basic scanning)".to_owned())
                }
                (Some(_), None) => {
                    (Status::Fail, "neither a registry rule nor the repository scans images on push".to_owned())
                }
                (None, _) => (
                    Status::Skip,
                    evidence::operation_gap(
                        inv,
                        Service::Ecr,
                        &repo.region,
                        "GetRegistryScanningConfiguration",
                        "the registry scanning configuration",
                    )
                    .unwrap_or_else(|| "the registry scanning configuration was not collected".to_owned()),
                ),
            };
            match status {
                Status::Pass => out.pass(repo, message),
                Status::Fail => out.fail(repo, message),
                _ => out.skip(repo, message),
            }
        }
    }
}
