//! Reviews, milestones and suppressions: what is saved comes back.

mod common;

use std::collections::BTreeMap;

use chrono::NaiveDate;
use common::{at, db_path, review, sentence};
use rusqlite::Connection;
use wasp_store::{scope_key, MilestoneRow, Store, StoreError, SuppressionRow};

#[test]
fn a_saved_review_loads_equal_and_its_row_summarises_it() {
    let (_dir, path) = db_path();
    let mut store = Store::open(&path).unwrap();
    let mut r = review("123456789012", &["us-east-1", "eu-west-1"], &["checks: only s3_*"]);
    // Distinct numbers, so that a column mixed up with another shows.
    r.summary.high_risk_questions = 1;
    r.summary.medium_risk_questions = 2;
    r.summary.best_practices.met = 3;
    r.summary.best_practices.not_met = 4;
    r.summary.findings.fail = 5;
    r.summary.gaps = 6;
    let saved_at = "2026-03-04T05:06:07.000000089Z".parse().unwrap();
    let id = store.save_review(&r, saved_at).unwrap();

    assert_eq!(store.load_review(id).unwrap(), r);
    let rows = store.list_reviews(None, 10).unwrap();
    assert_eq!(rows.len(), 1);
    let row = &rows[0];
    assert_eq!(row.id, id);
    assert_eq!(row.saved_at, saved_at);
    assert_eq!(row.collected_at, r.scope.collected_at);
    assert_eq!(row.account_id, "123456789012");
    assert_eq!(row.regions, ["us-east-1", "eu-west-1"]);
    assert_eq!(row.source, "snapshot");
    assert_eq!(row.coverage, "partial");
    assert_eq!(row.lens_version, r.lens.version);
    assert_eq!(
        (row.high_risk_questions, row.medium_risk_questions, row.met, row.not_met, row.failed_findings, row.gaps),
        (1, 2, 3, 4, 5, 6)
    );
    assert_eq!(row.scope_key, scope_key(&r.scope));

    // And after reopening.
    drop(store);
    let store = Store::open(&path).unwrap();
    assert_eq!(store.load_review(id).unwrap(), r);
    assert_eq!(store.path(), path);
}

