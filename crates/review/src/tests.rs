use super::*;
use wasp_checks::Equivalents;

const fn meta(id: &'static str, severity: Severity, best_practices: &'static [&'static str]) -> Meta {
    Meta {
        id,
        title: "t",
        severity,
        service: "iam",
        resource_kind: "iam_user",
        best_practices,
        equivalents: Equivalents { prowler: &[], security_hub: &[], config_rule: &[], cis: &[] },
        remediation: "Fix it.",
        docs: "",
        reads: &["iam"],
        source_file: "x.rs",
    }
}

// SEC02-BP01 is High, SEC02-BP06 Medium, SEC03-BP07 High, SEC11-BP08 Low.
static HIGH_CHECK: Meta = meta("high_check", Severity::High, &["SEC02-BP01"]);
static MEDIUM_CHECK: Meta = meta("medium_check", Severity::Medium, &["SEC02-BP06"]);
static LOW_CHECK: Meta = meta("low_check", Severity::Low, &["SEC11-BP08"]);

fn finding(check: &Meta, status: Status, arn: &str) -> Finding {
    Finding {
        check_id: check.id.into(),
        status,
        severity: check.severity,
        resource_arn: Some(arn.into()),
        region: "global".into(),
        account_id: "1".into(),
        message: String::new(),
        best_practices: check.best_practices.iter().map(|s| s.to_string()).collect(),
        location: None,
    }
}

fn inventory() -> Inventory {
    Inventory::new("123456789012", "2026-01-01T00:00:00Z".parse().unwrap())
}

fn run(inv: &Inventory, ran: &[&'static Meta], findings: Vec<Finding>) -> Review {
    review(Lens::builtin(), inv, ran, findings, Source::Snapshot)
}

fn practice<'a>(r: &'a Review, id: &str) -> &'a PracticeReview {
    r.questions.iter().flat_map(|q| &q.best_practices).find(|p| p.id == id).unwrap()
}

fn risk(r: &Review, id: &str) -> QuestionRisk {
    r.questions.iter().find(|q| q.id == id).unwrap().risk
}

#[test]
fn a_failed_high_risk_practice_makes_its_question_high() {
    let r = run(
        &inventory(),
        &[&HIGH_CHECK],
        vec![finding(&HIGH_CHECK, Status::Fail, "a"), finding(&HIGH_CHECK, Status::Pass, "b")],
    );
    assert_eq!(practice(&r, "SEC02-BP01").status, PracticeStatus::NotMet);
    assert_eq!(risk(&r, "SEC02"), QuestionRisk::High);
    assert_eq!(r.summary.high_risk_questions, 1);
    assert_eq!(r.summary.failed_by_severity[&Severity::High], 1);
}

#[test]
fn a_failed_medium_risk_practice_makes_its_question_medium() {
    let r = run(
        &inventory(),
        &[&MEDIUM_CHECK, &HIGH_CHECK],
        vec![finding(&MEDIUM_CHECK, Status::Fail, "a"), finding(&HIGH_CHECK, Status::Pass, "b")],
    );
    assert_eq!(practice(&r, "SEC02-BP01").status, PracticeStatus::Met);
    assert_eq!(practice(&r, "SEC02-BP06").status, PracticeStatus::NotMet);
    assert_eq!(risk(&r, "SEC02"), QuestionRisk::Medium);
}

#[test]
fn a_failed_low_risk_practice_leaves_no_question_risk() {
    let r = run(&inventory(), &[&LOW_CHECK], vec![finding(&LOW_CHECK, Status::Fail, "a")]);
    assert_eq!(practice(&r, "SEC11-BP08").status, PracticeStatus::NotMet);
    assert_eq!(risk(&r, "SEC11"), QuestionRisk::None);
}

#[test]
fn questions_without_any_evidence_are_not_assessed() {
    let r = run(&inventory(), &[&HIGH_CHECK], vec![finding(&HIGH_CHECK, Status::Pass, "a")]);
    assert_eq!(risk(&r, "SEC02"), QuestionRisk::None);
    assert_eq!(risk(&r, "SEC10"), QuestionRisk::NotAssessed);
    assert_eq!(practice(&r, "SEC10-BP01").reason, "no automated check evidences this practice");
    assert_eq!(r.summary.best_practices.met, 1);
    assert_eq!(r.summary.best_practices.not_assessed, 62);
}

