use crate::{declare_check, evidence, Status};
use wasp_model::{Inventory, Service, Setting};

declare_check! {
    /// ### What it checks
    /// In every scanned region, Security Hub is enabled (a hub exists). FAIL when it is not;
    /// SKIP when the region's hub could not be read. Which standards are enabled is not judged.
    ///
    /// ### Why it matters
    /// Security Hub gathers findings from GuardDuty, Inspector, Macie, Access Analyzer and
    /// partners into one place and runs the control checks of the standards you choose. Without
    /// it, findings stay scattered per service and per region.
    ///
    /// ### How to fix
    /// Enable Security Hub in every region, preferably from a delegated administrator with
    /// central configuration and cross-region aggregation, and turn on the AWS Foundational
    /// Security Best Practices standard.
    SecurityhubEnabled {
        id: "securityhub_enabled",
        title: "Security Hub is enabled in every region",
        severity: High,
        service: SecurityHub,
        resource_kind: "region",
        best_practices: ["SEC01-BP03", "SEC04-BP02"],
        prowler: ["securityhub_enabled"],
        security_hub: [],
        config_rule: ["SECURITYHUB_ENABLED"],
        cis: ["3.0:4.16", "4.0:4.16", "5.0:4.16"],
        reads: { SecurityHub: [DescribeHub] },
        remediation: "Enable Security Hub in every region, organization-wide where possible.",
    }
}

impl SecurityhubEnabled {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for region in evidence::scanned_regions(inv) {
            let (status, message) = match inv.detection.securityhub.get(region) {
                Some(Setting::Configured(_)) => (Status::Pass, "Security Hub is enabled".to_owned()),
                Some(Setting::NotConfigured) => (Status::Fail, "Security Hub is not enabled in this region".to_owned()),
                None => (
                    Status::Skip,
                    evidence::unknown_because(inv, Service::SecurityHub, region, "the Security Hub status"),
                ),
            };
            out.in_region(status, "securityhub", region, message);
        }
    }
}
