//! `wasp scan`: collect an account live, then review it.
use crate::args::{Cli, ScanArgs};
use crate::config::{Config, Regions};
use anyhow::{bail, Context, Result};
use indicatif::{MultiProgress, ProgressBar, ProgressStyle};
use std::collections::HashMap;
use std::io::IsTerminal;
use std::process::ExitCode;
use std::sync::Mutex;
use wasp_collect::{CollectOptions, ProgressEvent, RegionSelection, Service, Timeouts};
use wasp_review::Source;

pub fn run(cli: &Cli, args: &ScanArgs, config: &Config) -> Result<ExitCode> {
    init_logging(cli.verbose);
    let file = &config.scan;
    let services =
        if args.services.is_empty() { file.services.clone().unwrap_or_default() } else { args.services.clone() };
    let selection = crate::selection(&services, &args.selection.checks, &[])?;
    let collected = collected_services(&selection);
    let regions = region_selection(args.region.as_ref(), &args.regions, file.regions.as_ref())?;
    let endpoint_url = args.endpoint_url.clone().or_else(|| file.endpoint_url.clone());
    if let Some(url) = &endpoint_url {
        check_endpoint_url(url)?;
    }
    let defaults = CollectOptions::default();
    let timeouts = match args.timeout.or(file.timeout) {
        Some(secs) => Timeouts::with_call_timeout(std::time::Duration::from_secs(secs)),
        None => defaults.timeouts,
    };
    let opts = CollectOptions {
        profile: args.profile.clone().or_else(|| file.profile.clone()),
        regions,
        services: collected,
        endpoint_url,
        concurrency: usize::from(args.concurrency.or(file.concurrency).unwrap_or(16)),
        max_attempts: file.max_attempts.unwrap_or(defaults.max_attempts),
        timeouts,
        ..defaults
    };

    if args.organization.organization {
        if args.security_hub {
            bail!("--security-hub imports one account's review; scan the accounts one by one to import them");
        }
        return crate::org::scan(cli, args, config, opts, &selection);
    }
    // A bad --output fails now, not after the scan.
    crate::output::destinations(&args.output)?;
    if args.save_snapshot.as_deref().and_then(|p| p.to_str()).is_some_and(wasp_shards::S3Prefix::is_s3) {
        bail!("--save-snapshot s3://… keeps an organization's shards (with --organization); save one account's snapshot to a file");
    }
    let show_progress = !cli.quiet && std::io::stderr().is_terminal();
    let progress = Mutex::new(Progress::default());
    let on_progress = |event: ProgressEvent| {
        if show_progress {
            progress.lock().expect("progress lock").show(event);
        }
    };

    let runtime =
        tokio::runtime::Builder::new_multi_thread().enable_all().build().context("cannot start the runtime")?;
    let collected = runtime.block_on(wasp_collect::collect(&opts, &on_progress));
    progress.lock().expect("progress lock").clear();
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
    let import = args.security_hub.then(|| crate::pipeline::SecurityHubImport {
        profile: opts.profile.clone(),
        endpoint_url: opts.endpoint_url.clone(),
    });
    crate::pipeline::judge(
        cli,
        config,
        &args.review,
        &args.output,
        &inventory,
        &selection,
        Source::Live,
        import.as_ref(),
    )
}

/// Reads the live account for a command other than `scan` (`fix`, `iam`): `services`, in the
/// regions `live` or the configuration name, else in `default_region` when given (the region
/// of the resource asked about), else in every enabled region; no progress bars. `gap_note`
/// ends the warning about failed reads.
pub fn collect_quietly(
    cli: &Cli,
    config: &Config,
    live: &crate::args::LiveArgs,
    services: Vec<Service>,
    default_region: Option<&str>,
    gap_note: &str,
) -> Result<wasp_model::Inventory> {
    init_logging(cli.verbose);
    let file = &config.scan;
    let endpoint_url = live.endpoint_url.clone().or_else(|| file.endpoint_url.clone());
    if let Some(url) = &endpoint_url {
        check_endpoint_url(url)?;
    }
    let chosen = live.region.is_some() || !live.regions.is_empty() || file.regions.is_some();
    let regions = match default_region {
        Some(region) if !chosen => {
            if let Err(why) = crate::regions::check(region) {
                bail!(why);
            }
            RegionSelection::List(vec![region.to_owned()])
        }
        _ => region_selection(live.region.as_ref(), &live.regions, file.regions.as_ref())?,
    };
    let opts = CollectOptions {
        profile: live.profile.clone().or_else(|| file.profile.clone()),
        regions,
        services,
        endpoint_url,
        ..Default::default()
    };
    if !cli.quiet {
        let names: Vec<&str> = opts.services.iter().map(|s| s.name()).collect();
        eprintln!("wasp: reading {} from the account (read-only) …", names.join(", "));
    }
    let runtime = crate::apply::runtime()?;
    let inventory = runtime.block_on(wasp_collect::collect(&opts, &|_| {}))?;
    if !cli.quiet && !inventory.gaps.is_empty() {
        eprintln!("wasp: warning: {} read(s) failed; {gap_note}", inventory.gaps.len());
    }
    Ok(inventory)
}

