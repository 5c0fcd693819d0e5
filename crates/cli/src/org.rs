//! `wasp scan --organization` and `wasp review --snapshot DIR`: every account of an
//! organization reviewed, one at a time in memory (each inventory is judged, written out and
//! dropped), and rolled up.
use crate::args::{Cli, OutputArgs, ReviewOptions, ScanArgs};
use crate::config::Config;
use crate::output::Destination;
use anyhow::{bail, Context, Result};
use futures::StreamExt;
use serde::{Deserialize, Serialize};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Mutex;
use wasp_checks::Selection;
use wasp_collect::{AssumeRole, CollectOptions, OrgAccount};
use wasp_model::Inventory;
use wasp_pillar::Lens;
use wasp_review::org::{roll_up, AccountOutcome, OrgReview, OrgScope};
use wasp_review::Source;
use wasp_store::Store;

/// What a shard writes beside its snapshots: the accounts it was given, so a merge knows which
/// are missing.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Manifest {
    shard: String,
    accounts: Vec<ManifestAccount>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ManifestAccount {
    id: String,
    name: String,
    /// Why the scan could not review it, if it could not.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    not_reviewed: Option<String>,
}

/// A shard: `I/N`, or `N` with I from the batch engine's index variable.
pub(crate) fn parse_shard(text: &str, env: impl Fn(&str) -> Option<String>) -> Result<(usize, usize)> {
    let number = |s: &str, what: &str| -> Result<usize> {
        s.trim().parse::<usize>().map_err(|_| anyhow::anyhow!("--shard {text}: {what} '{s}' is not a number"))
    };
    let (index, count) = match text.split_once('/') {
        Some((i, n)) => (number(i, "the index")?, number(n, "the count")?),
        None => {
            let count = number(text, "the count")?;
            let Some((var, value)) = ["JOB_COMPLETION_INDEX", "AWS_BATCH_JOB_ARRAY_INDEX"]
                .into_iter()
                .find_map(|var| env(var).map(|v| (var, v)))
            else {
                bail!("--shard {text}: give I/N, or set JOB_COMPLETION_INDEX or AWS_BATCH_JOB_ARRAY_INDEX")
            };
            let index = value.trim().parse::<usize>().map_err(|_| anyhow::anyhow!("{var}={value} is not a number"))?;
            (index, count)
        }
    };
    if count == 0 || index >= count {
        bail!("--shard {index}/{count}: the index must be below the count, counting from 0");
    }
    Ok((index, count))
}

fn check_account_ids(ids: &[String], flag: &str) -> Result<()> {
    for id in ids {
        if id.len() != 12 || !id.bytes().all(|b| b.is_ascii_digit()) {
            bail!("{flag}: '{}' is not a 12-digit AWS account id", wasp_model::excerpt(id));
        }
    }
    Ok(())
}

/// Formats with an organization view (text, JSON, HTML, Markdown, CSV, JUnit); the per-finding
/// formats (SARIF, OCSF, ASFF) are each account's, from its snapshot.
fn org_destinations(output: &OutputArgs) -> Result<Vec<Destination>> {
    let destinations = crate::output::destinations(output)?;
    for d in &destinations {
        if !d.format.has_organization_view() {
            let with: Vec<&str> =
                wasp_report::ReviewFormat::ALL.iter().filter(|f| f.has_organization_view()).map(|f| f.name()).collect();
            bail!(
                "{} lists findings, one account at a time: the organization's review is written as {}; each \
                 account's {} is one `wasp review --snapshot DIR/ACCOUNT.json --format {}` away (--save-snapshot DIR)",
                d.format,
                with.join(", "),
                d.format,
                d.format
            );
        }
    }
    Ok(destinations)
}

