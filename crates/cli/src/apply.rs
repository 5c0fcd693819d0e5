//! What `wasp fix --apply` and `wasp respond --apply` share: the executor, the question before
//! each step, the run, its report on stderr, and its record (a JSON file and a row of the local
//! database).
use crate::args::Cli;
use crate::config::Config;
use anyhow::{bail, Context, Result};
use serde::Serialize;
use std::io::{BufRead, IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;
use wasp_model::Timestamp;
use wasp_respond::apply::{Confirm, Executor, Journal, Outcome};
use wasp_respond::{EvidenceLocation, Plan, PlanKind, Reversible, Step};

pub fn runtime() -> Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_multi_thread().enable_all().build().context("cannot start the runtime")
}

/// The executor for these credentials (`--profile`, `--endpoint-url`).
pub fn connect(
    runtime: &tokio::runtime::Runtime,
    profile: Option<&str>,
    endpoint_url: Option<&str>,
) -> Result<Executor> {
    if let Some(url) = endpoint_url {
        crate::scan::check_endpoint_url(url)?;
    }
    Ok(runtime.block_on(Executor::connect(profile, endpoint_url)))
}

/// Applies `plan`, asking before each step that changes something unless `yes`.
pub fn run(runtime: &tokio::runtime::Runtime, exec: &Executor, plan: &Plan, yes: bool) -> Result<Journal> {
    let interactive = std::io::stdin().is_terminal() && std::io::stderr().is_terminal();
    if plan.actionable().next().is_some() && !yes && !interactive {
        bail!("--apply asks before each change; without a terminal, pass --yes to apply the plan as printed");
    }
    let mut confirm = |step: &Step| if yes { Confirm::Yes } else { ask(step) };
    Ok(runtime.block_on(wasp_respond::apply::apply(exec, plan, &mut confirm))?)
}

fn ask(step: &Step) -> Confirm {
    let reversible = match wasp_respond::action(&step.action).map(|a| a.reversible) {
        Some(Reversible::Yes) => "reversible".to_owned(),
        Some(Reversible::Partly(why)) => format!("partly reversible: {why}"),
        Some(Reversible::No(why)) => format!("NOT reversible: {why}"),
        None => String::new(),
    };
    eprint!("wasp: {} [{}] ({reversible})? [y]es / [n]o / [q]uit: ", step.summary, step.name);
    let _ = std::io::stderr().flush();
    let mut line = String::new();
    if std::io::stdin().lock().read_line(&mut line).is_err() {
        return Confirm::Quit;
    }
    match line.trim().to_ascii_lowercase().as_str() {
        "y" | "yes" => Confirm::Yes,
        "n" | "no" => Confirm::No,
        _ => Confirm::Quit,
    }
}

/// Exit code 2 when a step failed, else 0.
pub fn exit_code(journal: &Journal) -> ExitCode {
    if journal.failed() {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    }
}

/// One line per step on stderr, where the record was written, and after a failure the calls
/// that undo what was done.
pub fn report(cli: &Cli, journal: &Journal, path: &Path, what: &str) {
    if cli.quiet && !journal.failed() {
        return;
    }
    let mut err = std::io::stderr().lock();
    for e in &journal.entries {
        let line = match &e.outcome {
            Outcome::Applied { requests } => format!("applied ({} call(s))", requests.len()),
            Outcome::Skipped { reason } => format!("skipped: {reason}"),
            Outcome::Failed { error, .. } => format!("FAILED: {error}"),
            Outcome::NotRun => "not run".to_owned(),
        };
        let _ = writeln!(err, "wasp: [{}] {} {}: {line}", e.step, e.action, e.resource);
    }
    let _ = writeln!(
        err,
        "wasp: {} step(s) applied as {}; {what} written to {}",
        journal.applied(),
        journal.identity,
        path.display()
    );
    if let Some(why) = &journal.stopped {
        let _ = writeln!(err, "wasp: stopped: {why}");
        if !journal.rollback.is_empty() {
            let _ = writeln!(err, "wasp: to undo what was done, in this order:");
            for call in &journal.rollback {
                let _ = writeln!(err, "  {}", wasp_respond::text::call_line(call));
            }
        }
    }
}

/// What an apply did, as kept in a JSON file and the local database: for a playbook, the
/// incident record; for fixes, the journal with its plan.
#[derive(Debug, Serialize)]
pub struct Record<'a> {
    /// The incident id (a playbook's), or `fix-TIMESTAMP`.
    pub id: String,
    /// `playbook` or `fix`.
    pub kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub playbook: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target: Option<&'a str>,
    pub account_id: &'a str,
    /// The identity that made the calls.
    pub identity: &'a str,
    pub started_at: Timestamp,
    pub finished_at: Timestamp,
    /// Where the evidence is: the plan's locations and the snapshots the run created.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub evidence_locations: Vec<EvidenceLocation>,
    pub plan: &'a Plan,
    pub journal: &'a Journal,
}

impl<'a> Record<'a> {
    pub fn new(plan: &'a Plan, journal: &'a Journal) -> Record<'a> {
        let (kind, playbook) = match &plan.kind {
            PlanKind::Fix => ("fix", None),
            PlanKind::Playbook(id) => ("playbook", Some(id.as_str())),
        };
        let id = match (&plan.incident_id, kind) {
            (Some(id), "playbook") => id.clone(),
            _ => format!("fix-{}", journal.started_at.format("%Y%m%dT%H%M%SZ")),
        };
        let mut evidence_locations = plan.evidence_locations.clone();
        for entry in &journal.entries {
            let Outcome::Applied { requests } = &entry.outcome else { continue };
            for r in requests.iter().filter(|r| r.operation == "CreateSnapshot") {
                if let Some(snapshot) = r.output.get("SnapshotId").and_then(|s| s.as_str()) {
                    let volume = r.params.get("VolumeId").and_then(|v| v.as_str()).unwrap_or("?");
                    evidence_locations.push(EvidenceLocation {
                        kind: "ebs_snapshot".into(),
                        location: snapshot.to_owned(),
                        detail: format!("forensic snapshot of {volume} in {} (step {})", entry.region, entry.step),
                    });
                }
            }
        }
        Record {
            id,
            kind,
            playbook,
            target: plan.target.as_deref(),
            account_id: &journal.account_id,
            identity: &journal.identity,
            started_at: journal.started_at,
            finished_at: journal.finished_at,
            evidence_locations,
            plan,
            journal,
        }
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("a record serialises") + "\n"
    }

    /// Keeps the record in the local database. The changes are made by now, and the file
    /// holds the record, so a database that cannot be written is a warning, not an error.
    pub fn store(&self, cli: &Cli, config: &Config) {
        let row = wasp_store::IncidentRow {
            id: 0,
            record_id: self.id.clone(),
            kind: self.kind.to_owned(),
            playbook: self.playbook.map(str::to_owned),
            target: self.target.map(str::to_owned),
            account_id: self.account_id.to_owned(),
            identity: self.identity.to_owned(),
            started_at: self.started_at,
            finished_at: self.finished_at,
            steps_applied: self.journal.applied(),
            stopped: self.journal.stopped.clone(),
        };
        let saved =
            crate::history::open(cli, config).and_then(|mut store| Ok(store.save_incident(&row, &self.to_json())?));
        if let Err(e) = saved {
            eprintln!(
                "wasp: warning: the record is not in the local database: {}",
                wasp_model::error_chain(e.as_ref())
            );
        }
    }
}
