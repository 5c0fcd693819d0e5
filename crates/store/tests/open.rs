//! What `Store::open` accepts and refuses, and how it says so.

mod common;

use std::fs;

use common::{at, db_path, review, sentence};
use rusqlite::Connection;
use wasp_store::{Store, StoreError};

#[test]
fn a_missing_file_and_its_folders_are_created() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("data/wasp/wasp.db");
    let mut store = Store::open(&path).unwrap();
    assert!(path.is_file());
    store.save_review(&review("111111111111", &["us-east-1"], &[]), at(0)).unwrap();
}

#[test]
fn a_relative_path_is_a_file_even_when_it_looks_like_a_uri() {
    // Passed on as is, `file:…` would be read by SQLite as a URI. Every other test of this
    // binary uses absolute paths, so moving the working directory does not disturb them.
    let dir = tempfile::tempdir().unwrap();
    std::env::set_current_dir(dir.path()).unwrap();
    let relative = std::path::Path::new("file:wasp.db?mode=ro");
    let mut store = Store::open(relative).unwrap();
    store.save_review(&review("111111111111", &["us-east-1"], &[]), at(0)).unwrap();
    assert!(dir.path().join("file:wasp.db?mode=ro").is_file());
    assert_eq!(store.path(), relative);
}

#[test]
fn an_empty_file_becomes_a_fresh_database() {
    let (_dir, path) = db_path();
    fs::write(&path, b"").unwrap();
    let mut store = Store::open(&path).unwrap();
    let id = store.save_review(&review("111111111111", &["us-east-1"], &[]), at(0)).unwrap();
    assert!(store.load_review(id).is_ok());
}

#[test]
fn random_bytes_are_not_a_wasp_database_and_are_left_alone() {
    let (_dir, path) = db_path();
    // Deterministic noise, a few pages of it.
    let mut x: u32 = 0x1234_5678;
    let bytes: Vec<u8> = (0..16384)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            x as u8
        })
        .collect();
    fs::write(&path, &bytes).unwrap();
    let err = Store::open(&path).unwrap_err();
    assert_eq!(sentence(&err), format!("{} is not a wasp database (it is not an SQLite database)", path.display()));
    assert_eq!(fs::read(&path).unwrap(), bytes, "the file was changed");
}

#[test]
fn a_text_file_is_not_a_wasp_database() {
    let (_dir, path) = db_path();
    fs::write(&path, "account_id,region\n123456789012,us-east-1\n").unwrap();
    let err = Store::open(&path).unwrap_err();
    assert!(matches!(err, StoreError::NotWasp { .. }), "{err:?}");
}

#[test]
fn another_programs_database_is_refused_untouched() {
    let (_dir, path) = db_path();
    let raw = Connection::open(&path).unwrap();
    raw.execute_batch("CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('Ada');").unwrap();
    drop(raw);
    let before = fs::read(&path).unwrap();
    let err = Store::open(&path).unwrap_err();
    assert_eq!(
        sentence(&err),
        format!("{} is not a wasp database (it is another program's SQLite database)", path.display())
    );
    assert_eq!(fs::read(&path).unwrap(), before, "the file was changed");
}

/// A wasp database holding `reviews` reviews, closed (so checkpointed into the main file).
fn database_with(reviews: usize) -> (tempfile::TempDir, std::path::PathBuf) {
    let (dir, path) = db_path();
    let mut store = Store::open(&path).unwrap();
    for i in 0..reviews {
        store.save_review(&common::review_with_gaps("111111111111", &["us-east-1"], &[], 50), at(i as i64)).unwrap();
    }
    drop(store);
    assert!(!path.with_extension("db-wal").exists(), "the last close should checkpoint and remove the WAL");
    (dir, path)
}

#[test]
fn a_truncated_database_is_corrupt() {
    let (_dir, path) = database_with(20);
    let len = fs::metadata(&path).unwrap().len();
    assert!(len > 64 * 1024, "{len} bytes is too small to cut in half meaningfully");
    let file = fs::OpenOptions::new().write(true).open(&path).unwrap();
    file.set_len(len / 2).unwrap();
    drop(file);
    let err = Store::open(&path).unwrap_err();
    assert_eq!(
        sentence(&err),
        format!(
            "the wasp database {} is corrupt (SQLite's integrity check failed); move it aside to start a new one",
            path.display()
        )
    );
}

