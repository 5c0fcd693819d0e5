//! Reviews for the HTML tests: the demo with a suppression, an answer, and what changed since an
//! older review of the same account; optionally with hostile markup everywhere a person or an
//! account can put text.
#![allow(dead_code)]
use crate::common::{self, HOSTILE};
use std::collections::BTreeMap;
use wasp_checks::{Finding, Selection, Severity, Status};
use wasp_model::{Gap, GapKind, Service};
use wasp_pillar::Lens;
use wasp_review::diff::{self, Diff};
use wasp_review::suppress::{self, Rule};
use wasp_review::{
    Answer, AnswerStatus, AnswersFile, Inputs, PracticeStatus, QuestionRisk, Review, Source, DEFAULT_MAX_AGE_DAYS,
};

/// The demo review with one suppression muting a failure, and answers: one stale (met by the
/// answer), one in conflict with a failing check, one not applicable. With `hostile`, failed
/// findings, the rule's reason, the answers' notes and owner and the gaps carry [`HOSTILE`].
pub fn demo_with_extras(hostile: bool) -> Review {
    let text = |plain: &str| if hostile { format!("{plain} {HOSTILE}") } else { plain.to_owned() };
    let inventory = common::demo_inventory();
    let selection = Selection::default();
    let ran: Vec<_> = selection.applicable(&inventory).map(|c| c.meta()).collect();
    let catalogue: Vec<_> = wasp_checks::CHECKS.iter().map(|c| c.meta()).collect();
    let mut findings = wasp_checks::run(&inventory, &selection, &wasp_checks::Settings::default());
    if hostile {
        for f in findings.iter_mut().filter(|f| f.status == Status::Fail) {
            if let Some(arn) = &mut f.resource_arn {
                arn.push_str(HOSTILE);
            }
            f.message = format!("{HOSTILE} {}", f.message);
        }
    }
    let muted = findings.iter().find(|f| f.status == Status::Fail && f.severity == Severity::Critical);
    let muted = muted.expect("a critical failure in the demo").clone();
    let rule = Rule {
        label: "wasp.toml:1".into(),
        check_id: muted.check_id.clone(),
        resource: muted.resource_arn.clone(),
        account: None,
        region: None,
        tags: BTreeMap::new(),
        reason: text("accepted by the risk board until the migration"),
        expires: Some("2027-03-31".parse().expect("a date")),
    };
    let suppressions = suppress::apply(&mut findings, &[rule], "2026-12-01".parse().expect("a date"), &|_| None);
    let answer = |status, reason: Option<&str>, notes: &str, answered: &str| Answer {
        status,
        reason: reason.map(text),
        notes: Some(text(notes)),
        evidence: vec![
            "https://wiki.example.com/security/game-days".into(),
            if hostile { "javascript:alert(1)".into() } else { "runbooks/game-days.md".into() },
        ],
        owner: Some(text("secops@example.com")),
        answered: answered.parse().expect("a date"),
    };
    let mut answers = AnswersFile::new(Some("acme-prod".into()));
    answers.answers = BTreeMap::from([
        (
            "SEC10-BP07".to_owned(),
            answer(AnswerStatus::Implemented, None, "Quarterly game days, the last on 2025-10-14.", "2025-10-20"),
        ),
        ("SEC02-BP01".to_owned(), answer(AnswerStatus::Implemented, None, "Every console user has MFA.", "2026-11-02")),
        (
            "SEC11-BP03".to_owned(),
            answer(
                AnswerStatus::NotApplicable,
                Some("No software of our own is deployed in this account."),
                "Checked with the platform team.",
                "2026-11-02",
            ),
        ),
    ]);
    let inputs = Inputs {
        catalogue: &catalogue,
        ran: &ran,
        findings,
        source: Source::Demo,
        narrowed_by: Vec::new(),
        answers: Some(&answers),
        reviewed_at: "2026-12-01T12:00:00Z".parse().expect("a timestamp"),
        answer_max_age_days: DEFAULT_MAX_AGE_DAYS,
        thresholds: Vec::new(),
        suppressions,
    };
    let mut review = wasp_review::review(Lens::builtin(), &inventory, inputs);
    if hostile {
        for g in &mut review.gaps {
            g.reason.push_str(HOSTILE);
        }
    }
    review
}

/// An older review of the same account: some of today's failures had not happened yet, one
/// failure since fixed, one in a region today's review did not read, other statuses and a
/// gap since closed.
pub fn older(current: &Review) -> Review {
    let mut old = current.clone();
    old.scope.collected_at = "2026-11-01T09:30:00Z".parse().expect("a timestamp");
    // The two most severe failures are new since.
    let mut dropped = 0;
    old.findings.retain(|f| {
        let drop = f.status == Status::Fail && dropped < 2;
        dropped += usize::from(drop);
        !drop
    });
    // A muted finding failed before.
    for f in old.findings.iter_mut().filter(|f| f.status == Status::Muted) {
        f.status = Status::Fail;
        f.suppression = None;
    }
    // A passing finding failed before: resolved.
    if let Some(f) = old.findings.iter_mut().find(|f| f.status == Status::Pass) {
        f.status = Status::Fail;
        f.message = "was failing before".into();
    }
    // A failure in a region today's review did not read: unknown.
    let template = old.findings.iter().find(|f| f.region != wasp_model::GLOBAL_REGION).expect("a regional finding");
    old.findings.push(Finding {
        status: Status::Fail,
        region: "ap-south-1".into(),
        resource_arn: template.resource_arn.as_ref().map(|a| a.replace("us-east-1", "ap-south-1")),
        ..template.clone()
    });
    if let Some(q) = old.questions.iter_mut().find(|q| q.risk != QuestionRisk::Medium) {
        q.risk = QuestionRisk::Medium;
    }
    if let Some(p) =
        old.questions.iter_mut().flat_map(|q| &mut q.best_practices).find(|p| p.status == PracticeStatus::NotMet)
    {
        p.status = PracticeStatus::NotAssessed;
    }
    old.gaps.push(Gap {
        service: Service::S3,
        region: "us-east-1".into(),
        operation: "GetBucketPolicy".into(),
        kind: GapKind::Throttled,
        reason: "Throttling: rate exceeded".into(),
        resource: None,
    });
    old
}

/// The review and what changed since [`older`].
pub fn with_changes(hostile: bool) -> (Review, Diff) {
    let current = demo_with_extras(hostile);
    let old = older(&current);
    let label = if hostile { format!("r-1 {HOSTILE}") } else { "r-1".to_owned() };
    let changes = diff::diff(&old, &label, &current, "latest");
    (current, changes)
}