/// `wasp scan --organization`.
pub fn scan(
    cli: &Cli,
    args: &ScanArgs,
    config: &Config,
    opts: CollectOptions,
    selection: &Selection,
) -> Result<ExitCode> {
    let (org, options, output) = (&args.organization, &args.review, &args.output);
    let snapshots = args.save_snapshot.as_deref().map(SnapshotPlace::from_arg).transpose()?;
    let snapshot_dir = match &snapshots {
        Some(SnapshotPlace::Dir(dir)) => Some(dir.as_path()),
        _ => None,
    };
    check_account_ids(&org.accounts, "--accounts")?;
    check_account_ids(&org.exclude_accounts, "--exclude-accounts")?;
    let shard = org.shard.as_deref().map(|s| parse_shard(s, |v| std::env::var(v).ok())).transpose()?;
    let destinations = org_destinations(output)?;
    if let Some(dir) = snapshot_dir {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create the snapshot folder {}", dir.display()))?;
    }
    let rules = suppression_rules(cli, config)?;
    let store = if options.no_store { None } else { Some(Mutex::new(crate::history::open(cli, config)?)) };

    let runtime =
        tokio::runtime::Builder::new_multi_thread().enable_all().build().context("cannot start the runtime")?;
    // The shards' S3 prefix is written with the scanner's own credentials, not a member's.
    let shards = match &snapshots {
        Some(SnapshotPlace::S3(at)) => Some(runtime.block_on(async {
            let client = wasp_shards::client(opts.profile.as_deref(), None, opts.endpoint_url.as_deref()).await;
            wasp_shards::Shards::new(client, at.clone())
        })),
        _ => None,
    };
    let listed = runtime.block_on(wasp_collect::organization_accounts(&opts, org.ou.as_deref()))?;
    let mut accounts: Vec<OrgAccount> = listed
        .accounts
        .into_iter()
        .filter(|a| org.accounts.is_empty() || org.accounts.contains(&a.id))
        .filter(|a| !org.exclude_accounts.contains(&a.id))
        .collect();
    for id in &org.accounts {
        if !accounts.iter().any(|a| &a.id == id) {
            bail!("--accounts: {id} is not an account of the organization{}", under(org.ou.as_deref()));
        }
    }
    if accounts.is_empty() {
        bail!(
            "no account to scan: the organization lists none{}{}",
            under(org.ou.as_deref()),
            if org.exclude_accounts.is_empty() { "" } else { " once --exclude-accounts is applied" }
        );
    }
    if let Some((index, count)) = shard {
        accounts = wasp_collect::org::shard(accounts, index, count);
    }
    let shard_name = shard.map(|(i, n)| format!("{i}/{n}"));
    if !cli.quiet {
        eprintln!(
            "wasp: {} account(s) to scan{}{}, {} at a time",
            accounts.len(),
            under(org.ou.as_deref()),
            shard_name.as_deref().map(|s| format!(" in shard {s}")).unwrap_or_default(),
            org.account_concurrency.unwrap_or(4)
        );
    }

    let done = std::sync::atomic::AtomicUsize::new(0);
    let total = accounts.len();
    let outcomes: Vec<AccountOutcome> = runtime.block_on(
        futures::stream::iter(accounts.iter())
            .map(|account| {
                let mut opts = opts.clone();
                if account.id != listed.caller_account {
                    opts.assume_role = Some(AssumeRole::in_account(
                        &listed.partition,
                        &account.id,
                        &org.role_name,
                        org.external_id.clone(),
                    ));
                }
                let rules = &rules;
                let store = store.as_ref();
                let shards = shards.as_ref();
                let done = &done;
                async move {
                    let outcome = if !account.is_active() {
                        let state = if account.status.is_empty() { "not active" } else { account.status.as_str() };
                        AccountOutcome::not_reviewed(&account.id, name(account), format!("the account is {state}"))
                    } else {
                        match wasp_collect::collect(&opts, &|_| {}).await {
                            Ok(inventory) => {
                                let saved = match shards {
                                    Some(shards) => {
                                        let text = inventory.to_snapshot_json();
                                        shards.put(&format!("{}.json", inventory.account_id), text.into_bytes()).await
                                    }
                                    None => Ok(()),
                                };
                                match saved {
                                    Ok(()) => judge_account(
                                        Source::Live,
                                        config,
                                        rules,
                                        store,
                                        &inventory,
                                        selection,
                                        snapshot_dir,
                                        account,
                                    ),
                                    Err(e) => AccountOutcome::not_reviewed(&account.id, name(account), e.to_string()),
                                }
                            }
                            Err(e) => AccountOutcome::not_reviewed(&account.id, name(account), e.to_string()),
                        }
                    };
                    let n = done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
                    if !cli.quiet {
                        match &outcome.not_reviewed {
                            None => eprintln!("wasp: [{n}/{total}] {} reviewed", account.id),
                            Some(why) => eprintln!("wasp: [{n}/{total}] {} not reviewed: {why}", account.id),
                        }
                    }
                    outcome
                }
            })
            .buffer_unordered(usize::from(org.account_concurrency.unwrap_or(4)))
            .collect(),
    );
    if let Some(place) = &snapshots {
        let manifest = Manifest {
            shard: shard_name.clone().unwrap_or_else(|| "0/1".into()),
            accounts: accounts
                .iter()
                .map(|a| ManifestAccount {
                    id: a.id.clone(),
                    name: a.name.clone(),
                    not_reviewed: outcomes.iter().find(|o| o.account_id == a.id).and_then(|o| o.not_reviewed.clone()),
                })
                .collect(),
        };
        let (i, n) = shard.unwrap_or((0, 1));
        let file = format!("manifest-{i}-of-{n}.json");
        let text = serde_json::to_string_pretty(&manifest).context("cannot write the manifest")?;
        match (place, &shards) {
            (SnapshotPlace::Dir(dir), _) => {
                crate::output::to_file_atomically(&dir.join(file), |out| out.write_all(text.as_bytes()))?;
            }
            (SnapshotPlace::S3(_), Some(shards)) => runtime.block_on(shards.put(&file, text.into_bytes()))?,
            (SnapshotPlace::S3(_), None) => {}
        }
    }
    let scope = OrgScope {
        caller_account: Some(listed.caller_account),
        organizational_unit: org.ou.clone(),
        shard: shard_name,
        missing_accounts: Vec::new(),
    };
    let review = roll_up(Lens::builtin(), scope, outcomes);
    finish(cli, output, &destinations, &review)
}

