//! What checks say when evidence is missing, and measures of time against the collection.
use wasp_model::iam::AccessKey;
use wasp_model::{Gap, Inventory, Service, Timestamp};

/// Whole days from `then` to the moment the inventory was collected.
pub fn days_before_collection(inv: &Inventory, then: Timestamp) -> i64 {
    (inv.collected_at - then).num_days()
}

/// Why a value is unknown, for SKIP messages: the matching gap's reason when there is one.
pub fn unknown_because(inv: &Inventory, service: Service, region: &str, what: &str) -> String {
    match inv.gap_in(service, region) {
        Some(gap) => format!("{what} could not be read ({}: {})", gap.operation, gap.reason),
        None => format!("{what} was not collected"),
    }
}

/// A SKIP message when one operation failed in a region (or globally).
pub fn operation_gap(inv: &Inventory, service: Service, region: &str, operation: &str, what: &str) -> Option<String> {
    inv.operation_gap(service, operation, region)
        .map(|gap| format!("{what} could not be read ({}: {})", gap.operation, gap.reason))
}

/// A SKIP message when one operation failed in any region: for account-wide verdicts that
/// need every region's evidence.
pub fn operation_gap_anywhere(inv: &Inventory, service: Service, operation: &str, what: &str) -> Option<String> {
    inv.gaps
        .iter()
        .find(|g| g.affects_operation(service, operation))
        .map(|gap| format!("{what} could not be read ({} in {}: {})", gap.operation, gap.region, gap.reason))
}

/// The gap recorded about one resource (by ARN), if any.
pub fn gap_for_resource<'a>(inv: &'a Inventory, arn: &str) -> Option<&'a Gap> {
    inv.gaps.iter().find(|g| g.resource.as_deref() == Some(arn))
}

/// Why a value of one resource is unknown, for per-resource SKIP messages.
pub fn unknown_for_resource(inv: &Inventory, arn: &str, what: &str) -> String {
    match gap_for_resource(inv, arn) {
        Some(gap) => format!("{what} could not be read ({}: {})", gap.operation, gap.reason),
        None => format!("{what} was not collected"),
    }
}

/// A SKIP message when missing dates are unknown rather than "never used": the IAM
/// credential report could not be generated or read.
pub fn credential_report_gap(inv: &Inventory) -> Option<String> {
    inv.gaps_for(Service::Iam)
        .find(|g| g.operation.contains("CredentialReport"))
        .map(|gap| format!("last-used dates could not be read ({}: {})", gap.operation, gap.reason))
}

/// How findings name an access key: its id, or its position when the credential report gave
/// none.
pub fn key_label(key: &AccessKey, index: usize) -> String {
    match &key.id {
        Some(id) => format!("key {id}"),
        None => format!("key {}", index + 1),
    }
}

/// The regions a regional account setting is judged in: those scanned.
pub fn scanned_regions(inv: &Inventory) -> impl Iterator<Item = &str> {
    inv.regions.iter().map(String::as_str)
}
