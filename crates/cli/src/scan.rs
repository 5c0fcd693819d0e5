//! `wasp scan`: collect an account live, then review it.
use crate::args::{Cli, ScanArgs};
use anyhow::{bail, Context, Result};
use indicatif::{ProgressBar, ProgressStyle};
use std::io::IsTerminal;
use std::process::ExitCode;
use std::sync::Mutex;
use wasp_collect::{CollectOptions, ProgressEvent, RegionSelection, Service};
use wasp_review::Source;

pub fn run(cli: &Cli, args: &ScanArgs) -> Result<ExitCode> {
    init_logging(cli.verbose);
    let selection = crate::selection(&args.services, &args.selection.checks, &[])?;
    let services = collected_services(&selection);
    let regions = match (&args.region, args.regions.as_slice()) {
        (Some(region), _) => RegionSelection::List(vec![region.clone()]),
        (None, []) => RegionSelection::Default,
        (None, [all]) if all == "all" => RegionSelection::All,
        (None, list) => {
            if list.iter().any(|r| r == "all") {
                bail!("--regions all cannot be combined with region names");
            }
            RegionSelection::List(list.to_vec())
        }
    };
    let opts = CollectOptions {
        profile: args.profile.clone(),
        regions,
        services,
        endpoint_url: args.endpoint_url.clone(),
        concurrency: usize::from(args.concurrency),
        ..CollectOptions::default()
    };

    let show_progress = !cli.quiet && std::io::stderr().is_terminal();
    let bar = Mutex::new(None::<ProgressBar>);
    let on_progress = |event: ProgressEvent| {
        if !show_progress {
            return;
        }
        let mut bar = bar.lock().expect("progress lock");
        match event {
            ProgressEvent::Planned { account_id, regions, units } => {
                let pb = ProgressBar::new(units as u64);
                pb.set_style(
                    ProgressStyle::with_template("{spinner} {prefix} [{bar:30}] {pos}/{len} {wide_msg}")
                        .expect("valid template")
                        .progress_chars("=> "),
                );
                pb.set_prefix(format!("account {account_id}, {} region(s)", regions.len()));
                pb.enable_steady_tick(std::time::Duration::from_millis(120));
                *bar = Some(pb);
            }
            ProgressEvent::Started { service, region } => {
                if let Some(pb) = bar.as_ref() {
                    pb.set_message(format!("{service} {region}"));
                }
            }
            ProgressEvent::Finished { .. } => {
                if let Some(pb) = bar.as_ref() {
                    pb.inc(1);
                }
            }
        }
    };

    let runtime =
        tokio::runtime::Builder::new_multi_thread().enable_all().build().context("cannot start the runtime")?;
    let collected = runtime.block_on(wasp_collect::collect(&opts, &on_progress));
    if let Some(pb) = bar.lock().expect("progress lock").take() {
        pb.finish_and_clear();
    }
    let inventory = collected?;
    if !cli.quiet && !inventory.gaps.is_empty() {
        eprintln!(
            "wasp: warning: {} read(s) failed and are reported as gaps; the affected best practices are not assessed",
            inventory.gaps.len()
        );
    }
    if let Some(path) = &args.save_snapshot {
        let text = inventory.to_snapshot_json();
        crate::output::to_file_atomically(path, |out| out.write_all(text.as_bytes()))?;
    }
    crate::judge_and_report(cli, &inventory, &selection, Source::Live, &args.output)
}

/// The services to collect: every service the selected checks read.
fn collected_services(selection: &wasp_checks::Selection) -> Vec<Service> {
    let mut services: Vec<Service> =
        selection.checks().flat_map(|c| c.meta().reads.iter().filter_map(|s| Service::parse(s))).collect();
    services.sort_unstable();
    services.dedup();
    services
}

fn init_logging(verbose: u8) {
    if verbose == 0 {
        return;
    }
    // wasp's own events only (calls, gaps): the SDK's debug logs can carry request headers,
    // session tokens among them, and wasp never logs credentials.
    let filter = if verbose >= 2 { "wasp_collect=trace" } else { "wasp_collect=debug" };
    let _ = tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::new(filter))
        .with_writer(std::io::stderr)
        .with_ansi(std::io::stderr().is_terminal())
        .with_target(false)
        .try_init();
}
