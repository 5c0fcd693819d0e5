//! From an inventory to a written review: checks, suppressions, answers, the review, the
//! local store, the diff against an earlier review, and the exit code.
use crate::args::{Cli, OutputArgs, ReviewOptions};
use crate::config::Config;
use crate::output::Destination;
use anyhow::{bail, Context, Result};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use wasp_checks::Selection;
use wasp_model::Inventory;
use wasp_pillar::Lens;
use wasp_report::ReviewFormat;
use wasp_review::{AnswersFile, Review, Source};

/// Where `wasp answer` writes when neither `--answers` nor the configuration names a file.
pub const DEFAULT_ANSWERS_FILE: &str = "answers.yaml";

/// The answers file in effect: `--answers`, else the configuration's, else `answers.yaml` in
/// the current directory when it exists; `true` when it was not asked for.
pub fn answers_path(options: &ReviewOptions, config: &Config) -> Option<(PathBuf, bool)> {
    if let Some(path) = options.answers.clone().or_else(|| config.answers.file.clone()) {
        return Some((path, false));
    }
    let default = PathBuf::from(DEFAULT_ANSWERS_FILE);
    default.is_file().then_some((default, true))
}

/// Reads and checks an answers file.
pub fn load_answers(path: &Path) -> Result<AnswersFile> {
    let text = wasp_model::read_limited(path, 16 << 20)
        .with_context(|| format!("cannot read the answers file {}", path.display()))?;
    Ok(AnswersFile::parse(&text, path, Lens::builtin())?)
}

/// Where `wasp scan --security-hub` imports findings: the scan's credentials and endpoint.
pub struct SecurityHubImport {
    pub profile: Option<String>,
    pub endpoint_url: Option<String>,
}

