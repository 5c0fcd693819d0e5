//! `wasp`: the command-line front of every crate. Exit codes: 0 clean, 1 a finding reached
//! `--fail-on`, 2 usage or runtime error.

mod args;
mod config;
mod output;
mod regions;
mod scan;

use anyhow::{bail, Context, Result};
use args::{ChecksArgs, Cli, ColorChoice, Command, ExplainArgs, FailOn, Format, FormatArgs, OutputArgs, ReviewArgs};
use clap::Parser;
use std::io::IsTerminal;
use std::process::ExitCode;
use wasp_checks::{Selection, Severity};
use wasp_model::{Inventory, Service};
use wasp_pillar::Lens;
use wasp_report::Style;
use wasp_review::{Review, Source};

/// The fictional account `wasp review --demo` shows.
const DEMO_SNAPSHOT: &str = include_str!("../demo/demo-snapshot.json");

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            // Help and version go to stdout with 0; usage errors to stderr with 2.
            let _ = err.print();
            return ExitCode::from(if err.use_stderr() { 2 } else { 0 });
        }
    };
    match run(&cli) {
        Ok(code) => code,
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("wasp: error: {}", one_sentence(&err));
            ExitCode::from(2)
        }
    }
}

/// The error and its causes on one line, without repeating a cause already quoted.
fn one_sentence(err: &anyhow::Error) -> String {
    let mut text = err.to_string();
    for cause in err.chain().skip(1) {
        let cause = cause.to_string();
        if !text.contains(&cause) {
            text.push_str(": ");
            text.push_str(&cause);
        }
    }
    text
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|c| c.downcast_ref::<std::io::Error>().is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe))
}

fn style(cli: &Cli, to_terminal: bool) -> Style {
    let color = match cli.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => to_terminal && std::env::var_os("NO_COLOR").is_none(),
    };
    Style { color }
}

