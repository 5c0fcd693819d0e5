use super::*;
use crate::fixtures;
use aws_sdk_wellarchitected::config::{BehaviorVersion, Credentials, Region};
use aws_sdk_wellarchitected::error::ErrorMetadata;
use aws_sdk_wellarchitected::operation::create_milestone::{
    CreateMilestoneError, CreateMilestoneInput, CreateMilestoneOutput,
};
use aws_sdk_wellarchitected::operation::update_answer::{UpdateAnswerError, UpdateAnswerInput, UpdateAnswerOutput};
use aws_sdk_wellarchitected::types::error::{ConflictException, ValidationException};
use aws_smithy_mocks::{create_mock_http_client, mock, MockResponse, MockResponseInterceptor, Rule, RuleMode};
use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};
use wasp_pillar::Lens;

const WORKLOAD: &str = "0123456789abcdef0123456789abcdef";

fn client(rules: &[&Rule]) -> Client {
    let mut mocks = MockResponseInterceptor::new().rule_mode(RuleMode::MatchAny);
    for rule in rules {
        mocks = mocks.with_rule(rule);
    }
    let conf = aws_sdk_wellarchitected::Config::builder()
        .behavior_version(BehaviorVersion::latest())
        .region(Region::new("us-east-1"))
        .credentials_provider(Credentials::new("a", "b", None, None, "test"))
        .http_client(create_mock_http_client())
        .interceptor(mocks)
        .build();
    Client::from_conf(conf)
}

fn validation(message: &str) -> UpdateAnswerError {
    let meta = ErrorMetadata::builder().code("ValidationException").message(message).build();
    UpdateAnswerError::ValidationException(ValidationException::builder().message(message).meta(meta).build())
}

type Seen<T> = Arc<Mutex<Vec<T>>>;

/// UpdateAnswer answered OK, except for `failing` questions; every request is kept.
fn update_rule(failing: &'static [&'static str]) -> (Rule, Seen<UpdateAnswerInput>) {
    let seen: Seen<UpdateAnswerInput> = Arc::default();
    let kept = seen.clone();
    let rule = mock!(Client::update_answer).then_compute_response(move |req| {
        kept.lock().unwrap().push(req.clone());
        if failing.contains(&req.question_id().unwrap_or_default()) {
            MockResponse::Error(validation("Choice ID sec_x is not valid for this question."))
        } else {
            MockResponse::Output(
                UpdateAnswerOutput::builder().workload_id(WORKLOAD).lens_alias(req.lens_alias().unwrap()).build(),
            )
        }
    });
    (rule, seen)
}

fn milestone_rule(number: i32) -> (Rule, Seen<CreateMilestoneInput>) {
    let seen: Seen<CreateMilestoneInput> = Arc::default();
    let kept = seen.clone();
    let rule = mock!(Client::create_milestone).then_compute_output(move |req| {
        kept.lock().unwrap().push(req.clone());
        CreateMilestoneOutput::builder().workload_id(WORKLOAD).milestone_number(number).build()
    });
    (rule, seen)
}

fn sample_export() -> Export {
    crate::export(&fixtures::review(), Lens::builtin())
}

/// The choice updates of a request, back in the export's terms.
fn updates_of(req: &UpdateAnswerInput) -> BTreeMap<String, ChoiceUpdateSeen> {
    req.choice_updates()
        .unwrap()
        .iter()
        .map(|(id, u)| {
            let seen = ChoiceUpdateSeen {
                status: u.status().map_or("", |s| s.as_str()).to_owned(),
                reason: u.reason().map(|r| r.as_str().to_owned()),
                notes: u.notes().map(str::to_owned),
            };
            (id.clone(), seen)
        })
        .collect()
}

#[derive(Debug, PartialEq)]
struct ChoiceUpdateSeen {
    status: String,
    reason: Option<String>,
    notes: Option<String>,
}

