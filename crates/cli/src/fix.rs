//! `wasp fix`: a plan of fixes for failed findings, printed, emitted as a template, or applied.
use crate::args::{Cli, FixArgs, Format};
use crate::config::Config;
use anyhow::{bail, Context, Result};
use std::process::ExitCode;
use wasp_checks::{Finding, Selection, Status};
use wasp_model::Inventory;
use wasp_respond::{FixFilter, Plan, Reversible};

pub fn run(cli: &Cli, args: &FixArgs, config: &Config) -> Result<ExitCode> {
    if args.list {
        return list(args.format);
    }
    if let Some(path) = &args.plan {
        let text = wasp_model::read_limited(path, crate::max_input_bytes(cli, config)?)
            .with_context(|| format!("cannot read the plan {}", path.display()))?;
        let plan = Plan::from_json(&text).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
        return apply(cli, config, args, &plan);
    }
    if args.apply && args.demo {
        bail!("the demo account is not a real account: --apply needs a plan of a live account");
    }
    let selection = selection(&args.checks)?;
    let (inventory, evidence) = evidence(cli, args, config, &selection)?;
    let mut findings = wasp_checks::run(&inventory, &selection, &config.checks);
    mute_suppressed(cli, config, &inventory, &mut findings)?;
    // --region narrows a snapshot's or the demo's findings as it narrows a live read (steps
    // of no region, IAM's, stay), so a one-region template can be emitted from either.
    if args.snapshot.is_some() || args.demo {
        let chosen = crate::scan::region_selection(args.live.region.as_ref(), &args.live.regions, None)?;
        if let wasp_collect::RegionSelection::List(list) = chosen {
            findings.retain(|f| f.region == wasp_model::GLOBAL_REGION || list.contains(&f.region));
        }
    }
    let filter = FixFilter { checks: args.checks.clone(), resources: args.resource.clone() };
    if let Some(reference) = &args.from_review {
        let wanted = review_failures(cli, config, reference)?;
        findings.retain(|f| wanted.iter().any(|(c, r)| c == &f.check_id && r == &f.resource_arn));
    }
    let plan = wasp_respond::plan_fixes(&inventory, &findings, &filter, &args.params, &config.checks, evidence);
    if let Some(format) = args.emit {
        let text = crate::emit::render(format, &plan)?;
        write_out(args, &text)?;
        return Ok(ExitCode::SUCCESS);
    }
    if args.apply {
        if !cli.quiet {
            eprint!("{}", wasp_respond::text::plan(&plan));
        }
        return apply(cli, config, args, &plan);
    }
    let text = match args.format {
        Format::Text => wasp_respond::text::plan(&plan),
        Format::Json => plan.to_json(),
    };
    write_out(args, &text)?;
    Ok(ExitCode::SUCCESS)
}

fn write_out(args: &FixArgs, text: &str) -> Result<()> {
    match &args.output {
        Some(path) => crate::output::to_file_atomically(path, |out| out.write_all(text.as_bytes())),
        None => crate::output::to_stdout(|out| out.write_all(text.as_bytes())),
    }
}

/// The checks to run: those named (each must have a fix), else every check a fix remediates.
fn selection(checks: &[String]) -> Result<Selection> {
    for id in checks {
        if wasp_checks::find(id).is_none() {
            bail!("unknown check '{}' (see wasp checks)", wasp_model::excerpt(id));
        }
        if wasp_respond::fixes_for(id).next().is_none() {
            bail!("wasp has no fix for {id}; `wasp fix --list` shows the checks it can fix");
        }
    }
    let ids: Vec<String> = if checks.is_empty() {
        let mut all: Vec<String> =
            wasp_respond::FIXES.iter().flat_map(|a| a.remediates.iter().map(|c| (*c).to_owned())).collect();
        all.sort_unstable();
        all.dedup();
        all
    } else {
        checks.to_vec()
    };
    crate::selection(&[], &ids, &[])
}

fn evidence(cli: &Cli, args: &FixArgs, config: &Config, selection: &Selection) -> Result<(Inventory, &'static str)> {
    if let Some(path) = &args.snapshot {
        return Ok((Inventory::load_snapshot(path, crate::max_input_bytes(cli, config)?)?, "snapshot"));
    }
    if args.demo {
        return Ok((crate::demo_inventory()?, "demo"));
    }
    let services = crate::scan::collected_services(selection);
    let note = "findings that depend on them are not planned";
    let inventory = crate::scan::collect_quietly(cli, config, &args.live, services, None, note)?;
    Ok((inventory, "live"))
}

