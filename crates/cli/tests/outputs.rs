//! `--output FORMAT:PATH`: every review format from one run, and bad destinations refused
//! before any work.
use assert_cmd::Command;
use std::path::PathBuf;
use wasp_report::ReviewFormat;

fn wasp() -> Command {
    let mut cmd = Command::cargo_bin("wasp").unwrap();
    cmd.env_remove("AWS_PROFILE").env_remove("AWS_ENDPOINT_URL").env("NO_COLOR", "1").env("WASP_DB", test_db());
    cmd
}

fn test_db() -> PathBuf {
    static DIR: std::sync::OnceLock<tempfile::TempDir> = std::sync::OnceLock::new();
    DIR.get_or_init(|| tempfile::tempdir().unwrap()).path().join("reviews.db")
}

#[test]
fn one_review_writes_every_format_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let mut cmd = wasp();
    cmd.args(["review", "--demo", "--no-store"]);
    for f in ReviewFormat::ALL {
        cmd.arg("--output").arg(format!("{}:{}", f.name(), dir.path().join(format!("review.{}", f.name())).display()));
    }
    let out = cmd.output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(out.stdout.is_empty(), "nothing goes to standard output unless asked");
    for f in ReviewFormat::ALL {
        let path = dir.path().join(format!("review.{}", f.name()));
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert!(text.len() > 100, "{} is {} bytes", f.name(), text.len());
        assert!(err.contains(&format!("wrote {} ({})", path.display(), f.name())), "{err}");
        // The same bytes as the format alone on standard output: one review, many renderings.
        let alone = wasp().args(["review", "--demo", "--no-store", "--format", f.name()]).output().unwrap();
        assert_eq!(String::from_utf8_lossy(&alone.stdout), text, "{}", f.name());
    }
    // A bare path takes --format's format; json on standard output beside files.
    let bare = dir.path().join("bare.out");
    let out = wasp()
        .args(["review", "--demo", "--no-store", "--format", "json", "--output"])
        .arg(&bare)
        .args(["--output", "text:-"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let review: serde_json::Value = serde_json::from_slice(&std::fs::read(&bare).unwrap()).unwrap();
    assert!(review["findings"].is_array());
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("AWS Well-Architected Security Pillar review"));
}

#[test]
fn bad_destinations_are_one_sentence_before_any_work() {
    let dir = tempfile::tempdir().unwrap();
    let refuse = |args: &[&str], expected: &str| {
        let out = wasp().args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(expected), "{args:?}: {err}");
        assert_eq!(err.lines().count(), 1, "{err}");
    };
    refuse(
        &["review", "--demo", "--output", "json:-", "--output", "text:-"],
        "only one --output can go to standard output",
    );
    refuse(&["review", "--demo", "--output", "htm:r.html"], "unknown format 'htm' in --output htm:r.html");
    refuse(&["review", "--demo", "--output", "json:"], "names no file");
    refuse(
        &["review", "--demo", "--output", "json:/nonexistent/dir/r.json"],
        "the folder /nonexistent/dir does not exist",
    );
    let same = dir.path().join("r.json");
    let same = same.to_str().unwrap();
    refuse(&["review", "--demo", "--output", same, "--output", &format!("text:{same}")], "names");
    refuse(&["review", "--demo", "--output", dir.path().to_str().unwrap()], "it is a folder");
    // A scan refuses before it collects: the endpoint here would never answer.
    refuse(
        &[
            "scan",
            "--endpoint-url",
            "http://127.0.0.1:9",
            "--regions",
            "us-east-1",
            "--output",
            "json:/nonexistent/r.json",
        ],
        "does not exist",
    );
    // clap's own message lists the formats.
    let out = wasp().args(["review", "--demo", "--format", "pdf"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("[possible values: text, json"));
}