#[test]
fn the_scope_key_is_account_sorted_regions_and_sorted_left_out_lines() {
    let a = review("111111111111", &["us-east-1", "eu-west-1"], &["services: s3", "checks: a"]);
    let b = review("111111111111", &["eu-west-1", "us-east-1"], &["checks: a", "services: s3"]);
    assert_eq!(scope_key(&a.scope), r#"["111111111111",["eu-west-1","us-east-1"],["checks: a","services: s3"]]"#);
    assert_eq!(scope_key(&a.scope), scope_key(&b.scope));
    let complete = review("111111111111", &["eu-west-1", "us-east-1"], &[]);
    assert_ne!(scope_key(&a.scope), scope_key(&complete.scope));
}

#[test]
fn an_unknown_review_is_named_with_the_database() {
    let (_dir, path) = db_path();
    let store = Store::open(&path).unwrap();
    let err = store.load_review(42).unwrap_err();
    assert!(matches!(err, StoreError::NoSuchReview { id: 42, .. }));
    assert_eq!(sentence(&err), format!("no review 42 in {}", path.display()));
    assert_eq!(sentence(store.previous(42).unwrap_err()), format!("no review 42 in {}", path.display()));
}

#[test]
fn reviews_list_newest_first_by_account_and_up_to_the_limit() {
    let (_dir, path) = db_path();
    let mut store = Store::open(&path).unwrap();
    let a1 = store.save_review(&review("111111111111", &["us-east-1"], &[]), at(10)).unwrap();
    let b1 = store.save_review(&review("222222222222", &["us-east-1"], &[]), at(20)).unwrap();
    let a2 = store.save_review(&review("111111111111", &["us-east-1"], &[]), at(30)).unwrap();
    // Saved later but stamped earlier (an import): listed by its time, not its id.
    let a0 = store.save_review(&review("111111111111", &["us-east-1"], &[]), at(5)).unwrap();

    let ids = |rows: Vec<wasp_store::ReviewRow>| rows.into_iter().map(|r| r.id).collect::<Vec<_>>();
    assert_eq!(ids(store.list_reviews(None, 100).unwrap()), [a2, b1, a1, a0]);
    assert_eq!(ids(store.list_reviews(None, 2).unwrap()), [a2, b1]);
    assert_eq!(ids(store.list_reviews(Some("111111111111"), usize::MAX).unwrap()), [a2, a1, a0]);
    assert_eq!(ids(store.list_reviews(Some("999999999999"), 10).unwrap()), Vec::<i64>::new());
    assert_eq!(ids(store.list_reviews(None, 0).unwrap()), Vec::<i64>::new());
}

#[test]
fn previous_and_last_two_compare_only_reviews_of_the_same_scope() {
    let (_dir, path) = db_path();
    let mut store = Store::open(&path).unwrap();
    let both = ["us-east-1", "eu-west-1"];
    let first = store.save_review(&review("111111111111", &both, &[]), at(10)).unwrap();
    let other_account = store.save_review(&review("222222222222", &both, &[]), at(20)).unwrap();
    let other_regions = store.save_review(&review("111111111111", &["us-east-1"], &[]), at(30)).unwrap();
    let narrowed = store.save_review(&review("111111111111", &both, &["services: s3"]), at(40)).unwrap();
    // The same regions in another order are the same scope.
    let second = store.save_review(&review("111111111111", &["eu-west-1", "us-east-1"], &[]), at(50)).unwrap();

    assert_eq!(store.previous(second).unwrap(), Some(first));
    assert_eq!(store.previous(first).unwrap(), None);
    assert_eq!(store.previous(other_account).unwrap(), None);
    assert_eq!(store.previous(other_regions).unwrap(), None);
    assert_eq!(store.previous(narrowed).unwrap(), None);

    assert_eq!(store.last_two(None).unwrap(), (Some(second), Some(first)));
    assert_eq!(store.last_two(Some("222222222222")).unwrap(), (Some(other_account), None));
    assert_eq!(store.last_two(Some("999999999999")).unwrap(), (None, None));

    // Two saved in the same instant: the later id is the later review.
    let third = store.save_review(&review("111111111111", &both, &[]), at(50)).unwrap();
    assert_eq!(store.previous(third).unwrap(), Some(second));
    assert_eq!(store.last_two(Some("111111111111")).unwrap(), (Some(third), Some(second)));
}

#[test]
fn a_document_that_no_longer_deserializes_is_one_sentence_naming_the_review() {
    let (_dir, path) = db_path();
    let mut store = Store::open(&path).unwrap();
    let id = store.save_review(&review("111111111111", &["us-east-1"], &[]), at(0)).unwrap();
    let raw = Connection::open(&path).unwrap();
    raw.execute("UPDATE reviews SET document = json_set(document, '$.from_the_future', 1)", []).unwrap();
    let err = store.load_review(id).unwrap_err();
    assert!(matches!(err, StoreError::BadDocument { .. }));
    let text = sentence(&err);
    assert_eq!(
        text,
        format!(
            "review {id} in {} (saved by wasp {}) cannot be read by this wasp: unknown field `from_the_future`",
            path.display(),
            env!("CARGO_PKG_VERSION")
        )
    );
    // The listing still works: it does not read documents.
    assert_eq!(store.list_reviews(None, 10).unwrap().len(), 1);
}

#[test]
fn milestones_name_existing_reviews_once() {
    let (_dir, path) = db_path();
    let mut store = Store::open(&path).unwrap();
    let r1 = store.save_review(&review("111111111111", &["us-east-1"], &[]), at(0)).unwrap();
    let r2 = store.save_review(&review("111111111111", &["us-east-1"], &[]), at(1)).unwrap();
    store.create_milestone("baseline", r1, at(100)).unwrap();
    store.create_milestone("after-remediation", r2, at(200)).unwrap();

    assert_eq!(store.milestone("baseline").unwrap(), Some(r1));
    assert_eq!(store.milestone("after-remediation").unwrap(), Some(r2));
    assert_eq!(store.milestone("nope").unwrap(), None);
    assert_eq!(
        store.list_milestones().unwrap(),
        [
            MilestoneRow { name: "baseline".into(), review_id: r1, created_at: at(100) },
            MilestoneRow { name: "after-remediation".into(), review_id: r2, created_at: at(200) },
        ]
    );

    let dup = store.create_milestone("baseline", r2, at(300)).unwrap_err();
    assert_eq!(sentence(dup), format!("a milestone named 'baseline' already exists in {}", path.display()));
    assert_eq!(store.milestone("baseline").unwrap(), Some(r1), "the duplicate changed nothing");

    let unknown = store.create_milestone("ghost", 99, at(300)).unwrap_err();
    assert_eq!(sentence(unknown), format!("no review 99 in {}", path.display()));
    assert_eq!(store.milestone("ghost").unwrap(), None);

    let blank = store.create_milestone("  ", r1, at(300)).unwrap_err();
    assert!(sentence(blank).starts_with("a milestone needs a name"));
    assert_eq!(store.list_milestones().unwrap().len(), 2);
}

fn rule(check_id: &str) -> SuppressionRow {
    SuppressionRow {
        id: 0,
        check_id: check_id.into(),
        resource: None,
        account: None,
        region: None,
        tags: BTreeMap::new(),
        reason: "accepted risk".into(),
        expires: None,
        created_at: at(0),
    }
}

#[test]
fn suppressions_are_added_listed_and_removed_with_tags_and_expiry() {
    let (_dir, path) = db_path();
    let mut store = Store::open(&path).unwrap();
    let full = SuppressionRow {
        id: 77, // ignored
        check_id: "s3_bucket_public_access_block".into(),
        resource: Some("arn:aws:s3:::public-website".into()),
        account: Some("111111111111".into()),
        region: Some("eu-west-1".into()),
        tags: BTreeMap::from([("env".into(), "prod".into()), ("owner".into(), "web team ✓".into())]),
        reason: "static website, reviewed by security".into(),
        expires: Some(NaiveDate::from_ymd_opt(2026, 6, 30).unwrap()),
        created_at: "2026-01-05T10:00:00.5Z".parse().unwrap(),
    };
    let a = store.add_suppression(&full).unwrap();
    let b = store.add_suppression(&rule("iam_root_mfa")).unwrap();
    assert_ne!(a, 77);
    assert_eq!(
        store.list_suppressions().unwrap(),
        [SuppressionRow { id: a, ..full.clone() }, SuppressionRow { id: b, ..rule("iam_root_mfa") }]
    );

    assert!(store.remove_suppression(b).unwrap());
    assert!(!store.remove_suppression(b).unwrap());
    assert_eq!(store.list_suppressions().unwrap(), [SuppressionRow { id: a, ..full }]);
    // The id of a removed rule is never given again.
    let c = store.add_suppression(&rule("x")).unwrap();
    assert!(c > b, "{c} reuses {b}");
}

#[test]
fn rows_print_as_json() {
    let (_dir, path) = db_path();
    let mut store = Store::open(&path).unwrap();
    let mut r = rule("c");
    r.expires = NaiveDate::from_ymd_opt(2026, 6, 30);
    store.add_suppression(&r).unwrap();
    let json = serde_json::to_value(store.list_suppressions().unwrap()).unwrap();
    assert_eq!(json[0]["expires"], "2026-06-30");
    assert_eq!(json[0]["created_at"], "2026-01-01T00:00:00Z");
    assert_eq!(json[0]["resource"], serde_json::Value::Null);
    let id = store.save_review(&review("111111111111", &["us-east-1"], &[]), at(0)).unwrap();
    let json = serde_json::to_value(store.list_reviews(None, 1).unwrap()).unwrap();
    assert_eq!(json[0]["id"], id);
    assert_eq!(json[0]["regions"], serde_json::json!(["us-east-1"]));
}

#[test]
fn the_file_is_a_wal_database_of_this_schema_whose_milestones_need_a_review() {
    let (_dir, path) = db_path();
    drop(Store::open(&path).unwrap());
    let raw = Connection::open(&path).unwrap();
    let mode: String = raw.query_row("PRAGMA journal_mode", [], |r| r.get(0)).unwrap();
    assert_eq!(mode, "wal");
    let version: i64 = raw.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
    assert_eq!(version, wasp_store::SCHEMA_VERSION as i64);
    raw.pragma_update(None, "foreign_keys", true).unwrap();
    let orphan = raw.execute("INSERT INTO milestones (name, review_id, created_at) VALUES ('m', 5, 'x')", []);
    assert!(orphan.is_err(), "a milestone of no review was accepted");
}
