use super::*;
use aws_sdk_securityhub::config::{BehaviorVersion, Credentials, Region};
use aws_sdk_securityhub::error::ErrorMetadata;
use aws_sdk_securityhub::operation::batch_import_findings::{BatchImportFindingsError, BatchImportFindingsOutput};
use aws_sdk_securityhub::types::{self, AwsSecurityFinding, ImportFindingsError};
use aws_sdk_securityhub::Client;
use aws_smithy_mocks::{create_mock_http_client, mock, MockResponseInterceptor, Rule, RuleMode};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use wasp_checks::Status;
use wasp_report::asff::{self, ComplianceStatus, RecordState, WorkflowStatus};
use wasp_report::Context;
use wasp_review::Review;

const ACCOUNT: &str = "111122223333";

/// A client for `region` whose calls meet only `rules`; retries as [`retry_config`], with
/// millisecond backoff.
fn mock_client(region: &str, rules: &[&Rule]) -> Client {
    let mut mocks = MockResponseInterceptor::new().rule_mode(RuleMode::MatchAny);
    for rule in rules {
        mocks = mocks.with_rule(rule);
    }
    let conf = aws_sdk_securityhub::Config::builder()
        .behavior_version(BehaviorVersion::latest())
        .region(Region::new(region.to_owned()))
        .credentials_provider(Credentials::new("a", "b", None, None, "test"))
        .http_client(create_mock_http_client())
        .retry_config(retry_config().with_initial_backoff(Duration::from_millis(1)))
        .interceptor(mocks)
        .build();
    Client::from_conf(conf)
}

type Sent = Arc<Mutex<Vec<Vec<AwsSecurityFinding>>>>;

/// BatchImportFindings that keeps every batch and refuses the findings `refuse` names.
fn importing(refuse: fn(&AwsSecurityFinding) -> bool) -> (Rule, Sent) {
    let sent: Sent = Arc::default();
    let kept = sent.clone();
    let rule = mock!(Client::batch_import_findings).then_compute_output(move |req| {
        let batch = req.findings().to_vec();
        kept.lock().unwrap().push(batch.clone());
        let refused: Vec<ImportFindingsError> = batch
            .iter()
            .filter(|f| refuse(f))
            .map(|f| {
                ImportFindingsError::builder()
                    .id(f.id().unwrap())
                    .error_code("InvalidInput")
                    .error_message("Finding does not adhere to Amazon Security Finding Format. data.Title should NOT be longer than 256 characters")
                    .build()
            })
            .collect();
        BatchImportFindingsOutput::builder()
            .success_count((batch.len() - refused.len()) as i32)
            .failed_count(refused.len() as i32)
            .set_failed_findings(Some(refused))
            .build()
    });
    (rule, sent)
}

fn ids(batches: &Sent) -> Vec<String> {
    batches.lock().unwrap().iter().flatten().map(|f| f.id().unwrap().to_owned()).collect()
}

fn error(code: &str, message: &str) -> BatchImportFindingsError {
    BatchImportFindingsError::generic(ErrorMetadata::builder().code(code).message(message).build())
}

fn demo_review() -> Review {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../cli/demo/demo-snapshot.json");
    let text = std::fs::read_to_string(&path).expect("the demo snapshot");
    let inventory = wasp_model::Inventory::from_snapshot_json(&text, &path).expect("a valid demo snapshot");
    let selection = wasp_checks::Selection::default();
    let ran: Vec<_> = selection.applicable(&inventory).map(|c| c.meta()).collect();
    let catalogue: Vec<_> = wasp_checks::CHECKS.iter().map(|c| c.meta()).collect();
    let inputs = wasp_review::Inputs {
        catalogue: &catalogue,
        ran: &ran,
        findings: wasp_checks::run(&inventory, &selection, &wasp_checks::Settings::default()),
        source: wasp_review::Source::Demo,
        narrowed_by: Vec::new(),
        answers: None,
        reviewed_at: "2026-12-01T12:00:00Z".parse().unwrap(),
        answer_max_age_days: wasp_review::DEFAULT_MAX_AGE_DAYS,
        thresholds: Vec::new(),
        suppressions: Vec::new(),
    };
    wasp_review::review(wasp_pillar::Lens::builtin(), &inventory, inputs)
}

