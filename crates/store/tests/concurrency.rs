//! Two writers at once, and a writer killed with SIGKILL in the middle of its writes.

mod common;

use std::collections::BTreeSet;
use std::path::Path;
use std::sync::{Arc, Barrier};
use std::time::{Duration, Instant};

use chrono::Utc;
use common::{db_path, review, review_with_gaps};
use rusqlite::Connection;
use wasp_store::Store;

fn integrity(path: &Path) -> String {
    let raw = Connection::open(path).unwrap();
    raw.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap()
}

#[test]
fn two_stores_on_one_new_file_each_save_50_reviews() {
    let (_dir, path) = db_path();
    // Both open the file while it does not exist yet, so they also race to create the schema.
    let start = Arc::new(Barrier::new(2));
    let writers: Vec<_> = ["111111111111", "222222222222"]
        .into_iter()
        .map(|account| {
            let (path, start) = (path.clone(), Arc::clone(&start));
            std::thread::spawn(move || {
                start.wait();
                let mut store = Store::open(&path).unwrap();
                let r = review(account, &["us-east-1"], &[]);
                (0..50).map(|_| store.save_review(&r, Utc::now()).unwrap()).collect::<Vec<i64>>()
            })
        })
        .collect();
    let ids: Vec<Vec<i64>> = writers.into_iter().map(|w| w.join().unwrap()).collect();

    let all: BTreeSet<i64> = ids.iter().flatten().copied().collect();
    assert_eq!(all.len(), 100, "ids were given twice");
    let store = Store::open(&path).unwrap();
    let rows = store.list_reviews(None, usize::MAX).unwrap();
    assert_eq!(rows.len(), 100);
    for (account, mine) in ["111111111111", "222222222222"].iter().zip(&ids) {
        assert_eq!(store.list_reviews(Some(account), usize::MAX).unwrap().len(), 50);
        for id in mine {
            assert_eq!(store.load_review(*id).unwrap().scope.account_id, *account);
        }
    }
    assert_eq!(integrity(&path), "ok");
}

/// Set in the child process to the database it writes.
const CHILD_DB: &str = "WASP_STORE_TEST_WRITER_DB";

/// The child: saves large reviews and names each one, until it is killed (or, should its
/// parent be gone, for two minutes). A no-op in a normal test run.
#[test]
fn writer_child_saves_until_killed() {
    let Some(path) = std::env::var_os(CHILD_DB) else { return };
    let mut store = Store::open(Path::new(&path)).unwrap();
    // ~1 MB documents: a save spans many pages, so a kill lands inside one.
    let r = review_with_gaps("111111111111", &["us-east-1"], &[], 4000);
    let give_up = Instant::now() + Duration::from_secs(120);
    while Instant::now() < give_up {
        let id = store.save_review(&r, Utc::now()).unwrap();
        store.create_milestone(&format!("m{id}"), id, Utc::now()).unwrap();
    }
}

/// A child process that is killed when this is dropped, should the test fail first.
struct Writer(std::process::Child);

impl Drop for Writer {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn count(path: &Path) -> i64 {
    let raw = Connection::open(path).unwrap();
    raw.busy_timeout(Duration::from_secs(10)).unwrap();
    raw.query_row("SELECT count(*) FROM reviews", [], |r| r.get(0)).unwrap_or(0)
}

/// Whether the WAL ends in frames of a transaction that never committed: the writer died in
/// the middle of writing it. (Format: sqlite.org/fileformat.html, "The Write-Ahead Log".)
fn wal_has_uncommitted_tail(wal: &Path) -> bool {
    let Ok(bytes) = std::fs::read(wal) else { return false };
    if bytes.len() < 32 {
        return false;
    }
    let be = |at: usize| u32::from_be_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]]);
    let (page_size, salts) = (be(8) as usize, (be(16), be(20)));
    let (mut at, mut tail) = (32, false);
    while at + 24 + page_size <= bytes.len() && (be(at + 8), be(at + 12)) == salts {
        tail = be(at + 4) == 0; // not a commit frame
        at += 24 + page_size;
    }
    tail
}

