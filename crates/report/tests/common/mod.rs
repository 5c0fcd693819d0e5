//! Reviews for renderer tests: the built-in demo account, and the same with hostile strings.
#![allow(dead_code)]
use std::path::Path;
use wasp_checks::{Selection, Status};
use wasp_model::Inventory;
use wasp_pillar::Lens;
use wasp_review::{Review, Source};

/// The markup a hostile account puts in names, tags and messages.
pub const HOSTILE: &str = "<img src=x onerror=alert(1)>\"'&</script>";

pub fn demo_inventory() -> Inventory {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../cli/demo/demo-snapshot.json");
    let text = std::fs::read_to_string(&path).expect("the demo snapshot");
    Inventory::from_snapshot_json(&text, &path).expect("a valid demo snapshot")
}

/// The review `wasp review --demo` shows (without answers or suppressions).
pub fn demo_review() -> Review {
    review_of(&demo_inventory())
}

pub fn review_of(inventory: &Inventory) -> Review {
    let selection = Selection::default();
    let ran: Vec<_> = selection.applicable(inventory).map(|c| c.meta()).collect();
    let findings = wasp_checks::run(inventory, &selection, &wasp_checks::Settings::default());
    let catalogue: Vec<_> = wasp_checks::CHECKS.iter().map(|c| c.meta()).collect();
    let inputs = wasp_review::Inputs {
        catalogue: &catalogue,
        ran: &ran,
        findings,
        source: Source::Demo,
        narrowed_by: Vec::new(),
        answers: None,
        reviewed_at: "2026-12-01T12:00:00Z".parse().expect("a timestamp"),
        answer_max_age_days: wasp_review::DEFAULT_MAX_AGE_DAYS,
        thresholds: Vec::new(),
        suppressions: Vec::new(),
    };
    wasp_review::review(Lens::builtin(), inventory, inputs)
}

/// The demo review where every failed finding's resource and message carry [`HOSTILE`] markup.
pub fn hostile_review() -> Review {
    let mut review = demo_review();
    for f in review.findings.iter_mut().filter(|f| f.status == Status::Fail) {
        if let Some(arn) = &mut f.resource_arn {
            arn.push_str(HOSTILE);
        }
        f.message = format!("{HOSTILE} {}", f.message);
    }
    review
}