/// `n` findings of us-east-1, each its own resource.
fn many(n: usize) -> Vec<AsffFinding> {
    let review = demo_review();
    let template = asff::findings(&Context::new(&review))
        .into_iter()
        .find(|f| f.region() == "us-east-1")
        .expect("a us-east-1 finding");
    (0..n)
        .map(|i| {
            let mut f = template.clone();
            f.resources[0].id = format!("arn:aws:s3:::bucket-{i:03}");
            f.id = asff::stable_id(ACCOUNT, "us-east-1", "s3_bucket_versioning", &f.resources[0].id);
            f
        })
        .collect()
}

#[tokio::test]
async fn two_hundred_fifty_findings_go_out_in_three_calls_of_at_most_a_hundred() {
    let findings = many(250);
    let (rule, sent) = importing(|_| false);
    let report = import(&mock_client("us-east-1", &[&rule]), &findings).await.unwrap();

    let sizes: Vec<usize> = sent.lock().unwrap().iter().map(Vec::len).collect();
    assert_eq!(sizes, [100, 100, 50]);
    assert_eq!(ids(&sent), findings.iter().map(|f| f.id.clone()).collect::<Vec<_>>(), "each once, in order");
    assert_eq!((report.sent, report.imported, report.failed, report.calls), (250, 250, 0, 3));
    assert_eq!(report.regions, ["us-east-1"]);
    assert_eq!(report.to_string(), "Security Hub: 250 findings sent to us-east-1 in 3 calls; 250 imported, 0 failed.");
}

#[tokio::test]
async fn refused_findings_are_reported_one_by_one_and_the_others_count_as_imported() {
    let findings = many(250);
    let refuse = |f: &AwsSecurityFinding| {
        let id = f.resources()[0].id().unwrap_or_default();
        id.ends_with("bucket-007") || id.ends_with("bucket-042")
    };
    let (rule, sent) = importing(refuse);
    let report = import(&mock_client("us-east-1", &[&rule]), &findings).await.unwrap();

    assert_eq!(sent.lock().unwrap().len(), 3, "the batch with failures did not stop the others");
    assert_eq!((report.sent, report.imported, report.failed), (250, 248, 2));
    let failed: Vec<&str> = report.failures.iter().map(|f| f.id.as_str()).collect();
    assert_eq!(failed, [findings[7].id.as_str(), findings[42].id.as_str()]);
    assert!(report.failures.iter().all(|f| f.code == "InvalidInput" && f.message.contains("data.Title")));
    let summary = report.to_string();
    assert!(summary.starts_with("Security Hub: 250 findings sent to us-east-1 in 3 calls; 248 imported, 2 failed ("));
    assert!(summary.contains(&format!("{}: InvalidInput: Finding does not adhere", findings[7].id)), "{summary}");
}

#[tokio::test]
async fn throttling_is_retried_and_then_the_batch_goes_through() {
    let findings = many(100);
    let rule = mock!(Client::batch_import_findings)
        .sequence()
        .error(|| error("TooManyRequestsException", "Rate exceeded"))
        .times(2)
        .output(|| BatchImportFindingsOutput::builder().success_count(100).failed_count(0).build())
        .build();
    let report = import(&mock_client("us-east-1", &[&rule]), &findings).await.unwrap();
    assert_eq!(rule.num_calls(), 3, "two throttled attempts, then the answer");
    assert_eq!((report.sent, report.imported, report.failed, report.calls), (100, 100, 0, 1));
}

#[tokio::test]
async fn throttling_past_the_retries_stops_with_one_sentence_and_what_was_done() {
    let findings = many(150);
    let rule = mock!(Client::batch_import_findings)
        .sequence()
        .output(|| BatchImportFindingsOutput::builder().success_count(100).failed_count(0).build())
        .error(|| {
            BatchImportFindingsError::LimitExceededException(
                types::error::LimitExceededException::builder()
                    .message("Rate exceeded")
                    .code("LimitExceededException")
                    .meta(ErrorMetadata::builder().code("LimitExceededException").message("Rate exceeded").build())
                    .build(),
            )
        })
        .repeatedly()
        .build();
    let err = import(&mock_client("us-east-1", &[&rule]), &findings).await.unwrap_err();
    assert_eq!(rule.num_calls(), 1 + MAX_ATTEMPTS as usize);
    assert_eq!(err.stops.len(), 1);
    assert_eq!(err.stops[0].kind, StopKind::Throttled);
    assert_eq!(err.stops[0].not_sent, 50);
    assert_eq!((err.report.sent, err.report.imported), (100, 100), "the first batch counts");
    assert_eq!(
        err.to_string(),
        "Security Hub in us-east-1 was still throttling BatchImportFindings after 5 attempts \
         (LimitExceededException: Rate exceeded): import again later, the same ids update the same \
         findings; 50 findings were not sent"
    );
}

