//! Plans units, drives them with bounded concurrency, and merges what they read.
use crate::calls::CallLog;
use crate::setup::{
    identity_error, load_sdk_config, partition_of, CollectError, CollectOptions, RegionSelection, Shared,
    IDENTITY_TIMEOUT,
};
use crate::unit::{client, Unit};
use aws_config::timeout::TimeoutConfig;
use futures::StreamExt;
use std::sync::Arc;
use std::time::Instant;
use wasp_model::{CollectionStats, Gap, GapKind, Inventory, Service, GLOBAL_REGION};

/// The region asked for the account's region list when none is configured, as the AWS CLI's
/// global endpoints do.
const BOOTSTRAP_REGION: &str = "us-east-1";

/// What a progress display is told.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProgressEvent {
    /// The caller and the regions are known; `units` units will run, `per_service` of them
    /// for each service (one for a global service, one per region otherwise).
    Planned {
        account_id: String,
        regions: Vec<String>,
        units: usize,
        per_service: Vec<(Service, usize)>,
    },
    Started {
        service: Service,
        region: String,
    },
    Finished {
        service: Service,
        region: String,
        gaps: usize,
    },
}

/// Collects one account.
pub async fn collect(
    opts: &CollectOptions,
    progress: &(dyn Fn(ProgressEvent) + Send + Sync),
) -> Result<Inventory, CollectError> {
    let started = Instant::now();
    let sdk = load_sdk_config(opts).await;
    let home_region = match &opts.regions {
        RegionSelection::List(list) => list.first().cloned().ok_or(CollectError::NoRegion)?,
        // Any region can list the account's regions.
        RegionSelection::Enabled => sdk.region().map_or_else(|| BOOTSTRAP_REGION.to_owned(), |r| r.to_string()),
    };
    let endpoint_url = opts.endpoint_url.clone().or_else(|| sdk.endpoint_url().map(str::to_owned));
    let calls = CallLog::default();
    let bootstrap = Arc::new(Shared {
        sdk: sdk.clone(),
        account_id: String::new(),
        partition: "aws".into(),
        calls: calls.clone(),
        endpoint_url: endpoint_url.clone(),
        home_region: home_region.clone(),
        regions: Vec::new(),
        regions_chosen: matches!(opts.regions, RegionSelection::List(_)),
        inner_concurrency: opts.inner_concurrency,
    });

    // Who are we? The only failure that stops the run, and it comes fast: a silent endpoint
    // is known within seconds, not after three long attempts.
    let sts_unit = Unit::new(bootstrap.clone(), Service::Sts, GLOBAL_REGION.into());
    let identity_timeouts = TimeoutConfig::builder()
        .connect_timeout(opts.timeouts.connect.min(IDENTITY_TIMEOUT))
        .operation_attempt_timeout(opts.timeouts.attempt.min(IDENTITY_TIMEOUT))
        .operation_timeout(IDENTITY_TIMEOUT)
        .build();
    let sts = client!(aws_sdk_sts, &sts_unit, &home_region, |b| b.timeout_config(identity_timeouts));
    let identity = sts.get_caller_identity().send().await.map_err(|e| {
        match (&opts.assume_role, identity_error(endpoint_url.clone(), &e)) {
            // The credentials are the role's: failing them is failing to assume it.
            (Some(role), CollectError::NoCredentials(cause) | CollectError::Credentials(cause)) => {
                CollectError::AssumeRole { role: role.role_arn.clone(), cause }
            }
            (_, other) => other,
        }
    })?;
    let account_id = identity.account().unwrap_or_default().to_owned();
    let partition = partition_of(identity.arn().unwrap_or_default());
    let shared = Arc::new(Shared { account_id: account_id.clone(), partition, ..(*bootstrap).clone() });

    let mut inventory = Inventory::new(account_id.clone(), chrono::Utc::now());
    inventory.partition = shared.partition.clone();
    let resolved = resolve_regions(&shared, &opts.regions, &home_region).await?;
    let regions = resolved.regions;
    inventory.regions = regions.clone();
    inventory.enabled_regions = resolved.enabled;
    inventory.gaps.extend(resolved.gaps);
    let shared = Arc::new(Shared { regions: regions.clone(), ..(*shared).clone() });

    let services: Vec<Service> =
        if opts.services.is_empty() { Service::COLLECTED.to_vec() } else { opts.services.clone() };
    inventory.collected_services = services.clone();
    inventory.collected_services.sort();
    let mut units = Vec::new();
    for service in services.iter().filter(|s| s.is_global()) {
        units.push(Unit::new(shared.clone(), *service, GLOBAL_REGION.into()));
    }
    for region in &regions {
        for service in services.iter().filter(|s| !s.is_global()) {
            units.push(Unit::new(shared.clone(), *service, region.clone()));
        }
    }
    let per_service = services
        .iter()
        .map(|s| (*s, units.iter().filter(|u| u.service == *s).count()))
        .filter(|(_, n)| *n > 0)
        .collect();
    progress(ProgressEvent::Planned { account_id, regions: regions.clone(), units: units.len(), per_service });

    let mut results = futures::stream::iter(units)
        .map(|unit| async move {
            progress(ProgressEvent::Started { service: unit.service, region: unit.region.clone() });
            let mut part = crate::services::collect(&unit).await;
            part.gaps.extend(unit.take_gaps());
            progress(ProgressEvent::Finished {
                service: unit.service,
                region: unit.region.clone(),
                gaps: part.gaps.len(),
            });
            part
        })
        .buffer_unordered(opts.concurrency.max(1));
    while let Some(part) = results.next().await {
        crate::merge::absorb(&mut inventory, part);
    }
    crate::merge::normalise(&mut inventory);
    let rows = calls.rows();
    crate::merge::compact_denied_regions(&mut inventory, &rows);
    inventory.collection = Some(CollectionStats {
        duration_ms: started.elapsed().as_millis() as u64,
        api_calls_total: calls.total(),
        api_calls: rows,
    });
    Ok(inventory)
}

