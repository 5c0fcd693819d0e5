//! What can go wrong with the database, each said in one sentence that names its path.

use std::path::PathBuf;
use std::time::Duration;

use rusqlite::ErrorCode;

/// An error of the review database. Every message is one sentence naming the database; none
/// quotes SQL or SQLite's own diagnostics beyond the generic description of its error code.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    #[error("{path} is a directory, not a wasp database")]
    Directory { path: PathBuf },
    #[error("cannot create the folder of the wasp database {path}: {source}")]
    CreateDir { path: PathBuf, source: std::io::Error },
    #[error("cannot create the wasp database {path}: {source}")]
    Create { path: PathBuf, source: std::io::Error },
    #[error("cannot open the wasp database {path}: {reason}")]
    Open { path: PathBuf, reason: String },
    #[error("cannot write to the wasp database {path}: {why}")]
    ReadOnly { path: PathBuf, why: &'static str },
    /// Not an SQLite file, or an SQLite database of another program.
    #[error("{path} is not a wasp database ({why})")]
    NotWasp { path: PathBuf, why: &'static str },
    #[error("the wasp database {path} is corrupt (SQLite's integrity check failed); move it aside to start a new one")]
    Corrupt { path: PathBuf },
    #[error("the wasp database {path} was written by a newer wasp (schema {found}; this wasp knows {known})")]
    TooNew { path: PathBuf, found: i64, known: usize },
    #[error("the wasp database {path} stayed locked by another program for more than {} seconds", waited.as_secs())]
    Busy { path: PathBuf, waited: Duration },
    #[error("no review {id} in {path}")]
    NoSuchReview { id: i64, path: PathBuf },
    /// The stored document no longer deserializes into a `Review`; `saved_by` is the wasp
    /// version the document names, when it names one.
    #[error("review {id} in {path}{} cannot be read by this wasp: {reason}", saved_by_note(saved_by))]
    BadDocument { id: i64, path: PathBuf, saved_by: Option<String>, reason: String },
    #[error("a milestone named '{name}' already exists in {path}")]
    MilestoneExists { name: String, path: PathBuf },
    #[error("a milestone needs a name that is not blank (database {path})")]
    BlankMilestoneName { path: PathBuf },
    /// Any other failure, described by SQLite's generic text for its error code; `doing` names
    /// the database (`save the review in the wasp database`).
    #[error("cannot {doing} {path}: {reason}")]
    Database { path: PathBuf, doing: &'static str, reason: String },
}

pub(crate) const FILE_READ_ONLY: &str = "it is read-only";
const FOLDER_READ_ONLY: &str = "its folder is read-only, and SQLite keeps its write-ahead log beside it";

/// How long a statement waits for another connection's lock before giving up.
pub(crate) const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// The most of a deserialization message an error quotes.
const REASON_CHARS: usize = 200;

/// Turns a rusqlite error into the one-sentence error for `path`, keeping SQLite's generic
/// description of the code and dropping its message (which can quote SQL or schema names).
pub(crate) fn from_sqlite(path: &std::path::Path, doing: &'static str, err: rusqlite::Error) -> StoreError {
    let path = path.to_path_buf();
    match err {
        rusqlite::Error::SqliteFailure(e, _) => match e.code {
            ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked => StoreError::Busy { path, waited: BUSY_TIMEOUT },
            ErrorCode::NotADatabase => StoreError::NotWasp { path, why: "it is not an SQLite database" },
            ErrorCode::DatabaseCorrupt => StoreError::Corrupt { path },
            ErrorCode::ReadOnly if e.extended_code == rusqlite::ffi::SQLITE_READONLY_DIRECTORY => {
                StoreError::ReadOnly { path, why: FOLDER_READ_ONLY }
            }
            ErrorCode::ReadOnly => StoreError::ReadOnly { path, why: FILE_READ_ONLY },
            ErrorCode::CannotOpen => {
                StoreError::Open { path, reason: rusqlite::ffi::code_to_str(e.extended_code).into() }
            }
            _ => StoreError::Database { path, doing, reason: rusqlite::ffi::code_to_str(e.extended_code).into() },
        },
        _ => StoreError::Database { path, doing, reason: "it holds a value this wasp does not expect".into() },
    }
}

fn saved_by_note(saved_by: &Option<String>) -> String {
    saved_by.as_ref().map(|version| format!(" (saved by wasp {version})")).unwrap_or_default()
}

/// Why a stored review document does not deserialize, and the wasp version that wrote it.
pub(crate) fn bad_document(document: &str, err: &serde_json::Error) -> (Option<String>, String) {
    let mut reason = err.to_string();
    // Positions in a one-line document, and the list of every field, say nothing to a reader.
    if let Some(at) = reason.rfind(" at line ") {
        reason.truncate(at);
    }
    if let Some(at) = reason.find(", expected one of ") {
        reason.truncate(at);
    }
    let saved_by = serde_json::from_str::<serde_json::Value>(document)
        .ok()
        .and_then(|doc| doc.pointer("/tool/version").and_then(|v| v.as_str()).map(excerpt));
    (saved_by, excerpt(&reason))
}

/// The first characters of `text`, marked when cut.
pub(crate) fn excerpt(text: &str) -> String {
    match text.char_indices().nth(REASON_CHARS) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_owned(),
    }
}
