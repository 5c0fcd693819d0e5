//! The local database of wasp: every saved review, the milestones that name some of them, the
//! suppressions that mute findings, and the record of every change wasp applied (incident
//! playbooks and fixes).
//!
//! One SQLite file (by default `$XDG_DATA_HOME/wasp/wasp.db`, see [`Store::default_path`]) in
//! WAL mode, so that readers never block the writer and two wasp processes can write it at
//! once: each write is one `BEGIN IMMEDIATE` transaction, and a writer waits up to 10 seconds
//! for another's lock. The schema is versioned by `rusqlite_migration` in SQLite's
//! `user_version`, and the file is marked as wasp's by its `application_id` ("WASP").
//!
//! Opening refuses, in one sentence naming the path: a directory, an unwritable file, a file
//! that is not an SQLite database or is another program's, a corrupt database (SQLite's
//! `quick_check`), and a database of a newer schema than this wasp knows. An empty file (zero
//! bytes, as `touch` leaves it) is an empty SQLite database to SQLite, and so becomes a fresh
//! wasp database.

mod error;
mod schema;

pub use error::StoreError;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};
use rusqlite::{params, Connection, OpenFlags, OptionalExtension, Row, Transaction, TransactionBehavior};
use serde::Serialize;
use wasp_review::{Coverage, Review, Scope, Source};

use error::{bad_document, excerpt, from_sqlite, FILE_READ_ONLY};

/// The schema version this wasp writes (SQLite's `user_version`).
pub const SCHEMA_VERSION: usize = schema::VERSION;

/// The review database, open for reading and writing.
#[derive(Debug)]
pub struct Store {
    conn: Connection,
    path: PathBuf,
}

/// One saved review as a listing shows it: the review's scope and summary, without the document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReviewRow {
    pub id: i64,
    pub saved_at: DateTime<Utc>,
    pub collected_at: DateTime<Utc>,
    pub account_id: String,
    /// The regions read, as the review lists them.
    pub regions: Vec<String>,
    /// `live`, `snapshot`, `demo` or `iac`.
    pub source: String,
    /// `complete` or `partial`.
    pub coverage: String,
    pub lens_version: String,
    pub high_risk_questions: usize,
    pub medium_risk_questions: usize,
    /// Best practices met and not met (`summary.best_practices`; conflicts are not counted here).
    pub met: usize,
    pub not_met: usize,
    /// FAIL findings.
    pub failed_findings: usize,
    pub gaps: usize,
    /// See [`scope_key`].
    pub scope_key: String,
}

/// A named review.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MilestoneRow {
    pub name: String,
    pub review_id: i64,
    pub created_at: DateTime<Utc>,
}

/// A rule that mutes the findings it matches until it expires. `None` and empty `tags` match
/// anything; what matching and expiry mean is up to the code that applies the rules.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SuppressionRow {
    /// Given by the store: ignored by [`Store::add_suppression`].
    pub id: i64,
    pub check_id: String,
    pub resource: Option<String>,
    pub account: Option<String>,
    pub region: Option<String>,
    pub tags: BTreeMap<String, String>,
    pub reason: String,
    pub expires: Option<NaiveDate>,
    pub created_at: DateTime<Utc>,
}

/// The scope of a review as a stable string: two reviews are compared (see [`Store::previous`])
/// only when they are about the same account, the same regions and leave out the same things.
///
/// It is the JSON array `[account_id, sorted regions, sorted left_out lines]`, e.g.
/// `["123456789012",["eu-west-1","us-east-1"],[]]`.
pub fn scope_key(scope: &Scope) -> String {
    let mut regions: Vec<&str> = scope.regions.iter().map(String::as_str).collect();
    regions.sort_unstable();
    regions.dedup();
    let mut left_out: Vec<&str> = scope.left_out.iter().map(String::as_str).collect();
    left_out.sort_unstable();
    left_out.dedup();
    // Serializing strings and arrays of strings cannot fail.
    serde_json::to_string(&(&scope.account_id, regions, left_out)).unwrap_or_default()
}

const REVIEW_COLUMNS: &str = "id, saved_at, collected_at, account_id, regions, source, coverage, lens_version, \
     high_risk_questions, medium_risk_questions, met, not_met, failed_findings, gaps, scope_key";

const SUPPRESSION_COLUMNS: &str = "id, check_id, resource, account, region, tags, reason, expires, created_at";

