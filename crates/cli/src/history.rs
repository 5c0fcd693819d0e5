//! The local store from the command line: saving reviews, `history`, `show`, `diff`,
//! milestones and stored suppressions.
use crate::args::{Cli, DiffArgs, Format, HistoryArgs, MilestoneCommand, ShowArgs, SuppressCommand};
use crate::config::Config;
use anyhow::{bail, Context, Result};
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use wasp_review::diff::Diff;
use wasp_review::suppress::{Rule, RuleState};
use wasp_review::Review;
use wasp_store::{Store, SuppressionRow};

/// The database in effect: `--db`, else the configuration's, else the platform's data directory.
pub fn db_path(cli: &Cli, config: &Config) -> Result<PathBuf> {
    cli.db
        .clone()
        .or_else(|| config.store.path.clone())
        .or_else(Store::default_path)
        .context("no data directory is known for the review database; name one with --db")
}

/// Opens (creating it when missing) the database.
pub fn open(cli: &Cli, config: &Config) -> Result<Store> {
    Ok(Store::open(&db_path(cli, config)?)?)
}

/// Opens the database only if it exists: reading never creates one.
pub fn open_existing(cli: &Cli, config: &Config) -> Result<Option<Store>> {
    let path = db_path(cli, config)?;
    if !path.exists() {
        return Ok(None);
    }
    Ok(Some(Store::open(&path)?))
}

/// A review named on the command line: an id, a milestone, or `last`.
pub fn resolve(store: &Store, reference: &str) -> Result<i64> {
    if reference == "last" {
        return store.last_two(None)?.0.with_context(|| format!("no review is stored in {}", store.path().display()));
    }
    if let Ok(id) = reference.parse::<i64>() {
        return Ok(id);
    }
    store.milestone(reference)?.with_context(|| {
        format!("'{}' is neither a review id nor a milestone (`wasp milestone list`)", wasp_model::excerpt(reference))
    })
}

/// The stored review named, or the newest one; `None` when nothing is stored.
pub fn stored_review(cli: &Cli, config: &Config, reference: Option<&str>) -> Result<Option<Review>> {
    let Some(store) = open_existing(cli, config)? else {
        if reference.is_some() {
            bail!("no review database at {}", db_path(cli, config)?.display());
        }
        return Ok(None);
    };
    let id = match reference {
        Some(reference) => resolve(&store, reference)?,
        None => match store.last_two(None)?.0 {
            Some(id) => id,
            None => return Ok(None),
        },
    };
    Ok(Some(store.load_review(id)?))
}

/// The database's suppression rules, labelled `db:ID`.
pub fn stored_rules(store: &Store) -> Result<Vec<Rule>> {
    Ok(store.list_suppressions()?.into_iter().map(rule_of).collect())
}

fn rule_of(row: SuppressionRow) -> Rule {
    Rule {
        label: format!("db:{}", row.id),
        check_id: row.check_id,
        resource: row.resource,
        account: row.account,
        region: row.region,
        tags: row.tags,
        reason: row.reason,
        expires: row.expires,
    }
}

/// Keeps a review; says where on stderr unless quiet. Returns its id.
pub fn save(cli: &Cli, store: &mut Store, review: &Review) -> Result<i64> {
    let id = store.save_review(review, chrono::Utc::now())?;
    if !cli.quiet {
        eprintln!("wasp: review {id} saved in {}", store.path().display());
    }
    Ok(id)
}

/// The diff of `--since REVIEW` for the review just saved as `id`.
pub fn since(store: &Store, reference: &str, id: i64, review: &Review) -> Result<Option<Diff>> {
    let earlier = if reference == "last" {
        match store.previous(id)? {
            Some(earlier) => earlier,
            None => return Ok(None),
        }
    } else {
        resolve(store, reference)?
    };
    let before = store.load_review(earlier)?;
    Ok(Some(wasp_review::diff::diff(&before, &earlier.to_string(), review, &id.to_string())))
}

pub fn history(cli: &Cli, args: &HistoryArgs, config: &Config) -> Result<ExitCode> {
    let rows = match open_existing(cli, config)? {
        Some(store) => store.list_reviews(args.account.as_deref(), args.limit)?,
        None => Vec::new(),
    };
    crate::output::to_stdout(|out| match args.format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, &rows).map_err(std::io::Error::other)?;
            writeln!(out)
        }
        Format::Text => {
            if rows.is_empty() {
                return writeln!(out, "no review is stored yet; `wasp scan` and `wasp review` save theirs");
            }
            writeln!(
                out,
                "{:>5}  {:<17} {:<13} {:<8} {:>4} {:>4} {:>5} {:>5}  regions",
                "id", "saved", "account", "source", "high", "med", "fails", "gaps"
            )?;
            for r in &rows {
                let partial = if r.coverage == "partial" { " (partial)" } else { "" };
                writeln!(
                    out,
                    "{:>5}  {:<17} {:<13} {:<8} {:>4} {:>4} {:>5} {:>5}  {}{partial}",
                    r.id,
                    r.saved_at.format("%Y-%m-%d %H:%M"),
                    r.account_id,
                    r.source,
                    r.high_risk_questions,
                    r.medium_risk_questions,
                    r.failed_findings,
                    r.gaps,
                    r.regions.join(",")
                )?;
            }
            Ok(())
        }
    })?;
    Ok(ExitCode::SUCCESS)
}

