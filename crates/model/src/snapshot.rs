//! Snapshot files: the whole inventory as one versioned JSON document.
use crate::{Inventory, SCHEMA_VERSION};
use std::path::{Path, PathBuf};

/// Snapshots larger than this are refused rather than read into memory.
pub const MAX_SNAPSHOT_BYTES: u64 = 1 << 30;

#[derive(Debug, thiserror::Error)]
pub enum SnapshotError {
    #[error("cannot read snapshot {path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error("snapshot {path} is {size} bytes, more than the {max} bytes wasp reads")]
    TooLarge { path: PathBuf, size: u64, max: u64 },
    #[error("snapshot {path} is not valid JSON at line {line}, column {column}: {message}")]
    Syntax { path: PathBuf, line: usize, column: usize, message: String },
    #[error("snapshot {path} has schema_version {found}; this wasp reads version {supported}")]
    Version { path: PathBuf, found: String, supported: u32 },
    #[error("snapshot {path} does not match the inventory format at line {line}, column {column}: {message}")]
    Shape { path: PathBuf, line: usize, column: usize, message: String },
}

#[derive(serde::Deserialize)]
struct VersionProbe {
    schema_version: Option<serde_json::Value>,
}

impl Inventory {
    /// Reads a snapshot file, checking its size and schema version.
    pub fn load_snapshot(path: &Path) -> Result<Inventory, SnapshotError> {
        let io = |source| SnapshotError::Io { path: path.to_owned(), source };
        let size = std::fs::metadata(path).map_err(io)?.len();
        if size > MAX_SNAPSHOT_BYTES {
            return Err(SnapshotError::TooLarge { path: path.into(), size, max: MAX_SNAPSHOT_BYTES });
        }
        let text = std::fs::read_to_string(path).map_err(io)?;
        Self::from_snapshot_json(&text, path)
    }

    /// Parses snapshot text; `path` only names the source in errors.
    pub fn from_snapshot_json(text: &str, path: &Path) -> Result<Inventory, SnapshotError> {
        let probe: VersionProbe = serde_json::from_str(text).map_err(|e| SnapshotError::Syntax {
            path: path.into(),
            line: e.line(),
            column: e.column(),
            message: strip_position(&e),
        })?;
        match probe.schema_version {
            Some(serde_json::Value::Number(n)) if n.as_u64() == Some(SCHEMA_VERSION as u64) => {}
            other => {
                return Err(SnapshotError::Version {
                    path: path.into(),
                    found: other.map_or_else(|| "missing".to_owned(), |v| v.to_string()),
                    supported: SCHEMA_VERSION,
                })
            }
        }
        serde_json::from_str(text).map_err(|e| SnapshotError::Shape {
            path: path.into(),
            line: e.line(),
            column: e.column(),
            message: strip_position(&e),
        })
    }

    /// The snapshot document for this inventory.
    pub fn to_snapshot_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("the inventory always serialises")
    }
}

/// serde_json appends " at line L column C"; the error types carry those separately.
fn strip_position(e: &serde_json::Error) -> String {
    let text = e.to_string();
    match text.rfind(" at line ") {
        Some(i) => text[..i].to_owned(),
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Inventory, SnapshotError> {
        Inventory::from_snapshot_json(text, Path::new("s.json"))
    }

    #[test]
    fn round_trips_an_inventory() {
        let mut inv = Inventory::new("123456789012", "2026-01-01T00:00:00Z".parse().unwrap());
        inv.regions = vec!["us-east-1".into()];
        let back = parse(&inv.to_snapshot_json()).unwrap();
        assert_eq!(back, inv);
    }

    #[test]
    fn syntax_errors_carry_line_and_column() {
        let err = parse("{\n  \"schema_version\": 1,\n  oops\n}").unwrap_err();
        match err {
            SnapshotError::Syntax { line, column, .. } => assert_eq!((line, column), (3, 3)),
            other => panic!("unexpected {other}"),
        }
    }

    #[test]
    fn other_versions_are_refused() {
        let err = parse(r#"{"schema_version": 99}"#).unwrap_err();
        assert!(err.to_string().contains("schema_version 99"), "{err}");
        let err = parse(r#"{"account_id": "1"}"#).unwrap_err();
        assert!(err.to_string().contains("schema_version missing"), "{err}");
    }

    #[test]
    fn unknown_fields_are_shape_errors() {
        let err =
            parse(r#"{"schema_version": 1, "account_id": "1", "collected_at": "2026-01-01T00:00:00Z", "bogus": 1}"#)
                .unwrap_err();
        assert!(matches!(err, SnapshotError::Shape { .. }), "{err}");
        assert!(err.to_string().contains("bogus"), "{err}");
    }
}
