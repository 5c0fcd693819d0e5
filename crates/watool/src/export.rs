//! A review as the answers of the Well-Architected Tool: one `UpdateAnswer` per question.

use crate::text::{self, cut, one_line};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use wasp_checks::Status;
use wasp_pillar::Lens;
use wasp_review::{AnswerReview, Basis, PracticeReview, PracticeStatus, QuestionReview, QuestionRisk, Review};

/// The longest notes of a question `UpdateAnswer` accepts (`Notes`).
pub const QUESTION_NOTES_MAX: usize = 2084;

/// The longest notes of a choice `UpdateAnswer` accepts (`ChoiceUpdate.Notes`).
pub const CHOICE_NOTES_MAX: usize = 250;

/// Checks named in a choice's notes; the others are counted.
const CHECKS_NAMED: usize = 3;

/// The answers of a review for the Well-Architected Tool, in the shape of `UpdateAnswer`.
///
/// The file form uses the API's own field names, so each answer can be fed to the AWS CLI once
/// the workload and lens are added:
///
/// ```json
/// { "LensAlias": "wellarchitected",
///   "Answers": [ { "QuestionId": "securely-operate",
///                  "SelectedChoices": ["sec_securely_operate_aws_account"],
///                  "ChoiceUpdates": { "sec_securely_operate_aws_account": { "Status": "SELECTED", "Notes": "wasp: met: …" },
///                                     "sec_securely_operate_multi_accounts": { "Status": "UNSELECTED", "Notes": "wasp: …" } },
///                  "Notes": "wasp 0.1.0: SEC 1 risk high …" } ] }
/// ```
///
/// ```sh
/// jq -c --arg w "$WORKLOAD_ID" '.LensAlias as $l | .Answers[] | . + {WorkloadId: $w, LensAlias: $l}' export.json |
///   while read -r answer; do aws wellarchitected update-answer --cli-input-json "$answer"; done
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct Export {
    /// The lens the answers are for: `wellarchitected`, or a custom lens's ARN.
    pub lens_alias: String,
    pub answers: Vec<QuestionAnswer>,
}

/// One question's answer: the body of one `UpdateAnswer` call.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct QuestionAnswer {
    /// The Well-Architected Tool's question id (`securely-operate`).
    pub question_id: String,
    /// The choices whose practice is met: they replace whatever was selected before.
    pub selected_choices: Vec<String>,
    /// Every choice the review has a status for, by choice id.
    pub choice_updates: BTreeMap<String, ChoiceUpdate>,
    /// wasp's risk for the question and the evidence behind it, in a few lines.
    pub notes: String,
}

/// The status of one choice, with why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct ChoiceUpdate {
    pub status: ChoiceStatus,
    /// Why the choice does not apply; only with [`ChoiceStatus::NotApplicable`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<ChoiceReason>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}

/// `ChoiceUpdate.Status`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ChoiceStatus {
    Selected,
    NotApplicable,
    Unselected,
}

/// `ChoiceUpdate.Reason`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ChoiceReason {
    OutOfScope,
    BusinessPriorities,
    ArchitectureConstraints,
    Other,
    None,
}

impl Export {
    /// The same answers for wasp's lens imported as a custom lens ([`crate::custom_lens`]):
    /// `lens_arn` is the ARN the Well-Architected Tool gave it, and the ids are the custom lens's.
    pub fn for_custom_lens(&self, lens_arn: &str) -> Export {
        let answers = self
            .answers
            .iter()
            .map(|a| QuestionAnswer {
                question_id: crate::custom_lens::lens_id(&a.question_id),
                selected_choices: a.selected_choices.iter().map(|c| crate::custom_lens::lens_id(c)).collect(),
                choice_updates: a
                    .choice_updates
                    .iter()
                    .map(|(id, update)| (crate::custom_lens::lens_id(id), update.clone()))
                    .collect(),
                notes: a.notes.clone(),
            })
            .collect();
        Export { lens_alias: lens_arn.to_owned(), answers }
    }
}