const INCIDENT_COLUMNS: &str =
    "id, record_id, kind, playbook, target, account_id, identity, started_at, finished_at, steps_applied, stopped";

/// One applied plan as a listing shows it: a playbook's incident record or a fix's journal,
/// without the document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IncidentRow {
    /// Given by the store: ignored by [`Store::save_incident`].
    pub id: i64,
    /// The incident id (a playbook's) or the journal's id (a fix's).
    pub record_id: String,
    /// `playbook` or `fix`.
    pub kind: String,
    pub playbook: Option<String>,
    pub target: Option<String>,
    pub account_id: String,
    /// The identity that made the calls.
    pub identity: String,
    pub started_at: DateTime<Utc>,
    pub finished_at: DateTime<Utc>,
    pub steps_applied: usize,
    /// Why the run stopped before its end, if it did.
    pub stopped: Option<String>,
}

impl Store {
    /// The database wasp uses unless told otherwise: `$XDG_DATA_HOME/wasp/wasp.db` when
    /// `XDG_DATA_HOME` is set to an absolute path (on every platform), else `wasp.db` in the
    /// platform's data directory for wasp (`~/.local/share/wasp` on Linux,
    /// `~/Library/Application Support/dev.wasp.wasp` on macOS, `%APPDATA%\wasp\wasp\data` on
    /// Windows). `None` when no home directory is known.
    pub fn default_path() -> Option<PathBuf> {
        default_path_from(std::env::var_os("XDG_DATA_HOME"))
    }