/// Where `--save-snapshot` puts an organization's snapshots: a folder, or an S3 prefix.
enum SnapshotPlace {
    Dir(PathBuf),
    S3(wasp_shards::S3Prefix),
}

impl SnapshotPlace {
    fn from_arg(path: &Path) -> Result<SnapshotPlace> {
        Ok(match path.to_str().filter(|t| wasp_shards::S3Prefix::is_s3(t)) {
            Some(text) => SnapshotPlace::S3(wasp_shards::S3Prefix::parse(text)?),
            None => SnapshotPlace::Dir(path.to_owned()),
        })
    }
}

/// `wasp review --snapshot DIR`: every account snapshot in the folder (shards' outputs merged),
/// reviewed and rolled up; accounts the manifests name without a snapshot are missing.
pub fn review_directory(
    cli: &Cli,
    dir: &Path,
    options: &ReviewOptions,
    output: &OutputArgs,
    config: &Config,
    selection: &Selection,
) -> Result<ExitCode> {
    let max_bytes = crate::max_input_bytes(cli, config)?;
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .with_context(|| format!("cannot read the folder {}", dir.display()))?
        .filter_map(|e| e.ok().and_then(|e| e.file_name().into_string().ok()))
        .filter(|n| n.ends_with(".json"))
        .collect();
    names.sort();
    let read = |name: &str| -> Result<String> { Ok(wasp_model::read_limited(&dir.join(name), max_bytes)?) };
    let merged = Merge { cli, options, output, config, selection };
    merged.review(&dir.display().to_string(), &names, &|name| dir.join(name).display().to_string(), &read)
}

/// `wasp review --snapshot s3://bucket/prefix/`: the same merge over the objects directly under
/// an S3 prefix, read with the environment's AWS configuration (`AWS_PROFILE`, `AWS_REGION`,
/// `AWS_ENDPOINT_URL`).
pub fn review_s3(
    cli: &Cli,
    location: &str,
    options: &ReviewOptions,
    output: &OutputArgs,
    config: &Config,
    selection: &Selection,
) -> Result<ExitCode> {
    let at = wasp_shards::S3Prefix::parse(location)?;
    let max_bytes = crate::max_input_bytes(cli, config)?;
    let runtime =
        tokio::runtime::Builder::new_multi_thread().enable_all().build().context("cannot start the runtime")?;
    let shards =
        runtime.block_on(async { wasp_shards::Shards::new(wasp_shards::client(None, None, None).await, at.clone()) });
    let names = runtime.block_on(shards.list_json())?;
    let read = |name: &str| -> Result<String> { Ok(runtime.block_on(shards.get(name, max_bytes))?) };
    let merged = Merge { cli, options, output, config, selection };
    merged.review(&at.to_string(), &names, &|name| at.url(name), &read)
}

