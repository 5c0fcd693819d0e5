//! Amazon Inspector checks.
mod inspector_coverage_active;
mod inspector_critical_findings_not_overdue;
mod inspector_ec2_scanning_enabled;
mod inspector_ecr_scanning_enabled;
mod inspector_enabled;
mod inspector_high_findings_not_overdue;
mod inspector_lambda_code_scanning_enabled;
mod inspector_lambda_scanning_enabled;

pub use inspector_coverage_active::InspectorCoverageActive;
pub use inspector_critical_findings_not_overdue::InspectorCriticalFindingsNotOverdue;
pub use inspector_ec2_scanning_enabled::InspectorEc2ScanningEnabled;
pub use inspector_ecr_scanning_enabled::InspectorEcrScanningEnabled;
pub use inspector_enabled::InspectorEnabled;
pub use inspector_high_findings_not_overdue::InspectorHighFindingsNotOverdue;
pub use inspector_lambda_code_scanning_enabled::InspectorLambdaCodeScanningEnabled;
pub use inspector_lambda_scanning_enabled::InspectorLambdaScanningEnabled;

use crate::{evidence, Status};
use wasp_model::inspector::ScanStatus;
use wasp_model::{Inventory, Service};

/// Judges one scan type in every scanned region: PASS when `ENABLED`, FAIL otherwise (naming
/// the state), SKIP when the account status was not read.
pub(crate) fn scan_type(
    inv: &Inventory,
    out: &mut crate::Findings<'_>,
    label: &str,
    state: impl Fn(&ScanStatus) -> Option<&String>,
) {
    for region in evidence::scanned_regions(inv) {
        let Some(status) = inv.inspector.regions.get(region).and_then(|r| r.status.as_ref()) else {
            let why = evidence::unknown_because(inv, Service::Inspector, region, "the Inspector account status");
            out.in_region(Status::Skip, "inspector2", region, why);
            continue;
        };
        match state(status).map(String::as_str) {
            Some("ENABLED") => {
                out.in_region(Status::Pass, "inspector2", region, format!("{label} scanning is enabled"))
            }
            Some(other) => out.in_region(
                Status::Fail,
                "inspector2",
                region,
                format!("{label} scanning is {}", other.to_lowercase()),
            ),
            None => out.in_region(Status::Fail, "inspector2", region, format!("{label} scanning is not enabled")),
        }
    }
}

/// Judges open findings of one severity against a maximum age in every scanned region.
pub(crate) fn overdue(inv: &Inventory, out: &mut crate::Findings<'_>, severity: &str, max_days: u32) {
    for region in evidence::scanned_regions(inv) {
        let Some(findings) = inv.inspector.regions.get(region).and_then(|r| r.open_findings.as_ref()) else {
            let why = evidence::operation_gap(inv, Service::Inspector, region, "ListFindings", "open findings")
                .unwrap_or_else(|| evidence::unknown_because(inv, Service::Inspector, region, "open findings"));
            out.in_region(Status::Skip, "inspector2", region, why);
            continue;
        };
        let of_severity = findings.iter().filter(|f| f.severity.eq_ignore_ascii_case(severity));
        let (mut open, mut late, mut oldest) = (0u64, 0u64, 0i64);
        for f in of_severity {
            let age = evidence::days_before_collection(inv, f.first_observed);
            open += f.count;
            if age > i64::from(max_days) {
                late += f.count;
                oldest = oldest.max(age);
            }
        }
        let lower = severity.to_lowercase();
        if late == 0 {
            let message = format!("{open} open {lower} finding(s), none first observed more than {max_days} days ago");
            out.in_region(Status::Pass, "inspector2", region, message);
        } else {
            let message =
                format!("{late} open {lower} finding(s) older than {max_days} days (the oldest first observed {oldest} days ago)");
            out.in_region(Status::Fail, "inspector2", region, message);
        }
    }
}