fn expected_updates(answer: &QuestionAnswer) -> BTreeMap<String, ChoiceUpdateSeen> {
    let json = serde_json::to_value(&answer.choice_updates).unwrap();
    json.as_object()
        .unwrap()
        .iter()
        .map(|(id, u)| {
            let seen = ChoiceUpdateSeen {
                status: u["Status"].as_str().unwrap().to_owned(),
                reason: u.get("Reason").map(|r| r.as_str().unwrap().to_owned()),
                notes: u.get("Notes").map(|n| n.as_str().unwrap().to_owned()),
            };
            (id.clone(), seen)
        })
        .collect()
}

#[tokio::test]
async fn every_question_is_answered_then_a_milestone_is_recorded() {
    let export = sample_export();
    let (updates, answered) = update_rule(&[]);
    let (milestone, recorded) = milestone_rule(7);
    let report = push(&client(&[&updates, &milestone]), WORKLOAD, &export, "wasp 2026-01-02").await;

    let ids: Vec<&str> = export.answers.iter().map(|a| a.question_id.as_str()).collect();
    assert_eq!(report.updated, ids);
    assert!(report.failed.is_empty(), "{:?}", report.failed);
    assert_eq!(report.milestone, Some(7));
    assert_eq!(report.milestone_error, None);

    let answered = answered.lock().unwrap();
    assert_eq!(answered.len(), 11);
    for (req, answer) in answered.iter().zip(&export.answers) {
        assert_eq!(req.workload_id(), Some(WORKLOAD));
        assert_eq!(req.lens_alias(), Some("wellarchitected"));
        assert_eq!(req.question_id(), Some(answer.question_id.as_str()));
        assert_eq!(req.selected_choices(), answer.selected_choices.as_slice());
        assert_eq!(updates_of(req), expected_updates(answer), "{}", answer.question_id);
        assert_eq!(req.notes(), Some(answer.notes.as_str()));
        assert_eq!(req.is_applicable(), None);
    }
    assert_eq!(answered[0].selected_choices(), ["sec_securely_operate_aws_account"]);
    let na = &answered[10].choice_updates().unwrap();
    assert!(na
        .values()
        .any(|u| u.status().map(|s| s.as_str()) == Some("NOT_APPLICABLE")
            && u.reason().map(|r| r.as_str()) == Some("OTHER")));

    let recorded = recorded.lock().unwrap();
    assert_eq!(recorded.len(), 1);
    assert_eq!(recorded[0].workload_id(), Some(WORKLOAD));
    assert_eq!(recorded[0].milestone_name(), Some("wasp 2026-01-02"));
    assert!(recorded[0].client_request_token().is_some_and(|t| !t.is_empty()), "the SDK makes the token");
}

#[tokio::test]
async fn a_failing_question_is_reported_the_others_are_answered_and_no_milestone_is_made() {
    let export = sample_export();
    let (updates, answered) = update_rule(&["identities"]);
    let (milestone, _) = milestone_rule(7);
    let report = push(&client(&[&updates, &milestone]), WORKLOAD, &export, "wasp 2026-01-02").await;

    assert_eq!(
        report.failed,
        [("identities".to_owned(), "ValidationException: Choice ID sec_x is not valid for this question.".to_owned())]
    );
    assert_eq!(report.updated.len(), 10);
    assert!(!report.updated.contains(&"identities".to_owned()));
    assert_eq!(report.updated.last().map(String::as_str), Some("application-security"), "questions after it went on");
    assert_eq!(answered.lock().unwrap().len(), 11);
    assert_eq!(milestone.num_calls(), 0);
    assert_eq!(report.milestone, None);
    assert_eq!(
        report.milestone_error.as_deref(),
        Some("no milestone was created: 1 of 11 questions could not be answered")
    );
}

#[tokio::test]
async fn a_refused_milestone_is_reported_in_one_sentence() {
    let (updates, _) = update_rule(&[]);
    let refused = mock!(Client::create_milestone).then_error(|| {
        let message = "A milestone named wasp 2026-01-02 already exists.";
        let meta = ErrorMetadata::builder().code("ConflictException").message(message).build();
        let conflict = ConflictException::builder()
            .message(message)
            .resource_id(WORKLOAD)
            .resource_type("WORKLOAD")
            .meta(meta)
            .build();
        CreateMilestoneError::ConflictException(conflict)
    });
    let report = push(&client(&[&updates, &refused]), WORKLOAD, &sample_export(), "wasp 2026-01-02").await;
    assert_eq!(report.updated.len(), 11);
    assert_eq!(report.milestone, None);
    assert_eq!(
        report.milestone_error.as_deref(),
        Some(
            "the milestone could not be created: ConflictException: A milestone named wasp 2026-01-02 already exists."
        )
    );
}

