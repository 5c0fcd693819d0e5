use super::*;
use wasp_checks::{Equivalents, Read};
use wasp_model::{GapKind, Service};

const IAM_DETAILS: &[Read] = &[Read { service: Service::Iam, operation: "GetAccountAuthorizationDetails" }];
const EC2_GROUPS: &[Read] = &[Read { service: Service::Ec2, operation: "DescribeSecurityGroups" }];

const fn meta(
    id: &'static str,
    severity: Severity,
    best_practices: &'static [&'static str],
    reads: &'static [Read],
) -> Meta {
    Meta {
        id,
        title: "t",
        severity,
        service: Service::Iam,
        resource_kind: "iam_user",
        best_practices,
        equivalents: Equivalents { prowler: &[], security_hub: &[], config_rule: &[], cis: &[] },
        remediation: "Fix it.",
        docs: "",
        reads,
        source_file: "x.rs",
    }
}

// Levels of risk: SEC02-BP01 High, SEC02-BP06 Medium, SEC11-BP08 Low; SEC01-BP02 is the one
// practice of full evidence scope, High.
static HIGH_CHECK: Meta = meta("high_check", Severity::High, &["SEC02-BP01"], IAM_DETAILS);
static MEDIUM_CHECK: Meta = meta("medium_check", Severity::Medium, &["SEC02-BP06"], IAM_DETAILS);
static LOW_CHECK: Meta = meta("low_check", Severity::Low, &["SEC11-BP08"], IAM_DETAILS);
static ROOT_A: Meta = meta("root_a", Severity::Critical, &["SEC01-BP02"], IAM_DETAILS);
static ROOT_B: Meta = meta("root_b", Severity::Critical, &["SEC01-BP02"], IAM_DETAILS);
static ROOT_REGIONAL: Meta = meta("root_regional", Severity::Low, &["SEC01-BP02"], EC2_GROUPS);

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
    let mut inv = Inventory::new("123456789012", "2026-01-01T00:00:00Z".parse().unwrap());
    inv.regions = vec!["us-east-1".into()];
    inv.enabled_regions = Some(vec!["us-east-1".into()]);
    inv
}

fn gap(service: Service, operation: &str) -> Gap {
    Gap {
        service,
        region: "global".into(),
        operation: operation.into(),
        kind: GapKind::AccessDenied,
        reason: "AccessDenied".into(),
        resource: None,
    }
}

fn run_with(inv: &Inventory, catalogue: &[&'static Meta], ran: &[&'static Meta], findings: Vec<Finding>) -> Review {
    let inputs = Inputs { catalogue, ran, findings, source: Source::Snapshot, narrowed_by: Vec::new() };
    review(Lens::builtin(), inv, inputs)
}

fn run(inv: &Inventory, ran: &[&'static Meta], findings: Vec<Finding>) -> Review {
    run_with(inv, ran, ran, findings)
}

fn practice<'a>(r: &'a Review, id: &str) -> &'a PracticeReview {
    r.questions.iter().flat_map(|q| &q.best_practices).find(|p| p.id == id).unwrap()
}

fn question<'a>(r: &'a Review, id: &str) -> &'a QuestionReview {
    r.questions.iter().find(|q| q.id == id).unwrap()
}

fn risk(r: &Review, id: &str) -> QuestionRisk {
    question(r, id).risk
}

#[test]
fn a_failed_high_risk_practice_makes_its_question_high_and_drives_it() {
    let r = run(
        &inventory(),
        &[&HIGH_CHECK],
        vec![finding(&HIGH_CHECK, Status::Fail, "a"), finding(&HIGH_CHECK, Status::Pass, "b")],
    );
    assert_eq!(practice(&r, "SEC02-BP01").status, PracticeStatus::NotMet);
    assert_eq!(practice(&r, "SEC02-BP01").decided_by, Basis::Evidence);
    assert_eq!(risk(&r, "SEC02"), QuestionRisk::High);
    assert!(question(&r, "SEC02").risk_drivers.contains(&"SEC02-BP01".to_owned()));
    assert_eq!(r.summary.high_risk_questions, 1);
    assert_eq!(r.summary.failed_by_severity[&Severity::High], 1);
}

#[test]
fn passing_partial_evidence_only_supports_and_leaves_the_question_at_risk() {
    let r = run(&inventory(), &[&HIGH_CHECK], vec![finding(&HIGH_CHECK, Status::Pass, "a")]);
    let p = practice(&r, "SEC02-BP01");
    assert_eq!(p.status, PracticeStatus::EvidenceSupports);
    assert_eq!(p.evidence.status, EvidenceStatus::Supports);
    assert!(p.reason.contains("a person must confirm the rest"), "{}", p.reason);
    // One supported High practice and five without evidence: still high, all six drive it.
    assert_eq!(risk(&r, "SEC02"), QuestionRisk::High);
    assert_eq!(question(&r, "SEC02").risk_drivers.len(), 5, "{:?}", question(&r, "SEC02").risk_drivers);
    assert_eq!(r.summary.best_practices.met, 0);
    assert_eq!(r.summary.best_practices.evidence_supports, 1);
}

