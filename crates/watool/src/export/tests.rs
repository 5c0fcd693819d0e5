use super::*;
use crate::fixtures;
use crate::text::aws_len;
use wasp_review::PracticeStatus;

const WA_TOOL_QUESTIONS: [&str; 11] = [
    "securely-operate",
    "identities",
    "permissions",
    "detect-investigate-events",
    "network-protection",
    "protect-compute",
    "data-classification",
    "protect-data-rest",
    "protect-data-transit",
    "incident-response",
    "application-security",
];

fn answer<'a>(export: &'a Export, question: &str) -> &'a QuestionAnswer {
    export.answers.iter().find(|a| a.question_id == question).unwrap()
}

/// The update of best practice `bp` (`SEC01-BP02`), through the lens's choice id.
fn update<'a>(export: &'a Export, bp: &str) -> &'a ChoiceUpdate {
    let (question, practice) = Lens::builtin().best_practice(bp).unwrap();
    &answer(export, &question.wa_tool_question_id).choice_updates[&practice.wa_tool_choice_id]
}

fn notes<'a>(export: &'a Export, bp: &str) -> &'a str {
    update(export, bp).notes.as_deref().unwrap()
}

fn status_of(review: &Review, bp: &str) -> PracticeStatus {
    review.questions.iter().flat_map(|q| &q.best_practices).find(|p| p.id == bp).unwrap().status
}

#[test]
fn every_question_is_answered_with_its_wa_tool_ids() {
    let lens = Lens::builtin();
    let export = export(&fixtures::review(), lens);
    assert_eq!(export.lens_alias, "wellarchitected");
    let ids: Vec<&str> = export.answers.iter().map(|a| a.question_id.as_str()).collect();
    assert_eq!(ids, WA_TOOL_QUESTIONS);
    let choices: usize = export.answers.iter().map(|a| a.choice_updates.len()).sum();
    assert_eq!(choices, 63);
    for (question, answer) in lens.questions.iter().zip(&export.answers) {
        let expected: Vec<&str> = question.best_practices.iter().map(|bp| bp.wa_tool_choice_id.as_str()).collect();
        let mut got: Vec<&str> = answer.choice_updates.keys().map(String::as_str).collect();
        let mut sorted = expected.clone();
        sorted.sort();
        got.sort();
        assert_eq!(got, sorted, "{}", question.id);
        // Selected choices are exactly the SELECTED updates, in lens order.
        let selected: Vec<&str> =
            expected.iter().copied().filter(|c| answer.choice_updates[*c].status == ChoiceStatus::Selected).collect();
        assert_eq!(answer.selected_choices, selected, "{}", question.id);
    }
}

#[test]
fn met_practices_are_selected() {
    let review = fixtures::review();
    assert_eq!(status_of(&review, "SEC01-BP02"), PracticeStatus::Met);
    assert_eq!(status_of(&review, "SEC10-BP07"), PracticeStatus::Met);
    let export = export(&review, Lens::builtin());
    assert_eq!(answer(&export, "securely-operate").selected_choices, ["sec_securely_operate_aws_account"]);
    let root = update(&export, "SEC01-BP02");
    assert_eq!((root.status, root.reason), (ChoiceStatus::Selected, None));
    assert!(notes(&export, "SEC01-BP02").starts_with("wasp: met: 1 passed finding(s), none failed"), "{root:?}");
    // Met through a person's answer: the notes say whose and when.
    assert_eq!(update(&export, "SEC10-BP07").status, ChoiceStatus::Selected);
    let answered = notes(&export, "SEC10-BP07");
    assert!(answered.contains("answered implemented"), "{answered}");
    assert!(answered.ends_with("(answer of 2025-12-20 by secops@example.com)"), "{answered}");
    // Without answers, the same practice is not assessed and nothing in SEC10 is selected.
    let bare = export_of_bare();
    assert!(answer(&bare, "incident-response").selected_choices.is_empty());
    assert!(notes(&bare, "SEC10-BP07").starts_with("wasp: not assessed: "));
}

fn export_of_bare() -> Export {
    export(&fixtures::review_with(None), Lens::builtin())
}