pub fn show(cli: &Cli, args: &ShowArgs, config: &Config) -> Result<ExitCode> {
    let destinations = crate::output::destinations(&args.output)?;
    let Some(store) = open_existing(cli, config)? else {
        bail!("no review database at {}", db_path(cli, config)?.display());
    };
    let id = resolve(&store, &args.review)?;
    let review = store.load_review(id)?;
    let changes = match store.previous(id)? {
        Some(earlier) => {
            Some(wasp_review::diff::diff(&store.load_review(earlier)?, &earlier.to_string(), &review, &id.to_string()))
        }
        None => None,
    };
    let cx = wasp_report::Context { review: &review, changes: changes.as_ref(), style: Default::default() };
    crate::pipeline::write_outputs(cli, &cx, &destinations)?;
    Ok(ExitCode::SUCCESS)
}

pub fn diff(cli: &Cli, args: &DiffArgs, config: &Config) -> Result<ExitCode> {
    let Some(store) = open_existing(cli, config)? else {
        bail!("no review is stored yet in {}", db_path(cli, config)?.display());
    };
    let (from, to) = match (&args.from, &args.to) {
        (Some(a), Some(b)) => (resolve(&store, a)?, resolve(&store, b)?),
        (Some(a), None) => {
            let newest = store.last_two(None)?.0.context("no review is stored yet")?;
            (resolve(&store, a)?, newest)
        }
        (None, _) => match store.last_two(None)? {
            (Some(newest), Some(before)) => (before, newest),
            _ => bail!("fewer than two reviews of the same scope are stored; name the two to compare"),
        },
    };
    let d =
        wasp_review::diff::diff(&store.load_review(from)?, &from.to_string(), &store.load_review(to)?, &to.to_string());
    crate::output::to_stdout(|out| match args.format {
        Format::Json => wasp_report::json::diff(&d, out),
        Format::Text => wasp_report::text::diff(&d, crate::style(cli, std::io::stdout().is_terminal()), out),
    })?;
    Ok(ExitCode::SUCCESS)
}

