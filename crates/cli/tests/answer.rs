//! `wasp answer` in a real pseudo-terminal (answer, go back, Ctrl-C, resume), without one, and
//! non-interactively with `--set`.
use assert_cmd::Command;
use rexpect::session::{spawn_command, PtySession};
use std::path::Path;

fn binary() -> std::path::PathBuf {
    assert_cmd::cargo::cargo_bin("wasp")
}

/// `wasp answer` on the demo's evidence for question SEC10, in a pseudo-terminal.
fn session(dir: &Path) -> PtySession {
    let mut cmd = std::process::Command::new(binary());
    cmd.current_dir(dir)
        .args(["--db", "none.db", "answer", "--demo", "--question", "SEC10", "--answers", "answers.yaml"])
        .env("USER", "alice")
        .env("TERM", "xterm")
        .env("NO_COLOR", "1");
    spawn_command(cmd, Some(30_000)).unwrap()
}

/// Types into the prompt: rexpect buffers until a flush.
fn type_keys(p: &mut PtySession, keys: &str) {
    p.send(keys).unwrap();
    p.flush().unwrap();
}

fn answers(dir: &Path) -> serde_yaml::Value {
    serde_yaml::from_str(&std::fs::read_to_string(dir.join("answers.yaml")).unwrap()).unwrap()
}

#[test]
fn answer_go_back_interrupt_and_resume() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = session(dir.path());
    // The first practice the evidence cannot settle, with what the demo scan showed.
    let (_, shown) = p.exp_regex(r"\[1/\d+\] SEC 10").unwrap();
    let _ = shown;
    let before = p.exp_string("saved as you go").unwrap();
    let first =
        before.lines().find_map(|l| l.split_whitespace().find(|w| w.starts_with("SEC10-BP"))).unwrap().to_owned();
    // Answer it through the filter: type and press enter.
    type_keys(&mut p, "partially\r");
    p.exp_string("Notes").unwrap();
    type_keys(&mut p, "runbook in progress\r");
    p.exp_string("Owner").unwrap();
    type_keys(&mut p, "\r");
    p.exp_regex(r"\[2/\d+\]").unwrap();
    p.exp_string("saved as you go").unwrap();
    let saved = answers(dir.path());
    assert_eq!(saved["answers"][first.as_str()]["status"], "partially_implemented");
    assert_eq!(saved["answers"][first.as_str()]["owner"], "alice", "the default owner is the user");
    // Back to the first one, answer it again differently.
    type_keys(&mut p, "back\r");
    p.exp_regex(r"\[1/\d+\]").unwrap();
    p.exp_string("saved as you go").unwrap();
    type_keys(&mut p, "not impl\r");
    p.exp_string("Notes").unwrap();
    type_keys(&mut p, "\r");
    p.exp_string("Owner").unwrap();
    type_keys(&mut p, "\r");
    p.exp_regex(r"\[2/\d+\]").unwrap();
    p.exp_string("saved as you go").unwrap();
    // Ctrl-C keeps what was answered.
    p.send_control('c').unwrap();
    p.exp_string("stopped").unwrap();
    p.exp_eof().unwrap();
    let saved = answers(dir.path());
    assert_eq!(saved["answers"][first.as_str()]["status"], "not_implemented");
    assert_eq!(saved["answers"][first.as_str()]["notes"], "runbook in progress", "the earlier notes are the default");
    assert_eq!(saved["answers"].as_mapping().unwrap().len(), 1);
    // Resuming starts after what is answered.
    let mut p = session(dir.path());
    let before = p.exp_string("saved as you go").unwrap();
    assert!(!before.contains(&format!("{first} ")), "an answered practice was asked again:\n{before}");
    p.send_control('c').unwrap();
    p.exp_eof().unwrap();
}

#[test]
fn without_a_terminal_it_points_to_set() {
    let dir = tempfile::tempdir().unwrap();
    let out =
        Command::new(binary()).current_dir(dir.path()).args(["--db", "none.db", "answer", "--demo"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("wasp answer --set SEC10-BP07=implemented"), "{err}");
    assert_eq!(err.trim_end().lines().count(), 1);
}

#[test]
fn set_answers_without_prompts_and_checks_them() {
    let dir = tempfile::tempdir().unwrap();
    let wasp = || {
        let mut cmd = Command::new(binary());
        cmd.current_dir(dir.path());
        cmd
    };
    wasp()
        .args(["answer", "--set", "SEC10-BP07=implemented", "--set", "sec01-bp07=partially-implemented"])
        .args([
            "--note",
            "game days quarterly",
            "--owner",
            "secops",
            "--evidence",
            "https://wiki/gd",
            "--date",
            "2026-11-30",
        ])
        .assert()
        .success();
    let saved = answers(dir.path());
    assert_eq!(saved["version"], 1);
    assert_eq!(saved["answers"]["SEC10-BP07"]["status"], "implemented");
    assert_eq!(saved["answers"]["SEC01-BP07"]["status"], "partially_implemented");
    assert_eq!(saved["answers"]["SEC10-BP07"]["answered"], "2026-11-30");
    assert_eq!(saved["answers"]["SEC10-BP07"]["evidence"][0], "https://wiki/gd");
    for (args, expected) in [
        (vec!["--set", "SEC11-BP03=not_applicable"], "not_applicable needs --reason"),
        (vec!["--set", "SEC99-BP01=implemented"], "unknown best practice 'SEC99-BP01'"),
        (vec!["--set", "SEC10-BP07=done"], "unknown answer 'done'"),
        (vec!["--set", "SEC10-BP07"], "--set takes PRACTICE=STATUS"),
    ] {
        let out = wasp().arg("answer").args(&args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.contains(expected), "{args:?}: {err}");
    }
    // The answers reach the review: SEC10-BP07 is met by answer.
    let out = wasp()
        .args(["--db", "r.db", "review", "--demo", "--answers", "answers.yaml", "--format", "json", "--no-store"])
        .output()
        .unwrap();
    let review: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let bp =
        review["questions"][9]["best_practices"].as_array().unwrap().iter().find(|p| p["id"] == "SEC10-BP07").unwrap();
    assert_eq!((bp["status"].as_str(), bp["decided_by"].as_str()), (Some("met"), Some("answer")));
    assert_eq!(bp["answer"]["owner"], "secops");
}
