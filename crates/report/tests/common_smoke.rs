//! The shared test reviews are what the renderers are tested on: keep them honest.
mod common;

#[test]
fn the_demo_review_has_failures_and_hostile_markup_reaches_them() {
    let review = common::hostile_review();
    let failed: Vec<_> = review.findings.iter().filter(|f| f.status == wasp_checks::Status::Fail).collect();
    assert!(failed.len() > 5, "the demo has failures to render");
    assert!(failed.iter().all(|f| f.message.contains(common::HOSTILE)));
    assert_eq!(review.questions.len(), 11);
    assert!(!review.improvement_plan.is_empty());
}
