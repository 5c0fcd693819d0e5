//! `--format sarif`: valid against the OASIS SARIF 2.1.0 schema, one result per failure,
//! suppressions for muted ones, stable fingerprints, untrusted text kept as data.
mod common;

use serde_json::Value;
use std::collections::BTreeSet;
use std::path::Path;
use wasp_checks::{Finding, Status, Suppression};
use wasp_model::SourceLocation;
use wasp_report::{sarif, Context, ReviewFormat};
use wasp_review::Review;

/// The schema as it declares itself (draft 4), and again as draft 7: draft 4 knows no
/// `uri-reference` format, so only the second checks artifact URIs. Nothing else in the
/// schema reads differently under draft 7.
fn validators() -> [jsonschema::Validator; 2] {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/schemas/sarif-schema-2.1.0.json");
    let schema: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    [jsonschema::Draft::Draft4, jsonschema::Draft::Draft7]
        .map(|d| jsonschema::options().with_draft(d).should_validate_formats(true).build(&schema).unwrap())
}

fn is_valid(doc: &Value) -> bool {
    validators().iter().all(|v| v.is_valid(doc))
}

fn render(review: &Review) -> (String, Value) {
    let mut out = Vec::new();
    ReviewFormat::Sarif.render(&Context::new(review), &mut out).unwrap();
    let text = String::from_utf8(out).unwrap();
    let value = serde_json::from_str(&text).expect("SARIF is JSON");
    (text, value)
}

fn assert_valid(doc: &Value) {
    let errors: Vec<String> = validators()
        .iter()
        .flat_map(|v| v.iter_errors(doc).map(|e| format!("{} at {}", e, e.instance_path)).collect::<Vec<_>>())
        .collect();
    assert!(errors.is_empty(), "not valid SARIF 2.1.0: {errors:#?}");
}

fn results(doc: &Value) -> &Vec<Value> {
    doc["runs"][0]["results"].as_array().unwrap()
}

fn fingerprint(result: &Value) -> &str {
    result["partialFingerprints"][sarif::FINGERPRINT_KEY].as_str().unwrap()
}

/// The demo review with one failure muted, one whose suppression expired, and one declared in
/// a template (IaC).
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
    let expired = fails.next().unwrap();
    expired.suppression =
        Some(Suppression { rule: "db:7".into(), reason: "old exception".into(), expires: None, expired: true });
    let iac = fails.next().unwrap();
    iac.location = Some(SourceLocation {
        file: "infra/stack one.yaml".into(),
        line: Some(42),
        column: Some(7),
        logical_id: "LogsBucket".into(),
    });
    review.summary.findings.fail -= 1;
    review.summary.findings.muted += 1;
    review
}