    /// Opens the database at `path`, creating its folders and the file when missing, and
    /// brings its schema up to date (see the crate documentation for what it refuses).
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        let shown = path.to_path_buf();
        if path.is_dir() {
            return Err(StoreError::Directory { path: shown });
        }
        // Absolute, so that SQLite never reads a relative `file:…` name as a URI.
        let absolute =
            std::path::absolute(path).map_err(|e| StoreError::Open { path: shown.clone(), reason: e.to_string() })?;
        prepare_file(path, &absolute)?;
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(&absolute, flags)
            .map_err(|e| from_sqlite(path, "open the wasp database", e))?;
        let conn = schema::prepare(conn, path)?;
        Ok(Store { conn, path: shown })
    }

    /// The path the database was opened with.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Saves `review` in one transaction and returns its id.
    pub fn save_review(&mut self, review: &Review, saved_at: DateTime<Utc>) -> Result<i64, StoreError> {
        let doing = "save the review in the wasp database";
        let document = serde_json::to_string(review).map_err(|e| self.failed(doing, &e.to_string()))?;
        let regions = serde_json::to_string(&review.scope.regions).map_err(|e| self.failed(doing, &e.to_string()))?;
        let summary = &review.summary;
        self.write(doing, |tx| {
            tx.execute(
                "INSERT INTO reviews (saved_at, collected_at, account_id, regions, scope_key, source, coverage, \
                 lens_version, high_risk_questions, medium_risk_questions, met, not_met, failed_findings, gaps, \
                 document) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
                params![
                    time_text(saved_at),
                    time_text(review.scope.collected_at),
                    review.scope.account_id,
                    regions,
                    scope_key(&review.scope),
                    source_name(review.scope.source),
                    coverage_name(review.scope.coverage),
                    review.lens.version,
                    count_value(summary.high_risk_questions),
                    count_value(summary.medium_risk_questions),
                    count_value(summary.best_practices.met),
                    count_value(summary.best_practices.not_met),
                    count_value(summary.findings.fail),
                    count_value(summary.gaps),
                    document,
                ],
            )?;
            Ok(Ok(tx.last_insert_rowid()))
        })
    }

    /// The review saved as `id`.
    pub fn load_review(&self, id: i64) -> Result<Review, StoreError> {
        let document: String = self
            .conn
            .query_row("SELECT document FROM reviews WHERE id = ?1", [id], |row| row.get(0))
            .optional()
            .map_err(|e| self.sql("read a review from the wasp database", e))?
            .ok_or_else(|| self.no_such_review(id))?;
        serde_json::from_str(&document).map_err(|e| {
            let (saved_by, reason) = bad_document(&document, &e);
            StoreError::BadDocument { id, path: self.path.clone(), saved_by, reason }
        })
    }

    /// At most `limit` saved reviews, of `account` when given, newest first (by `saved_at`,
    /// then id).
    pub fn list_reviews(&self, account: Option<&str>, limit: usize) -> Result<Vec<ReviewRow>, StoreError> {
        let doing = "list the reviews of the wasp database";
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let rows = match account {
            Some(account) => self.query(
                &format!(
                    "SELECT {REVIEW_COLUMNS} FROM reviews WHERE account_id = ?1 \
                     ORDER BY saved_at DESC, id DESC LIMIT ?2"
                ),
                params![account, limit],
                review_row,
            ),
            None => self.query(
                &format!("SELECT {REVIEW_COLUMNS} FROM reviews ORDER BY saved_at DESC, id DESC LIMIT ?1"),
                params![limit],
                review_row,
            ),
        };
        rows.map_err(|e| self.sql(doing, e))
    }

    /// The review of the same scope (see [`scope_key`]) saved just before `id`, if any.
    pub fn previous(&self, id: i64) -> Result<Option<i64>, StoreError> {
        let doing = "find the previous review in the wasp database";
        let this: Option<(String, String)> = self
            .conn
            .query_row("SELECT scope_key, saved_at FROM reviews WHERE id = ?1", [id], |row| {
                Ok((row.get(0)?, row.get(1)?))
            })
            .optional()
            .map_err(|e| self.sql(doing, e))?;
        let (key, saved_at) = this.ok_or_else(|| self.no_such_review(id))?;
        self.conn
            .query_row(
                "SELECT id FROM reviews WHERE scope_key = ?1 AND (saved_at < ?2 OR (saved_at = ?2 AND id < ?3)) \
                 ORDER BY saved_at DESC, id DESC LIMIT 1",
                params![key, saved_at, id],
                |row| row.get(0),
            )
            .optional()
            .map_err(|e| self.sql(doing, e))
    }

    /// The newest review (of `account` when given), and the newest one of its scope before it.
    pub fn last_two(&self, account: Option<&str>) -> Result<(Option<i64>, Option<i64>), StoreError> {
        let Some(newest) = self.list_reviews(account, 1)?.first().map(|row| row.id) else {
            return Ok((None, None));
        };
        Ok((Some(newest), self.previous(newest)?))
    }

    /// Names review `review_id` `name`. Names are unique; the review must exist.
    pub fn create_milestone(&mut self, name: &str, review_id: i64, at: DateTime<Utc>) -> Result<(), StoreError> {
        if name.trim().is_empty() {
            return Err(StoreError::BlankMilestoneName { path: self.path.clone() });
        }
        let path = self.path.clone();
        self.write("create the milestone in the wasp database", |tx| {
            let review = tx.query_row("SELECT 1 FROM reviews WHERE id = ?1", [review_id], |_| Ok(())).optional()?;
            if review.is_none() {
                return Ok(Err(StoreError::NoSuchReview { id: review_id, path }));
            }
            let taken = tx.query_row("SELECT 1 FROM milestones WHERE name = ?1", [name], |_| Ok(())).optional()?;
            if taken.is_some() {
                return Ok(Err(StoreError::MilestoneExists { name: name.to_owned(), path }));
            }
            tx.execute(
                "INSERT INTO milestones (name, review_id, created_at) VALUES (?1, ?2, ?3)",
                params![name, review_id, time_text(at)],
            )?;
            Ok(Ok(()))
        })
    }

    /// The review named `name`, if a milestone has that name.
    pub fn milestone(&self, name: &str) -> Result<Option<i64>, StoreError> {
        self.conn
            .query_row("SELECT review_id FROM milestones WHERE name = ?1", [name], |row| row.get(0))
            .optional()
            .map_err(|e| self.sql("read a milestone from the wasp database", e))
    }

    /// Every milestone, oldest first.
    pub fn list_milestones(&self) -> Result<Vec<MilestoneRow>, StoreError> {
        self.query("SELECT name, review_id, created_at FROM milestones ORDER BY created_at, name", [], |row| {
            Ok(MilestoneRow { name: row.get(0)?, review_id: row.get(1)?, created_at: time_at(row, 2)? })
        })
        .map_err(|e| self.sql("list the milestones of the wasp database", e))
    }

    /// Adds `rule` (its `id` is ignored) and returns the id it was given. Ids are never reused.
    pub fn add_suppression(&mut self, rule: &SuppressionRow) -> Result<i64, StoreError> {
        let doing = "add the suppression to the wasp database";
        let tags = serde_json::to_string(&rule.tags).map_err(|e| self.failed(doing, &e.to_string()))?;
        self.write(doing, |tx| {
            tx.execute(
                "INSERT INTO suppressions (check_id, resource, account, region, tags, reason, expires, created_at) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                params![
                    rule.check_id,
                    rule.resource,
                    rule.account,
                    rule.region,
                    tags,
                    rule.reason,
                    rule.expires.map(|d| d.format("%Y-%m-%d").to_string()),
                    time_text(rule.created_at),
                ],
            )?;
            Ok(Ok(tx.last_insert_rowid()))
        })
    }

    /// Every suppression, expired or not, by id.
    pub fn list_suppressions(&self) -> Result<Vec<SuppressionRow>, StoreError> {
        self.query(&format!("SELECT {SUPPRESSION_COLUMNS} FROM suppressions ORDER BY id"), [], suppression_row)
            .map_err(|e| self.sql("list the suppressions of the wasp database", e))
    }

    /// Removes suppression `id`; whether there was one.
    pub fn remove_suppression(&mut self, id: i64) -> Result<bool, StoreError> {
        self.write("remove the suppression from the wasp database", |tx| {
            let removed = tx.execute("DELETE FROM suppressions WHERE id = ?1", [id])?;
            Ok(Ok(removed > 0))
        })
    }

    /// Saves the record of an applied plan (`document`, JSON) with its listing columns `row`
    /// (whose `id` is ignored); returns the id it was given.
    pub fn save_incident(&mut self, row: &IncidentRow, document: &str) -> Result<i64, StoreError> {
        self.write("save the incident record in the wasp database", |tx| {
            tx.execute(
                "INSERT INTO incidents (record_id, kind, playbook, target, account_id, identity, started_at, \
                 finished_at, steps_applied, stopped, document) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                params![
                    row.record_id,
                    row.kind,
                    row.playbook,
                    row.target,
                    row.account_id,
                    row.identity,
                    time_text(row.started_at),
                    time_text(row.finished_at),
                    count_value(row.steps_applied),
                    row.stopped,
                    document,
                ],
            )?;
            Ok(Ok(tx.last_insert_rowid()))
        })
    }

    /// At most `limit` records of applied plans, newest first.
    pub fn list_incidents(&self, limit: usize) -> Result<Vec<IncidentRow>, StoreError> {
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        self.query(
            &format!("SELECT {INCIDENT_COLUMNS} FROM incidents ORDER BY started_at DESC, id DESC LIMIT ?1"),
            params![limit],
            incident_row,
        )
        .map_err(|e| self.sql("list the incident records of the wasp database", e))
    }

    /// The JSON record saved as `id`, if there is one.
    pub fn load_incident(&self, id: i64) -> Result<Option<String>, StoreError> {
        self.conn
            .query_row("SELECT document FROM incidents WHERE id = ?1", [id], |row| row.get(0))
            .optional()
            .map_err(|e| self.sql("read an incident record from the wasp database", e))
    }

    /// Runs `f` in one `BEGIN IMMEDIATE` transaction, committed when `f` returns `Ok(Ok(_))`
    /// and rolled back otherwise: the outer result is SQLite's, the inner one the caller's.
    fn write<T>(
        &mut self,
        doing: &'static str,
        f: impl FnOnce(&Transaction<'_>) -> rusqlite::Result<Result<T, StoreError>>,
    ) -> Result<T, StoreError> {
        let path = &self.path;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| from_sqlite(path, doing, e))?;
        let value = f(&tx).map_err(|e| from_sqlite(path, doing, e))??;
        tx.commit().map_err(|e| from_sqlite(path, doing, e))?;
        Ok(value)
    }

    fn query<T, P: rusqlite::Params>(
        &self,
        sql: &str,
        params: P,
        f: impl FnMut(&Row<'_>) -> rusqlite::Result<T>,
    ) -> rusqlite::Result<Vec<T>> {
        let mut statement = self.conn.prepare_cached(sql)?;
        let rows = statement.query_map(params, f)?;
        rows.collect()
    }

    fn sql(&self, doing: &'static str, err: rusqlite::Error) -> StoreError {
        from_sqlite(&self.path, doing, err)
    }

    fn failed(&self, doing: &'static str, reason: &str) -> StoreError {
        StoreError::Database { path: self.path.clone(), doing, reason: excerpt(reason) }
    }

    fn no_such_review(&self, id: i64) -> StoreError {
        StoreError::NoSuchReview { id, path: self.path.clone() }
    }
}

