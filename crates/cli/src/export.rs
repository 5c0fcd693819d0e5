//! `wasp export wa-tool`: a stored review as the Well-Architected Tool's answers (a file, or
//! pushed to a workload); `wasp lens export`: wasp's lens as a custom lens document.
use crate::args::{Cli, ExportCommand, LensCommand, WaToolArgs};
use crate::config::Config;
use anyhow::{bail, Context, Result};
use std::path::Path;
use std::process::ExitCode;
use wasp_pillar::Lens;
use wasp_review::Coverage;

pub fn run(cli: &Cli, command: &ExportCommand, config: &Config) -> Result<ExitCode> {
    match command {
        ExportCommand::WaTool(args) => wa_tool(cli, args, config),
    }
}

/// `wasp lens export`.
pub fn lens(command: &LensCommand) -> Result<ExitCode> {
    match command {
        LensCommand::Export { output } => {
            let document = wasp_watool::custom_lens(Lens::builtin());
            write_json(&document, output.as_deref())?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn wa_tool(cli: &Cli, args: &WaToolArgs, config: &Config) -> Result<ExitCode> {
    if let Some(id) = args.workload_id.as_deref().filter(|id| !wasp_watool::valid_workload_id(id)) {
        bail!(
            "'{}' is not a workload id: the Tool's ids are 32 lowercase hexadecimal characters",
            wasp_model::excerpt(id)
        );
    }
    let Some(store) = crate::history::open_existing(cli, config)? else {
        bail!(
            "no review database at {}: run `wasp scan` or `wasp review` first",
            crate::history::db_path(cli, config)?.display()
        );
    };
    let id = match &args.review {
        Some(reference) => crate::history::resolve(&store, reference)?,
        None => {
            store.last_two(None)?.0.with_context(|| format!("no review is stored in {}", store.path().display()))?
        }
    };
    let review = store.load_review(id)?;
    if review.scope.coverage == Coverage::Partial && !cli.quiet {
        eprintln!(
            "wasp: review {id} is partial ({}); the Tool will see only what it assessed",
            review.scope.left_out.join("; ")
        );
    }
    let mut export = wasp_watool::export(&review, Lens::builtin());
    if let Some(arn) = &args.custom_lens_arn {
        if !arn.starts_with("arn:") {
            bail!("--custom-lens-arn takes the ARN `aws wellarchitected import-lens` printed");
        }
        export = export.for_custom_lens(arn);
    }
    if !args.push {
        write_json(&export, args.output.as_deref())?;
        if !cli.quiet {
            eprintln!(
                "wasp: answers of review {id} for {} question(s); send them with --push --workload-id ID",
                export.answers.len()
            );
        }
        return Ok(ExitCode::SUCCESS);
    }
    let Some(workload_id) = args.workload_id.as_deref() else {
        bail!("--push needs --workload-id");
    };
    let date = review.scope.collected_at.format("%Y-%m-%d");
    let milestone = args.milestone.clone().unwrap_or_else(|| format!("wasp review {id} of {date}"));
    if !(3..=100).contains(&milestone.chars().count()) {
        bail!("a milestone name has 3 to 100 characters");
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .context("cannot start the async runtime")?;
    let report = runtime.block_on(async {
        let client = wasp_watool::client(args.profile.as_deref(), args.region.as_deref(), args.endpoint_url.as_deref())
            .await
            .map_err(anyhow::Error::msg)?;
        let name = wasp_watool::check_workload(&client, workload_id, &export.lens_alias)
            .await
            .map_err(|e| anyhow::anyhow!("cannot use workload {workload_id}: {e}"))?;
        if !cli.quiet {
            eprintln!("wasp: answering {} question(s) of workload '{name}'", export.answers.len());
        }
        anyhow::Ok(wasp_watool::push(&client, workload_id, &export, &milestone).await)
    })?;
    for (question, reason) in &report.failed {
        eprintln!("wasp: question {question} was not answered: {reason}");
    }
    if let Some(error) = &report.milestone_error {
        eprintln!("wasp: {error}");
    }
    if !cli.quiet {
        eprintln!("wasp: {} question(s) answered in workload {workload_id}", report.updated.len());
        if let Some(number) = report.milestone {
            eprintln!("wasp: milestone {number} '{milestone}' recorded");
        }
    }
    Ok(if report.failed.is_empty() && report.milestone.is_some() { ExitCode::SUCCESS } else { ExitCode::from(2) })
}

/// Pretty JSON to standard output, or atomically to a file.
fn write_json(value: &impl serde::Serialize, output: Option<&Path>) -> Result<()> {
    let render = |out: &mut dyn std::io::Write| {
        serde_json::to_writer_pretty(&mut *out, value).map_err(std::io::Error::other)?;
        writeln!(out)
    };
    match output {
        Some(path) if path.as_os_str() != "-" => crate::output::to_file_atomically(path, render),
        _ => crate::output::to_stdout(render),
    }
}