#[tokio::test]
async fn access_denied_is_one_clear_sentence_and_not_retried() {
    let findings = many(3);
    let message =
        "User: arn:aws:iam::111122223333:user/ci is not authorized to perform: securityhub:BatchImportFindings";
    let rule = mock!(Client::batch_import_findings).then_error(move || error("AccessDeniedException", message));
    let err = import(&mock_client("us-east-1", &[&rule]), &findings).await.unwrap_err();
    assert_eq!(rule.num_calls(), 1);
    assert_eq!(err.stops[0].kind, StopKind::AccessDenied);
    let text = err.to_string();
    assert_eq!(
        text,
        format!(
            "Security Hub in us-east-1 denied BatchImportFindings (AccessDeniedException: {message}): the \
             credentials need securityhub:BatchImportFindings on \
             arn:aws:securityhub:us-east-1:111122223333:product/111122223333/default; 3 findings were not sent"
        )
    );
    assert!(!text.contains('\n') && !text.contains("Error {"), "no debug dump: {text}");
    assert_eq!(err.report, ImportReport::default());
}

#[tokio::test]
async fn security_hub_not_enabled_says_so() {
    let rule = mock!(Client::batch_import_findings)
        .then_error(|| error("InvalidAccessException", "Account 111122223333 is not subscribed to AWS Security Hub"));
    let err = import(&mock_client("us-east-1", &[&rule]), &many(1)).await.unwrap_err();
    assert_eq!(err.stops[0].kind, StopKind::NotEnabled);
    assert_eq!(
        err.to_string(),
        "Security Hub in us-east-1 refused the import (InvalidAccessException: Account 111122223333 is not \
         subscribed to AWS Security Hub): Security Hub must be enabled in us-east-1 for account 111122223333; \
         1 finding was not sent"
    );
}

#[tokio::test]
async fn a_refused_batch_fails_its_findings_and_the_next_batch_goes_on() {
    let findings = many(150);
    let rule = mock!(Client::batch_import_findings)
        .sequence()
        .error(|| error("InvalidInputException", "Invalid parameter Findings"))
        .output(|| BatchImportFindingsOutput::builder().success_count(50).failed_count(0).build())
        .build();
    let report = import(&mock_client("us-east-1", &[&rule]), &findings).await.unwrap();
    assert_eq!((report.sent, report.imported, report.failed, report.calls), (150, 50, 100, 2));
    assert_eq!(report.failures.len(), 100);
    assert_eq!(report.failures[0].id, findings[0].id);
    assert_eq!(
        (report.failures[0].code.as_str(), report.failures[0].message.as_str()),
        ("InvalidInputException", "Invalid parameter Findings")
    );
    assert!(report.to_string().ends_with("; and 97 more)."), "{report}");
}

#[tokio::test]
async fn findings_go_to_their_own_region_one_client_each() {
    let review = demo_review();
    let findings = asff::findings(&Context::new(&review));
    let mut made: Vec<(String, Rule, Sent)> = Vec::new();
    let report = import_regions(&findings, |region| {
        let (rule, sent) = importing(|_| false);
        let client = mock_client(&region, &[&rule]);
        made.push((region, rule, sent));
        async move { client }
    })
    .await
    .unwrap();

    let regions: Vec<&str> = made.iter().map(|(r, _, _)| r.as_str()).collect();
    assert_eq!(regions, ["eu-west-1", "us-east-1"], "one client per region, in order");
    for (region, _, sent) in &made {
        let batches = sent.lock().unwrap();
        let arns: Vec<&str> = batches.iter().flatten().map(|f| f.product_arn().unwrap()).collect();
        let expected = format!("arn:aws:securityhub:{region}:{ACCOUNT}:product/{ACCOUNT}/default");
        assert!(!arns.is_empty() && arns.iter().all(|a| *a == expected), "{region}: {arns:?}");
    }
    let home = ids(&made[1].2);
    let global: Vec<&AsffFinding> = findings.iter().filter(|f| f.product_fields["wasp/Region"] == "global").collect();
    assert!(!global.is_empty());
    assert!(global.iter().all(|f| home.contains(&f.id)), "global findings went to the home region");
    assert_eq!(home.len(), findings.iter().filter(|f| f.region() == "us-east-1").count());
    assert_eq!(report.sent, findings.len());
    assert_eq!(report.regions, ["eu-west-1", "us-east-1"]);
}

