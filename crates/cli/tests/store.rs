//! The local database from the command line, offline: reviews kept and listed, shown again,
//! compared, named; suppressions that mute, expire and say when they match nothing; the
//! answers a review picks up; the export to the Well-Architected Tool; and every way the
//! database can be unusable, each in one sentence.
use assert_cmd::Command;
use serde_json::Value;
use std::path::{Path, PathBuf};

const DEMO: &str = include_str!("../demo/demo-snapshot.json");
const LEGACY: &str = "arn:aws:ec2:eu-west-1:111122223333:instance/i-0legacy";
const PUBLIC_BUCKET: &str = "arn:aws:s3:::acme-public-assets";

/// `wasp` in `dir` with its own database and no configuration but what the test writes.
struct Env {
    dir: tempfile::TempDir,
}

impl Env {
    fn new() -> Env {
        Env { dir: tempfile::tempdir().unwrap() }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn wasp(&self) -> Command {
        let mut cmd = Command::cargo_bin("wasp").unwrap();
        cmd.current_dir(self.dir.path())
            .env_remove("AWS_PROFILE")
            .env_remove("AWS_ENDPOINT_URL")
            .env_remove("WASP_CONFIG")
            .env("WASP_DB", self.path("reviews.db"))
            .env("NO_COLOR", "1");
        cmd
    }

    /// Runs wasp, expecting `code`; returns stdout and stderr.
    #[track_caller]
    fn run(&self, args: &[&str], code: i32) -> (String, String) {
        let out = self.wasp().args(args).output().unwrap();
        let stdout = String::from_utf8(out.stdout).unwrap();
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert_eq!(out.status.code(), Some(code), "{args:?}\nstdout: {stdout}\nstderr: {stderr}");
        assert!(!stderr.contains("panicked"), "{stderr}");
        (stdout, stderr)
    }

    #[track_caller]
    fn json(&self, args: &[&str]) -> Value {
        let out = self.wasp().args(args).output().unwrap();
        assert!(matches!(out.status.code(), Some(0 | 1)), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
        serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{args:?}: not JSON: {e}"))
    }

    /// Runs wasp expecting exit 2 and one line on stderr, which it returns.
    #[track_caller]
    fn error(&self, args: &[&str]) -> String {
        let (stdout, stderr) = self.run(args, 2);
        assert!(stdout.is_empty(), "{args:?} printed: {stdout}");
        assert_eq!(stderr.trim_end().lines().count(), 1, "{args:?}: not one line: {stderr}");
        stderr
    }

    /// The demo snapshot with `edit` applied, written as `name`.
    fn snapshot(&self, name: &str, edit: impl FnOnce(&mut Value)) -> String {
        let mut snapshot: Value = serde_json::from_str(DEMO).unwrap();
        edit(&mut snapshot);
        std::fs::write(self.path(name), serde_json::to_vec(&snapshot).unwrap()).unwrap();
        name.to_owned()
    }
}

/// Every value in `doc` under key `key`, wherever it sits.
fn find_all<'a>(doc: &'a mut Value, key: &str, out: &mut Vec<&'a mut Value>) {
    match doc {
        Value::Object(map) => {
            for (k, v) in map.iter_mut() {
                if k == key {
                    out.push(v);
                } else {
                    find_all(v, key, out);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|v| find_all(v, key, out)),
        _ => {}
    }
}

/// The demo with the legacy instance requiring IMDSv2.
fn fix_legacy_instance(snapshot: &mut Value) {
    let mut tokens = Vec::new();
    find_all(snapshot, "metadata_http_tokens", &mut tokens);
    assert!(tokens.len() >= 2, "the demo has instances");
    for t in tokens {
        *t = Value::from("required");
    }
}

fn findings_of<'a>(review: &'a Value, check: &str, arn: &str) -> Vec<&'a Value> {
    review["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["check_id"] == check && f["resource_arn"] == arn)
        .collect()
}

fn entries<'a>(diff: &'a Value, key: &str) -> Vec<(&'a str, &'a str)> {
    diff[key]
        .as_array()
        .unwrap_or_else(|| panic!("no {key} in {diff:#}"))
        .iter()
        .map(|f| (f["check_id"].as_str().unwrap(), f["resource_arn"].as_str().unwrap_or("")))
        .collect()
}

#[test]
fn reviews_are_kept_listed_shown_and_compared() {
    let env = Env::new();
    let (_, err) = env.run(&["review", "--demo"], 0);
    assert!(err.contains("review 1 saved in"), "{err}");
    let fixed = env.snapshot("fixed.json", fix_legacy_instance);
    let (out, _) = env.run(&["review", "--snapshot", &fixed, "--since", "last"], 0);
    // The changes follow the review on standard output, each resource whole.
    let changes = &out[out.find("Changes from review 1 to review 2").expect("a diff after the review")..];
    assert!(changes.contains("resolved high     ec2_instance_imdsv2_required"), "{changes}");
    assert!(changes.contains(&format!(" {LEGACY}\n")), "{changes}");
    assert!(changes.contains("SEC06-BP02 Provision compute from hardened images: not met → supported"), "{changes}");

    let history = env.json(&["history", "--format", "json"]);
    let ids: Vec<i64> = history.as_array().unwrap().iter().map(|r| r["id"].as_i64().unwrap()).collect();
    assert_eq!(ids, [2, 1], "newest first");
    assert_eq!(history[1]["source"], "demo");
    let (text, _) = env.run(&["history"], 0);
    assert!(text.lines().count() == 3 && text.contains("111122223333"), "{text}");

    // The default diff is the last two; entries name check and resource.
    let diff = env.json(&["diff", "--format", "json"]);
    assert_eq!((diff["from"]["label"].as_str(), diff["to"]["label"].as_str()), (Some("1"), Some("2")));
    let resolved = entries(&diff, "resolved");
    assert!(resolved.contains(&("ec2_instance_imdsv2_required", LEGACY)), "{resolved:?}");
    assert!(entries(&diff, "new").is_empty(), "{diff:#}");
    assert!(!entries(&diff, "still_failing").contains(&("ec2_instance_imdsv2_required", LEGACY)));
    assert!(entries(&diff, "still_failing").contains(&("s3_bucket_acl_not_public", PUBLIC_BUCKET)));
    // Reversed, the fix is a new failure.
    let back = env.json(&["diff", "2", "1", "--format", "json"]);
    assert!(entries(&back, "new").contains(&("ec2_instance_imdsv2_required", LEGACY)), "{back:#}");

    // A milestone names a review; it can be shown and compared by name.
    env.run(&["milestone", "create", "baseline", "--review", "1"], 0);
    let milestones = env.json(&["milestone", "list", "--format", "json"]);
    assert_eq!((milestones[0]["name"].as_str(), milestones[0]["review_id"].as_i64()), (Some("baseline"), Some(1)));
    let err = env.error(&["milestone", "create", "baseline"]);
    assert!(err.contains("a milestone named 'baseline' already exists"), "{err}");
    let by_name = env.json(&["diff", "baseline", "--format", "json"]);
    assert_eq!(by_name["from"]["label"], "1");
    let shown = env.json(&["show", "baseline", "--format", "json"]);
    assert_eq!(findings_of(&shown, "ec2_instance_imdsv2_required", LEGACY)[0]["status"], "FAIL");
    let shown = env.json(&["show", "last", "--format", "json"]);
    assert_eq!(findings_of(&shown, "ec2_instance_imdsv2_required", LEGACY)[0]["status"], "PASS");

    // Unknown names and ids are one sentence.
    assert!(env.error(&["show", "nightly"]).contains("'nightly' is neither a review id nor a milestone"));
    assert!(env.error(&["show", "99"]).contains("no review 99 in"));
    // --no-store keeps nothing.
    env.run(&["review", "--demo", "--no-store"], 0);
    assert_eq!(env.json(&["history", "--format", "json"]).as_array().unwrap().len(), 2);
    assert!(env.error(&["review", "--demo", "--no-store", "--since", "last"]).contains("--no-store"));
}

#[test]
fn reading_commands_never_create_a_database() {
    let env = Env::new();
    let (out, _) = env.run(&["history"], 0);
    assert!(out.contains("no review is stored yet"), "{out}");
    assert!(env.error(&["diff"]).contains("no review is stored yet"));
    env.run(&["suppress", "list"], 0);
    assert!(!env.path("reviews.db").exists());
}

#[test]
fn suppressions_mute_until_they_expire_and_say_when_they_match_nothing() {
    let env = Env::new();
    env.run(
        &[
            "suppress",
            "add",
            "s3_bucket_acl_not_public",
            "--resource",
            "arn:aws:s3:::acme-public-*",
            "--reason",
            "public website, approved by the CISO",
            "--expires",
            "2999-12-31",
        ],
        0,
    );
    env.run(&["suppress", "add", "guardduty_enabled", "--region", "ap-south-1", "--reason", "region not used"], 0);
    std::fs::write(
        env.path("wasp.toml"),
        format!("[[suppress]]\ncheck = \"ec2_instance_imdsv2_required\"\nresource = \"{LEGACY}\"\nreason = \"retired\"\nexpires = 2020-01-31\n"),
    )
    .unwrap();

    let review = env.json(&["review", "--demo", "--format", "json"]);
    let acl = findings_of(&review, "s3_bucket_acl_not_public", PUBLIC_BUCKET);
    assert_eq!(acl[0]["status"], "MUTED");
    assert_eq!(acl[0]["suppression"]["rule"], "db:1");
    assert_eq!(acl[0]["suppression"]["reason"], "public website, approved by the CISO");
    // The expired rule no longer mutes, and says so.
    let legacy = findings_of(&review, "ec2_instance_imdsv2_required", LEGACY);
    assert_eq!(legacy[0]["status"], "FAIL");
    assert_eq!(legacy[0]["suppression"]["expired"], true);
    let outcomes = review["suppressions"].as_array().unwrap();
    let outcome = |rule: &str| outcomes.iter().find(|o| o["rule"] == rule).unwrap_or_else(|| panic!("{rule}"));
    assert_eq!((outcome("db:1")["state"].as_str(), outcome("db:1")["matched"].as_u64()), (Some("active"), Some(1)));
    assert_eq!(outcome("db:2")["matched"], 0, "a rule that matched nothing is reported");
    assert_eq!(outcome("wasp.toml#1")["state"], "expired");
    assert_eq!(review["summary"]["findings"]["muted"], 1);

    // A muted finding no longer fails the run; an expired one does.
    let only =
        |check: &str| ["review", "--demo", "--checks", check, "--fail-on", "critical", "--no-store"].map(str::to_owned);
    let args = only("s3_bucket_acl_not_public");
    env.run(&args.iter().map(String::as_str).collect::<Vec<_>>(), 0);
    let high = ["review", "--demo", "--checks", "ec2_instance_imdsv2_required", "--fail-on", "high", "--no-store"];
    env.run(&high, 1);

    let (text, _) = env.run(&["review", "--demo", "--no-store"], 0);
    assert!(text.contains("db:2 (guardduty_enabled) matched nothing in this review"), "{text}");
    assert!(text.contains("expired after 2020-01-31"), "{text}");

    // `suppress test` says which rule mutes what and why.
    let (out, _) = env.run(&["suppress", "test", PUBLIC_BUCKET, "s3_bucket_acl_not_public"], 0);
    assert!(out.starts_with("db:1 mutes it: check s3_bucket_acl_not_public, resource"), "{out}");
    let (out, _) = env.run(&["suppress", "test", LEGACY, "ec2_instance_imdsv2_required"], 0);
    assert!(out.contains("but expired after 2020-01-31") && out.contains("no rule mutes"), "{out}");
    let (listed, _) = env.run(&["suppress", "list"], 0);
    assert_eq!(listed.lines().count(), 3, "{listed}");

    // Removal, and the inputs a rule refuses.
    env.run(&["suppress", "remove", "1"], 0);
    assert!(env.error(&["suppress", "remove", "1"]).contains("no suppression db:1"));
    let review = env.json(&["review", "--demo", "--format", "json", "--no-store"]);
    assert_eq!(findings_of(&review, "s3_bucket_acl_not_public", PUBLIC_BUCKET)[0]["status"], "FAIL");
    assert!(env
        .error(&["suppress", "add", "no_such_check", "--reason", "x"])
        .contains("unknown check 'no_such_check'"));
    assert!(env
        .error(&["suppress", "add", "guardduty_enabled", "--reason", "x", "--expires", "2001-01-01"])
        .contains("in the past"));
    assert!(env.error(&["suppress", "add", "guardduty_enabled", "--reason", " "]).contains("needs a --reason"));
    assert!(env
        .error(&["suppress", "add", "guardduty_enabled", "--reason", "x", "--tag", "env"])
        .contains("key=value"));
}

#[test]
fn a_bad_suppression_in_the_configuration_is_one_sentence_with_its_place() {
    let env = Env::new();
    std::fs::write(env.path("wasp.toml"), "[[suppress]]\ncheck = \"nope_check\"\nreason = \"x\"\n").unwrap();
    let err = env.error(&["review", "--demo", "--no-store"]);
    assert!(err.contains("nope_check"), "{err}");
}

#[test]
fn answers_in_the_current_directory_are_used_and_said() {
    let env = Env::new();
    env.run(&["answer", "--set", "SEC10-BP07=implemented", "--owner", "secops"], 0);
    let out = env.wasp().args(["review", "--demo", "--format", "json", "--no-store"]).output().unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("using the answers in answers.yaml"), "{stderr}");
    let review: Value = serde_json::from_slice(&out.stdout).unwrap();
    let bp =
        review["questions"][9]["best_practices"].as_array().unwrap().iter().find(|p| p["id"] == "SEC10-BP07").unwrap();
    assert_eq!(bp["status"], "met");
    // A damaged answers file stops the review with its line.
    std::fs::write(env.path("answers.yaml"), "version: 1\nanswers:\n  SEC10-BP07:\n    status: maybe\n").unwrap();
    let err = env.error(&["review", "--demo", "--no-store"]);
    assert!(err.contains("answers.yaml") && err.contains("maybe"), "{err}");
}

