//! Shared evaluation of "a Security Hub standard is enabled": one verdict per scanned region.
use crate::{evidence, Status};
use wasp_model::{Inventory, Service, Setting};

/// Judges, in every scanned region, whether the hub has a standard whose ARN contains
/// `marker` enabled (any status but `FAILED` or `DELETING`).
pub fn evaluate(inv: &Inventory, out: &mut crate::Findings<'_>, marker: &str, what: &str) {
    for region in evidence::scanned_regions(inv) {
        let (status, message) = match inv.detection.securityhub.get(region) {
            None => (Status::Skip, evidence::unknown_because(inv, Service::SecurityHub, region, "Security Hub")),
            Some(Setting::NotConfigured) => {
                (Status::Fail, format!("Security Hub is not enabled in this region, so {what} is not evaluated"))
            }
            Some(Setting::Configured(hub)) => match &hub.standards {
                None => (
                    Status::Skip,
                    evidence::unknown_because(inv, Service::SecurityHub, region, "the enabled standards"),
                ),
                Some(standards) => {
                    let found = standards.iter().find(|s| s.standards_arn.contains(marker));
                    match found {
                        Some(s) if matches!(s.status.as_deref(), Some("FAILED") | Some("DELETING")) => (
                            Status::Fail,
                            format!("{what} is {}", s.status.as_deref().unwrap_or_default().to_ascii_lowercase()),
                        ),
                        Some(s) => (Status::Pass, format!("{what} is enabled ({})", s.standards_arn)),
                        None => (Status::Fail, format!("{what} is not enabled")),
                    }
                }
            },
        };
        out.in_region(status, "securityhub", region, message);
    }
}
