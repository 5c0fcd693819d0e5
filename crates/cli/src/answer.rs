//! `wasp answer`: a person answers for the practices evidence cannot settle, guided question by
//! question with what the latest scan showed, or non-interactively with `--set`. The answers
//! file is written after every answer, so nothing answered is lost to Ctrl-C.
use crate::args::{AnswerArgs, Cli};
use crate::config::Config;
use anyhow::{bail, Context, Result};
use inquire::error::InquireError;
use inquire::{Select, Text};
use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;
use wasp_checks::Status;
use wasp_pillar::{BestPractice, Lens, Question};
use wasp_review::{Answer, AnswerStatus, AnswersFile, PracticeReview, PracticeStatus, Review};

/// `wasp answer`: with `--set`, without prompts; otherwise a guided walk in a terminal.
pub fn run(cli: &Cli, args: &AnswerArgs, config: &Config) -> Result<ExitCode> {
    let path = args
        .answers
        .clone()
        .or_else(|| config.answers.file.clone())
        .unwrap_or_else(|| crate::pipeline::DEFAULT_ANSWERS_FILE.into());
    let mut file = if path.exists() { crate::pipeline::load_answers(&path)? } else { AnswersFile::new(None) };
    if !args.set.is_empty() {
        return set(args, &path, &mut file);
    }
    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
        bail!(
            "`wasp answer` asks its questions in a terminal; without one, answer with `wasp answer --set \
             SEC10-BP07=implemented --note \"...\"`"
        );
    }
    let review = evidence(cli, args, config, &file)?;
    guide(args, &path, &mut file, review.as_ref())
}

/// `--set ID=STATUS …`: the same answer details for each practice named.
fn set(args: &AnswerArgs, path: &Path, file: &mut AnswersFile) -> Result<ExitCode> {
    let lens = Lens::builtin();
    let date = args.date.unwrap_or_else(|| chrono::Utc::now().date_naive());
    for entry in &args.set {
        let Some((id, status)) = entry.split_once('=') else {
            bail!("--set takes PRACTICE=STATUS, such as SEC10-BP07=implemented, not '{}'", wasp_model::excerpt(entry));
        };
        let id = id.trim().to_ascii_uppercase();
        if lens.best_practice(&id).is_none() {
            bail!("unknown best practice '{}'; `wasp pillar` lists them", wasp_model::excerpt(&id));
        }
        let Some(status) = AnswerStatus::parse(status) else {
            bail!(
                "unknown answer '{}' for {id}: implemented, partially_implemented, not_implemented or not_applicable",
                wasp_model::excerpt(status)
            );
        };
        if status == AnswerStatus::NotApplicable && args.reason.as_deref().is_none_or(|r| r.trim().is_empty()) {
            bail!("{id}: not_applicable needs --reason");
        }
        let previous = file.answers.get(&id);
        let answer = Answer {
            status,
            reason: args.reason.clone().or_else(|| previous.and_then(|p| p.reason.clone())),
            notes: args.note.clone().or_else(|| previous.and_then(|p| p.notes.clone())),
            evidence: if args.evidence.is_empty() {
                previous.map(|p| p.evidence.clone()).unwrap_or_default()
            } else {
                args.evidence.clone()
            },
            owner: args.owner.clone().or_else(|| previous.and_then(|p| p.owner.clone())),
            answered: date,
        };
        file.answers.insert(id, answer);
    }
    save(path, file)?;
    eprintln!("wasp: {} answer(s) written to {}", args.set.len(), path.display());
    Ok(ExitCode::SUCCESS)
}

/// What a person adds to a status: the reason it does not apply, notes, the owner.
type Details = (Option<String>, Option<String>, Option<String>);

/// Writes the answers file atomically.
fn save(path: &Path, file: &AnswersFile) -> Result<()> {
    let text = file.to_yaml();
    crate::output::to_file_atomically(path, |out| out.write_all(text.as_bytes()))
}