#[test]
fn a_full_scope_practice_is_met_only_when_every_check_of_it_ran_and_passed() {
    let all = [&ROOT_A, &ROOT_B];
    let r =
        run(&inventory(), &all, vec![finding(&ROOT_A, Status::Pass, "root"), finding(&ROOT_B, Status::Pass, "root")]);
    assert_eq!(practice(&r, "SEC01-BP02").status, PracticeStatus::Met);
    assert_eq!(practice(&r, "SEC01-BP02").evidence.status, EvidenceStatus::Established);
    // The same passes, with one check of the catalogue left out (--checks root_a).
    let r = run_with(&inventory(), &all, &[&ROOT_A], vec![finding(&ROOT_A, Status::Pass, "root")]);
    let p = practice(&r, "SEC01-BP02");
    assert_eq!(p.status, PracticeStatus::EvidenceSupports);
    assert_eq!(p.evidence.checks_not_run, ["root_b"]);
    assert!(p.reason.contains("root_b"), "{}", p.reason);
}

#[test]
fn a_full_scope_practice_with_regional_checks_needs_every_region() {
    let all = [&ROOT_A, &ROOT_REGIONAL];
    let findings = || vec![finding(&ROOT_A, Status::Pass, "root"), finding(&ROOT_REGIONAL, Status::Pass, "sg")];
    let mut inv = inventory();
    inv.enabled_regions = Some(vec!["us-east-1".into(), "eu-west-1".into()]);
    let r = run(&inv, &all, findings());
    assert_eq!(practice(&r, "SEC01-BP02").status, PracticeStatus::EvidenceSupports);
    assert!(practice(&r, "SEC01-BP02").reason.contains("not every enabled region"));
    assert_eq!(r.scope.coverage, Coverage::Partial);
    assert!(r.scope.left_out[0].contains("1 of 2 enabled regions"), "{:?}", r.scope.left_out);
    inv.regions.push("eu-west-1".into());
    let r = run(&inv, &all, findings());
    assert_eq!(practice(&r, "SEC01-BP02").status, PracticeStatus::Met);
    assert_eq!(r.scope.coverage, Coverage::Complete);
}

#[test]
fn a_question_has_no_risk_only_when_every_practice_is_met_or_not_applicable() {
    // SEC01-BP02 met, the other seven practices of SEC01 unassessed: high, driven by the rest.
    let r = run(&inventory(), &[&ROOT_A], vec![finding(&ROOT_A, Status::Pass, "root")]);
    assert_eq!(practice(&r, "SEC01-BP02").status, PracticeStatus::Met);
    assert_eq!(risk(&r, "SEC01"), QuestionRisk::High);
    assert!(!question(&r, "SEC01").risk_drivers.contains(&"SEC01-BP02".to_owned()));
    let mut practices = question(&r, "SEC01").best_practices.clone();
    for p in &mut practices {
        p.status = PracticeStatus::Met;
    }
    practices[7].status = PracticeStatus::NotApplicable;
    assert_eq!(question_risk(&practices), (QuestionRisk::None, vec![]));
    let low = practices.iter().position(|p| p.level_of_risk == LevelOfRisk::Low);
    if let Some(i) = low {
        practices[i].status = PracticeStatus::EvidenceSupports;
        assert_eq!(question_risk(&practices).0, QuestionRisk::Low);
    }
    practices[0].status = PracticeStatus::NotAssessed;
    assert_eq!(question_risk(&practices), (QuestionRisk::High, vec!["SEC01-BP01".to_owned()]));
}

#[test]
fn a_failed_medium_risk_practice_makes_its_question_medium_when_high_ones_are_established() {
    let mut practices = run(&inventory(), &[&MEDIUM_CHECK], vec![finding(&MEDIUM_CHECK, Status::Fail, "a")]).questions
        [1]
    .best_practices
    .clone();
    for p in practices.iter_mut().filter(|p| p.level_of_risk == LevelOfRisk::High) {
        p.status = PracticeStatus::Met;
    }
    let (risk, drivers) = question_risk(&practices);
    assert_eq!(risk, QuestionRisk::Medium);
    assert!(drivers.contains(&"SEC02-BP06".to_owned()));
}

