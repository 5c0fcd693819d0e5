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
        kind: CheckKind::Check,
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
        suppression: None,
        signal: false,
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

fn inputs<'a>(catalogue: &'a [&'static Meta], ran: &'a [&'static Meta], findings: Vec<Finding>) -> Inputs<'a> {
    Inputs {
        catalogue,
        ran,
        findings,
        source: Source::Snapshot,
        narrowed_by: Vec::new(),
        answers: None,
        reviewed_at: "2026-01-02T00:00:00Z".parse().unwrap(),
        answer_max_age_days: DEFAULT_MAX_AGE_DAYS,
        thresholds: Vec::new(),
        suppressions: Vec::new(),
    }
}

fn run_with(inv: &Inventory, catalogue: &[&'static Meta], ran: &[&'static Meta], findings: Vec<Finding>) -> Review {
    review(Lens::builtin(), inv, inputs(catalogue, ran, findings))
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
    let (catalogue, ran): (&[&'static Meta], &[&'static Meta]) = (&[&HIGH_CHECK, &MEDIUM_CHECK], &[&HIGH_CHECK]);
    let inputs = Inputs {
        narrowed_by: vec!["checks: only high_check".into()],
        ..inputs(catalogue, ran, vec![finding(&HIGH_CHECK, Status::Pass, "a")])
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
fn within_a_level_of_risk_the_worst_severity_comes_before_more_resources() {
    let r = run(
        &inventory(),
        &[&HIGH_CHECK, &ROOT_A],
        vec![
            finding(&HIGH_CHECK, Status::Fail, "a"),
            finding(&HIGH_CHECK, Status::Fail, "b"),
            finding(&HIGH_CHECK, Status::Fail, "c"),
            finding(&ROOT_A, Status::Fail, "root"),
        ],
    );
    let order: Vec<(&str, usize)> =
        r.improvement_plan.iter().map(|p| (p.best_practice.as_str(), p.failing_resources)).collect();
    assert_eq!(order, [("SEC01-BP02", 1), ("SEC02-BP01", 3)]);
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

fn answers(entries: &[(&str, AnswerStatus, &str)]) -> AnswersFile {
    let mut file = AnswersFile::new(None);
    for (id, status, answered) in entries {
        let reason = (*status == AnswerStatus::NotApplicable).then(|| "no such workload here".to_owned());
        let answer = Answer {
            status: *status,
            reason,
            notes: None,
            evidence: Vec::new(),
            owner: Some("secops".into()),
            answered: answered.parse().unwrap(),
        };
        file.answers.insert((*id).to_owned(), answer);
    }
    file
}

fn run_answered(ran: &[&'static Meta], findings: Vec<Finding>, file: &AnswersFile) -> Review {
    let inputs = Inputs { answers: Some(file), ..inputs(ran, ran, findings) };
    review(Lens::builtin(), &inventory(), inputs)
}

#[test]
fn an_answer_establishes_what_evidence_only_supports() {
    let file = answers(&[("SEC02-BP01", AnswerStatus::Implemented, "2025-12-01")]);
    let r = run_answered(&[&HIGH_CHECK], vec![finding(&HIGH_CHECK, Status::Pass, "a")], &file);
    let p = practice(&r, "SEC02-BP01");
    assert_eq!((p.status, p.decided_by), (PracticeStatus::Met, Basis::EvidenceAndAnswer));
    assert_eq!(p.answer.as_ref().unwrap().age_days, 32);
    assert!(!p.answer.as_ref().unwrap().stale);
    assert_eq!(r.summary.answered, 1);
}

#[test]
fn an_answer_settles_what_no_check_shows() {
    let file = answers(&[
        ("SEC01-BP07", AnswerStatus::Implemented, "2025-12-01"),
        ("SEC11-BP01", AnswerStatus::PartiallyImplemented, "2025-12-01"),
        ("SEC11-BP03", AnswerStatus::NotApplicable, "2025-12-01"),
    ]);
    let r = run_answered(&[], vec![], &file);
    assert_eq!(
        (practice(&r, "SEC01-BP07").status, practice(&r, "SEC01-BP07").decided_by),
        (PracticeStatus::Met, Basis::Answer)
    );
    assert_eq!(practice(&r, "SEC11-BP01").status, PracticeStatus::NotMet);
    let na = practice(&r, "SEC11-BP03");
    assert_eq!(na.status, PracticeStatus::NotApplicable);
    assert!(na.reason.contains("no such workload here"), "{}", na.reason);
    // Answered questions are no longer unassessed; the rest of SEC11 still drives its risk.
    assert_eq!(risk(&r, "SEC11"), QuestionRisk::High);
    assert!(!question(&r, "SEC11").risk_drivers.contains(&"SEC11-BP03".to_owned()));
    // A not-met answer is in the plan, with nothing to remediate automatically.
    assert!(r.improvement_plan.iter().any(|i| i.best_practice == "SEC11-BP01" && i.checks.is_empty()));
}

#[test]
fn a_failing_check_is_never_overruled_by_an_answer() {
    let file = answers(&[("SEC02-BP01", AnswerStatus::Implemented, "2025-12-01")]);
    let r = run_answered(&[&HIGH_CHECK], vec![finding(&HIGH_CHECK, Status::Fail, "a")], &file);
    let p = practice(&r, "SEC02-BP01");
    assert_eq!((p.status, p.decided_by), (PracticeStatus::Conflict, Basis::EvidenceAndAnswer));
    assert!(p.reason.starts_with("conflict: answered implemented, but the evidence says not met"), "{}", p.reason);
    assert_eq!(p.evidence.findings.fail, 1);
    assert_eq!(risk(&r, "SEC02"), QuestionRisk::High);
    assert_eq!(r.summary.best_practices.conflict, 1);
    assert!(r.improvement_plan.iter().any(|i| i.best_practice == "SEC02-BP01"));
    // Answering "not implemented" agrees with the failure.
    let file = answers(&[("SEC02-BP01", AnswerStatus::NotImplemented, "2025-12-01")]);
    let r = run_answered(&[&HIGH_CHECK], vec![finding(&HIGH_CHECK, Status::Fail, "a")], &file);
    assert_eq!(practice(&r, "SEC02-BP01").status, PracticeStatus::NotMet);
}

#[test]
fn an_old_answer_is_stale() {
    let file = answers(&[("SEC01-BP07", AnswerStatus::Implemented, "2024-12-01")]);
    let r = run_answered(&[], vec![], &file);
    let p = practice(&r, "SEC01-BP07");
    let answer = p.answer.as_ref().unwrap();
    assert!(answer.stale && answer.age_days == 397, "{answer:?}");
    assert!(p.reason.ends_with("the answer is 397 days old (stale)"), "{}", p.reason);
    assert_eq!(r.summary.stale_answers, 1);
}

#[test]
fn a_question_with_every_practice_answered_implemented_has_no_risk() {
    let lens = Lens::builtin();
    let ids: Vec<String> = lens.question("SEC07").unwrap().best_practices.iter().map(|bp| bp.id.clone()).collect();
    let entries: Vec<(&str, AnswerStatus, &str)> =
        ids.iter().map(|id| (id.as_str(), AnswerStatus::Implemented, "2025-12-20")).collect();
    let r = run_answered(&[], vec![], &answers(&entries));
    assert_eq!(risk(&r, "SEC07"), QuestionRisk::None);
}

#[test]
fn muted_failures_do_not_count_towards_risk_or_fail_on() {
    let mut muted = finding(&HIGH_CHECK, Status::Fail, "a");
    muted.status = Status::Muted;
    let r = run(&inventory(), &[&HIGH_CHECK], vec![muted, finding(&HIGH_CHECK, Status::Pass, "b")]);
    let p = practice(&r, "SEC02-BP01");
    assert_eq!(p.status, PracticeStatus::EvidenceSupports);
    assert!(p.reason.contains("1 failed finding(s) are muted by suppressions: accepted, not fixed"), "{}", p.reason);
    assert_eq!(r.summary.findings.muted, 1);
    assert!(!fails_at(&r, Severity::Informational));
}

#[test]
fn a_muted_failure_never_makes_a_practice_met() {
    let all = [&ROOT_A, &ROOT_B];
    let mut muted = finding(&ROOT_B, Status::Fail, "root");
    muted.status = Status::Muted;
    let r = run(&inventory(), &all, vec![finding(&ROOT_A, Status::Pass, "root"), muted.clone()]);
    let p = practice(&r, "SEC01-BP02");
    assert_eq!(p.status, PracticeStatus::EvidenceSupports, "accepted is not fixed: {}", p.reason);
    assert_eq!(risk(&r, "SEC01"), QuestionRisk::High);
    // Only muted findings: still not met, and not "nothing to evaluate".
    let r = run(&inventory(), &all, vec![muted]);
    let p = practice(&r, "SEC01-BP02");
    assert_eq!(p.status, PracticeStatus::EvidenceSupports);
    assert!(
        p.reason.starts_with("0 passed finding(s), none failed, but 1 failed finding(s) are muted"),
        "{}",
        p.reason
    );
}

#[test]
fn a_diff_says_resolved_only_when_the_later_review_shows_it() {
    let check = wasp_checks::find("ec2_instance_imdsv2_required").unwrap().meta();
    let at = |status: Status, arn: &str, region: &str| Finding { region: region.into(), ..finding(check, status, arn) };
    let a = run(
        &inventory(),
        &[check],
        vec![
            at(Status::Fail, "gone", "us-east-1"),
            at(Status::Fail, "accepted", "us-east-1"),
            at(Status::Fail, "far", "eu-west-1"),
        ],
    );
    let arns = |list: &[Finding]| -> Vec<String> { list.iter().map(|f| f.resource_arn.clone().unwrap()).collect() };
    let unknown = |d: &diff::Diff| -> Vec<(String, String)> {
        d.unknown.iter().map(|u| (u.finding.resource_arn.clone().unwrap(), u.why.clone())).collect()
    };
    // The check ran over complete data: a missing resource is gone; a muted one is muted; a
    // region the later review did not scan cannot tell.
    let b = run(&inventory(), &[check], vec![at(Status::Muted, "accepted", "us-east-1")]);
    let d = diff::diff(&a, "1", &b, "2");
    assert_eq!(arns(&d.resolved), ["gone"]);
    assert_eq!(arns(&d.muted), ["accepted"]);
    assert_eq!(unknown(&d), [("far".to_owned(), "eu-west-1 was not scanned".to_owned())]);
    // A failed read of what the check needs: not resolved.
    let mut inv = inventory();
    inv.gaps.push(Gap { region: "us-east-1".into(), ..gap(Service::Ec2, "DescribeInstances") });
    let b = run(&inv, &[check], vec![]);
    let d = diff::diff(&a, "1", &b, "2");
    assert!(d.resolved.is_empty(), "{:?}", d.resolved);
    assert!(unknown(&d).contains(&("gone".into(), "the read ec2:DescribeInstances (us-east-1) failed".into())));
    // The check did not run at all.
    let d = diff::diff(&a, "1", &run(&inventory(), &[], vec![]), "3");
    assert!(d.resolved.is_empty());
    assert!(unknown(&d).contains(&("gone".into(), "ec2_instance_imdsv2_required did not run".into())));
}

#[test]
fn a_diff_names_new_resolved_and_still_failing_findings_and_what_changed() {
    let a = run(
        &inventory(),
        &[&HIGH_CHECK, &MEDIUM_CHECK],
        vec![
            finding(&HIGH_CHECK, Status::Fail, "fixed"),
            finding(&HIGH_CHECK, Status::Fail, "kept"),
            finding(&MEDIUM_CHECK, Status::Pass, "m"),
        ],
    );
    let mut inv = inventory();
    inv.gaps.push(gap(Service::Iam, "GetAccountPasswordPolicy"));
    let b = run(
        &inv,
        &[&HIGH_CHECK, &MEDIUM_CHECK],
        vec![
            finding(&HIGH_CHECK, Status::Pass, "fixed"),
            finding(&HIGH_CHECK, Status::Fail, "kept"),
            finding(&MEDIUM_CHECK, Status::Fail, "m"),
        ],
    );
    let d = diff::diff(&a, "1", &b, "2");
    let arns = |list: &[Finding]| -> Vec<String> { list.iter().map(|f| f.resource_arn.clone().unwrap()).collect() };
    assert_eq!(arns(&d.resolved), ["fixed"]);
    assert_eq!(arns(&d.still_failing), ["kept"]);
    assert_eq!(arns(&d.new), ["m"]);
    assert!(
        d.practice_changes.iter().any(|c| c.id == "SEC02-BP06" && c.to == PracticeStatus::NotMet),
        "{:?}",
        d.practice_changes
    );
    assert_eq!(d.gaps_opened.len(), 1);
    assert!(d.gaps_closed.is_empty());
    assert!(!d.is_empty());
    assert!(diff::diff(&b, "2", &b, "2").is_empty());
    let json = serde_json::to_value(&d).unwrap();
    for key in ["new", "resolved", "still_failing", "practice_changes", "risk_changes", "gaps_opened", "gaps_closed"] {
        assert!(json[key].is_array(), "{key}");
    }
}

static SIGNAL: Meta = Meta { kind: CheckKind::Signal, title: "Experiments run", ..ROOT_SIGNAL_BASE };
const ROOT_SIGNAL_BASE: Meta = meta("sim_signal", Severity::Informational, &["SEC01-BP02", "SEC10-BP07"], IAM_DETAILS);

fn signal_finding(status: Status, arn: &str) -> Finding {
    Finding { signal: true, ..finding(&SIGNAL, status, arn) }
}

#[test]
fn a_signal_is_shown_beside_its_practice_but_never_decides_it() {
    let findings = vec![
        finding(&ROOT_A, Status::Pass, "arn:root"),
        finding(&ROOT_B, Status::Pass, "arn:root"),
        signal_finding(Status::Fail, "arn:template-1"),
        signal_finding(Status::Pass, "arn:template-2"),
    ];
    let catalogue = [&ROOT_A, &ROOT_B, &SIGNAL];
    let r = run_with(&inventory(), &catalogue, &catalogue, findings);
    // The absent signal neither fails SEC01-BP02 nor keeps it from being met by its checks.
    let p = practice(&r, "SEC01-BP02");
    assert_eq!(p.status, PracticeStatus::Met, "{}", p.reason);
    assert_eq!(p.evidence.checks, ["root_a", "root_b"]);
    assert_eq!(p.evidence.signals.len(), 1);
    assert_eq!((p.evidence.signals[0].present, p.evidence.signals[0].absent), (1, 1));
    // A practice with only a signal is for a person to answer, with the signal named.
    let sim = practice(&r, "SEC10-BP07");
    assert_eq!(sim.status, PracticeStatus::NotAssessed);
    assert!(sim.reason.contains("Experiments run: present in 1, absent in 1"), "{}", sim.reason);
    assert!(r.improvement_plan.iter().all(|i| i.best_practice != "SEC10-BP07"));
    // Signals are counted apart and never reach the exit code.
    assert_eq!((r.summary.findings.pass, r.summary.findings.fail), (2, 0));
    assert_eq!((r.summary.signals.pass, r.summary.signals.fail), (1, 1));
    assert!(!r.summary.failed_by_severity.contains_key(&Severity::Informational));
    assert!(!fails_at(&r, Severity::Informational));
}

#[test]
fn signals_are_described_by_what_they_saw() {
    let e =
        |present, absent, unknown| SignalEvidence { check: "s".into(), title: "T".into(), present, absent, unknown };
    assert_eq!(e(2, 0, 0).describe(), "T: present");
    assert_eq!(e(0, 3, 0).describe(), "T: absent");
    assert_eq!(e(0, 0, 1).describe(), "T: unknown");
    assert_eq!(e(0, 0, 0).describe(), "T: nothing to look at");
    assert_eq!(e(1, 2, 3).describe(), "T: present in 1, absent in 2, unknown in 3");
}

static FIXABLE: Meta = meta("s3_bucket_versioning_enabled", Severity::Medium, &["SEC02-BP01"], IAM_DETAILS);

#[test]
fn the_plan_names_the_command_that_plans_a_fix_for_an_account_not_a_template() {
    let findings = vec![finding(&FIXABLE, Status::Fail, "arn:aws:s3:::b"), finding(&HIGH_CHECK, Status::Fail, "a")];
    let fixes = |source: Source| {
        let catalogue: &[&'static Meta] = &[&FIXABLE, &HIGH_CHECK];
        let r =
            review(Lens::builtin(), &inventory(), Inputs { source, ..inputs(catalogue, catalogue, findings.clone()) });
        let checks = &r.improvement_plan[0].checks;
        let of = |id: &str| checks.iter().find(|c| c.id == id).unwrap().fix.clone();
        (of("s3_bucket_versioning_enabled"), of("high_check"))
    };
    assert_eq!(fixes(Source::Live), (Some("wasp fix s3_bucket_versioning_enabled".into()), None));
    assert_eq!(fixes(Source::Demo).0.as_deref(), Some("wasp fix --demo s3_bucket_versioning_enabled"));
    assert_eq!(fixes(Source::Iac).0, None);
}