/// The answers of `review` in the shape of `UpdateAnswer`, one per question of `lens`.
///
/// A met practice is selected; a practice answered not applicable is `NOT_APPLICABLE` with
/// reason `OTHER` and the person's reason as notes; every other practice is unselected with a
/// note of why. Questions and practices the review does not have (another lens version) are
/// left out. Notes are cut to the API's limits.
pub fn export(review: &Review, lens: &Lens) -> Export {
    let mut answers = Vec::new();
    for question in &lens.questions {
        let Some(reviewed) = review.questions.iter().find(|q| q.id == question.id) else {
            continue;
        };
        let mut selected_choices = Vec::new();
        let mut choice_updates = BTreeMap::new();
        for bp in &question.best_practices {
            let Some(practice) = reviewed.best_practices.iter().find(|p| p.id == bp.id) else {
                continue;
            };
            let update = choice_update(review, practice);
            if update.status == ChoiceStatus::Selected {
                selected_choices.push(bp.wa_tool_choice_id.clone());
            }
            choice_updates.insert(bp.wa_tool_choice_id.clone(), update);
        }
        answers.push(QuestionAnswer {
            question_id: question.wa_tool_question_id.clone(),
            selected_choices,
            choice_updates,
            notes: question_notes(review, reviewed, &question.display_id),
        });
    }
    Export { lens_alias: lens.lens.wa_tool_lens_alias.clone(), answers }
}

fn choice_update(review: &Review, practice: &PracticeReview) -> ChoiceUpdate {
    let (status, reason, notes) = match practice.status {
        PracticeStatus::Met => (ChoiceStatus::Selected, None, format!("wasp: met: {}", practice.reason)),
        PracticeStatus::NotApplicable => {
            let said =
                practice.answer.as_ref().and_then(|a| a.answer.reason.as_deref()).filter(|r| !r.trim().is_empty());
            let notes = said.map_or_else(|| format!("wasp: {}", practice.reason), str::to_owned);
            (ChoiceStatus::NotApplicable, Some(ChoiceReason::Other), notes)
        }
        PracticeStatus::NotMet if practice.evidence.findings.fail > 0 => {
            let mut notes = format!("wasp: {}", failed(review, practice));
            if let Some(answer) = &practice.answer {
                notes.push_str(&format!("; answered {}", said(answer)));
            }
            (ChoiceStatus::Unselected, None, notes)
        }
        PracticeStatus::NotMet => (ChoiceStatus::Unselected, None, format!("wasp: not met: {}", practice.reason)),
        PracticeStatus::EvidenceSupports => (
            ChoiceStatus::Unselected,
            None,
            format!("wasp: supported by evidence, to be confirmed by a person: {}", practice.reason),
        ),
        PracticeStatus::Conflict => {
            let said = practice.answer.as_ref().map_or_else(|| "implemented".to_owned(), said);
            let notes = format!("wasp: conflict: answered {said} but {}", failed(review, practice));
            (ChoiceStatus::Unselected, None, notes)
        }
        PracticeStatus::NotAssessed => {
            (ChoiceStatus::Unselected, None, format!("wasp: not assessed: {}", practice.reason))
        }
    };
    let answered = match (&practice.answer, practice.decided_by) {
        (Some(_), _) if status == ChoiceStatus::NotApplicable => String::new(),
        (Some(answer), Basis::Answer | Basis::EvidenceAndAnswer) => answer_of(answer),
        _ => String::new(),
    };
    ChoiceUpdate { status, reason, notes: Some(cut(&one_line(&format!("{notes}{answered}")), CHOICE_NOTES_MAX)) }
}

/// `answered partially implemented`'s status part.
fn said(answer: &AnswerReview) -> String {
    answer.answer.status.as_str().replace('_', " ")
}

/// ` (answer of 2026-10-20 by secops@example.com)`.
fn answer_of(answer: &AnswerReview) -> String {
    let by = answer.answer.owner.as_deref().map(|o| format!(" by {o}")).unwrap_or_default();
    let stale = if answer.stale { ", stale" } else { "" };
    format!(" (answer of {}{by}{stale})", answer.answer.answered)
}

