use crate::{declare_check, util, Status};
use wasp_model::{Inventory, Setting};

declare_check! {
    /// ### What it checks
    /// In every scanned region, Security Hub is enabled (a hub exists). FAIL when it is not;
    /// SKIP when the region's hub could not be read. Which standards are enabled is reported in
    /// the message when known but not judged.
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
        service: "securityhub",
        resource_kind: "region",
        best_practices: ["SEC01-BP03", "SEC04-BP02"],
        prowler: ["securityhub_enabled"],
        security_hub: [],
        config_rule: [],
        cis: ["3.0:4.16", "4.0:4.16", "5.0:4.16"],
        remediation: "Enable Security Hub in every region, organization-wide where possible.",
    }
}

impl SecurityhubEnabled {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for region in util::scanned_regions(inv) {
            let arn = inv.regional_account_arn("securityhub", region);
            match inv.detection.securityhub.get(region) {
                Some(Setting::Configured(hub)) => {
                    let standards = match &hub.standards {
                        Some(s) => format!(" with {} standard(s)", s.len()),
                        None => String::new(),
                    };
                    out.report(Status::Pass, arn, region, format!("Security Hub is enabled{standards}"))
                }
                Some(Setting::NotConfigured) => {
                    out.report(Status::Fail, arn, region, "Security Hub is not enabled in this region")
                }
                None => {
                    let why = util::unknown_because(inv, "securityhub", region, "the Security Hub status");
                    out.report(Status::Skip, arn, region, why)
                }
            }
        }
    }
}