/// Creates the folders of `absolute` and the file itself when missing, and makes sure it opens
/// for reading and writing: the file system says what is wrong more clearly than SQLite's
/// "unable to open database file". An empty file is what SQLite creates too.
fn prepare_file(shown: &Path, absolute: &Path) -> Result<(), StoreError> {
    let path = shown.to_path_buf();
    if let Some(parent) = absolute.parent().filter(|parent| !parent.is_dir()) {
        if let Some(file) = parent.ancestors().find(|a| a.exists()).filter(|a| !a.is_dir()) {
            let source = std::io::Error::other(format!("{} is a file", file.display()));
            return Err(StoreError::CreateDir { path, source });
        }
        std::fs::create_dir_all(parent).map_err(|source| StoreError::CreateDir { path: path.clone(), source })?;
    }
    let existed = absolute.exists();
    match std::fs::OpenOptions::new().read(true).write(true).create(true).truncate(false).open(absolute) {
        Ok(_) => Ok(()),
        Err(e) if !existed => Err(StoreError::Create { path, source: e }),
        Err(_) if std::fs::metadata(absolute).is_ok_and(|m| m.permissions().readonly()) => {
            Err(StoreError::ReadOnly { path, why: FILE_READ_ONLY })
        }
        Err(e) => Err(StoreError::Open { path, reason: e.to_string() }),
    }
}