#[test]
fn demo_and_varied_reviews_are_valid_sarif() {
    let (_, demo) = render(&common::demo_review());
    assert_valid(&demo);
    assert_eq!(demo["version"], "2.1.0");
    assert_eq!(demo["runs"].as_array().unwrap().len(), 1);
    let driver = &demo["runs"][0]["tool"]["driver"];
    assert_eq!(driver["name"], "wasp");
    assert_eq!(driver["version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(driver["informationUri"], sarif::INFORMATION_URI);
    let (_, varied) = render(&varied_review());
    assert_valid(&varied);
}

#[test]
fn the_validator_rejects_what_the_schema_forbids() {
    // Guard against a validator that accepts anything.
    let (_, mut doc) = render(&varied_review());
    doc["runs"][0]["results"][0]["kind"] = "broken".into();
    assert!(!is_valid(&doc));
    let (_, mut doc) = render(&varied_review());
    doc["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] = "a b<c>".into();
    assert!(!is_valid(&doc), "artifact URIs are checked");
    let (_, mut doc) = render(&varied_review());
    doc["runs"][0]["tool"]["driver"]["informationUri"] = "not a uri".into();
    assert!(!is_valid(&doc), "format checks are on");
}

#[test]
fn every_failure_is_a_result_and_passes_are_not() {
    let review = varied_review();
    let (_, doc) = render(&review);
    let results = results(&doc);
    let not_passing: Vec<&Finding> = review.findings.iter().filter(|f| f.status != Status::Pass).collect();
    assert_eq!(results.len(), not_passing.len());
    for (f, r) in not_passing.iter().zip(results) {
        assert_eq!(r["ruleId"], f.check_id.as_str());
        let fqn = &r["locations"][0]["logicalLocations"][0];
        assert_eq!(fqn["fullyQualifiedName"], f.resource_arn.as_deref().unwrap());
        assert_eq!(fqn["kind"], "resource");
        assert_eq!(fqn["properties"]["region"], f.region.as_str());
        assert_eq!(fqn["properties"]["account"], f.account_id.as_str());
        match f.status {
            Status::Fail | Status::Muted => {
                assert_eq!(r["kind"], "fail");
                let level = match f.severity {
                    wasp_checks::Severity::Critical | wasp_checks::Severity::High => "error",
                    wasp_checks::Severity::Medium => "warning",
                    _ => "note",
                };
                assert_eq!(r["level"], level, "{}", f.check_id);
            }
            Status::Skip => {
                assert_eq!(r["kind"], "review");
                assert_eq!(r["level"], "none");
            }
            Status::Pass => unreachable!(),
        }
    }
    let fails = review.findings.iter().filter(|f| f.status == Status::Fail).count();
    assert_eq!(results.iter().filter(|r| r["kind"] == "fail" && r.get("suppressions").is_none()).count(), fails);
    assert!(review.findings.iter().any(|f| f.status == Status::Skip), "the demo has a SKIP to show");
    let counts = &doc["runs"][0]["properties"]["wasp"]["findings"];
    assert_eq!(counts["pass"], review.summary.findings.pass);
}

#[test]
fn muted_results_carry_an_accepted_external_suppression_and_expired_ones_do_not() {
    let (_, doc) = render(&varied_review());
    let suppressed: Vec<&Value> = results(&doc).iter().filter(|r| r.get("suppressions").is_some()).collect();
    assert_eq!(suppressed.len(), 1);
    let s = &suppressed[0]["suppressions"][0];
    assert_eq!(s["kind"], "external");
    assert_eq!(s["status"], "accepted");
    assert_eq!(s["justification"], "accepted until the migration");
    assert_eq!(s["properties"]["rule"], "wasp.toml:1");
    assert_eq!(s["properties"]["expires"], "2027-01-31");
    assert_eq!(suppressed[0]["properties"]["status"], "MUTED");
    let expired: Vec<&Value> =
        results(&doc).iter().filter(|r| r["properties"]["suppression"]["expired"] == true).collect();
    assert_eq!(expired.len(), 1);
    assert_eq!(expired[0]["properties"]["status"], "FAIL");
    assert!(expired[0].get("suppressions").is_none(), "an expired suppression suppresses nothing");
}

#[test]
fn rules_are_those_of_the_checks_present_and_indexed_right() {
    let mut review = common::demo_review();
    let dropped = review.findings[0].check_id.clone();
    review.findings.retain(|f| f.check_id != dropped);
    let (_, doc) = render(&review);
    let rules = doc["runs"][0]["tool"]["driver"]["rules"].as_array().unwrap();
    let ids: Vec<&str> = rules.iter().map(|r| r["id"].as_str().unwrap()).collect();
    let present: BTreeSet<&str> = review.findings.iter().map(|f| f.check_id.as_str()).collect();
    assert_eq!(ids, present.iter().copied().collect::<Vec<_>>());
    assert!(!ids.contains(&dropped.as_str()), "no rule for a check without findings");
    for r in results(&doc) {
        let rule = &rules[r["ruleIndex"].as_u64().unwrap() as usize];
        assert_eq!(rule["id"], r["ruleId"]);
    }
    for rule in rules {
        let meta = wasp_checks::find(rule["id"].as_str().unwrap()).unwrap().meta();
        assert_eq!(rule["shortDescription"]["text"], meta.title);
        let tags: Vec<&str> =
            rule["properties"]["tags"].as_array().unwrap().iter().map(|t| t.as_str().unwrap()).collect();
        assert!(tags.contains(&"security"));
        assert!(meta.best_practices.iter().all(|bp| tags.contains(bp)));
        let score: f64 = rule["properties"]["security-severity"].as_str().unwrap().parse().unwrap();
        assert_eq!(rule["properties"]["security-severity"], sarif::security_severity(meta.severity));
        assert!(rule["help"]["markdown"].as_str().unwrap().contains(meta.remediation));
        assert!(rule["help"]["text"].as_str().unwrap().contains(meta.remediation));
        assert!((0.0..=10.0).contains(&score));
    }
}

#[test]
fn security_severity_lands_in_githubs_band_for_each_severity() {
    use wasp_checks::Severity::*;
    let band = |s| {
        let v: f64 = sarif::security_severity(s).parse().unwrap();
        match v {
            v if v >= 9.0 => "critical",
            v if v >= 7.0 => "high",
            v if v >= 4.0 => "medium",
            v if v >= 0.1 => "low",
            _ => "none",
        }
    };
    assert_eq!([Critical, High, Medium, Low, Informational].map(band), ["critical", "high", "medium", "low", "none"]);
}

#[test]
fn fingerprints_are_stable_across_renders_and_distinct_between_findings() {
    let review = varied_review();
    let (first, a) = render(&review);
    let (second, _) = render(&review);
    assert_eq!(first, second, "rendering is deterministic");
    let prints: Vec<&str> = results(&a).iter().map(fingerprint).collect();
    assert_eq!(prints.iter().collect::<BTreeSet<_>>().len(), prints.len(), "no two results share a fingerprint");
    // A later review where the message changed and the finding got muted keeps the fingerprint.
    let mut later = review.clone();
    let f = later.findings.iter_mut().find(|f| f.status == Status::Fail).unwrap();
    let arn = f.resource_arn.clone();
    f.message = "reworded".into();
    let (_, b) = render(&later);
    let before = results(&a)
        .iter()
        .find(|r| r["locations"][0]["logicalLocations"][0]["fullyQualifiedName"] == arn.as_deref().unwrap())
        .unwrap();
    let after = results(&b)
        .iter()
        .find(|r| r["locations"][0]["logicalLocations"][0]["fullyQualifiedName"] == arn.as_deref().unwrap())
        .unwrap();
    assert_eq!(fingerprint(before), fingerprint(after));
}

#[test]
fn iac_findings_point_at_their_template_line_and_others_at_the_resource() {
    let (_, doc) = render(&varied_review());
    let iac: Vec<&Value> = results(&doc)
        .iter()
        .filter(|r| r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "infra/stack%20one.yaml")
        .collect();
    assert_eq!(iac.len(), 1);
    assert_eq!(iac[0]["locations"][0]["physicalLocation"]["region"]["startLine"], 42);
    assert_eq!(iac[0]["locations"][0]["physicalLocation"]["region"]["startColumn"], 7);
    for r in results(&doc).iter().filter(|r| !std::ptr::eq(*r, iac[0])) {
        let artifact = &r["locations"][0]["physicalLocation"]["artifactLocation"];
        let arn = r["locations"][0]["logicalLocations"][0]["fullyQualifiedName"].as_str().unwrap();
        assert_eq!(artifact["uri"], format!("aws/{arn}"), "demo ARNs need no encoding");
        assert_eq!(artifact["description"]["text"], "AWS resource, not a file");
    }
}

#[test]
fn hostile_markup_stays_data() {
    let (_, doc) = render(&common::hostile_review());
    assert_valid(&doc);
    for r in results(&doc).iter().filter(|r| r["kind"] == "fail") {
        let message = r["message"]["text"].as_str().unwrap();
        assert!(message.starts_with("<img src=x onerror=alert(1)>\"'&</script>"), "{message}");
        let fqn = r["locations"][0]["logicalLocations"][0]["fullyQualifiedName"].as_str().unwrap();
        assert!(fqn.ends_with(common::HOSTILE), "the ARN is kept as written");
        let uri = r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].as_str().unwrap();
        assert!(!uri.contains(['<', '>', '"', ' ']), "{uri}");
    }
}

#[test]
fn message_text_keeps_placeholders_and_links_literal() {
    assert_eq!(sarif::message_text("a {0} [x](http://e) \\"), "a {{0}} \\[x\\](http://e) \\\\");
    assert_eq!(sarif::path_uri("arn:aws:s3:::b/../x y"), "arn%3Aaws%3As3%3A%3A%3Ab/%2E%2E/x%20y");
}

#[test]
fn an_empty_review_is_valid_sarif() {
    let mut review = common::demo_review();
    review.findings.clear();
    review.gaps.clear();
    let (_, doc) = render(&review);
    assert_valid(&doc);
    assert!(results(&doc).is_empty());
    assert!(doc["runs"][0]["tool"]["driver"]["rules"].as_array().unwrap().is_empty());
}

#[test]
fn gaps_are_tool_notifications_and_unknown_checks_still_render() {
    let mut review = common::demo_review();
    review.findings[0].check_id = "a_check_from_the_future".into();
    let (_, doc) = render(&review);
    assert_valid(&doc);
    let notes = doc["runs"][0]["invocations"][0]["toolExecutionNotifications"].as_array().unwrap();
    assert_eq!(notes.len(), review.gaps.len());
    assert!(!notes.is_empty(), "the demo has a gap");
    assert!(notes.iter().all(|n| n["level"] == "warning"));
    let rules = doc["runs"][0]["tool"]["driver"]["rules"].as_array().unwrap();
    assert!(rules.iter().any(|r| r["id"] == "a_check_from_the_future"));
}
