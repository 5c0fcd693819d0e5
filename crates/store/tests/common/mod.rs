//! Reviews and paths the tests share.
#![allow(dead_code)]

use std::path::PathBuf;

use chrono::{DateTime, TimeZone, Utc};
use wasp_model::{Gap, GapKind, Inventory, Service};
use wasp_pillar::Lens;
use wasp_review::{Inputs, Review, Source, DEFAULT_MAX_AGE_DAYS};

/// A review of `account` that read `regions` (every region enabled) and left out `left_out`.
pub fn review(account: &str, regions: &[&str], left_out: &[&str]) -> Review {
    review_with_gaps(account, regions, left_out, 0)
}

/// The same, with `gaps` failed reads, to make the document as large as a real one.
pub fn review_with_gaps(account: &str, regions: &[&str], left_out: &[&str], gaps: usize) -> Review {
    let mut inv = Inventory::new(account, "2026-01-01T00:00:00.123456789Z".parse().unwrap());
    inv.regions = regions.iter().map(|r| r.to_string()).collect();
    inv.enabled_regions = Some(inv.regions.clone());
    inv.gaps = (0..gaps)
        .map(|i| Gap {
            service: Service::S3,
            region: "us-east-1".into(),
            operation: "GetBucketPolicy".into(),
            kind: GapKind::AccessDenied,
            reason: format!("AccessDenied: not authorized to perform s3:GetBucketPolicy (call {i})"),
            resource: Some(format!("arn:aws:s3:::bucket-{i}")),
        })
        .collect();
    let inputs = Inputs {
        catalogue: &[],
        ran: &[],
        findings: Vec::new(),
        source: Source::Snapshot,
        narrowed_by: left_out.iter().map(|l| l.to_string()).collect(),
        answers: None,
        reviewed_at: "2026-01-02T00:00:00Z".parse().unwrap(),
        answer_max_age_days: DEFAULT_MAX_AGE_DAYS,
        thresholds: Vec::new(),
        suppressions: Vec::new(),
    };
    wasp_review::review(Lens::builtin(), &inv, inputs)
}

/// `seconds` after 2026-01-01, UTC.
pub fn at(seconds: i64) -> DateTime<Utc> {
    Utc.timestamp_opt(1_767_225_600 + seconds, 0).unwrap()
}

/// A database path in a fresh temporary folder (kept alive by the returned guard).
pub fn db_path() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("wasp.db");
    (dir, path)
}

/// The error's message, checked to be one sentence: one line, no SQL, no debug dump.
pub fn sentence(err: impl std::fmt::Display) -> String {
    let text = err.to_string();
    assert!(!text.contains('\n'), "more than one line: {text}");
    for leak in ["SELECT", "INSERT", "CREATE", "PRAGMA", "Error code", "SqliteFailure", "{ ", "rusqlite"] {
        assert!(!text.contains(leak), "leaks {leak:?}: {text}");
    }
    text
}