/// The review whose evidence the questions show: the one asked for, or the latest stored.
fn evidence(cli: &Cli, args: &AnswerArgs, config: &Config, file: &AnswersFile) -> Result<Option<Review>> {
    let selection = crate::selection(&[], &[], &[])?;
    let inventory = match (&args.snapshot, args.demo) {
        (Some(path), _) => Some(wasp_model::Inventory::load_snapshot(path, crate::max_input_bytes(cli, config)?)?),
        (None, true) => Some(crate::demo_inventory()?),
        (None, false) => None,
    };
    if let Some(inventory) = inventory {
        let source = if args.demo { wasp_review::Source::Demo } else { wasp_review::Source::Snapshot };
        let rules = config.suppression_rules()?;
        return crate::pipeline::build(&rules, config, Some(file), &inventory, &selection, source).map(Some);
    }
    crate::history::stored_review(cli, config, args.review.as_deref())
}

/// One step of the walk: a practice and its question.
struct Step<'a> {
    question: &'a Question,
    practice: &'a BestPractice,
}

/// The practices to walk: those evidence cannot settle (not met by it, not failed by it), not
/// answered yet or answered too long ago; with `--all`, every one.
fn steps<'a>(args: &AnswerArgs, review: Option<&Review>, file: &AnswersFile, lens: &'a Lens) -> Vec<Step<'a>> {
    let wanted =
        |q: &Question| args.question.is_empty() || args.question.iter().any(|id| id.eq_ignore_ascii_case(&q.id));
    lens.questions
        .iter()
        .filter(|q| wanted(q))
        .flat_map(|q| q.best_practices.iter().map(move |bp| Step { question: q, practice: bp }))
        .filter(|step| {
            if args.all {
                return true;
            }
            let reviewed = review.and_then(|r| practice_of(r, &step.practice.id));
            let stale = reviewed.and_then(|p| p.answer.as_ref()).is_some_and(|a| a.stale);
            let answered = file.answers.contains_key(&step.practice.id) && !stale;
            let settled = reviewed.is_some_and(|p| {
                p.answer.is_none() && matches!(p.status, PracticeStatus::Met | PracticeStatus::NotMet)
            });
            !answered && !settled
        })
        .collect()
}

fn practice_of<'a>(review: &'a Review, id: &str) -> Option<&'a PracticeReview> {
    review.questions.iter().flat_map(|q| &q.best_practices).find(|p| p.id == id)
}

/// What the scan showed for a practice, one line per check, and the answer it suggests.
fn shown(review: Option<&Review>, id: &str) -> (Vec<String>, Option<AnswerStatus>) {
    let Some(review) = review else {
        return (vec!["no scan to show: run `wasp scan` first, or pass --snapshot".to_owned()], None);
    };
    let Some(p) = practice_of(review, id) else { return (Vec::new(), None) };
    let mut lines = vec![format!("evidence: {}", p.reason)];
    for check in &p.evidence.checks {
        let of: Vec<_> = review.findings.iter().filter(|f| &f.check_id == check).collect();
        let n = |s: Status| of.iter().filter(|f| f.status == s).count();
        let title = wasp_checks::find(check).map(|c| format!(" ({})", c.meta().title)).unwrap_or_default();
        let mut line = format!("{check}{title}: {} pass, {} fail", n(Status::Pass), n(Status::Fail));
        if n(Status::Skip) > 0 {
            line.push_str(&format!(", {} unknown", n(Status::Skip)));
        }
        if n(Status::Muted) > 0 {
            line.push_str(&format!(", {} muted", n(Status::Muted)));
        }
        if let Some(f) = of.iter().find(|f| f.status == Status::Fail) {
            line.push_str(&format!(" (e.g. {})", f.message));
        }
        lines.push(line);
    }
    for signal in &p.evidence.signals {
        let example = review
            .findings
            .iter()
            .find(|f| f.check_id == signal.check && f.status == Status::Pass)
            .map(|f| format!(" (e.g. {})", f.message))
            .unwrap_or_default();
        lines.push(format!("signal {}{example}", signal.describe()));
    }
    let suggested = match p.evidence.status {
        wasp_review::EvidenceStatus::Established | wasp_review::EvidenceStatus::Supports => {
            Some(AnswerStatus::Implemented)
        }
        wasp_review::EvidenceStatus::Contradicts => Some(AnswerStatus::NotImplemented),
        _ => None,
    };
    (lines, suggested)
}

/// The choices of one question, in order.
const CHOICES: [&str; 7] =
    ["implemented", "partially implemented", "not implemented", "not applicable", "skip", "back", "stop"];