#[test]
fn not_applicable_practices_carry_the_persons_reason() {
    let export = export(&fixtures::review(), Lens::builtin());
    let na = update(&export, "SEC11-BP03");
    assert_eq!(na.status, ChoiceStatus::NotApplicable);
    assert_eq!(na.reason, Some(ChoiceReason::Other));
    assert_eq!(na.notes.as_deref(), Some("No software of our own is deployed in this account."));
    let choice = &Lens::builtin().best_practice("SEC11-BP03").unwrap().1.wa_tool_choice_id;
    assert!(!answer(&export, "application-security").selected_choices.contains(choice));
    // Only not-applicable choices have a reason.
    let with_reason = export.answers.iter().flat_map(|a| a.choice_updates.values()).filter(|u| u.reason.is_some());
    assert_eq!(with_reason.count(), 1);
}

#[test]
fn unselected_practices_say_why() {
    let review = fixtures::review();
    let export = export(&review, Lens::builtin());
    assert_eq!(status_of(&review, "SEC02-BP01"), PracticeStatus::NotMet);
    assert_eq!(update(&export, "SEC02-BP01").status, ChoiceStatus::Unselected);
    assert_eq!(
        notes(&export, "SEC02-BP01"),
        "wasp: 5 failed findings (iam_user_console_mfa_enabled, iam_access_keys_rotated, \
         iam_user_unused_credentials_disabled and 1 more)"
    );
    assert_eq!(status_of(&review, "SEC02-BP06"), PracticeStatus::EvidenceSupports);
    assert!(notes(&export, "SEC02-BP06")
        .starts_with("wasp: supported by evidence, to be confirmed by a person: 1 passed finding(s), none failed"));
    assert_eq!(status_of(&review, "SEC03-BP02"), PracticeStatus::Conflict);
    assert_eq!(
        notes(&export, "SEC03-BP02"),
        "wasp: conflict: answered implemented but 1 failed finding (iam_administrator_access_not_attached) \
         (answer of 2025-12-20)"
    );
    assert_eq!(status_of(&review, "SEC04-BP01"), PracticeStatus::NotMet);
    let answered_no = notes(&export, "SEC04-BP01");
    assert!(answered_no.starts_with("wasp: not met: answered not implemented"), "{answered_no}");
    assert_eq!(
        notes(&export, "SEC01-BP07"),
        "wasp: not assessed: no configuration can show this practice; a person must assess it"
    );
    for update in export.answers.iter().flat_map(|a| a.choice_updates.values()) {
        if update.status == ChoiceStatus::Unselected {
            assert!(update.notes.as_deref().is_some_and(|n| n.starts_with("wasp: ")), "{update:?}");
            assert_eq!(update.reason, None);
        }
    }
}

#[test]
fn notes_are_cut_to_the_api_limits() {
    let mut answers = fixtures::answers();
    let huge = format!("Out of scope — {}", "données éphémères 🔐 ".repeat(700));
    answers.answers.get_mut("SEC11-BP03").unwrap().reason = Some(huge.clone());
    let mut review = fixtures::review_with(Some(&answers));
    // A question whose every practice drives its risk with an absurdly long id.
    review.questions[0].risk_drivers = (0..200).map(|i| format!("SEC01-BP{i:04}-{}", "x".repeat(40))).collect();
    let export = export(&review, Lens::builtin());
    let na = notes(&export, "SEC11-BP03");
    assert!(aws_len(na) <= CHOICE_NOTES_MAX, "{}", aws_len(na));
    assert!(aws_len(na) >= CHOICE_NOTES_MAX - 2, "cut near the limit, not far below: {}", aws_len(na));
    assert!(na.ends_with('…'));
    assert!(huge.starts_with(na.trim_end_matches('…')), "a prefix of the reason");
    let long = &answer(&export, "securely-operate").notes;
    assert!(aws_len(long) <= QUESTION_NOTES_MAX);
    assert!(long.ends_with('…'));
    for answer in &export.answers {
        assert!(aws_len(&answer.notes) <= QUESTION_NOTES_MAX, "{}", answer.question_id);
        for update in answer.choice_updates.values() {
            assert!(aws_len(update.notes.as_deref().unwrap_or_default()) <= CHOICE_NOTES_MAX);
        }
    }
}