/// The regions a collection covers, and what the account said about its regions.
struct Resolved {
    regions: Vec<String>,
    /// Every region enabled for the account, when it could be listed.
    enabled: Option<Vec<String>>,
    gaps: Vec<Gap>,
}

/// The regions to collect, checked against the account's own list. By default every enabled
/// region; when that list cannot be read, the home region alone, with an account gap that
/// leaves every regional verdict incomplete.
async fn resolve_regions(
    shared: &Arc<Shared>,
    selection: &RegionSelection,
    home_region: &str,
) -> Result<Resolved, CollectError> {
    let unit = Unit::new(shared.clone(), Service::Ec2, GLOBAL_REGION.into());
    let ec2 = client!(aws_sdk_ec2, &unit, home_region);
    let answer = unit.read("DescribeRegions", ec2.describe_regions().all_regions(true).send().await);
    let known: Option<Vec<(String, bool)>> = answer.ok().map(|out| {
        out.regions()
            .iter()
            .filter_map(|r| {
                let name = r.region_name()?.to_owned();
                let enabled = !matches!(r.opt_in_status(), Some("not-opted-in"));
                Some((name, enabled))
            })
            .collect()
    });
    // A failed region lookup says nothing about EC2's evidence: file it under the account.
    let mut gaps: Vec<Gap> = unit.take_gaps().into_iter().map(|g| Gap { service: Service::Account, ..g }).collect();
    let enabled: Option<Vec<String>> = known.as_ref().map(|list| {
        let mut names: Vec<String> = list.iter().filter(|(_, on)| *on).map(|(n, _)| n.clone()).collect();
        names.sort();
        names
    });
    let requested: Vec<String> = match selection {
        RegionSelection::Enabled => match &enabled {
            Some(list) => list.clone(),
            None => {
                for gap in &mut gaps {
                    gap.reason = format!(
                        "the account's regions could not be listed, so only {home_region} was scanned ({})",
                        gap.reason
                    );
                }
                vec![home_region.to_owned()]
            }
        },
        RegionSelection::List(list) => list.clone(),
    };
    let mut regions = Vec::new();
    for region in requested {
        match known.as_ref().map(|list| list.iter().find(|(n, _)| *n == region)) {
            // The account's list could not be read: trust the name, calls will tell.
            None => regions.push(region),
            Some(None) => {
                let mut names: Vec<&str> = known.iter().flatten().map(|(n, _)| n.as_str()).collect();
                names.sort_unstable();
                return Err(CollectError::UnknownRegion { region, known: names.join(", ") });
            }
            Some(Some((_, true))) => regions.push(region),
            Some(Some((_, false))) => gaps.push(Gap {
                service: Service::Account,
                region: region.clone(),
                operation: "DescribeRegions".into(),
                kind: GapKind::RegionDisabled,
                reason: format!("region {region} is not enabled for this account"),
                resource: None,
            }),
        }
    }
    regions.sort();
    regions.dedup();
    Ok(Resolved { regions, enabled, gaps })
}