#[tokio::test]
async fn an_empty_export_makes_no_call_and_no_milestone() {
    let (updates, answered) = update_rule(&[]);
    let (milestone, _) = milestone_rule(1);
    let export = Export { lens_alias: "wellarchitected".into(), answers: Vec::new() };
    let report = push(&client(&[&updates, &milestone]), WORKLOAD, &export, "wasp").await;
    assert!(answered.lock().unwrap().is_empty());
    assert_eq!(milestone.num_calls(), 0);
    assert_eq!(report.milestone_error.as_deref(), Some("no milestone was created: the export has no answers"));
}

#[tokio::test]
async fn a_request_that_cannot_be_built_fails_its_question_in_one_sentence() {
    let (updates, answered) = update_rule(&[]);
    let (milestone, _) = milestone_rule(1);
    let report = push(&client(&[&updates, &milestone]), "", &sample_export(), "wasp").await;
    assert_eq!(report.failed.len(), 11);
    assert!(answered.lock().unwrap().iter().all(|req| req.workload_id() == Some("")));
    let (question, reason) = &report.failed[0];
    assert_eq!(question, "securely-operate");
    assert!(reason.starts_with("the request could not be built: "), "{reason}");
    assert!(reason.contains("workload_id"), "{reason}");
    assert!(!reason.contains('\n') && !reason.contains("Error {"), "no debug dump: {reason}");
    assert_eq!(milestone.num_calls(), 0);
}

fn workload_rule(lenses: &'static [&'static str]) -> Rule {
    use aws_sdk_wellarchitected::operation::get_workload::GetWorkloadOutput;
    mock!(Client::get_workload).then_output(move || {
        let workload = types::Workload::builder()
            .workload_id(WORKLOAD)
            .workload_name("payments")
            .set_lenses(Some(lenses.iter().map(|l| l.to_string()).collect()))
            .build();
        GetWorkloadOutput::builder().workload(workload).build()
    })
}

#[tokio::test]
async fn a_workload_that_reviews_the_lens_is_ready() {
    let rule = workload_rule(&["wellarchitected", "serverless"]);
    let name = check_workload(&client(&[&rule]), WORKLOAD, "wellarchitected").await;
    assert_eq!(name.as_deref(), Ok("payments"));
}

#[tokio::test]
async fn a_workload_without_the_lens_is_refused_before_any_answer() {
    let rule = workload_rule(&["serverless"]);
    let err = check_workload(&client(&[&rule]), WORKLOAD, "wellarchitected").await.unwrap_err();
    assert_eq!(
        err,
        "workload 0123456789abcdef0123456789abcdef does not review lens wellarchitected (it has serverless); add the lens in the Tool first"
    );
}

#[tokio::test]
async fn a_missing_workload_is_one_sentence() {
    use aws_sdk_wellarchitected::operation::get_workload::GetWorkloadError;
    use aws_sdk_wellarchitected::types::error::ResourceNotFoundException;
    let rule = mock!(Client::get_workload).then_error(|| {
        let message = "No workload found with id 0123456789abcdef0123456789abcdef";
        let meta = ErrorMetadata::builder().code("ResourceNotFoundException").message(message).build();
        GetWorkloadError::ResourceNotFoundException(
            ResourceNotFoundException::builder().message(message).meta(meta).build(),
        )
    });
    let err = check_workload(&client(&[&rule]), WORKLOAD, "wellarchitected").await.unwrap_err();
    assert_eq!(err, "ResourceNotFoundException: No workload found with id 0123456789abcdef0123456789abcdef");
}

#[test]
fn workload_ids_are_32_lowercase_hex_characters() {
    assert!(valid_workload_id(WORKLOAD));
    for bad in ["", "0123", "0123456789ABCDEF0123456789abcdef", "0123456789abcdef0123456789abcdeg"] {
        assert!(!valid_workload_id(bad), "{bad}");
    }
}
