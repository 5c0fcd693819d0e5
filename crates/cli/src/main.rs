//! `wasp`: the command-line front of every crate. Exit codes: 0 clean, 1 a finding reached
//! `--fail-on`, 2 usage or runtime error.

mod answer;
mod apply;
mod args;
mod config;
mod emit;
mod export;
mod fix;
mod history;
mod iac;
mod iam;
mod org;
mod output;
mod pipeline;
mod regions;
mod respond;
mod scan;

use anyhow::{bail, Context, Result};
use args::{ChecksArgs, Cli, ColorChoice, Command, ExplainArgs, FailOn, Format, FormatArgs, ReviewArgs};
use clap::Parser;
use std::io::IsTerminal;
use std::process::ExitCode;
use wasp_checks::{Selection, Severity};
use wasp_model::{Inventory, Service};
use wasp_pillar::Lens;
use wasp_report::Style;
use wasp_review::Source;

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
    wasp_model::error_chain(err.as_ref())
}

/// A reader that stopped reading (`wasp … | head`) is no error. serde_json keeps the kind of
/// an I/O error but not the error, so it is asked too.
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    use std::io::ErrorKind::BrokenPipe;
    let json_pipe = |e: &(dyn std::error::Error + 'static)| {
        e.downcast_ref::<serde_json::Error>().is_some_and(|j| j.io_error_kind() == Some(BrokenPipe))
    };
    err.chain().any(|c| match c.downcast_ref::<std::io::Error>() {
        Some(io) => io.kind() == BrokenPipe || io.get_ref().is_some_and(|inner| json_pipe(inner)),
        None => json_pipe(c),
    })
}

pub(crate) fn style(cli: &Cli, to_terminal: bool) -> Style {
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
        Command::Iac(args) => iac::run(cli, args, &config),
        Command::Answer(args) => answer::run(cli, args, &config),
        Command::History(args) => history::history(cli, args, &config),
        Command::Show(args) => history::show(cli, args, &config),
        Command::Diff(args) => history::diff(cli, args, &config),
        Command::Milestone(command) => history::milestone(cli, command, &config),
        Command::Suppress(command) => history::suppress(cli, command, &config),
        Command::Export(command) => export::run(cli, command, &config),
        Command::Lens(command) => export::lens(command),
        Command::Iam(command) => iam::run(cli, command, &config),
        Command::Fix(args) => fix::run(cli, args, &config),
        Command::Respond(args) => respond::run(cli, args, &config),
        Command::Permissions { respond } => {
            let policy =
                if *respond { wasp_respond::permissions_policy() } else { wasp_collect::calls::minimal_iam_policy() };
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

pub(crate) fn severity(choice: FailOn) -> Option<Severity> {
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
    if let Some(at) = args.snapshot.as_deref().and_then(|p| p.to_str()).filter(|t| wasp_shards::S3Prefix::is_s3(t)) {
        return org::review_s3(cli, at, &args.review, &args.output, config, &selection);
    }
    if let Some(dir) = args.snapshot.as_deref().filter(|p| p.is_dir()) {
        return org::review_directory(cli, dir, &args.review, &args.output, config, &selection);
    }
    let max_bytes = max_input_bytes(cli, config)?;
    let (inventory, source) = match (&args.snapshot, args.demo) {
        (Some(path), _) => (Inventory::load_snapshot(path, max_bytes)?, Source::Snapshot),
        (None, _) => (demo_inventory()?, Source::Demo),
    };
    pipeline::judge(cli, config, &args.review, &args.output, &inventory, &selection, source, None)
}

/// The largest input file wasp reads: `--max-input-size`, else the configuration's, else 256 MiB.
pub(crate) fn max_input_bytes(cli: &Cli, config: &config::Config) -> Result<u64> {
    Ok(match (cli.max_input_size, &config.input.max_size) {
        (Some(bytes), _) => bytes,
        (None, Some(size)) => {
            config::parse_size(size).map_err(|e| anyhow::anyhow!("the configuration's input.max_size: {e}"))?
        }
        (None, None) => wasp_model::DEFAULT_MAX_INPUT_BYTES,
    })
}

pub(crate) fn demo_inventory() -> Result<Inventory> {
    Inventory::from_snapshot_json(DEMO_SNAPSHOT, std::path::Path::new("<built-in demo>"))
        .context("the built-in demo snapshot is damaged")
}

/// What a selection and the inventory left out of the catalogue, one line each.
pub(crate) fn narrowed_by(selection: &Selection, inventory: &Inventory) -> Vec<String> {
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