/// `3 failed findings (iam_user_console_mfa_enabled, …)`: the practice's failed findings and
/// the checks they come from, most severe first.
fn failed(review: &Review, practice: &PracticeReview) -> String {
    let mut checks: Vec<&str> = Vec::new();
    for f in review.findings.iter().filter(|f| f.status == Status::Fail) {
        if practice.evidence.checks.contains(&f.check_id) && !checks.contains(&f.check_id.as_str()) {
            checks.push(&f.check_id);
        }
    }
    let findings = text::count(practice.evidence.findings.fail, "failed finding");
    if checks.is_empty() {
        findings
    } else {
        format!("{findings} ({})", text::list(&checks, CHECKS_NAMED))
    }
}

/// A few lines on the question: wasp's risk and what drives it, the practices' statuses, the
/// findings, and where the evidence came from.
fn question_notes(review: &Review, question: &QuestionReview, display_id: &str) -> String {
    let mut lines = vec![format!(
        "wasp {}: {display_id} risk {} (lens {} {}); the Well-Architected Tool computes its own from the choices.",
        review.tool.version,
        risk_word(question.risk),
        review.lens.id,
        review.lens.version
    )];
    if !question.risk_drivers.is_empty() {
        let drivers: Vec<String> = question
            .risk_drivers
            .iter()
            .map(|id| match question.best_practices.iter().find(|p| &p.id == id) {
                Some(p) => format!("{id} ({})", p.status.as_str().replace('_', " ")),
                None => id.clone(),
            })
            .collect();
        lines.push(format!("Driven by: {}.", drivers.join(", ")));
    }
    let statuses = [
        (PracticeStatus::Met, "met"),
        (PracticeStatus::NotMet, "not met"),
        (PracticeStatus::Conflict, "in conflict"),
        (PracticeStatus::EvidenceSupports, "supported by evidence"),
        (PracticeStatus::NotAssessed, "not assessed"),
        (PracticeStatus::NotApplicable, "not applicable"),
    ];
    let counts: Vec<String> = statuses
        .iter()
        .filter_map(|(status, word)| {
            let n = question.best_practices.iter().filter(|p| p.status == *status).count();
            (n > 0).then(|| format!("{n} {word}"))
        })
        .collect();
    lines.push(format!("Best practices: {}.", counts.join(", ")));
    let ids: Vec<&str> = question.best_practices.iter().map(|p| p.id.as_str()).collect();
    let mut findings = [0usize; 4];
    for f in review.findings.iter().filter(|f| f.best_practices.iter().any(|bp| ids.contains(&bp.as_str()))) {
        findings[match f.status {
            Status::Pass => 0,
            Status::Fail => 1,
            Status::Skip => 2,
            Status::Muted => 3,
        }] += 1;
    }
    let [pass, fail, skip, muted] = findings;
    lines.push(format!("Findings: {pass} passed, {fail} failed, {skip} skipped, {muted} muted."));
    let scope = &review.scope;
    let mut evidence = format!(
        "Evidence: account {} ({}), collected {}.",
        scope.account_id,
        source_word(scope.source),
        scope.collected_at.date_naive()
    );
    if !scope.left_out.is_empty() {
        evidence.push_str(&format!(" Partial review: {}.", scope.left_out.join("; ")));
    }
    lines.push(evidence);
    cut(&lines.iter().map(|l| one_line(l)).collect::<Vec<_>>().join("\n"), QUESTION_NOTES_MAX)
}

fn risk_word(risk: QuestionRisk) -> &'static str {
    match risk {
        QuestionRisk::NotAssessed => "not assessed",
        other => other.as_str(),
    }
}

fn source_word(source: wasp_review::Source) -> &'static str {
    match source {
        wasp_review::Source::Live => "live",
        wasp_review::Source::Snapshot => "snapshot",
        wasp_review::Source::Demo => "demo",
        wasp_review::Source::Iac => "infrastructure as code",
    }
}

#[cfg(test)]
mod tests;
