//! `wasp respond`: incident playbooks planned from the live account, printed, or applied with
//! an incident record; `prepare`, `list` and `history`.
use crate::args::{Cli, Format, RespondArgs};
use crate::config::Config;
use anyhow::{anyhow, bail, Context, Result};
use std::process::ExitCode;
use wasp_respond::{Call, Caller, Plan, PlanKind, ReadError, Reversible, PLAYBOOKS};

pub fn run(cli: &Cli, args: &RespondArgs, config: &Config) -> Result<ExitCode> {
    let id = args.playbook.as_deref().unwrap_or_default();
    match id {
        "list" => return list(args.format),
        "history" => return history(cli, args, config),
        _ => {}
    }
    for region in &args.region {
        crate::regions::check(region).map_err(anyhow::Error::msg)?;
    }
    let runtime = crate::apply::runtime()?;
    let exec = crate::apply::connect(&runtime, args.profile.as_deref(), args.endpoint_url.as_deref())?;
    if let Some(path) = &args.plan {
        let text = wasp_model::read_limited(path, crate::max_input_bytes(cli, config)?)
            .with_context(|| format!("cannot read the plan {}", path.display()))?;
        let plan = Plan::from_json(&text).map_err(|e| anyhow!("{}: {e}", path.display()))?;
        if plan.kind == PlanKind::Fix {
            bail!("{} is a plan of fixes: apply it with wasp fix --apply --plan", path.display());
        }
        return apply(cli, config, args, &runtime, &exec, &plan);
    }
    if wasp_respond::playbook(id).is_none() {
        bail!("unknown playbook '{}'; `wasp respond list` names them", wasp_model::excerpt(id));
    }
    let me = runtime
        .block_on(exec.identity())
        .map_err(|e| anyhow!("cannot tell whose the credentials are (sts GetCallerIdentity): {e}"))?;
    let caller = Caller::new(&me.account, &me.arn);
    // Without a region the playbooks that need one say so (IAM needs none).
    let regions = if args.region.is_empty() { exec.region().into_iter().collect() } else { args.region.clone() };
    if regions.len() > 1 && id != "prepare" {
        bail!("playbook {id} acts in one region; only prepare takes several");
    }
    if !cli.quiet {
        eprintln!("wasp: reading the account as it is now (read-only) …");
    }
    let reader = |region: &str, call: &Call| {
        runtime
            .block_on(exec.call(region, call))
            .map(|(answer, _)| answer)
            .map_err(|e| ReadError { code: e.code.clone(), message: e.to_string() })
    };
    let plan = wasp_respond::plan_playbook(id, &caller, args.target.as_deref(), &regions, &args.params, &reader)
        .map_err(anyhow::Error::msg)?;
    if args.apply {
        if !cli.quiet {
            eprint!("{}", wasp_respond::text::plan(&plan));
        }
        return apply(cli, config, args, &runtime, &exec, &plan);
    }
    let text = match args.format {
        Format::Text => wasp_respond::text::plan(&plan),
        Format::Json => plan.to_json(),
    };
    write_out(args, &text)?;
    Ok(ExitCode::SUCCESS)
}

fn write_out(args: &RespondArgs, text: &str) -> Result<()> {
    match &args.output {
        Some(path) => crate::output::to_file_atomically(path, |out| out.write_all(text.as_bytes())),
        None => crate::output::to_stdout(|out| out.write_all(text.as_bytes())),
    }
}

/// Applies the plan, even one without steps (preserve-evidence): the incident record is kept
/// either way.
fn apply(
    cli: &Cli,
    config: &Config,
    args: &RespondArgs,
    runtime: &tokio::runtime::Runtime,
    exec: &wasp_respond::apply::Executor,
    plan: &Plan,
) -> Result<ExitCode> {
    let journal = crate::apply::run(runtime, exec, plan, args.yes)?;
    let record = crate::apply::Record::new(plan, &journal);
    let path = args.record.clone().unwrap_or_else(|| {
        std::path::PathBuf::from(format!("wasp-incident-{}.json", journal.started_at.format("%Y%m%dT%H%M%SZ")))
    });
    crate::output::to_file_atomically(&path, |out| out.write_all(record.to_json().as_bytes()))?;
    record.store(cli, config);
    crate::apply::report(cli, &journal, &path, "incident record");
    Ok(crate::apply::exit_code(&journal))
}

fn reversible(r: Reversible) -> String {
    match r {
        Reversible::Yes => "yes".to_owned(),
        Reversible::Partly(why) => format!("partly ({why})"),
        Reversible::No(why) => format!("no ({why})"),
    }
}

fn list(format: Format) -> Result<ExitCode> {
    let text = match format {
        Format::Json => serde_json::to_string_pretty(PLAYBOOKS).expect("serialises") + "\n",
        Format::Text => {
            let mut out = String::new();
            for p in PLAYBOOKS {
                let usage = match p.target {
                    Some(target) => format!("wasp respond {} --target {target}", p.id),
                    None => format!("wasp respond {}", p.id),
                };
                out.push_str(&format!("{}  {}\n    {usage}\n    {}\n", p.id, p.title, p.does));
                for a in p.actions {
                    out.push_str(&format!(
                        "    step {}: {} (reversible: {})\n",
                        a.id,
                        a.title,
                        reversible(a.reversible)
                    ));
                }
                for param in p.params {
                    out.push_str(&format!("    --param {}=…  {}\n", param.name, param.help));
                }
                out.push('\n');
            }
            out.push_str("Every playbook also takes --param incident_id=ID. `wasp permissions --respond` prints the IAM policy.\n");
            out
        }
    };
    crate::output::to_stdout(|out| out.write_all(text.as_bytes()))?;
    Ok(ExitCode::SUCCESS)
}

fn history(cli: &Cli, args: &RespondArgs, config: &Config) -> Result<ExitCode> {
    let rows = match crate::history::open_existing(cli, config)? {
        Some(store) => store.list_incidents(args.limit)?,
        None => Vec::new(),
    };
    crate::output::to_stdout(|out| match args.format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, &rows).map_err(std::io::Error::other)?;
            writeln!(out)
        }
        Format::Text => {
            if rows.is_empty() {
                return writeln!(
                    out,
                    "nothing is recorded yet; `wasp respond … --apply` and `wasp fix --apply` record theirs"
                );
            }
            writeln!(out, "{:>5}  {:<17} {:<18} {:<28} {:>7}  target", "id", "started", "what", "record", "applied")?;
            for r in &rows {
                let what = r.playbook.as_deref().unwrap_or(&r.kind);
                let stopped = if r.stopped.is_some() { " (stopped)" } else { "" };
                writeln!(
                    out,
                    "{:>5}  {:<17} {:<18} {:<28} {:>7}  {}{stopped}",
                    r.id,
                    r.started_at.format("%Y-%m-%d %H:%M"),
                    what,
                    r.record_id,
                    r.steps_applied,
                    r.target.as_deref().unwrap_or("-"),
                )?;
            }
            Ok(())
        }
    })?;
    Ok(ExitCode::SUCCESS)
}