/// The regions to scan, from `--region`, `--regions` or the configuration, every name checked
/// before any call. Nothing given, or `all`, is every region enabled for the account.
pub fn region_selection(
    region: Option<&String>,
    regions: &[String],
    file: Option<&Regions>,
) -> Result<RegionSelection> {
    let list: Vec<String> = match (region, regions, file) {
        (Some(region), _, _) => vec![region.clone()],
        (None, [], None) => return Ok(RegionSelection::Enabled),
        (None, [], Some(Regions::Keyword(k))) if k == "all" => return Ok(RegionSelection::Enabled),
        (None, [], Some(Regions::Keyword(k))) => {
            bail!("the configuration's scan.regions must be \"all\" or a list, not \"{}\"", wasp_model::excerpt(k))
        }
        (None, [], Some(Regions::List(list))) => list.clone(),
        (None, [all], _) if all == "all" => return Ok(RegionSelection::Enabled),
        (None, list, _) => {
            if list.iter().any(|r| r == "all") {
                bail!("--regions all cannot be combined with region names");
            }
            list.to_vec()
        }
    };
    for region in &list {
        if let Err(why) = crate::regions::check(region) {
            bail!(why);
        }
    }
    Ok(RegionSelection::List(list))
}

/// One progress line per service: units done of units planned, the region being read, gaps.
#[derive(Default)]
struct Progress {
    lines: MultiProgress,
    bars: HashMap<Service, ProgressBar>,
    gaps: HashMap<Service, usize>,
}

impl Progress {
    fn show(&mut self, event: ProgressEvent) {
        match event {
            ProgressEvent::Planned { account_id, regions, per_service, .. } => {
                let style = ProgressStyle::with_template("{spinner} {prefix:<15} [{bar:20}] {pos}/{len} {wide_msg}")
                    .expect("valid template")
                    .progress_chars("=> ");
                let _ = self.lines.println(format!("Scanning account {account_id} in {}", regions.join(", ")));
                for (service, units) in per_service {
                    let bar = self.lines.add(ProgressBar::new(units as u64).with_style(style.clone()));
                    bar.set_prefix(service.name());
                    bar.enable_steady_tick(std::time::Duration::from_millis(120));
                    self.bars.insert(service, bar);
                }
            }
            ProgressEvent::Started { service, region } => {
                if let Some(bar) = self.bars.get(&service) {
                    bar.set_message(region);
                }
            }
            ProgressEvent::Finished { service, gaps, .. } => {
                let total = self.gaps.entry(service).or_default();
                *total += gaps;
                if let Some(bar) = self.bars.get(&service) {
                    bar.inc(1);
                    let note = if *total > 0 { format!("{total} gap(s)") } else { String::new() };
                    if Some(bar.position()) == bar.length() {
                        bar.finish_with_message(if note.is_empty() { "done".to_owned() } else { note });
                    } else {
                        bar.set_message(note);
                    }
                }
            }
        }
    }

    fn clear(&self) {
        let _ = self.lines.clear();
    }
}

/// `http(s)://host[:port][/path]`, as the SDK needs it.
pub fn check_endpoint_url(url: &str) -> Result<()> {
    let host = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .map(|rest| rest.split(['/', '?']).next().unwrap_or_default());
    match host {
        Some(host) if !host.is_empty() && !host.starts_with(':') => Ok(()),
        _ => bail!("invalid --endpoint-url '{url}' (expected http://host[:port] or https://host[:port])"),
    }
}

/// The services to collect: every service the selected checks read.
pub fn collected_services(selection: &wasp_checks::Selection) -> Vec<Service> {
    let mut services: Vec<Service> = selection.checks().flat_map(|c| c.meta().services()).collect();
    services.sort_unstable();
    services.dedup();
    services
}

pub fn init_logging(verbose: u8) {
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
