//! Snapshot files: the whole inventory as one versioned JSON document, and the bounded reader
//! every input file of wasp goes through.
use crate::{Inventory, SCHEMA_VERSION};
use std::io::Read;
use std::path::{Path, PathBuf};

/// Input files larger than this are refused rather than read into memory; `--max-input-size`
/// (or `WASP_MAX_INPUT_BYTES`) changes it.
pub const DEFAULT_MAX_INPUT_BYTES: u64 = 256 << 20;

/// How much of an offending input an error message may quote.
const EXCERPT_CHARS: usize = 160;

#[derive(Debug, thiserror::Error)]
pub enum SnapshotError {
    #[error("cannot read {path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error("{path} is a directory, not a file")]
    Directory { path: PathBuf },
    #[error("{path} is larger than {max} bytes, the most wasp reads (raise it with --max-input-size)")]
    TooLarge { path: PathBuf, max: u64 },
    #[error("{path} is not text (it holds binary data)")]
    Binary { path: PathBuf },
    #[error("snapshot {path} is not valid JSON at line {line}, column {column}: {message}")]
    Syntax { path: PathBuf, line: usize, column: usize, message: String },
    #[error("snapshot {path} has schema_version {found}; this wasp reads version {supported}")]
    Version { path: PathBuf, found: String, supported: u32 },
    #[error("snapshot {path} does not match the inventory format at line {line}, column {column}: {message}")]
    Shape { path: PathBuf, line: usize, column: usize, message: String },
}

/// Reads a text file of at most `max` bytes. Regular files are measured before reading;
/// anything else (a pipe, a device) is read in chunks and refused as soon as it passes `max`
/// or shows binary data, so `/dev/zero` fails after its first chunk.
pub fn read_limited(path: &Path, max: u64) -> Result<String, SnapshotError> {
    let io = |source| SnapshotError::Io { path: path.to_owned(), source };
    let file = std::fs::File::open(path).map_err(io)?;
    let meta = file.metadata().map_err(io)?;
    if meta.is_dir() {
        return Err(SnapshotError::Directory { path: path.into() });
    }
    if meta.is_file() && meta.len() > max {
        return Err(SnapshotError::TooLarge { path: path.into(), max });
    }
    let mut limited = file.take(max.saturating_add(1));
    let mut bytes = Vec::new();
    let mut chunk = vec![0u8; 64 * 1024];
    loop {
        let n = match limited.read(&mut chunk) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(io(e)),
        };
        if chunk[..n].contains(&0) {
            return Err(SnapshotError::Binary { path: path.into() });
        }
        bytes.extend_from_slice(&chunk[..n]);
        if bytes.len() as u64 > max {
            return Err(SnapshotError::TooLarge { path: path.into(), max });
        }
    }
    String::from_utf8(bytes).map_err(|_| SnapshotError::Binary { path: path.into() })
}

/// At most a short excerpt of `text`, on one line, for error messages about untrusted input.
pub fn excerpt(text: &str) -> String {
    let one_line: String = text.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    match one_line.char_indices().nth(EXCERPT_CHARS) {
        Some((cut, _)) => format!("{}…", &one_line[..cut]),
        None => one_line,
    }
}

#[derive(serde::Deserialize)]
struct VersionProbe {
    schema_version: Option<serde_json::Value>,
}

impl Inventory {
    /// Reads a snapshot file of at most `max_bytes`, checking its schema version.
    pub fn load_snapshot(path: &Path, max_bytes: u64) -> Result<Inventory, SnapshotError> {
        let text = read_limited(path, max_bytes)?;
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
                    found: other.map_or_else(|| "missing".to_owned(), |v| excerpt(&v.to_string())),
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

/// serde_json appends " at line L column C"; the error types carry those separately. The rest
/// may quote the input (a long string value), so only an excerpt is kept.
fn strip_position(e: &serde_json::Error) -> String {
    let text = e.to_string();
    let text = match text.rfind(" at line ") {
        Some(i) => &text[..i],
        None => &text,
    };
    excerpt(text)
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
        let err = parse("{\n  \"schema_version\": 2,\n  oops\n}").unwrap_err();
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
    fn inputs_are_bounded() {
        let dir = tempfile::tempdir().unwrap();
        let big = dir.path().join("big.json");
        std::fs::write(&big, "x".repeat(100)).unwrap();
        assert!(matches!(read_limited(&big, 99), Err(SnapshotError::TooLarge { max: 99, .. })));
        assert_eq!(read_limited(&big, 100).unwrap().len(), 100);
        assert!(matches!(read_limited(dir.path(), 100), Err(SnapshotError::Directory { .. })));
        let binary = dir.path().join("bin");
        std::fs::write(&binary, b"{\"a\": 1}\0\0").unwrap();
        assert!(matches!(read_limited(&binary, 100), Err(SnapshotError::Binary { .. })));
        #[cfg(unix)]
        {
            let zero = read_limited(Path::new("/dev/zero"), DEFAULT_MAX_INPUT_BYTES).unwrap_err();
            assert!(matches!(zero, SnapshotError::Binary { .. }), "{zero}");
        }
    }

    #[test]
    fn errors_quote_only_an_excerpt_of_the_input() {
        let long = "A".repeat(100_000);
        let text = format!(r#"{{"schema_version": 2, "account_id": 1, "collected_at": "{long}"}}"#);
        let err = parse(&text).unwrap_err().to_string();
        assert!(err.len() < 400, "{} bytes: {}", err.len(), &err[..200]);
        let err = parse(&format!(r#"{{"schema_version": "{long}"}}"#)).unwrap_err().to_string();
        assert!(err.len() < 400, "{} bytes", err.len());
    }

    #[test]
    fn unknown_fields_are_shape_errors() {
        let err =
            parse(r#"{"schema_version": 2, "account_id": "1", "collected_at": "2026-01-01T00:00:00Z", "bogus": 1}"#)
                .unwrap_err();
        assert!(matches!(err, SnapshotError::Shape { .. }), "{err}");
        assert!(err.to_string().contains("bogus"), "{err}");
    }
}