/// Runs the checks, applies suppressions and answers, builds the review, keeps it, writes it,
/// imports it into Security Hub when asked, and turns `--fail-on` into the exit code.
#[allow(clippy::too_many_arguments)]
pub fn judge(
    cli: &Cli,
    config: &Config,
    options: &ReviewOptions,
    output: &OutputArgs,
    inventory: &Inventory,
    selection: &Selection,
    source: Source,
    import: Option<&SecurityHubImport>,
) -> Result<ExitCode> {
    let answers = match answers_path(options, config) {
        Some((path, implicit)) => {
            let answers = load_answers(&path)?;
            if implicit && !cli.quiet {
                eprintln!("wasp: using the answers in {} (--answers names another file)", path.display());
            }
            Some(answers)
        }
        None => None,
    };
    if options.no_store && options.since.is_some() {
        bail!("--since compares with stored reviews, which --no-store leaves aside");
    }
    let mut store = if options.no_store { None } else { Some(crate::history::open(cli, config)?) };
    // Stored suppressions apply even when this review is not kept.
    let mut rules = match &store {
        Some(store) => crate::history::stored_rules(store)?,
        None => match crate::history::open_existing(cli, config)? {
            Some(store) => crate::history::stored_rules(&store)?,
            None => Vec::new(),
        },
    };
    rules.extend(config.suppression_rules()?);
    let destinations = crate::output::destinations(output)?;
    let review = build(&rules, config, answers.as_ref(), inventory, selection, source)?;
    let mut asked = None;
    let mut changes = None;
    if let Some(store) = store.as_mut() {
        let id = crate::history::save(cli, store, &review)?;
        if let Some(reference) = &options.since {
            asked = crate::history::since(store, reference, id, &review)?;
            if asked.is_none() {
                eprintln!("wasp: no earlier review of the same scope to compare with");
            }
        }
        if asked.is_none() {
            changes = crate::history::since(store, "last", id, &review)?;
        }
    }
    let cx = wasp_report::Context {
        review: &review,
        changes: asked.as_ref().or(changes.as_ref()),
        style: Default::default(),
    };
    write_outputs(cli, &cx, &destinations)?;
    if let Some(d) = &asked {
        print_diff(cli, d, &destinations)?;
    }
    if let Some(target) = import {
        import_findings(cli, &cx, target)?;
    }
    let failed = crate::severity(output.fail_on).is_some_and(|threshold| wasp_review::fails_at(&review, threshold));
    Ok(if failed { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// Sends the review's findings (and the failures fixed since the previous review) to Security
/// Hub; a region that refuses them is an error, after the others were tried.
fn import_findings(cli: &Cli, cx: &wasp_report::Context<'_>, target: &SecurityHubImport) -> Result<()> {
    let runtime =
        tokio::runtime::Builder::new_multi_thread().enable_all().build().context("cannot start the runtime")?;
    let result = runtime.block_on(wasp_securityhub::import_review(
        cx,
        target.profile.as_deref(),
        target.endpoint_url.as_deref(),
    ));
    match result {
        Ok(report) => {
            if !cli.quiet {
                eprintln!("wasp: {report}");
            }
            Ok(())
        }
        Err(e) => {
            if e.report.sent > 0 && !cli.quiet {
                eprintln!("wasp: {}", e.report);
            }
            bail!("the Security Hub import stopped: {e}")
        }
    }
}

/// The changes since an earlier review: after a text review on standard output; on standard
/// error when standard output has another format or nothing.
fn print_diff(cli: &Cli, d: &wasp_review::diff::Diff, destinations: &[Destination]) -> Result<()> {
    let text_on_stdout = destinations.iter().any(|d| d.path.is_none() && d.format == ReviewFormat::Text);
    if text_on_stdout {
        crate::output::to_stdout(|out| {
            writeln!(out)?;
            wasp_report::text::diff(d, crate::style(cli, std::io::stdout().is_terminal()), out)
        })
    } else {
        let mut err = std::io::stderr().lock();
        wasp_report::text::diff(d, crate::style(cli, std::io::stderr().is_terminal()), &mut err)?;
        Ok(())
    }
}

/// The review of an inventory: checks, suppressions, answers.
pub fn build(
    rules: &[wasp_review::suppress::Rule],
    config: &Config,
    answers: Option<&AnswersFile>,
    inventory: &Inventory,
    selection: &Selection,
    source: Source,
) -> Result<Review> {
    let now = chrono::Utc::now();
    let ran: Vec<_> = selection.applicable(inventory).map(|c| c.meta()).collect();
    let mut findings = wasp_checks::run(inventory, selection, &config.checks);
    let tags = inventory.tags_by_arn();
    let tags_of = |arn: &str| tags.get(arn).map(|t| (*t).clone());
    let suppressions = wasp_review::suppress::apply(&mut findings, rules, now.date_naive(), &tags_of);
    let catalogue: Vec<_> = wasp_checks::CHECKS.iter().map(|c| c.meta()).collect();
    let inputs = wasp_review::Inputs {
        catalogue: &catalogue,
        ran: &ran,
        findings,
        source,
        narrowed_by: crate::narrowed_by(selection, inventory),
        answers,
        reviewed_at: now,
        answer_max_age_days: config.answers.max_age_days.unwrap_or(wasp_review::DEFAULT_MAX_AGE_DAYS),
        thresholds: config.checks.changed(),
        suppressions,
    };
    Ok(wasp_review::review(Lens::builtin(), inventory, inputs))
}

/// Writes a review to each destination: files atomically (and named on standard error),
/// standard output last.
pub fn write_outputs(cli: &Cli, cx: &wasp_report::Context<'_>, destinations: &[Destination]) -> Result<()> {
    for d in destinations {
        let Some(path) = &d.path else { continue };
        crate::output::to_file_atomically(path, |out| d.format.render(cx, out))?;
        if !cli.quiet && destinations.len() > 1 {
            eprintln!("wasp: wrote {} ({})", path.display(), d.format);
        }
    }
    if let Some(d) = destinations.iter().find(|d| d.path.is_none()) {
        let to_terminal = std::io::stdout().is_terminal();
        let style = if d.format.is_terminal_text() { crate::style(cli, to_terminal) } else { Default::default() };
        crate::output::to_stdout(|out| d.format.render(&wasp_report::Context { style, ..*cx }, out))?;
    }
    Ok(())
}