pub fn milestone(cli: &Cli, command: &MilestoneCommand, config: &Config) -> Result<ExitCode> {
    match command {
        MilestoneCommand::Create { name, review } => {
            let mut store = open(cli, config)?;
            let id = resolve(&store, review.as_deref().unwrap_or("last"))?;
            store.create_milestone(name, id, chrono::Utc::now())?;
            eprintln!("wasp: milestone '{name}' is review {id}");
        }
        MilestoneCommand::List { format } => {
            let rows = match open_existing(cli, config)? {
                Some(store) => store.list_milestones()?,
                None => Vec::new(),
            };
            crate::output::to_stdout(|out| match format {
                Format::Json => {
                    serde_json::to_writer_pretty(&mut *out, &rows).map_err(std::io::Error::other)?;
                    writeln!(out)
                }
                Format::Text => {
                    for m in &rows {
                        writeln!(
                            out,
                            "{:<24} review {:>5}  {}",
                            m.name,
                            m.review_id,
                            m.created_at.format("%Y-%m-%d %H:%M")
                        )?;
                    }
                    Ok(())
                }
            })?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub fn suppress(cli: &Cli, command: &SuppressCommand, config: &Config) -> Result<ExitCode> {
    let today = chrono::Utc::now().date_naive();
    match command {
        SuppressCommand::Add { check, resource, account, region, tag, reason, expires } => {
            if wasp_checks::find(check).is_none() {
                bail!("unknown check '{}'; `wasp checks` lists them", wasp_model::excerpt(check));
            }
            if reason.trim().is_empty() {
                bail!("a suppression needs a --reason");
            }
            if expires.is_some_and(|d| d < today) {
                bail!("--expires {} is in the past", expires.map(|d| d.to_string()).unwrap_or_default());
            }
            let tags = parse_tags(tag)?;
            let mut store = open(cli, config)?;
            let row = SuppressionRow {
                id: 0,
                check_id: check.clone(),
                resource: resource.clone(),
                account: account.clone(),
                region: region.clone(),
                tags,
                reason: reason.clone(),
                expires: *expires,
                created_at: chrono::Utc::now(),
            };
            let id = store.add_suppression(&row)?;
            eprintln!("wasp: suppression db:{id} added");
        }
        SuppressCommand::List { format } => {
            let mut rules = match open_existing(cli, config)? {
                Some(store) => stored_rules(&store)?,
                None => Vec::new(),
            };
            rules.extend(config.suppression_rules()?);
            crate::output::to_stdout(|out| match format {
                Format::Json => {
                    let listed: Vec<serde_json::Value> = rules
                        .iter()
                        .map(|r| {
                            let mut v = serde_json::to_value(r).expect("a rule serialises");
                            v["state"] = serde_json::json!(if r.is_active(today) {
                                RuleState::Active
                            } else {
                                RuleState::Expired
                            });
                            v
                        })
                        .collect();
                    serde_json::to_writer_pretty(&mut *out, &listed).map_err(std::io::Error::other)?;
                    writeln!(out)
                }
                Format::Text => {
                    if rules.is_empty() {
                        return writeln!(out, "no suppression rule");
                    }
                    for r in &rules {
                        let state = if r.is_active(today) { "active " } else { "expired" };
                        let until = r.expires.map(|d| format!(" until {d}")).unwrap_or_default();
                        let scope = [r.resource.as_deref(), r.account.as_deref(), r.region.as_deref()]
                            .into_iter()
                            .flatten()
                            .map(str::to_owned)
                            .chain(r.tags.iter().map(|(k, v)| format!("{k}={v}")))
                            .collect::<Vec<_>>()
                            .join(" ");
                        writeln!(out, "{state} {:<16} {}{until} {scope} — {}", r.label, r.check_id, r.reason)?;
                    }
                    Ok(())
                }
            })?;
        }
        SuppressCommand::Remove { id } => {
            let mut store = open(cli, config)?;
            if !store.remove_suppression(*id)? {
                bail!("no suppression db:{id} in {}", store.path().display());
            }
            eprintln!("wasp: suppression db:{id} removed");
        }
        SuppressCommand::Test { arn, check, tag, review } => {
            if wasp_checks::find(check).is_none() {
                bail!("unknown check '{}'; `wasp checks` lists them", wasp_model::excerpt(check));
            }
            let tags = parse_tags(tag)?;
            let store = open_existing(cli, config)?;
            let mut rules = match &store {
                Some(store) => stored_rules(store)?,
                None => Vec::new(),
            };
            rules.extend(config.suppression_rules()?);
            let stored = match (&store, review) {
                (Some(store), Some(reference)) => Some(store.load_review(resolve(store, reference)?)?),
                (Some(store), None) => store.last_two(None)?.0.map(|id| store.load_review(id)).transpose()?,
                (None, Some(_)) => bail!("no review database at {}", db_path(cli, config)?.display()),
                (None, None) => None,
            };
            let seen = stored.as_ref().and_then(|r| {
                r.findings.iter().find(|f| &f.check_id == check && f.resource_arn.as_deref() == Some(arn.as_str()))
            });
            let finding = match seen {
                Some(f) => wasp_checks::Finding { suppression: None, ..f.clone() },
                None => finding_from_arn(check, arn),
            };
            let mut muted = false;
            crate::output::to_stdout(|out| {
                if seen.is_none() {
                    writeln!(out, "(no stored review has this finding: account and region come from the ARN)")?;
                }
                for r in &rules {
                    let tags = (!tags.is_empty()).then_some(&tags);
                    match r.explain(&finding, tags) {
                        Ok(why) if r.is_active(today) && !muted => {
                            muted = true;
                            writeln!(out, "{} mutes it: {why} ({})", r.label, r.reason)?;
                        }
                        Ok(why) if r.is_active(today) => writeln!(out, "{} would too: {why}", r.label)?,
                        Ok(why) => writeln!(
                            out,
                            "{} matches ({why}) but expired after {}",
                            r.label,
                            r.expires.map(|d| d.to_string()).unwrap_or_default()
                        )?,
                        Err(why) if r.check_id == finding.check_id => {
                            let hint = if tags.is_none() && !r.tags.is_empty() {
                                " (--tag gives the resource's tags)"
                            } else {
                                ""
                            };
                            writeln!(out, "{} does not match: {why}{hint}", r.label)?
                        }
                        Err(_) => {}
                    }
                }
                if !muted {
                    writeln!(out, "no rule mutes {check} on {arn}")?;
                }
                Ok(())
            })?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn parse_tags(given: &[String]) -> Result<std::collections::BTreeMap<String, String>> {
    let mut tags = std::collections::BTreeMap::new();
    for t in given {
        let Some((k, v)) = t.split_once('=').filter(|(k, _)| !k.is_empty()) else {
            bail!("--tag takes key=value, not '{}'", wasp_model::excerpt(t));
        };
        tags.insert(k.to_owned(), v.to_owned());
    }
    Ok(tags)
}

/// A failed finding of `check` about `arn`, its account and region read from the ARN.
fn finding_from_arn(check: &str, arn: &str) -> wasp_checks::Finding {
    let parts: Vec<&str> = arn.splitn(6, ':').collect();
    let region = parts.get(3).filter(|r| !r.is_empty()).map_or(wasp_model::GLOBAL_REGION, |r| r);
    wasp_checks::Finding {
        check_id: check.to_owned(),
        status: wasp_checks::Status::Fail,
        severity: wasp_checks::Severity::High,
        resource_arn: Some(arn.to_owned()),
        region: region.to_owned(),
        account_id: parts.get(4).map(|a| (*a).to_owned()).unwrap_or_default(),
        message: String::new(),
        best_practices: Vec::new(),
        location: None,
        suppression: None,
        signal: false,
    }
}