fn default_path_from(xdg_data_home: Option<std::ffi::OsString>) -> Option<PathBuf> {
    let dir = match xdg_data_home.map(PathBuf::from).filter(|dir| dir.is_absolute()) {
        Some(dir) => dir.join("wasp"),
        None => directories::ProjectDirs::from("dev", "wasp", "wasp")?.data_dir().to_path_buf(),
    };
    Some(dir.join("wasp.db"))
}

/// UTC RFC 3339 with nanoseconds: fixed width, so text order is time order.
fn time_text(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Nanos, true)
}

fn time_at(row: &Row<'_>, column: usize) -> rusqlite::Result<DateTime<Utc>> {
    let text: String = row.get(column)?;
    DateTime::parse_from_rfc3339(&text)
        .map(|at| at.with_timezone(&Utc))
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(column, rusqlite::types::Type::Text, Box::new(e)))
}

/// A count as SQLite stores it (counts never come near `i64::MAX`).
fn count_value(count: usize) -> i64 {
    i64::try_from(count).unwrap_or(i64::MAX)
}

fn count_at(row: &Row<'_>, column: usize) -> rusqlite::Result<usize> {
    let value: i64 = row.get(column)?;
    usize::try_from(value)
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(column, rusqlite::types::Type::Integer, Box::new(e)))
}

fn json_at<T: serde::de::DeserializeOwned>(row: &Row<'_>, column: usize) -> rusqlite::Result<T> {
    let text: String = row.get(column)?;
    serde_json::from_str(&text)
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(column, rusqlite::types::Type::Text, Box::new(e)))
}

fn review_row(row: &Row<'_>) -> rusqlite::Result<ReviewRow> {
    Ok(ReviewRow {
        id: row.get(0)?,
        saved_at: time_at(row, 1)?,
        collected_at: time_at(row, 2)?,
        account_id: row.get(3)?,
        regions: json_at(row, 4)?,
        source: row.get(5)?,
        coverage: row.get(6)?,
        lens_version: row.get(7)?,
        high_risk_questions: count_at(row, 8)?,
        medium_risk_questions: count_at(row, 9)?,
        met: count_at(row, 10)?,
        not_met: count_at(row, 11)?,
        failed_findings: count_at(row, 12)?,
        gaps: count_at(row, 13)?,
        scope_key: row.get(14)?,
    })
}

