//! Runs every check over its fixture file: `fixtures/<service>/<id>.yaml`.
//!
//! A fixture file holds cases; each case is a partial inventory (account id, collection time
//! and regions are filled in when absent) and the exact findings expected from the check.
use serde::Deserialize;
use std::path::PathBuf;
use wasp_checks::{Check, Status, CHECKS};
use wasp_model::Inventory;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Fixture {
    cases: Vec<Case>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    inventory: serde_yaml::Value,
    expect: Vec<Expected>,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
struct Expected {
    resource: String,
    status: Status,
    #[serde(default)]
    message_contains: Option<String>,
}

fn fixture_path(check: &dyn Check) -> PathBuf {
    let meta = check.meta();
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("fixtures/{}/{}.yaml", meta.service, meta.id))
}

fn inventory_of(case: &serde_yaml::Value) -> Inventory {
    let mut map = case.as_mapping().cloned().unwrap_or_default();
    let defaults = [
        ("schema_version", serde_yaml::Value::from(1)),
        ("account_id", "123456789012".into()),
        ("collected_at", "2026-06-01T00:00:00Z".into()),
        ("regions", serde_yaml::Value::Sequence(vec!["us-east-1".into(), "eu-west-1".into()])),
    ];
    for (key, value) in defaults {
        map.entry(key.into()).or_insert(value);
    }
    // Through JSON, so fixtures have exactly the shape of snapshot files.
    let json = serde_json::to_value(serde_yaml::Value::Mapping(map)).expect("YAML maps to JSON");
    serde_json::from_value(json).unwrap_or_else(|e| panic!("bad inventory: {e}"))
}

fn check_fixture(check: &dyn Check) -> Result<(), String> {
    let id = check.meta().id;
    let path = fixture_path(check);
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{id}: no fixture {}: {e}", path.display()))?;
    let fixture: Fixture = serde_yaml::from_str(&text).map_err(|e| format!("{id}: {e}"))?;
    let mut seen = std::collections::HashSet::new();
    for case in &fixture.cases {
        let inv = inventory_of(&case.inventory);
        let mut findings = Vec::new();
        wasp_checks::run_one(check, &inv, &mut findings);
        let mut got: Vec<(String, Status, String)> = findings
            .iter()
            .map(|f| (f.resource_arn.clone().unwrap_or_default(), f.status, f.message.clone()))
            .collect();
        got.sort();
        let mut want: Vec<&Expected> = case.expect.iter().collect();
        want.sort_by(|a, b| (&a.resource, a.status).cmp(&(&b.resource, b.status)));
        let matches = got.len() == want.len()
            && got.iter().zip(&want).all(|((arn, status, msg), w)| {
                arn == &w.resource
                    && *status == w.status
                    && w.message_contains.as_ref().is_none_or(|m| msg.contains(m.as_str()))
            });
        if !matches {
            return Err(format!("{id} / {}:\n  expected {want:?}\n  got      {got:?}", case.name));
        }
        seen.extend(got.iter().map(|(_, s, _)| *s));
    }
    for status in [Status::Pass, Status::Fail] {
        if !seen.contains(&status) {
            return Err(format!("{id}: fixtures have no {} case", status.as_str()));
        }
    }
    Ok(())
}

#[test]
fn every_check_passes_and_fails_on_its_fixtures() {
    let failures: Vec<String> = CHECKS.iter().filter_map(|c| check_fixture(*c).err()).collect();
    assert!(failures.is_empty(), "{} fixture failures:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn every_fixture_file_belongs_to_a_check() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    for service in std::fs::read_dir(&root).unwrap() {
        for file in std::fs::read_dir(service.unwrap().path()).unwrap() {
            let path = file.unwrap().path();
            let id = path.file_stem().unwrap().to_str().unwrap().to_owned();
            assert!(wasp_checks::find(&id).is_some(), "fixture {} has no check", path.display());
        }
    }
}
