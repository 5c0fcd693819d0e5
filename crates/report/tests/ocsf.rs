//! `--format ocsf` and `ocsf-jsonl`: every finding an OCSF Compliance Finding event valid
//! against the class schema (tests/schemas/), with enumerations mapped as documented.
mod common;

use serde_json::Value;
use std::collections::BTreeSet;
use std::path::Path;
use wasp_checks::{Severity, Status, Suppression};
use wasp_model::SourceLocation;
use wasp_report::{ocsf, sarif, Context, ReviewFormat};
use wasp_review::Review;

fn validator() -> jsonschema::Validator {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/schemas/ocsf-1.8.0-compliance_finding.schema.json");
    let schema: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    jsonschema::options().should_validate_formats(true).build(&schema).unwrap()
}

fn render(format: ReviewFormat, cx: &Context<'_>) -> String {
    let mut out = Vec::new();
    format.render(cx, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

fn events(review: &Review) -> Vec<Value> {
    serde_json::from_str(&render(ReviewFormat::Ocsf, &Context::new(review))).expect("a JSON array")
}

fn assert_all_valid(events: &[Value]) {
    let v = validator();
    for (i, e) in events.iter().enumerate() {
        let errors: Vec<String> = v.iter_errors(e).map(|err| format!("{err} at {}", err.instance_path)).collect();
        assert!(errors.is_empty(), "event {i} is not a valid Compliance Finding: {errors:#?}");
    }
}

/// The demo review with a muted failure and one declared in a template.
fn varied_review() -> Review {
    let mut review = common::demo_review();
    let mut fails = review.findings.iter_mut().filter(|f| f.status == Status::Fail);
    let muted = fails.next().unwrap();
    muted.status = Status::Muted;
    muted.suppression = Some(Suppression {
        rule: "wasp.toml:1".into(),
        reason: "accepted until the migration".into(),
        expires: Some("2027-01-31".parse().unwrap()),
        expired: false,
    });
    let iac = fails.next().unwrap();
    iac.resource_arn = None;
    iac.location = Some(SourceLocation {
        file: "infra/stack.yaml".into(),
        line: Some(3),
        column: None,
        logical_id: "LogsBucket".into(),
    });
    review
}

#[test]
fn every_event_of_the_demo_and_varied_reviews_is_a_valid_compliance_finding() {
    let demo = events(&common::demo_review());
    assert_all_valid(&demo);
    assert_all_valid(&events(&varied_review()));
    assert_all_valid(&events(&common::hostile_review()));
    for e in &demo {
        assert_eq!(e["class_uid"], 2003);
        assert_eq!(e["category_uid"], 2);
        assert_eq!(e["metadata"]["version"], ocsf::OCSF_VERSION);
        assert_eq!(e["metadata"]["product"]["name"], "wasp");
        assert_eq!(e["metadata"]["product"]["version"], env!("CARGO_PKG_VERSION"));
        assert_eq!(e["cloud"]["provider"], "AWS");
    }
}

#[test]
fn the_class_schema_rejects_what_ocsf_forbids() {
    let e = events(&common::demo_review()).remove(0);
    let v = validator();
    assert!(v.is_valid(&e));
    for (pointer, bad) in [
        ("/severity_id", Value::from(7)),
        ("/class_uid", Value::from(2004)),
        ("/compliance/status_id", Value::from(4)),
        ("/cloud/account/type_id", Value::from(42)),
        ("/finding_info/no_such_attribute", Value::from("x")),
    ] {
        let mut broken = e.clone();
        let (parent, leaf) = pointer.rsplit_once('/').unwrap();
        broken.pointer_mut(if parent.is_empty() { "" } else { parent }).unwrap()[leaf] = bad;
        assert!(!v.is_valid(&broken), "{pointer} should be refused");
    }
    let mut missing = e.clone();
    missing.as_object_mut().unwrap().remove("finding_info");
    assert!(!v.is_valid(&missing), "finding_info is required");
}

#[test]
fn one_event_per_finding_in_order() {
    let review = varied_review();
    let events = events(&review);
    assert_eq!(events.len(), review.findings.len());
    for (e, f) in events.iter().zip(&review.findings) {
        assert_eq!(e["compliance"]["control"], f.check_id.as_str());
        assert_eq!(e["status_code"], f.status.as_str());
        assert_eq!(e["message"], f.message.as_str());
        let requirements: Vec<&str> =
            e["compliance"]["requirements"].as_array().unwrap().iter().map(|r| r.as_str().unwrap()).collect();
        assert_eq!(requirements, f.best_practices);
        assert_eq!(e["time"], review.scope.collected_at.timestamp_millis());
    }
    for status in [Status::Pass, Status::Fail, Status::Muted, Status::Skip] {
        assert!(review.findings.iter().any(|f| f.status == status), "the varied review has {status:?}");
    }
}

#[test]
fn enumerations_map_as_documented() {
    let review = varied_review();
    for (e, f) in events(&review).iter().zip(&review.findings) {
        let (sev_id, sev) = match f.severity {
            Severity::Informational => (1, "Informational"),
            Severity::Low => (2, "Low"),
            Severity::Medium => (3, "Medium"),
            Severity::High => (4, "High"),
            Severity::Critical => (5, "Critical"),
        };
        assert_eq!((e["severity_id"].as_u64().unwrap(), e["severity"].as_str().unwrap()), (sev_id, sev));
        let (status_id, status, compliance_id, compliance) = match f.status {
            Status::Fail => (1, "New", 3, "Fail"),
            Status::Skip => (1, "New", 2, "Warning"),
            Status::Muted => (3, "Suppressed", 3, "Fail"),
            Status::Pass => (99, "Passed", 1, "Pass"),
        };
        assert_eq!((e["status_id"].as_u64().unwrap(), e["status"].as_str().unwrap()), (status_id, status));
        assert_eq!(e["compliance"]["status_id"], compliance_id);
        assert_eq!(e["compliance"]["status"], compliance);
        // Without earlier reviews every finding is created.
        assert_eq!((e["activity_id"].as_u64(), e["activity_name"].as_str()), (Some(1), Some("Create")));
        assert_eq!(e["type_uid"], 200301);
        assert_eq!(e["type_name"], "Compliance Finding: Create");
        match f.status {
            Status::Muted => {
                let detail = e["status_detail"].as_str().unwrap();
                assert!(detail.contains("wasp.toml:1") && detail.contains("2027-01-31"), "{detail}");
                assert!(detail.contains("accepted until the migration"));
            }
            Status::Skip => assert_eq!(e["compliance"]["status_detail"], f.message.as_str()),
            _ => assert!(e.get("status_detail").is_none()),
        }
    }
}

#[test]
fn changes_since_the_previous_review_set_the_activity() {
    let now = common::demo_review();
    let mut before = now.clone();
    // Before: one finding that passes now was failing.
    let fixed = before.findings.iter_mut().find(|f| f.status == Status::Pass).unwrap();
    fixed.status = Status::Fail;
    let fixed_check = fixed.check_id.clone();
    let fixed_arn = fixed.resource_arn.clone();
    // … and one failing now did not fail.
    let newly = before.findings.iter_mut().find(|f| f.status == Status::Fail && f.check_id != fixed_check).unwrap();
    newly.status = Status::Pass;
    let (new_check, new_arn) = (newly.check_id.clone(), newly.resource_arn.clone());
    let diff = wasp_review::diff::diff(&before, "before", &now, "now");
    assert_eq!(diff.resolved.len(), 1);
    let cx = Context { review: &now, changes: Some(&diff), style: Default::default() };
    let events: Vec<Value> = serde_json::from_str(&render(ReviewFormat::Ocsf, &cx)).unwrap();
    assert_all_valid(&events);
    for (e, f) in events.iter().zip(&now.findings) {
        let activity = e["activity_id"].as_u64().unwrap();
        assert_eq!(e["type_uid"].as_u64().unwrap(), 2003 * 100 + activity);
        let is = |check: &str, arn: &Option<String>| f.check_id == check && &f.resource_arn == arn;
        let expected = if is(&fixed_check, &fixed_arn) {
            assert_eq!((e["status_id"].as_u64(), e["status"].as_str()), (Some(4), Some("Resolved")));
            3
        } else if f.status == Status::Fail && !is(&new_check, &new_arn) {
            2
        } else {
            1
        };
        assert_eq!(activity, expected, "{} {:?}", f.check_id, f.resource_arn);
    }
}

#[test]
fn resources_cloud_and_identity() {
    let review = varied_review();
    let events = events(&review);
    let sarif_log = sarif::log(&review);
    let fingerprints: BTreeSet<&str> = sarif_log["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["partialFingerprints"][sarif::FINGERPRINT_KEY].as_str().unwrap())
        .collect();
    let mut uids = BTreeSet::new();
    for (e, f) in events.iter().zip(&review.findings) {
        let uid = e["finding_info"]["uid"].as_str().unwrap();
        assert!(uids.insert(uid), "finding uids are distinct");
        if f.status != Status::Pass {
            assert!(fingerprints.contains(uid), "the SARIF fingerprint and the OCSF uid are one identity");
        }
        assert_eq!(e["cloud"]["account"]["uid"], f.account_id.as_str());
        assert_eq!(e["cloud"]["account"]["type_id"], 10);
        let resource = &e["resources"][0];
        assert_eq!(resource["cloud_partition"], review.scope.partition.as_str());
        match &f.resource_arn {
            Some(arn) => assert_eq!(resource["uid"], arn.as_str()),
            None => assert_eq!(resource["name"], "LogsBucket"),
        }
        if f.region == wasp_model::GLOBAL_REGION {
            assert!(e["cloud"].get("region").is_none() && resource.get("region").is_none());
        } else {
            assert_eq!(e["cloud"]["region"], f.region.as_str());
            assert_eq!(resource["region"], f.region.as_str());
        }
        let meta = wasp_checks::find(&f.check_id).unwrap().meta();
        assert_eq!(resource["type"], meta.resource_kind);
        assert_eq!(e["finding_info"]["title"], meta.title);
        assert_eq!(e["remediation"]["desc"], meta.remediation);
    }
    assert!(review.findings.iter().any(|f| f.region == wasp_model::GLOBAL_REGION), "both kinds are covered");
    // Stable across renders.
    assert_eq!(events, self::events(&review));
}

#[test]
fn jsonl_has_one_valid_event_per_line_equal_to_the_array() {
    let review = common::hostile_review();
    let cx = Context::new(&review);
    let lines = render(ReviewFormat::OcsfJsonl, &cx);
    assert!(lines.ends_with('\n'));
    let parsed: Vec<Value> =
        lines.lines().map(|l| serde_json::from_str(l).expect("each line is one JSON event")).collect();
    assert_eq!(parsed.len(), review.findings.len());
    assert_all_valid(&parsed);
    assert_eq!(parsed, events(&review));
    // Hostile text stays in strings: each line still parses, the markup is the message.
    let hostile = parsed.iter().filter(|e| e["message"].as_str().unwrap().contains(common::HOSTILE)).count();
    assert_eq!(hostile, review.findings.iter().filter(|f| f.status == Status::Fail).count());
}

#[test]
fn an_empty_review_is_an_empty_array_and_no_lines() {
    let mut review = common::demo_review();
    review.findings.clear();
    assert_eq!(render(ReviewFormat::Ocsf, &Context::new(&review)).trim(), "[]");
    assert_eq!(render(ReviewFormat::OcsfJsonl, &Context::new(&review)), "");
}

#[test]
fn an_unknown_check_still_makes_a_valid_event() {
    let mut review = common::demo_review();
    review.findings[0].check_id = "a_check_from_the_future".into();
    let events = events(&review);
    assert_all_valid(&events);
    assert_eq!(events[0]["finding_info"]["title"], "a_check_from_the_future");
    assert!(events[0].get("remediation").is_none());
}
