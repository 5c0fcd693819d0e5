//! `wasp iac`: the checks on CloudFormation and SAM templates, before deployment.
//!
//! Files are read and checked in parallel; a template that does not parse is reported with
//! its file, line and column and the others are still checked. Exit codes: 0 clean, 1 a
//! finding reached `--fail-on`, 2 when no template could be read.
use crate::args::{Cli, IacArgs};
use crate::config::Config;
use anyhow::{bail, Result};
use std::collections::BTreeMap;
use std::io::{IsTerminal, Write};
use std::process::ExitCode;
use wasp_checks::{Finding, Status};
use wasp_iac::Unit;
use wasp_model::Inventory;
use wasp_pillar::Lens;
use wasp_report::ReviewFormat;
use wasp_review::Source;

pub fn run(cli: &Cli, args: &IacArgs, config: &Config) -> Result<ExitCode> {
    let selection = crate::selection(&args.services, &args.selection.checks, &[])?;
    let destinations = crate::output::destinations(&args.output)?;
    let opts = wasp_iac::Options {
        parameters: args.parameters.iter().cloned().collect(),
        vars: args.vars.iter().cloned().collect(),
        region: args.region.clone(),
        account_id: args.account_id.clone().unwrap_or_else(|| wasp_iac::PLACEHOLDER_ACCOUNT.to_owned()),
        max_bytes: crate::max_input_bytes(cli, config)?.min(wasp_iac::MAX_TEMPLATE_BYTES),
    };
    for path in &args.paths {
        if !path.exists() {
            bail!("{} does not exist", path.display());
        }
    }
    let files = wasp_iac::discover(&args.paths);
    let checked = wasp_iac::check_files(&files, &opts, &selection, &config.checks);

    let mut units: Vec<&Unit> = Vec::new();
    let mut findings: Vec<Finding> = Vec::new();
    let mut skipped = Vec::new();
    let mut malformed = Vec::new();
    for (path, result) in &checked {
        match result {
            wasp_iac::Checked::Template(unit, evaluated) => {
                units.push(unit);
                findings.extend(evaluated.findings.iter().cloned());
                for i in &evaluated.ignores_without_reason {
                    if !cli.quiet {
                        eprintln!(
                            "wasp: warning: {}:{}: `wasp:ignore {}` gives no reason and mutes nothing",
                            path.display(),
                            i.line,
                            i.check_id
                        );
                    }
                }
            }
            wasp_iac::Checked::NotTemplate(why) => skipped.push((path, why)),
            wasp_iac::Checked::Malformed(e) => malformed.push(e),
        }
    }
    for e in &malformed {
        eprintln!("wasp: error: {e}");
    }
    if cli.verbose > 0 {
        for (path, why) in &skipped {
            eprintln!("wasp: skipped {} ({why})", path.display());
        }
    }
    if !cli.quiet {
        let mut unsupported: BTreeMap<&str, usize> = BTreeMap::new();
        for u in &units {
            for (ty, n) in &u.unsupported {
                *unsupported.entry(ty).or_default() += n;
            }
        }
        eprintln!(
            "wasp: {} template(s) checked, {} malformed, {} other file(s) skipped{}",
            units.len(),
            malformed.len(),
            skipped.len(),
            if skipped.is_empty() || cli.verbose > 0 { "" } else { " (-v lists them)" }
        );
        if cli.verbose > 0 && !unsupported.is_empty() {
            let list: Vec<String> = unsupported.iter().map(|(t, n)| format!("{t} ×{n}")).collect();
            eprintln!("wasp: resource types not modelled yet: {}", list.join(", "));
        }
    }
    if units.is_empty() {
        bail!("no template could be read in {} file(s)", files.len());
    }

    // wasp.toml rules: a finding without an ARN matches `resource` by `FILE#LogicalId`.
    let rules = config.suppression_rules()?;
    for f in findings.iter_mut().filter(|f| f.resource_arn.is_none()) {
        f.resource_arn = f.location.as_ref().map(|l| format!("{}#{}", l.file, l.logical_id));
    }
    let now = chrono::Utc::now();
    let suppressions = wasp_review::suppress::apply(&mut findings, &rules, now.date_naive(), &|_| None);
    for f in findings.iter_mut() {
        if f.resource_arn.as_deref().is_some_and(|a| a.contains('#') && !a.starts_with("arn:")) {
            f.resource_arn = None;
        }
    }

    let inventory = combined_inventory(&units, &opts);
    let catalogue: Vec<_> = wasp_checks::CHECKS.iter().map(|c| c.meta()).collect();
    let ran: Vec<_> = wasp_iac::template_checks(&selection).map(|c| c.meta()).collect();
    let inputs = wasp_review::Inputs {
        catalogue: &catalogue,
        ran: &ran,
        findings: findings.clone(),
        source: Source::Iac,
        narrowed_by: crate::narrowed_by(&selection, &inventory),
        answers: None,
        reviewed_at: now,
        answer_max_age_days: wasp_review::DEFAULT_MAX_AGE_DAYS,
        thresholds: config.checks.changed(),
        suppressions,
    };
    let review = wasp_review::review(Lens::builtin(), &inventory, inputs);
    let cx = wasp_report::Context { review: &review, changes: None, style: Default::default() };
    for d in &destinations {
        let render = |out: &mut dyn Write| -> std::io::Result<()> {
            if d.format == ReviewFormat::Text {
                let color = d.path.is_none() && crate::style(cli, std::io::stdout().is_terminal()).color;
                text(&findings, &units, malformed.len(), color, out)
            } else {
                d.format.render(&cx, out)
            }
        };
        match &d.path {
            Some(path) => crate::output::to_file_atomically(path, render)?,
            None => crate::output::to_stdout(render)?,
        }
    }
    let failed = crate::severity(args.output.fail_on)
        .is_some_and(|threshold| findings.iter().any(|f| f.status == Status::Fail && f.severity >= threshold));
    Ok(if failed { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// One inventory standing for every template, for the review's metadata and gaps.
fn combined_inventory(units: &[&Unit], opts: &wasp_iac::Options) -> Inventory {
    let mut inv = Inventory::new(opts.account_id.clone(), chrono::Utc::now());
    inv.source = wasp_model::SourceKind::Iac;
    inv.regions = vec![opts.region.clone()];
    inv.collected_services = wasp_iac::SERVICES.to_vec();
    for u in units {
        inv.gaps.extend(u.inventory.gaps.iter().cloned());
    }
    inv
}

/// The findings-first view: per file and resource, what failed (and what was skipped), with
/// the practices each touches; passes are only counted.
fn text(
    findings: &[Finding],
    units: &[&Unit],
    malformed: usize,
    color: bool,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let paint = |code: &str, s: &str| if color { format!("\x1b[{code}m{s}\x1b[0m") } else { s.to_owned() };
    let mut by_file: BTreeMap<&str, BTreeMap<&str, Vec<&Finding>>> = BTreeMap::new();
    for f in findings.iter().filter(|f| f.status != Status::Pass) {
        let Some(loc) = &f.location else { continue };
        by_file.entry(loc.file.as_str()).or_default().entry(loc.logical_id.as_str()).or_default().push(f);
    }
    let count = |s: Status| findings.iter().filter(|f| f.status == s).count();
    for (file, resources) in &by_file {
        writeln!(out, "{}", paint("1", file))?;
        for (logical, list) in resources {
            let mut list = list.clone();
            list.sort_by_key(|f| (f.status, std::cmp::Reverse(f.severity), f.location.as_ref().and_then(|l| l.line)));
            writeln!(out, "  {logical}")?;
            for f in list {
                let (label, code) = match f.status {
                    Status::Fail => ("FAIL", "31"),
                    Status::Muted => ("MUTED", "2"),
                    Status::Skip => ("SKIP", "33"),
                    Status::Pass => ("PASS", "32"),
                };
                let line = f.location.as_ref().and_then(|l| l.line).map(|l| format!(":{l}")).unwrap_or_default();
                writeln!(
                    out,
                    "    {} {:<13} {}{line}  {}",
                    paint(code, &format!("{label:<5}")),
                    f.severity.as_str(),
                    f.check_id,
                    paint("2", &f.best_practices.join(", "))
                )?;
                writeln!(out, "          {}", f.message)?;
                if let Some(s) = &f.suppression {
                    writeln!(out, "          muted by {}: {}", s.rule, s.reason)?;
                }
            }
        }
    }
    let mut practices: BTreeMap<&str, usize> = BTreeMap::new();
    for f in findings.iter().filter(|f| f.status == Status::Fail) {
        for bp in &f.best_practices {
            *practices.entry(bp.as_str()).or_default() += 1;
        }
    }
    if !practices.is_empty() {
        let list: Vec<String> = practices.iter().map(|(bp, n)| format!("{bp} ({n})")).collect();
        writeln!(out, "\nPractices with failures: {}", list.join(", "))?;
    }
    writeln!(
        out,
        "{} template(s), {} resource(s): {} failed, {} muted, {} skipped, {} passed{}",
        units.len(),
        units.iter().map(|u| u.resources).sum::<usize>(),
        count(Status::Fail),
        count(Status::Muted),
        count(Status::Skip),
        count(Status::Pass),
        if malformed > 0 { format!("; {malformed} template(s) could not be read") } else { String::new() }
    )
}