#[cfg(unix)]
#[test]
fn a_writer_killed_mid_write_leaves_a_sound_database() {
    use std::os::unix::process::ExitStatusExt;
    use std::process::{Command, Stdio};

    // Until a kill has landed inside a transaction at least twice (each does about every other
    // time here), and a few rounds in any case.
    const MIN_ROUNDS: usize = 4;
    const MAX_ROUNDS: usize = 30;
    let (_dir, path) = db_path();
    let wal = path.with_extension("db-wal");
    let modified = || std::fs::metadata(&wal).and_then(|m| m.modified()).ok();
    let exe = std::env::current_exe().unwrap();
    let mut mid_transaction = 0;
    let mut expected_reviews = 0;
    let mut round = 0;
    while round < MIN_ROUNDS || (mid_transaction < 2 && round < MAX_ROUNDS) {
        let before = count(&path);
        let mut writer = Writer(
            Command::new(&exe)
                .args(["writer_child_saves_until_killed", "--exact", "--nocapture", "--test-threads=1"])
                .env(CHILD_DB, &path)
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap(),
        );
        let child = &mut writer.0;
        let deadline = Instant::now() + Duration::from_secs(120);
        while count(&path) < before + 2 {
            if let Some(status) = child.try_wait().unwrap() {
                let mut stderr = String::new();
                std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut stderr).unwrap();
                panic!("the writer stopped by itself ({status}): {stderr}");
            }
            assert!(Instant::now() < deadline, "the writer saved nothing in 120 s");
            std::thread::sleep(Duration::from_millis(5));
        }
        // Kill just as the writer appends to the WAL, most likely inside a transaction's frames.
        let seen = modified();
        let spin_until = Instant::now() + Duration::from_secs(5);
        while modified() == seen && Instant::now() < spin_until {}
        child.kill().unwrap(); // SIGKILL on Unix
        let status = child.wait().unwrap();
        assert_eq!(status.signal(), Some(9), "the writer was not killed by SIGKILL: {status}");
        mid_transaction += usize::from(wal_has_uncommitted_tail(&wal));

        // Reopened: sound, and everything listed is whole.
        assert_eq!(integrity(&path), "ok", "round {round}");
        let mut store = Store::open(&path).unwrap();
        let rows = store.list_reviews(None, usize::MAX).unwrap();
        let ids: Vec<i64> = rows.iter().rev().map(|r| r.id).collect();
        assert_eq!(ids, (1..=rows.len() as i64).collect::<Vec<_>>(), "a review is missing or half there");
        assert!(rows.len() as i64 >= before + 2, "committed reviews were lost");
        for row in &rows {
            let loaded = store.load_review(row.id).unwrap();
            assert_eq!(loaded.scope.account_id, row.account_id);
            assert_eq!(loaded.gaps.len(), row.gaps);
        }
        let milestones = store.list_milestones().unwrap();
        for m in &milestones {
            assert_eq!(m.name, format!("m{}", m.review_id));
            store.load_review(m.review_id).unwrap();
        }
        // Only a review whose writer was killed before naming it lacks a milestone: one a round.
        let written = rows.iter().filter(|r| r.account_id == "111111111111").count();
        assert!(
            milestones.len() <= written && written <= milestones.len() + round + 1,
            "{} named of {written}",
            milestones.len()
        );
        // And it takes writes again.
        let id = store.save_review(&review("222222222222", &["us-east-1"], &[]), Utc::now()).unwrap();
        assert_eq!(id, rows.len() as i64 + 1);
        expected_reviews = rows.len() + 1;
        round += 1;
    }
    assert_eq!(count(&path) as usize, expected_reviews);
    eprintln!("{mid_transaction} of {round} kills left an uncommitted transaction in the WAL");
    assert!(mid_transaction > 0, "no kill of {round} landed inside a transaction: the test did not test");
}

/// Another connection holds the write lock for `hold`, from before this returns.
fn hold_write_lock(path: &Path, hold: Duration) -> std::thread::JoinHandle<()> {
    let locked = Arc::new(Barrier::new(2));
    let (path, signal) = (path.to_path_buf(), Arc::clone(&locked));
    let holder = std::thread::spawn(move || {
        let raw = Connection::open(&path).unwrap();
        raw.execute_batch("BEGIN IMMEDIATE; DELETE FROM suppressions;").unwrap();
        signal.wait();
        std::thread::sleep(hold);
        raw.execute_batch("COMMIT").unwrap();
    });
    locked.wait();
    holder
}

#[test]
fn a_writer_waits_for_another_writers_lock() {
    let (_dir, path) = db_path();
    let mut store = Store::open(&path).unwrap();
    let holder = hold_write_lock(&path, Duration::from_millis(1500));
    let started = Instant::now();
    let id = store.save_review(&review("111111111111", &["us-east-1"], &[]), Utc::now()).unwrap();
    assert!(started.elapsed() >= Duration::from_millis(1000), "did not wait: {:?}", started.elapsed());
    holder.join().unwrap();
    store.load_review(id).unwrap();
}

#[test]
fn a_lock_held_past_the_timeout_is_one_sentence() {
    let (_dir, path) = db_path();
    let mut store = Store::open(&path).unwrap();
    let holder = hold_write_lock(&path, Duration::from_secs(12));
    let err = store.save_review(&review("111111111111", &["us-east-1"], &[]), Utc::now()).unwrap_err();
    assert_eq!(
        common::sentence(&err),
        format!("the wasp database {} stayed locked by another program for more than 10 seconds", path.display())
    );
    holder.join().unwrap();
    assert_eq!(store.list_reviews(None, 10).unwrap().len(), 0);
}

#[test]
fn stores_opening_one_new_file_at_once_all_get_the_schema() {
    for _ in 0..10 {
        let (_dir, path) = db_path();
        let start = Arc::new(Barrier::new(4));
        let openers: Vec<_> = (0..4)
            .map(|_| {
                let (path, start) = (path.clone(), Arc::clone(&start));
                std::thread::spawn(move || {
                    start.wait();
                    let mut store = Store::open(&path).unwrap();
                    store.save_review(&review("111111111111", &["us-east-1"], &[]), Utc::now()).unwrap()
                })
            })
            .collect();
        let ids: BTreeSet<i64> = openers.into_iter().map(|o| o.join().unwrap()).collect();
        assert_eq!(ids, BTreeSet::from([1, 2, 3, 4]));
    }
}