/// What a merge of shard outputs needs besides the outputs.
struct Merge<'a> {
    cli: &'a Cli,
    options: &'a ReviewOptions,
    output: &'a OutputArgs,
    config: &'a Config,
    selection: &'a Selection,
}

impl Merge<'_> {
    /// Reviews the snapshots and manifests `names` (files or objects in `place`), read by `read`
    /// and named in messages by `label`.
    fn review(
        &self,
        place: &str,
        names: &[String],
        label: &dyn Fn(&str) -> String,
        read: &dyn Fn(&str) -> Result<String>,
    ) -> Result<ExitCode> {
        let Merge { cli, options, output, config, selection } = *self;
        let destinations = org_destinations(output)?;
        let rules = suppression_rules(cli, config)?;
        let store = if options.no_store { None } else { Some(Mutex::new(crate::history::open(cli, config)?)) };
        let mut expected: Vec<ManifestAccount> = Vec::new();
        let mut shards = Vec::new();
        let mut outcomes = Vec::new();
        for file_name in names {
            if file_name.starts_with("manifest-") {
                let text = read(file_name)?;
                let manifest: Manifest = serde_json::from_str(&text)
                    .with_context(|| format!("{} is not a wasp shard manifest", label(file_name)))?;
                shards.push(manifest.shard);
                expected.extend(manifest.accounts);
                continue;
            }
            // A damaged snapshot is that account's problem, named, not the whole merge's.
            let inventory = read(file_name)
                .and_then(|text| Ok(Inventory::from_snapshot_json(&text, Path::new(&label(file_name)))?));
            let inventory = match inventory {
                Ok(inventory) => inventory,
                Err(e) => {
                    let id = file_name.strip_suffix(".json").unwrap_or(file_name).to_owned();
                    outcomes.push(AccountOutcome::not_reviewed(id, None, format!("{e:#}")));
                    continue;
                }
            };
            let account = OrgAccount { id: inventory.account_id.clone(), name: String::new(), status: "ACTIVE".into() };
            outcomes.push(judge_account(
                Source::Snapshot,
                config,
                &rules,
                store.as_ref(),
                &inventory,
                selection,
                None,
                &account,
            ));
        }
        if outcomes.is_empty() && expected.is_empty() {
            bail!("{place} holds no account snapshots (*.json) and no shard manifests");
        }
        let mut missing = Vec::new();
        for account in expected {
            match outcomes.iter_mut().find(|o| o.account_id == account.id) {
                Some(o) => o.name = o.name.take().or(Some(account.name).filter(|n| !n.is_empty())),
                None => {
                    let why = account.not_reviewed.unwrap_or_else(|| "its snapshot is missing".into());
                    if why == "its snapshot is missing" {
                        missing.push(account.id.clone());
                    }
                    outcomes.push(AccountOutcome::not_reviewed(
                        &account.id,
                        Some(account.name).filter(|n| !n.is_empty()),
                        why,
                    ));
                }
            }
        }
        missing.sort();
        shards.sort();
        shards.dedup();
        let scope = OrgScope {
            caller_account: None,
            organizational_unit: None,
            shard: (!shards.is_empty()).then(|| format!("merged from {}", shards.join(", "))),
            missing_accounts: missing,
        };
        let review = roll_up(Lens::builtin(), scope, outcomes);
        finish(cli, output, &destinations, &review)
    }
}

fn under(ou: Option<&str>) -> String {
    ou.map(|ou| format!(" under {ou}")).unwrap_or_default()
}

fn name(account: &OrgAccount) -> Option<String> {
    Some(account.name.clone()).filter(|n| !n.is_empty())
}