fn suppression_row(row: &Row<'_>) -> rusqlite::Result<SuppressionRow> {
    let expires = match row.get::<_, Option<String>>(7)? {
        Some(text) => Some(
            text.parse::<NaiveDate>()
                .map_err(|e| rusqlite::Error::FromSqlConversionFailure(7, rusqlite::types::Type::Text, Box::new(e)))?,
        ),
        None => None,
    };
    Ok(SuppressionRow {
        id: row.get(0)?,
        check_id: row.get(1)?,
        resource: row.get(2)?,
        account: row.get(3)?,
        region: row.get(4)?,
        tags: json_at(row, 5)?,
        reason: row.get(6)?,
        expires,
        created_at: time_at(row, 8)?,
    })
}

fn incident_row(row: &Row<'_>) -> rusqlite::Result<IncidentRow> {
    Ok(IncidentRow {
        id: row.get(0)?,
        record_id: row.get(1)?,
        kind: row.get(2)?,
        playbook: row.get(3)?,
        target: row.get(4)?,
        account_id: row.get(5)?,
        identity: row.get(6)?,
        started_at: time_at(row, 7)?,
        finished_at: time_at(row, 8)?,
        steps_applied: count_at(row, 9)?,
        stopped: row.get(10)?,
    })
}

fn source_name(source: Source) -> &'static str {
    match source {
        Source::Live => "live",
        Source::Snapshot => "snapshot",
        Source::Demo => "demo",
        Source::Iac => "iac",
    }
}

fn coverage_name(coverage: Coverage) -> &'static str {
    match coverage {
        Coverage::Complete => "complete",
        Coverage::Partial => "partial",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xdg_data_home_wins_when_absolute() {
        let path = default_path_from(Some("/data/home".into())).unwrap();
        assert_eq!(path, Path::new("/data/home/wasp/wasp.db"));
    }

    #[test]
    fn a_relative_xdg_data_home_is_ignored() {
        // The XDG spec calls relative paths invalid: the platform directory is used instead.
        if let Some(path) = default_path_from(Some("rel".into())) {
            assert!(path.is_absolute(), "{path:?}");
            assert!(path.ends_with("wasp.db"));
            assert!(!path.starts_with("rel"));
        }
    }

    #[test]
    fn incident_records_are_saved_listed_newest_first_and_read_back() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("wasp.db")).unwrap();
        let at = |s: &str| s.parse::<DateTime<Utc>>().unwrap();
        let row = IncidentRow {
            id: 0,
            record_id: "INC-1".into(),
            kind: "playbook".into(),
            playbook: Some("isolate-instance".into()),
            target: Some("arn:aws:ec2:us-east-1:123456789012:instance/i-1".into()),
            account_id: "123456789012".into(),
            identity: "arn:aws:iam::123456789012:user/responder".into(),
            started_at: at("2026-01-02T03:04:05Z"),
            finished_at: at("2026-01-02T03:04:09Z"),
            steps_applied: 5,
            stopped: None,
        };
        let first = store.save_incident(&row, r#"{"id":"INC-1"}"#).unwrap();
        let fix = IncidentRow {
            record_id: "journal-2".into(),
            kind: "fix".into(),
            playbook: None,
            target: None,
            started_at: at("2026-01-03T00:00:00Z"),
            stopped: Some("step s2 failed".into()),
            ..row.clone()
        };
        let second = store.save_incident(&fix, "{}").unwrap();
        assert!(second > first);
        let rows = store.list_incidents(10).unwrap();
        assert_eq!(rows.iter().map(|r| r.record_id.as_str()).collect::<Vec<_>>(), ["journal-2", "INC-1"]);
        assert_eq!(rows[1], IncidentRow { id: first, ..row });
        assert_eq!(rows[0].stopped.as_deref(), Some("step s2 failed"));
        assert_eq!(store.list_incidents(1).unwrap().len(), 1);
        assert_eq!(store.load_incident(first).unwrap().as_deref(), Some(r#"{"id":"INC-1"}"#));
        assert_eq!(store.load_incident(999).unwrap(), None);
    }

    #[test]
    fn times_are_fixed_width_and_round_trip() {
        let at: DateTime<Utc> = "2026-01-02T03:04:05.000000007Z".parse().unwrap();
        let text = time_text(at);
        assert_eq!(text, "2026-01-02T03:04:05.000000007Z");
        assert_eq!(time_text("2026-01-02T03:04:05Z".parse().unwrap()).len(), text.len());
        assert_eq!(DateTime::parse_from_rfc3339(&text).unwrap().with_timezone(&Utc), at);
    }
}