fn run(cli: &Cli) -> Result<ExitCode> {
    let config = config::Config::load(cli.config.as_deref())?;
    match &cli.command {
        Command::Pillar(args) => pillar(cli, args),
        Command::Checks(args) => checks(cli, args),
        Command::Explain(args) => explain(cli, args),
        Command::Review(args) => review(cli, args, &config),
        Command::Scan(args) => scan::run(cli, args, &config),
        Command::Permissions => {
            let policy = wasp_collect::calls::minimal_iam_policy();
            output::to_stdout(|out| {
                serde_json::to_writer_pretty(&mut *out, &policy).map_err(std::io::Error::other)?;
                writeln!(out)
            })?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn pillar(cli: &Cli, args: &FormatArgs) -> Result<ExitCode> {
    let lens = Lens::builtin();
    output::to_stdout(|out| match args.format {
        Format::Json => wasp_report::json::pillar(lens, out),
        Format::Text => wasp_report::text::pillar(lens, style(cli, std::io::stdout().is_terminal()), out),
    })?;
    Ok(ExitCode::SUCCESS)
}

fn severity(choice: FailOn) -> Option<Severity> {
    match choice {
        FailOn::Critical => Some(Severity::Critical),
        FailOn::High => Some(Severity::High),
        FailOn::Medium => Some(Severity::Medium),
        FailOn::Low => Some(Severity::Low),
        FailOn::Informational => Some(Severity::Informational),
        FailOn::None => None,
    }
}

/// Services that have at least one check.
fn known_services() -> Vec<Service> {
    let mut services: Vec<Service> = wasp_checks::CHECKS.iter().map(|c| c.meta().service).collect();
    services.sort_unstable();
    services.dedup();
    services
}

/// A check selection from flags, refusing names that do not exist.
pub(crate) fn selection(services: &[String], check_ids: &[String], practices: &[String]) -> Result<Selection> {
    let known = known_services();
    let mut chosen = Vec::new();
    for name in services {
        match Service::parse(name).filter(|s| known.contains(s)) {
            Some(service) => chosen.push(service),
            None => {
                let names: Vec<&str> = known.iter().map(|s| s.name()).collect();
                bail!("unknown service '{}'; services with checks: {}", wasp_model::excerpt(name), names.join(", "));
            }
        }
    }
    for id in check_ids {
        if wasp_checks::find(id).is_none() {
            bail!("unknown check '{}'; `wasp checks` lists them", wasp_model::excerpt(id));
        }
    }
    let lens = Lens::builtin();
    for bp in practices {
        if lens.best_practice(bp).is_none() {
            bail!("unknown best practice '{}'; `wasp pillar` lists them (e.g. SEC02-BP01)", wasp_model::excerpt(bp));
        }
    }
    Ok(Selection {
        check_ids: check_ids.to_vec(),
        services: chosen,
        best_practices: practices.to_vec(),
        min_severity: None,
    })
}

fn checks(cli: &Cli, args: &ChecksArgs) -> Result<ExitCode> {
    let mut selection = selection(&args.service, &[], &args.practice)?;
    selection.min_severity = args.severity.and_then(severity);
    let metas: Vec<_> = selection.checks().map(|c| c.meta()).collect();
    output::to_stdout(|out| match args.format {
        Format::Json => wasp_report::json::checks(&metas, out),
        Format::Text => wasp_report::text::checks(&metas, style(cli, std::io::stdout().is_terminal()), out),
    })?;
    Ok(ExitCode::SUCCESS)
}

fn explain(cli: &Cli, args: &ExplainArgs) -> Result<ExitCode> {
    let Some(check) = wasp_checks::find(&args.check_id) else {
        bail!("unknown check '{}'; `wasp checks` lists them", wasp_model::excerpt(&args.check_id));
    };
    output::to_stdout(|out| match args.format {
        Format::Json => wasp_report::json::explain(check.meta(), out),
        Format::Text => {
            wasp_report::text::explain(check.meta(), Lens::builtin(), style(cli, std::io::stdout().is_terminal()), out)
        }
    })?;
    Ok(ExitCode::SUCCESS)
}

fn review(cli: &Cli, args: &ReviewArgs, config: &config::Config) -> Result<ExitCode> {
    let selection = selection(&args.services, &args.selection.checks, &[])?;
    let max_bytes = match (cli.max_input_size, &config.input.max_size) {
        (Some(bytes), _) => bytes,
        (None, Some(size)) => {
            config::parse_size(size).map_err(|e| anyhow::anyhow!("the configuration's input.max_size: {e}"))?
        }
        (None, None) => wasp_model::DEFAULT_MAX_INPUT_BYTES,
    };
    let (inventory, source) = match (&args.snapshot, args.demo) {
        (Some(path), _) => (Inventory::load_snapshot(path, max_bytes)?, Source::Snapshot),
        (None, _) => (demo_inventory()?, Source::Demo),
    };
    judge_and_report(cli, &inventory, &selection, source, &args.output)
}

pub(crate) fn demo_inventory() -> Result<Inventory> {
    Inventory::from_snapshot_json(DEMO_SNAPSHOT, std::path::Path::new("<built-in demo>"))
        .context("the built-in demo snapshot is damaged")
}

/// Runs the checks, builds the review, writes it, and turns `--fail-on` into the exit code.
pub(crate) fn judge_and_report(
    cli: &Cli,
    inventory: &Inventory,
    selection: &Selection,
    source: Source,
    output: &OutputArgs,
) -> Result<ExitCode> {
    let ran: Vec<_> = selection.applicable(inventory).map(|c| c.meta()).collect();
    let findings = wasp_checks::run(inventory, selection);
    let catalogue: Vec<_> = wasp_checks::CHECKS.iter().map(|c| c.meta()).collect();
    let inputs = wasp_review::Inputs {
        catalogue: &catalogue,
        ran: &ran,
        findings,
        source,
        narrowed_by: narrowed_by(selection, inventory),
    };
    let review = wasp_review::review(Lens::builtin(), inventory, inputs);
    write_review(cli, &review, output)?;
    let failed = severity(output.fail_on).is_some_and(|threshold| wasp_review::fails_at(&review, threshold));
    Ok(if failed { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// What a selection and the inventory left out of the catalogue, one line each.
fn narrowed_by(selection: &Selection, inventory: &Inventory) -> Vec<String> {
    let mut lines = Vec::new();
    if !selection.check_ids.is_empty() {
        lines.push(format!("checks: only {}", selection.check_ids.join(", ")));
    }
    if !selection.services.is_empty() {
        let names: Vec<&str> = selection.services.iter().map(|s| s.name()).collect();
        lines.push(format!("services: only the checks of {}", names.join(", ")));
    }
    let uncollected: Vec<&str> = known_services()
        .into_iter()
        .filter(|s| selection.services.is_empty() || selection.services.contains(s))
        .filter(|s| !inventory.has_service(*s))
        .map(Service::name)
        .collect();
    if !uncollected.is_empty() {
        lines.push(format!("services not collected: {}", uncollected.join(", ")));
    }
    lines
}

fn write_review(cli: &Cli, review: &Review, output: &OutputArgs) -> Result<()> {
    let render = |out: &mut dyn std::io::Write, to_terminal: bool| match output.format {
        Format::Json => wasp_report::json::review(review, out),
        Format::Text => wasp_report::text::review(review, style(cli, to_terminal), out),
    };
    match &output.output {
        Some(path) if path.as_os_str() != "-" => output::to_file_atomically(path, |out| render(out, false)),
        _ => output::to_stdout(|out| render(out, std::io::stdout().is_terminal())),
    }
}
