//! `--format asff`: the findings as Security Hub takes them.
mod common;

use serde_json::Value;
use std::collections::HashSet;
use wasp_checks::{Status, Suppression};
use wasp_report::asff::{self, AsffFinding, ComplianceStatus, RecordState, SeverityLabel, WorkflowStatus};
use wasp_report::{Context, ReviewFormat};
use wasp_review::Review;

fn render(cx: &Context<'_>) -> String {
    let mut out = Vec::new();
    ReviewFormat::Asff.render(cx, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

fn units(s: &str) -> usize {
    s.encode_utf16().count()
}

#[test]
fn asff_is_a_listed_format_written_as_json() {
    assert_eq!(ReviewFormat::parse("asff"), Some(ReviewFormat::Asff));
    assert_eq!(ReviewFormat::Asff.extension(), "json");
}

#[test]
fn every_finding_is_one_asff_object_with_the_required_fields() {
    let review = common::demo_review();
    let text = render(&Context::new(&review));
    let json: Value = serde_json::from_str(&text).unwrap();
    let array = json.as_array().unwrap();
    assert_eq!(array.len(), review.findings.len());
    for (f, v) in review.findings.iter().zip(array) {
        assert_eq!(v["SchemaVersion"], "2018-10-08");
        assert_eq!(v["AwsAccountId"], "111122223333");
        assert_eq!(v["GeneratorId"], format!("wasp/{}", f.check_id));
        assert_eq!(v["Types"][0], "Software and Configuration Checks/AWS Security Best Practices");
        assert_eq!(v["CreatedAt"], v["UpdatedAt"]);
        assert_eq!(v["RecordState"], "ACTIVE");
        assert_eq!(v["ProductFields"]["wasp/CheckId"], f.check_id.as_str());
        assert_eq!(v["ProductFields"]["wasp/ReviewSource"], "demo");
        assert!(v["ProductFields"]["wasp/Lens"].as_str().unwrap().starts_with(&review.lens.id));
        let resource = &v["Resources"][0];
        assert_eq!(resource["Partition"], "aws");
        if let Some(arn) = &f.resource_arn {
            assert_eq!(resource["Id"], arn.as_str());
        }
        let reqs: Vec<&str> =
            v["Compliance"]["RelatedRequirements"].as_array().unwrap().iter().map(|r| r.as_str().unwrap()).collect();
        assert_eq!(reqs, f.best_practices);
        assert!(!v["Title"].as_str().unwrap().trim().is_empty());
        assert!(!v["Description"].as_str().unwrap().trim().is_empty());
    }
    // Typed fields read back.
    let typed: Vec<AsffFinding> = serde_json::from_str(&text).unwrap();
    assert_eq!(typed, asff::findings(&Context::new(&review)));
}

#[test]
fn the_collection_time_is_the_only_time_and_output_is_deterministic() {
    let review = common::demo_review();
    let cx = Context::new(&review);
    assert_eq!(render(&cx), render(&cx));
    let collected = review.scope.collected_at.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true);
    for f in asff::findings(&cx) {
        assert_eq!((f.created_at.as_str(), f.updated_at.as_str()), (collected.as_str(), collected.as_str()));
    }
}

#[test]
fn global_findings_go_to_the_first_scanned_region_and_regional_ones_stay() {
    let review = common::demo_review();
    assert_eq!(review.scope.regions[0], "us-east-1");
    let out = asff::findings(&Context::new(&review));
    let mut saw = (false, false);
    for (f, a) in review.findings.iter().zip(&out) {
        let expected = if f.region == "global" { "us-east-1" } else { f.region.as_str() };
        assert_eq!(a.region(), expected);
        assert_eq!(a.product_arn, format!("arn:aws:securityhub:{expected}:111122223333:product/111122223333/default"));
        assert_eq!(a.resources[0].region, expected);
        assert_eq!(a.product_fields["wasp/Region"], f.region);
        saw.0 |= f.region == "global";
        saw.1 |= f.region == "eu-west-1";
    }
    assert_eq!(saw, (true, true), "the demo has global and eu-west-1 findings");

    let elsewhere = asff::findings_with(&Context::new(&review), "eu-central-1");
    let global = review.findings.iter().position(|f| f.region == "global").unwrap();
    assert_eq!(elsewhere[global].region(), "eu-central-1");
    assert_eq!(elsewhere[global].id, out[global].id, "the home region does not change the id");
}

#[test]
fn verdicts_map_to_compliance_workflow_and_severity_as_they_are() {
    let mut review = common::demo_review();
    let fail = review.findings.iter().position(|f| f.status == Status::Fail).unwrap();
    let muted = review.findings.iter().rposition(|f| f.status == Status::Fail).unwrap();
    assert_ne!(fail, muted);
    review.findings[muted].status = Status::Muted;
    review.findings[muted].suppression = Some(Suppression {
        rule: "wasp.toml:1".into(),
        reason: "legacy bucket, migrating in Q3".into(),
        expires: "2027-01-31".parse().ok(),
        expired: false,
    });
    let mut skip = review.findings[fail].clone();
    skip.status = Status::Skip;
    skip.region = "ap-south-1".into();
    review.findings.push(skip);
    let pass = review.findings.iter().position(|f| f.status == Status::Pass).unwrap();

    let out = asff::findings(&Context::new(&review));
    let f = &out[fail];
    assert_eq!(
        (f.compliance.status, f.workflow.status, f.record_state),
        (ComplianceStatus::Failed, WorkflowStatus::New, RecordState::Active)
    );
    assert_eq!(f.severity.original, review.findings[fail].severity.as_str());
    assert_eq!(f.finding_provider_fields.severity, f.severity);
    assert_ne!(f.severity.label, SeverityLabel::Informational, "the demo's first failure is not informational");

    let m = &out[muted];
    assert_eq!((m.compliance.status, m.workflow.status), (ComplianceStatus::Warning, WorkflowStatus::Suppressed));
    assert!(m.description.starts_with("Muted by wasp.toml:1: legacy bucket, migrating in Q3. "), "{}", m.description);
    assert_eq!(m.product_fields["wasp/Suppression"], "wasp.toml:1 until 2027-01-31: legacy bucket, migrating in Q3");
    assert_eq!(m.product_fields["wasp/Status"], "MUTED");

    let s = out.last().unwrap();
    assert_eq!((s.compliance.status, s.workflow.status), (ComplianceStatus::NotAvailable, WorkflowStatus::New));
    assert_ne!(s.id, f.id, "another region is another finding");

    let p = &out[pass];
    assert_eq!((p.compliance.status, p.workflow.status), (ComplianceStatus::Passed, WorkflowStatus::Resolved));
    assert_eq!(p.severity.label, SeverityLabel::Informational);
    assert_eq!(p.severity.original, review.findings[pass].severity.as_str());
}

#[test]
fn ids_are_unique_short_and_the_same_in_a_later_review() {
    let review = common::demo_review();
    let first = asff::findings(&Context::new(&review));
    let ids: HashSet<&str> = first.iter().map(|f| f.id.as_str()).collect();
    assert_eq!(ids.len(), first.len(), "unique");
    assert!(first.iter().all(|f| f.id.len() <= asff::ID_MAX && f.id.starts_with("wasp/111122223333/")));

    // A later review of the same account: other times, other messages, another verdict.
    let mut later = review.clone();
    later.scope.collected_at = "2027-03-01T08:30:00Z".parse().unwrap();
    for f in &mut later.findings {
        f.message = format!("later: {}", f.message);
        if f.status == Status::Fail {
            f.status = Status::Pass;
        }
    }
    later.findings.reverse();
    let second = asff::findings(&Context::new(&later));
    let mut a: Vec<&str> = first.iter().map(|f| f.id.as_str()).collect();
    let mut b: Vec<&str> = second.iter().map(|f| f.id.as_str()).collect();
    a.sort_unstable();
    b.sort_unstable();
    assert_eq!(a, b);
    assert_eq!(second[0].updated_at, "2027-03-01T08:30:00Z");
}

#[test]
fn two_findings_of_one_check_on_one_resource_keep_distinct_ids() {
    let mut review = common::demo_review();
    let twin = review.findings[0].clone();
    review.findings.push(twin);
    let out = asff::findings(&Context::new(&review));
    let last = out.last().unwrap();
    assert_eq!(last.id, format!("{}/2", out[0].id));
}

#[test]
fn hostile_text_is_kept_verbatim_as_json_strings_and_cut_to_the_limits() {
    let mut review = common::hostile_review();
    let long = review.findings.iter().position(|f| f.status == Status::Fail).unwrap();
    review.findings[long].message = format!("{}\u{0}\u{1b}[31m{}", common::HOSTILE, "é😀".repeat(2000));
    review.findings[long].best_practices = (0..40).map(|i| format!("SEC{i:02}-{}", "x".repeat(300))).collect();
    let text = render(&Context::new(&review));
    let parsed: Vec<AsffFinding> = serde_json::from_str(&text).expect("valid JSON whatever the content");
    assert!(!text.contains('\u{0}') && !text.contains('\u{1b}'), "control characters are escaped");

    let f = &parsed[long];
    assert!(f.description.starts_with(common::HOSTILE));
    assert!(units(&f.description) <= asff::DESCRIPTION_MAX);
    assert!(f.description.ends_with('…'));
    assert_eq!(f.compliance.related_requirements.len(), asff::REQUIREMENTS_MAX);
    assert!(f.compliance.related_requirements.iter().all(|r| units(r) <= asff::REQUIREMENT_MAX));
    for f in &parsed {
        assert!(units(&f.title) <= asff::TITLE_MAX);
        assert!(units(&f.description) <= asff::DESCRIPTION_MAX);
        assert!(f.remediation.as_ref().is_none_or(|r| units(&r.recommendation.text) <= asff::RECOMMENDATION_MAX));
        assert!(f.product_fields.len() <= asff::PRODUCT_FIELDS_MAX);
        assert!(f.product_fields.values().all(|v| units(v) <= asff::PRODUCT_FIELD_VALUE_MAX));
    }
    let hostile_arn = review.findings[long].resource_arn.clone().unwrap();
    assert_eq!(f.resources[0].id, hostile_arn, "the ARN is data, kept as it is");
}

#[test]
fn a_check_with_a_best_practice_links_its_guidance() {
    let review = common::demo_review();
    let out = asff::findings(&Context::new(&review));
    let with = out.iter().find(|f| f.remediation.is_some()).expect("remediations");
    let rec = &with.remediation.as_ref().unwrap().recommendation;
    assert!(!rec.text.is_empty());
    let url = rec.url.as_deref().expect("a guidance link");
    assert!(url.starts_with("https://docs.aws.amazon.com/wellarchitected/"), "{url}");
}

#[test]
fn resource_types_are_asff_types_or_other() {
    let review = common::demo_review();
    let out = asff::findings(&Context::new(&review));
    let types: HashSet<&str> = out.iter().map(|f| f.resources[0].kind.as_str()).collect();
    assert!(types.contains("AwsS3Bucket") && types.contains("AwsAccount"), "{types:?}");
    assert!(types.iter().all(|t| *t == "Other" || t.starts_with("Aws")), "{types:?}");
}

#[test]
fn an_empty_review_is_an_empty_array() {
    let mut review = common::demo_review();
    review.findings.clear();
    assert_eq!(render(&Context::new(&review)).trim(), "[]");
}

/// The demo review a week later: the first failing bucket is gone (deleted), and a failure of
/// another check on another resource passes. Returns it with the two findings' places in `before`.
fn fixed_and_gone(before: &Review) -> (Review, usize, usize) {
    let mut after = before.clone();
    after.scope.collected_at = "2026-12-08T12:00:00Z".parse().unwrap();
    let gone = after
        .findings
        .iter()
        .position(|f| {
            f.status == Status::Fail && f.resource_arn.as_deref().is_some_and(|a| a.starts_with("arn:aws:s3:::"))
        })
        .expect("a failing bucket");
    let gone_key = after.findings[gone].clone();
    let fixed = after
        .findings
        .iter()
        .position(|f| {
            f.status == Status::Fail && f.check_id != gone_key.check_id && f.resource_arn != gone_key.resource_arn
        })
        .unwrap();
    after.findings[fixed].status = Status::Pass;
    after.findings.retain(|f| f.resource_arn != gone_key.resource_arn);
    // `after` was a copy of `before`: `fixed` was found before any finding was removed.
    (after, gone, fixed)
}

#[test]
fn resolved_failures_are_sent_again_as_resolved_and_archived_when_gone() {
    let before = common::demo_review();
    let (after, gone, fixed) = fixed_and_gone(&before);
    let changes = wasp_review::diff::diff(&before, "before", &after, "after");
    assert!(changes.resolved.len() >= 2, "{:?}", changes.resolved.len());
    let earlier = asff::findings(&Context::new(&before));

    let cx = Context { review: &after, changes: Some(&changes), style: Default::default() };
    let out = asff::findings(&cx);
    let gone_id = &earlier[gone].id;
    let archived: Vec<_> = out.iter().filter(|f| &f.id == gone_id).collect();
    assert_eq!(archived.len(), 1, "the gone resource's finding is sent once, under its old id");
    let a = archived[0];
    assert_eq!(
        (a.compliance.status, a.workflow.status, a.record_state),
        (ComplianceStatus::Passed, WorkflowStatus::Resolved, RecordState::Archived)
    );
    assert_eq!(a.updated_at, "2026-12-08T12:00:00Z");
    assert_eq!(a.created_at, earlier[gone].created_at, "created when the earlier review saw it");
    assert_eq!(a.product_fields["wasp/Status"], "RESOLVED");
    assert!(a.description.starts_with("Resolved: "), "{}", a.description);

    let fixed_id = &earlier[fixed].id;
    let fixed_now: Vec<_> = out.iter().filter(|f| &f.id == fixed_id).collect();
    assert_eq!(fixed_now.len(), 1, "a fixed resource is the current PASS, not sent twice");
    assert_eq!(
        (fixed_now[0].compliance.status, fixed_now[0].workflow.status, fixed_now[0].record_state),
        (ComplianceStatus::Passed, WorkflowStatus::Resolved, RecordState::Active)
    );
    let ids: HashSet<&str> = out.iter().map(|f| f.id.as_str()).collect();
    assert_eq!(ids.len(), out.len());
}