#[test]
fn question_notes_summarise_the_evidence() {
    let export = export(&fixtures::review(), Lens::builtin());
    let notes = &answer(&export, "identities").notes;
    let lines: Vec<&str> = notes.lines().collect();
    assert!(lines[0].starts_with("wasp "), "{notes}");
    assert!(lines[0].contains(": SEC 2 risk high (lens wellarchitected-security 2024-06-27)"), "{notes}");
    assert!(lines[1].starts_with("Driven by: SEC02-BP01 (not met), SEC02-BP02 (not assessed)"), "{notes}");
    assert_eq!(lines[2], "Best practices: 1 not met, 1 supported by evidence, 4 not assessed.");
    assert_eq!(lines[3], "Findings: 2 passed, 5 failed, 0 skipped, 0 muted.");
    assert_eq!(lines[4], "Evidence: account 123456789012 (snapshot), collected 2026-01-01.");
    assert_eq!(lines.len(), 5);
}

#[test]
fn the_file_form_uses_the_api_field_names_and_reads_back() {
    let export = export(&fixtures::review(), Lens::builtin());
    let json = serde_json::to_value(&export).unwrap();
    assert_eq!(json["LensAlias"], "wellarchitected");
    let first = &json["Answers"][0];
    assert_eq!(first["QuestionId"], "securely-operate");
    assert_eq!(first["SelectedChoices"], serde_json::json!(["sec_securely_operate_aws_account"]));
    let root = &first["ChoiceUpdates"]["sec_securely_operate_aws_account"];
    assert_eq!(root["Status"], "SELECTED");
    assert!(root.get("Reason").is_none(), "no reason unless not applicable");
    assert!(root["Notes"].as_str().unwrap().starts_with("wasp: met"));
    assert!(first["Notes"].as_str().unwrap().starts_with("wasp "));
    let app = json["Answers"].as_array().unwrap().iter().find(|a| a["QuestionId"] == "application-security").unwrap();
    let na = app["ChoiceUpdates"].as_object().unwrap().values().find(|u| u["Status"] == "NOT_APPLICABLE").unwrap();
    assert_eq!(na["Reason"], "OTHER");
    assert_eq!(first["ChoiceUpdates"]["sec_securely_operate_multi_accounts"]["Status"], "UNSELECTED");
    let mut keys: Vec<&String> = first.as_object().unwrap().keys().collect();
    keys.sort();
    assert_eq!(keys, ["ChoiceUpdates", "Notes", "QuestionId", "SelectedChoices"]);
    let back: Export = serde_json::from_str(&serde_json::to_string_pretty(&export).unwrap()).unwrap();
    assert_eq!(back, export);
}

#[test]
fn answers_can_be_addressed_to_the_custom_lens() {
    let export = export(&fixtures::review(), Lens::builtin());
    let arn = "arn:aws:wellarchitected:us-east-1:123456789012:lens/0123456789abcdef01234567890abcdef";
    let custom = export.for_custom_lens(arn);
    assert_eq!(custom.lens_alias, arn);
    assert_eq!(custom.answers[0].question_id, "securely_operate");
    assert_eq!(custom.answers[3].question_id, "detect_investigate_events");
    assert_eq!(custom.answers[0].choice_updates, export.answers[0].choice_updates, "choice ids are already valid");
    // Every id is one the custom lens document declares.
    let doc = crate::custom_lens(Lens::builtin());
    for (answer, question) in custom.answers.iter().zip(doc["pillars"][0]["questions"].as_array().unwrap()) {
        assert_eq!(question["id"], answer.question_id.as_str());
        for choice in answer.choice_updates.keys() {
            assert!(question["choices"].as_array().unwrap().iter().any(|c| c["id"] == choice.as_str()), "{choice}");
        }
    }
}

#[test]
fn a_review_of_another_lens_version_exports_what_matches() {
    let mut review = fixtures::review();
    review.questions.retain(|q| q.id != "SEC05");
    review.questions[0].best_practices.retain(|p| p.id != "SEC01-BP01");
    let export = export(&review, Lens::builtin());
    assert_eq!(export.answers.len(), 10);
    assert!(!export.answers.iter().any(|a| a.question_id == "network-protection"));
    assert_eq!(export.answers[0].choice_updates.len(), 7);
}
