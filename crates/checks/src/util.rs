//! Small helpers shared by checks.
use wasp_model::{Inventory, Timestamp};

/// Whole days from `then` to the moment the inventory was collected.
pub fn days_before_collection(inv: &Inventory, then: Timestamp) -> i64 {
    (inv.collected_at - then).num_days()
}

/// Why a value is unknown, for SKIP messages: the matching gap's reason when there is one.
pub fn unknown_because(inv: &Inventory, service: &str, region: &str, what: &str) -> String {
    match inv.gap_in(service, region) {
        Some(gap) => format!("{what} could not be read ({}: {})", gap.operation, gap.reason),
        None => format!("{what} was not collected"),
    }
}

/// The regions a regional account setting must be judged in.
pub fn scanned_regions(inv: &Inventory) -> impl Iterator<Item = &str> {
    inv.regions.iter().map(String::as_str)
}