#[tokio::test]
async fn a_region_that_stops_does_not_keep_the_others_from_importing() {
    let review = demo_review();
    let findings = asff::findings(&Context::new(&review));
    let (ok, sent) = importing(|_| false);
    let denied = mock!(Client::batch_import_findings)
        .then_error(|| error("InvalidAccessException", "Account 111122223333 is not subscribed to AWS Security Hub"));
    let err = import_regions(&findings, |region| {
        let client =
            if region == "eu-west-1" { mock_client(&region, &[&denied]) } else { mock_client(&region, &[&ok]) };
        async move { client }
    })
    .await
    .unwrap_err();
    assert_eq!(err.stops.len(), 1);
    assert_eq!(err.stops[0].region, "eu-west-1");
    let us = findings.iter().filter(|f| f.region() == "us-east-1").count();
    assert_eq!(ids(&sent).len(), us);
    assert_eq!((err.report.sent, err.report.imported), (us, us));
    assert_eq!(err.report.regions, ["us-east-1"]);
}

#[tokio::test]
async fn findings_for_another_region_are_refused_before_any_call() {
    let (rule, sent) = importing(|_| false);
    let err = import(&mock_client("eu-west-1", &[&rule]), &many(2)).await.unwrap_err();
    assert!(sent.lock().unwrap().is_empty());
    assert_eq!(err.stops[0].kind, StopKind::WrongRegion);
    assert_eq!(
        err.to_string(),
        "findings for us-east-1 were given to a Security Hub client for eu-west-1: Security Hub takes a finding \
         only in the region of its ProductArn; 2 findings were not sent"
    );
}

#[tokio::test]
async fn nothing_to_import_makes_no_call() {
    let (rule, sent) = importing(|_| false);
    let report = import(&mock_client("us-east-1", &[&rule]), &[]).await.unwrap();
    assert!(sent.lock().unwrap().is_empty());
    assert_eq!(report.to_string(), "Security Hub: no findings were sent.");
}

#[tokio::test]
async fn a_re_import_sends_the_same_ids() {
    let review = demo_review();
    let mut later = review.clone();
    later.scope.collected_at = "2026-12-08T12:00:00Z".parse().unwrap();
    for f in &mut later.findings {
        f.message.push_str(" (seen again)");
    }
    let mut runs = Vec::new();
    for r in [&review, &later] {
        let findings = asff::findings(&Context::new(r));
        let (rule, sent) = importing(|_| false);
        import_regions(&findings, |region| {
            let client = mock_client(&region, &[&rule]);
            async move { client }
        })
        .await
        .unwrap();
        let mut sent_ids = ids(&sent);
        sent_ids.sort();
        runs.push(sent_ids);
    }
    assert_eq!(runs[0].len(), review.findings.len());
    assert_eq!(runs[0], runs[1]);
}

#[tokio::test]
async fn a_resolved_finding_goes_out_resolved_and_a_gone_one_archived() {
    let before = demo_review();
    let mut after = before.clone();
    after.scope.collected_at = "2026-12-08T12:00:00Z".parse().unwrap();
    let fixed = after.findings.iter().position(|f| f.status == Status::Fail).unwrap();
    after.findings[fixed].status = Status::Pass;
    let gone_arn = after
        .findings
        .iter()
        .find(|f| {
            f.status == Status::Fail
                && f.resource_arn != after.findings[fixed].resource_arn
                && f.resource_arn.as_deref().is_some_and(|a| a.starts_with("arn:aws:s3:::"))
        })
        .and_then(|f| f.resource_arn.clone())
        .expect("a failing bucket");
    after.findings.retain(|f| f.resource_arn.as_ref() != Some(&gone_arn));
    let changes = wasp_review::diff::diff(&before, "before", &after, "after");
    let cx = Context { review: &after, changes: Some(&changes), style: Default::default() };

    let findings = asff::findings(&cx);
    let (rule, sent) = importing(|_| false);
    import_regions(&findings, |region| {
        let client = mock_client(&region, &[&rule]);
        async move { client }
    })
    .await
    .unwrap();
    let batches = sent.lock().unwrap();
    let sent: Vec<&AwsSecurityFinding> = batches.iter().flatten().collect();

    let fixed_id = &asff::findings(&Context::new(&before))[fixed].id;
    let f = sent.iter().find(|f| f.id() == Some(fixed_id.as_str())).expect("the fixed finding is sent");
    assert_eq!(f.workflow().and_then(|w| w.status()), Some(&types::WorkflowStatus::Resolved));
    assert_eq!(f.compliance().and_then(|c| c.status()), Some(&types::ComplianceStatus::Passed));
    assert_eq!(f.record_state(), Some(&types::RecordState::Active));
    assert_eq!(f.severity().and_then(|s| s.label()), Some(&types::SeverityLabel::Informational));

    let gone: Vec<_> = sent.iter().filter(|f| f.resources()[0].id() == Some(gone_arn.as_str())).collect();
    assert!(!gone.is_empty());
    for g in gone {
        assert_eq!(g.workflow().and_then(|w| w.status()), Some(&types::WorkflowStatus::Resolved));
        assert_eq!(g.compliance().and_then(|c| c.status()), Some(&types::ComplianceStatus::Passed));
        assert_eq!(g.record_state(), Some(&types::RecordState::Archived));
        assert_eq!(g.updated_at(), Some("2026-12-08T12:00:00Z"));
    }
}