fn suppression_rules(cli: &Cli, config: &Config) -> Result<Vec<wasp_review::suppress::Rule>> {
    let mut rules = match crate::history::open_existing(cli, config)? {
        Some(store) => crate::history::stored_rules(&store)?,
        None => Vec::new(),
    };
    rules.extend(config.suppression_rules()?);
    Ok(rules)
}

/// One account's review: judged, kept in the store, its snapshot written; only the compact
/// outcome stays in memory.
#[allow(clippy::too_many_arguments)]
fn judge_account(
    source: Source,
    config: &Config,
    rules: &[wasp_review::suppress::Rule],
    store: Option<&Mutex<Store>>,
    inventory: &Inventory,
    selection: &Selection,
    snapshot_dir: Option<&Path>,
    account: &OrgAccount,
) -> AccountOutcome {
    let attempt = || -> Result<AccountOutcome> {
        if let Some(dir) = snapshot_dir {
            let text = inventory.to_snapshot_json();
            let path = dir.join(format!("{}.json", inventory.account_id));
            crate::output::to_file_atomically(&path, |out| out.write_all(text.as_bytes()))?;
        }
        let review = crate::pipeline::build(rules, config, None, inventory, selection, source)?;
        if let Some(store) = store {
            let mut store = store.lock().map_err(|_| anyhow::anyhow!("the store lock is poisoned"))?;
            store.save_review(&review, chrono::Utc::now())?;
        }
        Ok(AccountOutcome::reviewed(&review, name(account)))
    };
    attempt().unwrap_or_else(|e| AccountOutcome::not_reviewed(&account.id, name(account), format!("{e:#}")))
}

/// Writes the roll-up; exit 1 when an account failed at the `--fail-on` threshold.
fn finish(cli: &Cli, output: &OutputArgs, destinations: &[Destination], review: &OrgReview) -> Result<ExitCode> {
    let render = |format: wasp_report::ReviewFormat, style: wasp_report::Style, out: &mut dyn Write| {
        format.render_organization(review, style, out).unwrap_or(Ok(()))
    };
    for d in destinations {
        if let Some(path) = &d.path {
            crate::output::to_file_atomically(path, |out| render(d.format, Default::default(), out))?;
        }
    }
    if let Some(d) = destinations.iter().find(|d| d.path.is_none()) {
        let style = crate::style(cli, std::io::stdout().is_terminal());
        crate::output::to_stdout(|out| render(d.format, style, out))?;
    }
    let failed = crate::severity(output.fail_on).is_some_and(|threshold| {
        review
            .accounts
            .iter()
            .filter_map(|a| a.summary.as_ref())
            .any(|s| s.failed_by_severity.iter().any(|(sev, n)| *sev >= threshold && *n > 0))
    });
    Ok(if failed { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shards_come_from_the_flag_or_the_batch_engine() {
        let none = |_: &str| None;
        assert_eq!(parse_shard("2/5", none).unwrap(), (2, 5));
        let k8s = |v: &str| (v == "JOB_COMPLETION_INDEX").then(|| "3".to_owned());
        assert_eq!(parse_shard("4", k8s).unwrap(), (3, 4));
        let batch = |v: &str| (v == "AWS_BATCH_JOB_ARRAY_INDEX").then(|| "0".to_owned());
        assert_eq!(parse_shard("2", batch).unwrap(), (0, 2));
        for (bad, says) in [
            ("5/5", "below the count"),
            ("1/0", "below the count"),
            ("a/2", "not a number"),
            ("3", "JOB_COMPLETION_INDEX"),
        ] {
            let e = parse_shard(bad, none).unwrap_err().to_string();
            assert!(e.contains(says), "{bad}: {e}");
        }
        assert!(parse_shard("3", k8s).unwrap_err().to_string().contains("below the count"));
    }

    #[test]
    fn account_ids_are_twelve_digits() {
        assert!(check_account_ids(&["111122223333".into()], "--accounts").is_ok());
        let e = check_account_ids(&["1111".into()], "--accounts").unwrap_err().to_string();
        assert_eq!(e, "--accounts: '1111' is not a 12-digit AWS account id");
    }
}