#[test]
fn gaps_turn_passes_into_not_assessed_but_never_hide_a_failure() {
    let mut inv = inventory();
    inv.gaps.push(Gap {
        service: "iam".into(),
        region: "global".into(),
        operation: "GetCredentialReport".into(),
        kind: wasp_model::GapKind::AccessDenied,
        reason: "AccessDenied".into(),
        resource: None,
    });
    let r = run(&inv, &[&HIGH_CHECK], vec![finding(&HIGH_CHECK, Status::Pass, "a")]);
    assert_eq!(practice(&r, "SEC02-BP01").status, PracticeStatus::NotAssessed);
    assert!(practice(&r, "SEC02-BP01").reason.contains("1 gap"));
    assert_eq!(risk(&r, "SEC02"), QuestionRisk::NotAssessed);
    let r = run(&inv, &[&HIGH_CHECK], vec![finding(&HIGH_CHECK, Status::Fail, "a")]);
    assert_eq!(practice(&r, "SEC02-BP01").status, PracticeStatus::NotMet);
}

#[test]
fn skips_are_not_passes_and_empty_checks_assess_nothing() {
    let r = run(&inventory(), &[&HIGH_CHECK], vec![finding(&HIGH_CHECK, Status::Skip, "a")]);
    assert_eq!(practice(&r, "SEC02-BP01").status, PracticeStatus::NotAssessed);
    let r = run(&inventory(), &[&HIGH_CHECK], vec![]);
    assert_eq!(practice(&r, "SEC02-BP01").status, PracticeStatus::NotAssessed);
    assert_eq!(practice(&r, "SEC02-BP01").reason, "its checks found no resources to evaluate");
}

#[test]
fn the_plan_orders_by_level_of_risk_then_failing_resources() {
    let r = run(
        &inventory(),
        &[&HIGH_CHECK, &MEDIUM_CHECK, &LOW_CHECK],
        vec![
            finding(&LOW_CHECK, Status::Fail, "a"),
            finding(&LOW_CHECK, Status::Fail, "b"),
            finding(&LOW_CHECK, Status::Fail, "c"),
            finding(&MEDIUM_CHECK, Status::Fail, "a"),
            finding(&MEDIUM_CHECK, Status::Fail, "b"),
            finding(&HIGH_CHECK, Status::Fail, "a"),
        ],
    );
    let order: Vec<(&str, usize, usize)> =
        r.improvement_plan.iter().map(|p| (p.best_practice.as_str(), p.rank, p.failing_resources)).collect();
    assert_eq!(order, [("SEC02-BP01", 1, 1), ("SEC02-BP06", 2, 2), ("SEC11-BP08", 3, 3)]);
    assert_eq!(r.improvement_plan[0].checks[0].remediation, "Fix it.");
}

#[test]
fn findings_come_failures_first_by_severity() {
    let r = run(
        &inventory(),
        &[&HIGH_CHECK, &LOW_CHECK],
        vec![
            finding(&HIGH_CHECK, Status::Pass, "a"),
            finding(&LOW_CHECK, Status::Fail, "b"),
            finding(&HIGH_CHECK, Status::Fail, "c"),
        ],
    );
    let order: Vec<(&str, Status)> = r.findings.iter().map(|f| (f.check_id.as_str(), f.status)).collect();
    assert_eq!(order, [("high_check", Status::Fail), ("low_check", Status::Fail), ("high_check", Status::Pass)]);
    assert!(fails_at(&r, Severity::High));
    assert!(!fails_at(&r, Severity::Critical));
}

#[test]
fn review_json_has_the_contract_fields() {
    let r = run(&inventory(), &[&HIGH_CHECK], vec![finding(&HIGH_CHECK, Status::Fail, "a")]);
    let json = serde_json::to_value(&r).unwrap();
    for key in
        ["schema_version", "tool", "lens", "scope", "summary", "questions", "findings", "gaps", "improvement_plan"]
    {
        assert!(json.get(key).is_some(), "missing {key}");
    }
    assert_eq!(json["lens"]["id"], "wellarchitected-security");
    assert_eq!(json["questions"][1]["best_practices"][0]["status"], "not_met");
    assert_eq!(json["questions"][1]["risk"], "high");
    assert_eq!(json["findings"][0]["status"], "FAIL");
    assert_eq!(json["summary"]["failed_by_severity"]["high"], 1);
}

#[test]
fn a_region_wide_denial_leaves_every_practice_of_that_evidence_unassessed() {
    let mut inv = inventory();
    inv.gaps.push(Gap {
        service: wasp_model::ALL_SERVICES.into(),
        region: "eu-west-1".into(),
        operation: "*".into(),
        kind: wasp_model::GapKind::AccessDenied,
        reason: "all 40 calls in eu-west-1 were denied".into(),
        resource: None,
    });
    let r = run(&inv, &[&HIGH_CHECK], vec![finding(&HIGH_CHECK, Status::Pass, "a")]);
    assert_eq!(practice(&r, "SEC02-BP01").status, PracticeStatus::NotAssessed);
}
