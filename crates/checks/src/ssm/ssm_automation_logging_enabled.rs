use crate::{declare_check, evidence, Status};
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// In every scanned region, the service setting
    /// `/ssm/automation/customer-script-log-destination` is `CloudWatch`, so the output of
    /// scripts run by Automation runbooks is sent to CloudWatch Logs. Any other value fails;
    /// SKIP when the setting could not be read.
    ///
    /// ### Why it matters
    /// Automation runbooks act on resources with powerful roles — remediation, patching,
    /// incident response. Without their script output, what a runbook did during an incident
    /// cannot be reconstructed.
    ///
    /// ### How to fix
    /// `aws ssm update-service-setting --setting-id
    /// /ssm/automation/customer-script-log-destination --setting-value CloudWatch`.
    SsmAutomationLoggingEnabled {
        id: "ssm_automation_logging_enabled",
        title: "Systems Manager Automation sends script output to CloudWatch Logs",
        severity: Low,
        service: Ssm,
        resource_kind: "region",
        best_practices: ["SEC04-BP01", "SEC10-BP04"],
        prowler: [],
        security_hub: ["SSM.6"],
        config_rule: ["SSM_AUTOMATION_LOGGING_ENABLED"],
        cis: [],
        reads: { Ssm: [GetServiceSetting] },
        remediation: "Set the Automation customer-script log destination to CloudWatch.",
    }
}

impl SsmAutomationLoggingEnabled {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for region in evidence::scanned_regions(inv) {
            match inv.ssm.regions.get(region).and_then(|r| r.automation_log_destination.as_deref()) {
                Some(v) if v.eq_ignore_ascii_case("CloudWatch") => {
                    out.in_region(Status::Pass, "ssm", region, "Automation script output goes to CloudWatch Logs")
                }
                Some(v) => {
                    out.in_region(Status::Fail, "ssm", region, format!("Automation script output is not logged ({v})"))
                }
                None => out.in_region(
                    Status::Skip,
                    "ssm",
                    region,
                    super::unknown(inv, region, "GetServiceSetting", "the Automation log destination"),
                ),
            }
        }
    }
}