#[test]
fn a_review_exports_to_the_well_architected_tool() {
    let env = Env::new();
    assert!(env.error(&["export", "wa-tool"]).contains("run `wasp scan` or `wasp review` first"));
    env.run(&["answer", "--set", "SEC10-BP07=implemented"], 0);
    env.run(&["answer", "--set", "SEC11-BP03=not_applicable", "--reason", "no pipelines in this account"], 0);
    env.run(&["review", "--demo"], 0);
    env.run(&["export", "wa-tool", "--output", "answers.json"], 0);
    let export: Value = serde_json::from_str(&std::fs::read_to_string(env.path("answers.json")).unwrap()).unwrap();
    assert_eq!(export["LensAlias"], "wellarchitected");
    let answers = export["Answers"].as_array().unwrap();
    assert_eq!(answers.len(), 11);
    let incident = answers.iter().find(|a| a["QuestionId"] == "incident-response").unwrap();
    let tool_choice = "sec_incident_response_run_game_days";
    assert!(incident["SelectedChoices"].as_array().unwrap().contains(&Value::from(tool_choice)), "{incident:#}");
    let appsec = answers.iter().find(|a| a["QuestionId"] == "application-security").unwrap();
    let na: Vec<_> =
        appsec["ChoiceUpdates"].as_object().unwrap().values().filter(|u| u["Status"] == "NOT_APPLICABLE").collect();
    assert_eq!(na.len(), 1);
    assert_eq!(na[0]["Notes"], "no pipelines in this account");
    // A practice with failed checks is never selected.
    let operate = answers.iter().find(|a| a["QuestionId"] == "securely-operate").unwrap();
    assert!(!operate["SelectedChoices"].as_array().unwrap().iter().any(|c| c == "sec_securely_operate_aws_account"));

    // The custom lens and the custom-lens addressing.
    let lens = env.json(&["lens", "export"]);
    assert_eq!(lens["schemaVersion"], "2021-11-01");
    assert_eq!(lens["pillars"][0]["questions"].as_array().unwrap().len(), 11);
    let arn = "arn:aws:wellarchitected:us-east-1:111122223333:lens/0123456789abcdef0123456789abcdef";
    let custom = env.json(&["export", "wa-tool", "--custom-lens-arn", arn]);
    assert_eq!(custom["LensAlias"], arn);

    // Pushing refuses what cannot work before any call, and says why a call failed.
    assert!(env.error(&["export", "wa-tool", "--push", "--workload-id", "xyz"]).contains("32 lowercase hexadecimal"));
    let dead = env
        .wasp()
        .args(["export", "wa-tool", "--push", "--workload-id", "0123456789abcdef0123456789abcdef"])
        .args(["--region", "us-east-1", "--endpoint-url", "http://127.0.0.1:9"])
        .env("AWS_ACCESS_KEY_ID", "testing")
        .env("AWS_SECRET_ACCESS_KEY", "testing")
        .output()
        .unwrap();
    assert_eq!(dead.status.code(), Some(2));
    let err = String::from_utf8(dead.stderr).unwrap();
    assert!(err.contains("cannot use workload 0123456789abcdef0123456789abcdef: cannot reach the endpoint"), "{err}");
    // One error sentence (after the notice that the demo review is partial).
    assert_eq!(err.lines().filter(|l| l.starts_with("wasp: error")).count(), 1, "{err}");
    assert!(err.lines().all(|l| l.starts_with("wasp: error") || l.contains("is partial")), "{err}");
}