#[test]
fn questions_without_any_evidence_are_not_assessed() {
    let r = run(&inventory(), &[&HIGH_CHECK], vec![finding(&HIGH_CHECK, Status::Pass, "a")]);
    assert_eq!(risk(&r, "SEC10"), QuestionRisk::NotAssessed);
    assert!(question(&r, "SEC10").risk_drivers.is_empty());
    assert_eq!(practice(&r, "SEC10-BP01").reason, "no automated check evidences this practice yet");
    assert_eq!(practice(&r, "SEC10-BP01").decided_by, Basis::Nothing);
    assert_eq!(practice(&r, "SEC11-BP01").reason, "no configuration can show this practice; a person must assess it");
    assert_eq!(r.summary.best_practices.not_assessed, 62);
}

#[test]
fn a_gap_counts_only_for_the_checks_that_read_that_operation() {
    let mut inv = inventory();
    inv.gaps.push(gap(Service::Iam, "GetAccountPasswordPolicy"));
    inv.gaps.push(gap(Service::S3, "GetBucketTagging"));
    let r = run(&inv, &[&HIGH_CHECK], vec![finding(&HIGH_CHECK, Status::Pass, "a")]);
    assert_eq!(practice(&r, "SEC02-BP01").status, PracticeStatus::EvidenceSupports);
    assert!(practice(&r, "SEC02-BP01").evidence.incomplete_reads.is_empty());

    inv.gaps.push(gap(Service::Iam, "GetAccountAuthorizationDetails"));
    let r = run(&inv, &[&HIGH_CHECK], vec![finding(&HIGH_CHECK, Status::Pass, "a")]);
    let p = practice(&r, "SEC02-BP01");
    assert_eq!(p.status, PracticeStatus::NotAssessed);
    assert_eq!(p.evidence.incomplete_reads, ["iam:GetAccountAuthorizationDetails (global)"]);
    assert!(p.reason.contains("1 failed read"), "{}", p.reason);
    assert_eq!(risk(&r, "SEC02"), QuestionRisk::NotAssessed);
    // A failure is never hidden by a gap.
    let r = run(&inv, &[&HIGH_CHECK], vec![finding(&HIGH_CHECK, Status::Fail, "a")]);
    assert_eq!(practice(&r, "SEC02-BP01").status, PracticeStatus::NotMet);
}

#[test]
fn skips_are_not_passes_and_empty_checks_assess_nothing() {
    let r = run(&inventory(), &[&HIGH_CHECK], vec![finding(&HIGH_CHECK, Status::Skip, "a")]);
    assert_eq!(practice(&r, "SEC02-BP01").status, PracticeStatus::NotAssessed);
    assert_eq!(practice(&r, "SEC02-BP01").evidence.status, EvidenceStatus::Incomplete);
    let r = run(&inventory(), &[&HIGH_CHECK], vec![]);
    assert_eq!(practice(&r, "SEC02-BP01").status, PracticeStatus::NotAssessed);
    assert_eq!(practice(&r, "SEC02-BP01").reason, "its checks found no resources to evaluate");
}

#[test]
fn a_narrowed_run_says_so_and_names_what_it_left_out() {
    let inputs = Inputs {
        catalogue: &[&HIGH_CHECK, &MEDIUM_CHECK],
        ran: &[&HIGH_CHECK],
        findings: vec![finding(&HIGH_CHECK, Status::Pass, "a")],
        source: Source::Snapshot,
        narrowed_by: vec!["checks: only high_check".into()],
    };
    let r = review(Lens::builtin(), &inventory(), inputs);
    assert_eq!(r.scope.coverage, Coverage::Partial);
    assert_eq!(r.scope.left_out, ["checks: only high_check"]);
    let p = practice(&r, "SEC02-BP06");
    assert_eq!(p.status, PracticeStatus::NotAssessed);
    assert_eq!(p.reason, "its checks did not run (medium_check)");
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
    let bp = &json["questions"][1]["best_practices"][0];
    assert_eq!(bp["status"], "not_met");
    assert_eq!(bp["decided_by"], "evidence");
    assert_eq!(bp["evidence"]["status"], "contradicts");
    assert_eq!(bp["evidence"]["scope"], "partial");
    assert_eq!(json["questions"][1]["risk"], "high");
    assert_eq!(json["scope"]["coverage"], "complete");
    assert_eq!(json["findings"][0]["status"], "FAIL");
    assert_eq!(json["summary"]["failed_by_severity"]["high"], 1);
}

#[test]
fn a_region_wide_denial_leaves_every_practice_of_that_evidence_unassessed() {
    let mut inv = inventory();
    inv.gaps.push(Gap {
        service: Service::Every,
        region: "eu-west-1".into(),
        operation: "*".into(),
        kind: GapKind::AccessDenied,
        reason: "all 40 calls in eu-west-1 were denied".into(),
        resource: None,
    });
    let r = run(&inv, &[&HIGH_CHECK], vec![finding(&HIGH_CHECK, Status::Pass, "a")]);
    assert_eq!(practice(&r, "SEC02-BP01").status, PracticeStatus::NotAssessed);
}