fn guide(args: &AnswerArgs, path: &Path, file: &mut AnswersFile, review: Option<&Review>) -> Result<ExitCode> {
    let lens = Lens::builtin();
    let steps = steps(args, review, file, lens);
    if steps.is_empty() {
        eprintln!("wasp: nothing to answer: every practice is settled by evidence or answered (--all walks them all)");
        return Ok(ExitCode::SUCCESS);
    }
    let owner_default = std::env::var("USER").unwrap_or_default();
    let mut i = 0;
    let mut written = 0;
    while i < steps.len() {
        let Step { question, practice } = &steps[i];
        println!();
        println!("[{}/{}] {} {}", i + 1, steps.len(), question.display_id, question.title);
        println!("{} {} (level of risk: {})", practice.id, practice.title, practice.level_of_risk.as_str());
        println!("  {}", practice.summary);
        println!("  guidance: {}", practice.url);
        let (lines, suggested) = shown(review, &practice.id);
        for line in lines {
            println!("  {line}");
        }
        let previous = file.answers.get(&practice.id).cloned();
        let default = previous.as_ref().map(|a| a.status).or(suggested);
        let cursor = match default {
            Some(AnswerStatus::Implemented) => 0,
            Some(AnswerStatus::PartiallyImplemented) => 1,
            Some(AnswerStatus::NotImplemented) => 2,
            Some(AnswerStatus::NotApplicable) => 3,
            None => 4,
        };
        let choice = match Select::new("Is it established?", CHOICES.to_vec())
            .with_starting_cursor(cursor)
            .with_help_message("↑↓ to move, enter to choose; answers are saved as you go")
            .prompt()
        {
            Ok(choice) => choice,
            Err(InquireError::OperationInterrupted | InquireError::OperationCanceled) => {
                return stopped(path, written);
            }
            Err(e) => return Err(e).context("cannot ask in this terminal"),
        };
        let status = match choice {
            "skip" => {
                i += 1;
                continue;
            }
            "back" => {
                i = i.saturating_sub(1);
                continue;
            }
            "stop" => return stopped(path, written),
            other => AnswerStatus::parse(&other.replace(' ', "_")).context("a listed choice")?,
        };
        let ask = |prompt: &str, default: Option<&str>| -> Result<Option<String>, InquireError> {
            let mut text = Text::new(prompt);
            if let Some(d) = default {
                text = text.with_default(d);
            }
            text.prompt().map(|s| Some(s.trim().to_owned()).filter(|s| !s.is_empty()))
        };
        let details = (|| -> Result<Details, InquireError> {
            let reason = if status == AnswerStatus::NotApplicable {
                let mut reason = None;
                while reason.is_none() {
                    reason = ask("Why does it not apply?", previous.as_ref().and_then(|a| a.reason.as_deref()))?;
                }
                reason
            } else {
                None
            };
            let notes = ask("Notes (optional):", previous.as_ref().and_then(|a| a.notes.as_deref()))?;
            let owner = ask(
                "Owner:",
                previous
                    .as_ref()
                    .and_then(|a| a.owner.as_deref())
                    .or(Some(owner_default.as_str()).filter(|o| !o.is_empty())),
            )?;
            Ok((reason, notes, owner))
        })();
        let (reason, notes, owner) = match details {
            Ok(details) => details,
            Err(InquireError::OperationInterrupted | InquireError::OperationCanceled) => {
                return stopped(path, written);
            }
            Err(e) => return Err(e).context("cannot ask in this terminal"),
        };
        let answer = Answer {
            status,
            reason,
            notes,
            evidence: previous.map(|a| a.evidence).unwrap_or_default(),
            owner,
            answered: chrono::Utc::now().date_naive(),
        };
        file.answers.insert(practice.id.clone(), answer);
        save(path, file)?;
        written += 1;
        i += 1;
    }
    eprintln!("wasp: done: {written} answer(s) written to {}", path.display());
    Ok(ExitCode::SUCCESS)
}

/// Ctrl-C, Esc or "stop": what was answered is already written.
fn stopped(path: &Path, written: usize) -> Result<ExitCode> {
    eprintln!(
        "wasp: stopped; {written} answer(s) of this session are in {} (run `wasp answer` again to resume)",
        path.display()
    );
    Ok(ExitCode::from(130))
}
