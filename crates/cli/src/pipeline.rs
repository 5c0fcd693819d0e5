//! From an inventory to a written review: checks, suppressions, answers, the review, the
//! local store, the diff against an earlier review, and the exit code.
use crate::args::{Cli, Format, OutputArgs, ReviewOptions};
use crate::config::Config;
use anyhow::{bail, Context, Result};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use wasp_checks::Selection;
use wasp_model::Inventory;
use wasp_pillar::Lens;
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

/// Runs the checks, applies suppressions and answers, builds the review, keeps it, writes it,
/// and turns `--fail-on` into the exit code.
pub fn judge(
    cli: &Cli,
    config: &Config,
    options: &ReviewOptions,
    output: &OutputArgs,
    inventory: &Inventory,
    selection: &Selection,
    source: Source,
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
    let review = build(&rules, config, answers.as_ref(), inventory, selection, source)?;
    write_review(cli, &review, output)?;
    if let Some(store) = store.as_mut() {
        let id = crate::history::save(cli, store, &review)?;
        if let Some(reference) = &options.since {
            match crate::history::since(store, reference, id, &review)? {
                Some(d) => print_diff(cli, &d, output)?,
                None => eprintln!("wasp: no earlier review of the same scope to compare with"),
            }
        }
    }
    let failed = crate::severity(output.fail_on).is_some_and(|threshold| wasp_review::fails_at(&review, threshold));
    Ok(if failed { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// The changes since an earlier review: after a text review on standard output; on standard
/// error when the review itself is JSON there or went to a file.
fn print_diff(cli: &Cli, d: &wasp_review::diff::Diff, output: &OutputArgs) -> Result<()> {
    let to_stdout = output.format == Format::Text && output.output.as_ref().is_none_or(|p| p.as_os_str() == "-");
    if to_stdout {
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
    let mut findings = wasp_checks::run(inventory, selection);
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
        suppressions,
    };
    Ok(wasp_review::review(Lens::builtin(), inventory, inputs))
}

/// Writes a review in the chosen format, to standard output or atomically to a file.
pub fn write_review(cli: &Cli, review: &Review, output: &OutputArgs) -> Result<()> {
    let render = |out: &mut dyn std::io::Write, to_terminal: bool| match output.format {
        Format::Json => wasp_report::json::review(review, out),
        Format::Text => wasp_report::text::review(review, crate::style(cli, to_terminal), out),
    };
    match &output.output {
        Some(path) if path.as_os_str() != "-" => crate::output::to_file_atomically(path, |out| render(out, false)),
        _ => crate::output::to_stdout(|out| render(out, std::io::stdout().is_terminal())),
    }
}