/// Suppressed findings (wasp.toml and the database) are accepted risks: never fixed.
fn mute_suppressed(cli: &Cli, config: &Config, inventory: &Inventory, findings: &mut [Finding]) -> Result<()> {
    let mut rules = match crate::history::open_existing(cli, config)? {
        Some(store) => crate::history::stored_rules(&store)?,
        None => Vec::new(),
    };
    rules.extend(config.suppression_rules()?);
    let tags = inventory.tags_by_arn();
    let tags_of = |arn: &str| tags.get(arn).map(|t| (*t).clone());
    let mut owned: Vec<Finding> = findings.to_vec();
    wasp_review::suppress::apply(&mut owned, &rules, chrono::Utc::now().date_naive(), &tags_of);
    findings.clone_from_slice(&owned);
    Ok(())
}

/// The (check, resource) pairs a review failed: from a review JSON file, or the database.
fn review_failures(cli: &Cli, config: &Config, reference: &str) -> Result<Vec<(String, Option<String>)>> {
    let path = std::path::Path::new(reference);
    let review: wasp_review::Review = if path.is_file() {
        let text = wasp_model::read_limited(path, crate::max_input_bytes(cli, config)?)
            .with_context(|| format!("cannot read {}", path.display()))?;
        serde_json::from_str(&text).map_err(|e| {
            anyhow::anyhow!("{} is not a wasp review in JSON (wasp review --format json): {e}", path.display())
        })?
    } else {
        match crate::history::stored_review(cli, config, Some(reference))? {
            Some(review) => review,
            None => bail!("no review file or stored review '{}'", wasp_model::excerpt(reference)),
        }
    };
    Ok(review.findings.into_iter().filter(|f| f.status == Status::Fail).map(|f| (f.check_id, f.resource_arn)).collect())
}

fn apply(cli: &Cli, config: &Config, args: &FixArgs, plan: &Plan) -> Result<ExitCode> {
    if plan.actionable().next().is_none() {
        if !cli.quiet {
            eprintln!("wasp: nothing to apply");
        }
        return Ok(ExitCode::SUCCESS);
    }
    let runtime = crate::apply::runtime()?;
    let exec = crate::apply::connect(&runtime, args.live.profile.as_deref(), args.live.endpoint_url.as_deref())?;
    let journal = crate::apply::run(&runtime, &exec, plan, args.yes)?;
    let path = args.journal.clone().unwrap_or_else(|| {
        std::path::PathBuf::from(format!("wasp-journal-{}.json", journal.started_at.format("%Y%m%dT%H%M%SZ")))
    });
    crate::output::to_file_atomically(&path, |out| out.write_all(journal.to_json().as_bytes()))?;
    crate::apply::Record::new(plan, &journal).store(cli, config);
    crate::apply::report(cli, &journal, &path, "journal");
    Ok(crate::apply::exit_code(&journal))
}

fn list(format: Format) -> Result<ExitCode> {
    let text = match format {
        Format::Json => {
            serde_json::to_string_pretty(&wasp_respond::FIXES.iter().collect::<Vec<_>>()).expect("serialises") + "\n"
        }
        Format::Text => {
            let mut out = String::new();
            for a in wasp_respond::FIXES {
                out.push_str(&format!("{}  {}\n", a.id, a.title));
                out.push_str(&format!("    changes:     {}\n", a.changes));
                out.push_str(&format!("    fixes:       {}\n", a.remediates.join(", ")));
                out.push_str(&format!("    permissions: {}\n", a.permissions.join(", ")));
                let reversible = match a.reversible {
                    Reversible::Yes => "yes".to_owned(),
                    Reversible::Partly(why) => format!("partly ({why})"),
                    Reversible::No(why) => format!("no ({why})"),
                };
                out.push_str(&format!("    reversible:  {reversible}\n"));
                for p in a.params {
                    let need = if p.required { "required" } else { "optional" };
                    out.push_str(&format!("    --param {}=…  ({need}) {}\n", p.name, p.help));
                }
                out.push('\n');
            }
            out
        }
    };
    crate::output::to_stdout(|out| out.write_all(text.as_bytes()))?;
    Ok(ExitCode::SUCCESS)
}