#[test]
fn an_unusable_database_is_one_sentence_naming_it() {
    let env = Env::new();
    std::fs::create_dir(env.path("dir.db")).unwrap();
    std::fs::write(env.path("junk.db"), "this is not a database, just text that is long enough to be read as a header")
        .unwrap();
    let cases: [(&str, &str); 2] =
        [("dir.db", "is a directory, not a wasp database"), ("junk.db", "is not a wasp database")];
    for (db, expected) in cases {
        for args in [&["review", "--demo"][..], &["history"], &["suppress", "list"]] {
            let err = env.error(&[&["--db", db][..], args].concat());
            assert!(err.contains(expected) && err.contains(db), "{db} {args:?}: {err}");
        }
    }
    // A database of another program.
    let other = env.path("other.db");
    foreign_sqlite(&other);
    let err = env.error(&["--db", "other.db", "history"]);
    assert!(err.contains("other.db is not a wasp database"), "{err}");
    // A database in a folder that cannot be created.
    std::fs::write(env.path("file"), "").unwrap();
    let err = env.error(&["--db", "file/sub/reviews.db", "review", "--demo"]);
    assert!(err.contains("cannot create the folder of the wasp database"), "{err}");
}

/// An SQLite database of another program.
fn foreign_sqlite(path: &Path) {
    let db = rusqlite::Connection::open(path).unwrap();
    db.execute_batch("CREATE TABLE notes(id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes(body) VALUES ('hi');")
        .unwrap();
}
