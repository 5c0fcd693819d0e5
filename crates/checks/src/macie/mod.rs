//! Macie checks and signals, one verdict per scanned region.
mod macie_automated_discovery_enabled;
mod macie_classification_job_recent;
mod macie_enabled;
mod macie_sensitive_data_findings_summary;

pub use macie_automated_discovery_enabled::MacieAutomatedDiscoveryEnabled;
pub use macie_classification_job_recent::MacieClassificationJobRecent;
pub use macie_enabled::MacieEnabled;
pub use macie_sensitive_data_findings_summary::MacieSensitiveDataFindingsSummary;

use crate::{evidence, Status};
use wasp_model::macie::MacieRegion;
use wasp_model::{Inventory, Service, Setting};

/// Macie in each scanned region: `Ok(Some)` where it runs, `Ok(None)` where it is off, and
/// the SKIP message where it was not read.
fn regions(inv: &Inventory) -> Vec<(&str, Result<Option<&MacieRegion>, String>)> {
    evidence::scanned_regions(inv)
        .map(|region| {
            let state = match inv.macie.regions.get(region) {
                Some(Setting::Configured(m)) => Ok(Some(m)),
                Some(Setting::NotConfigured) => Ok(None),
                None => Err(evidence::unknown_because(inv, Service::Macie, region, "the Macie session")),
            };
            (region, state)
        })
        .collect()
}

/// Reports one regional verdict.
fn report(out: &mut crate::Findings<'_>, region: &str, status: Status, message: impl Into<String>) {
    out.in_region(status, "macie2", region, message);
}