#[test]
fn a_database_cut_inside_its_header_is_refused() {
    let (_dir, path) = database_with(1);
    let file = fs::OpenOptions::new().write(true).open(&path).unwrap();
    file.set_len(50).unwrap();
    drop(file);
    let err = Store::open(&path).unwrap_err();
    assert!(matches!(err, StoreError::NotWasp { .. } | StoreError::Corrupt { .. }), "{err:?}");
    sentence(err);
}

#[test]
fn a_corrupted_page_is_corrupt() {
    let (_dir, path) = database_with(20);
    let mut bytes = fs::read(&path).unwrap();
    // Overwrite the middle pages (past the header and schema page) with a pattern.
    let page = 4096;
    let start = bytes.len() / 2 / page * page;
    for b in &mut bytes[start..start + 4 * page] {
        *b = 0xA5;
    }
    fs::write(&path, &bytes).unwrap();
    let err = Store::open(&path).unwrap_err();
    assert!(matches!(err, StoreError::Corrupt { .. }), "{err:?}");
    sentence(err);
}

#[test]
fn a_directory_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let err = Store::open(dir.path()).unwrap_err();
    assert_eq!(sentence(&err), format!("{} is a directory, not a wasp database", dir.path().display()));
}

#[test]
fn a_newer_schema_is_refused_with_both_versions() {
    let (_dir, path) = database_with(1);
    let raw = Connection::open(&path).unwrap();
    raw.pragma_update(None, "user_version", 99).unwrap();
    drop(raw);
    let err = Store::open(&path).unwrap_err();
    assert_eq!(
        sentence(&err),
        format!(
            "the wasp database {} was written by a newer wasp (schema 99; this wasp knows {})",
            path.display(),
            wasp_store::SCHEMA_VERSION
        )
    );
    // Nothing was migrated down or otherwise touched.
    let raw = Connection::open(&path).unwrap();
    let version: i64 = raw.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
    assert_eq!(version, 99);
}

#[test]
fn a_path_under_a_file_cannot_be_created() {
    let (_dir, file) = db_path();
    fs::write(&file, b"").unwrap();
    let path = file.join("wasp.db");
    let err = Store::open(&path).unwrap_err();
    assert!(matches!(err, StoreError::CreateDir { .. }), "{err:?}");
    assert_eq!(
        sentence(&err),
        format!("cannot create the folder of the wasp database {}: {} is a file", path.display(), file.display())
    );
}

#[cfg(unix)]
#[test]
fn a_read_only_file_is_refused() {
    use std::os::unix::fs::PermissionsExt;
    let (_dir, path) = database_with(1);
    fs::set_permissions(&path, fs::Permissions::from_mode(0o444)).unwrap();
    if fs::OpenOptions::new().write(true).open(&path).is_ok() {
        eprintln!("running as root: permissions do not stop writes, so this case cannot be shown here");
        return;
    }
    let err = Store::open(&path).unwrap_err();
    assert_eq!(sentence(&err), format!("cannot write to the wasp database {}: it is read-only", path.display()));
}

#[cfg(unix)]
#[test]
fn a_folder_that_cannot_be_written_is_refused() {
    use std::os::unix::fs::PermissionsExt;
    let (dir, existing) = database_with(1);
    let new = dir.path().join("new.db");
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o555)).unwrap();
    if fs::write(dir.path().join("probe"), b"").is_ok() {
        eprintln!("running as root: permissions do not stop writes, so this case cannot be shown here");
        return;
    }
    let err = Store::open(&new).unwrap_err();
    let text = sentence(&err);
    assert!(
        text.starts_with(&format!("cannot create the wasp database {}: Permission denied", new.display())),
        "{text}"
    );
    // The WAL and its index live beside the database: without them it cannot be opened either.
    let err = Store::open(&existing).unwrap_err();
    let text = sentence(&err);
    assert_eq!(
        text,
        format!(
            "cannot write to the wasp database {}: {}",
            existing.display(),
            "its folder is read-only, and SQLite keeps its write-ahead log beside it"
        )
    );
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).unwrap();
}
