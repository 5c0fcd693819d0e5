//! Runs every check over its fixture file `fixtures/<service>/<id>.yaml`, one test per check,
//! so a single check's cases run alone: `cargo test -p wasp-checks --test fixtures -- s3::`.
//!
//! A fixture file holds cases; each case is a partial inventory (account id, collection time
//! and regions are filled in when absent) and the exact findings expected from the check.
//! Every check has a PASS and a FAIL case, and a SKIP case when its code can skip. A case may
//! set `settings:` (thresholds, as `[checks]` in wasp.toml) to test other limits.
use libtest_mimic::{Arguments, Failed, Trial};
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
    /// Thresholds other than the defaults.
    #[serde(default)]
    settings: wasp_checks::Settings,
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

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn fixture_path(check: &dyn Check) -> PathBuf {
    let meta = check.meta();
    root().join(format!("fixtures/{}/{}.yaml", meta.service, meta.id))
}

fn inventory_of(case: &serde_yaml::Value) -> Result<Inventory, String> {
    let mut map = case.as_mapping().cloned().unwrap_or_default();
    let defaults = [
        ("schema_version", serde_yaml::Value::from(wasp_model::SCHEMA_VERSION)),
        ("account_id", "123456789012".into()),
        ("collected_at", "2026-06-01T00:00:00Z".into()),
        ("regions", serde_yaml::Value::Sequence(vec!["us-east-1".into(), "eu-west-1".into()])),
    ];
    for (key, value) in defaults {
        map.entry(key.into()).or_insert(value);
    }
    // Through JSON, so fixtures have exactly the shape of snapshot files.
    let json = serde_json::to_value(serde_yaml::Value::Mapping(map)).map_err(|e| e.to_string())?;
    serde_json::from_value(json).map_err(|e| format!("bad inventory: {e}"))
}

/// Whether the check's code can report SKIP.
fn can_skip(check: &dyn Check) -> bool {
    let file = root().join("..").join("..").join(check.meta().source_file);
    let source = std::fs::read_to_string(&file).unwrap_or_default();
    source.contains("Status::Skip") || source.contains(".skip(")
}

fn check_fixture(check: &dyn Check) -> Result<(), Failed> {
    let id = check.meta().id;
    let path = fixture_path(check);
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{id}: no fixture {}: {e}", path.display()))?;
    let fixture: Fixture = serde_yaml::from_str(&text).map_err(|e| format!("{id}: {e}"))?;
    let mut seen = std::collections::HashSet::new();
    for case in &fixture.cases {
        let inv = inventory_of(&case.inventory).map_err(|e| format!("{id} / {}: {e}", case.name))?;
        let mut findings = Vec::new();
        wasp_checks::run_one(check, &inv, &case.settings, &mut findings);
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
            return Err(format!("{id} / {}:\n  expected {want:?}\n  got      {got:?}", case.name).into());
        }
        seen.extend(got.iter().map(|(_, s, _)| *s));
    }
    let mut needed = vec![Status::Pass, Status::Fail];
    if can_skip(check) {
        needed.push(Status::Skip);
    }
    for status in needed {
        if !seen.contains(&status) {
            return Err(format!("{id}: fixtures have no {} case", status.as_str()).into());
        }
    }
    Ok(())
}

fn every_fixture_file_belongs_to_a_check() -> Result<(), Failed> {
    for service in std::fs::read_dir(root().join("fixtures")).map_err(|e| e.to_string())? {
        let service = service.map_err(|e| e.to_string())?.path();
        for file in std::fs::read_dir(&service).map_err(|e| e.to_string())? {
            let path = file.map_err(|e| e.to_string())?.path();
            let id = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default().to_owned();
            let Some(check) = wasp_checks::find(&id) else {
                return Err(format!("fixture {} has no check", path.display()).into());
            };
            if fixture_path(check) != path {
                return Err(format!("fixture {} is not filed under its service", path.display()).into());
            }
        }
    }
    Ok(())
}

fn main() {
    let args = Arguments::from_args();
    let mut trials: Vec<Trial> = CHECKS
        .iter()
        .map(|check| {
            let meta = check.meta();
            Trial::test(format!("{}::{}", meta.service, meta.id), move || check_fixture(*check))
        })
        .collect();
    trials.push(Trial::test("every_fixture_file_belongs_to_a_check", every_fixture_file_belongs_to_a_check));
    libtest_mimic::run(&args, trials).exit();
}