#[test]
fn every_field_is_mapped_by_type() {
    let mut review = demo_review();
    let i = review.findings.iter().position(|f| f.status == Status::Fail).unwrap();
    review.findings[i].status = Status::Muted;
    let f = &asff::findings(&Context::new(&review))[i];
    assert_eq!(
        (f.compliance.status, f.workflow.status, f.record_state),
        (ComplianceStatus::Warning, WorkflowStatus::Suppressed, RecordState::Active)
    );
    let s = to_sdk(f);
    assert_eq!(s.schema_version(), Some("2018-10-08"));
    assert_eq!(s.id(), Some(f.id.as_str()));
    assert_eq!(s.product_arn(), Some(f.product_arn.as_str()));
    assert_eq!(s.generator_id(), Some(f.generator_id.as_str()));
    assert_eq!(s.aws_account_id(), Some(ACCOUNT));
    assert_eq!(s.types(), f.types.as_slice());
    assert_eq!((s.created_at(), s.updated_at()), (Some(f.created_at.as_str()), Some(f.updated_at.as_str())));
    let severity = s.severity().unwrap();
    assert_eq!(severity.label().map(|l| l.as_str()), serde_json::to_value(f.severity.label).unwrap().as_str());
    assert_eq!(severity.original(), Some(f.severity.original.as_str()));
    assert_eq!((s.title(), s.description()), (Some(f.title.as_str()), Some(f.description.as_str())));
    let rec = s.remediation().and_then(|r| r.recommendation()).unwrap();
    let ours = &f.remediation.as_ref().unwrap().recommendation;
    assert_eq!((rec.text(), rec.url()), (Some(ours.text.as_str()), ours.url.as_deref()));
    let fields = s.product_fields().unwrap();
    assert_eq!(fields.len(), f.product_fields.len());
    assert!(f.product_fields.iter().all(|(k, v)| fields.get(k) == Some(v)));
    let r = &s.resources()[0];
    assert_eq!(r.r#type(), Some(f.resources[0].kind.as_str()));
    assert_eq!(r.id(), Some(f.resources[0].id.as_str()));
    assert_eq!(r.partition(), Some(&types::Partition::Aws));
    assert_eq!(r.region(), Some(f.resources[0].region.as_str()));
    let c = s.compliance().unwrap();
    assert_eq!(c.status(), Some(&types::ComplianceStatus::Warning));
    assert_eq!(c.related_requirements(), f.compliance.related_requirements.as_slice());
    assert_eq!(s.workflow().and_then(|w| w.status()), Some(&types::WorkflowStatus::Suppressed));
    assert_eq!(s.record_state(), Some(&types::RecordState::Active));
    let provider = s.finding_provider_fields().unwrap();
    assert_eq!(provider.severity().and_then(|x| x.label()), severity.label());
    assert_eq!(provider.types(), f.types.as_slice());
}

#[tokio::test]
async fn the_client_is_for_its_region_with_standard_retry() {
    let client = client(None, "eu-west-1", Some("http://127.0.0.1:9")).await;
    let conf = client.config();
    assert_eq!(conf.region().map(|r| r.as_ref()), Some("eu-west-1"));
    let retry = conf.retry_config().unwrap();
    assert_eq!(retry.max_attempts(), MAX_ATTEMPTS);
    assert_eq!(retry.mode(), aws_config::retry::RetryMode::Standard);
}
