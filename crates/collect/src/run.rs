//! Plans units, drives them with bounded concurrency, and merges what they read.
use crate::calls::CallLog;
use crate::services::Service;
use crate::setup::{
    identity_error, load_sdk_config, partition_of, CollectError, CollectOptions, RegionSelection, Shared,
};
use crate::unit::{client, Unit};
use futures::StreamExt;
use std::sync::Arc;
use std::time::Instant;
use wasp_model::{CollectionStats, Gap, GapKind, Inventory, GLOBAL_REGION};

/// The `service` of gaps about the account's regions rather than one service.
const ACCOUNT_SCOPE: &str = "account";

/// The region asked for the account's region list when none is configured.
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
        per_service: Vec<(&'static str, usize)>,
    },
    Started {
        service: &'static str,
        region: String,
    },
    Finished {
        service: &'static str,
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
    let configured_region = match &opts.regions {
        RegionSelection::List(list) => list.first().cloned(),
        RegionSelection::Default => sdk.region().map(|r| r.to_string()),
        // Any region can list the account's regions; without a configured one, ask the
        // partition's oldest region, as the AWS CLI's global endpoints do.
        RegionSelection::All => sdk.region().map(|r| r.to_string()).or_else(|| Some(BOOTSTRAP_REGION.to_owned())),
    };
    let home_region = configured_region.ok_or(CollectError::NoRegion)?;
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
        inner_concurrency: opts.inner_concurrency,
    });

    // Who are we? The only failure that stops the run.
    let sts_unit = Unit::new(bootstrap.clone(), Service::Sts, GLOBAL_REGION.into());
    let sts = client!(aws_sdk_sts, &sts_unit);
    let identity = sts.get_caller_identity().send().await.map_err(|e| identity_error(endpoint_url.clone(), &e))?;
    let account_id = identity.account().unwrap_or_default().to_owned();
    let partition = partition_of(identity.arn().unwrap_or_default());
    let shared = Arc::new(Shared { account_id: account_id.clone(), partition, ..(*bootstrap).clone() });

    let mut inventory = Inventory::new(account_id.clone(), chrono::Utc::now());
    inventory.partition = shared.partition.clone();
    let (regions, region_gaps) = resolve_regions(&shared, &opts.regions, &home_region).await?;
    inventory.regions = regions.clone();
    inventory.gaps.extend(region_gaps);
    let shared = Arc::new(Shared { regions: regions.clone(), ..(*shared).clone() });

    let services: Vec<Service> = if opts.services.is_empty() { Service::ALL.to_vec() } else { opts.services.clone() };
    inventory.collected_services = services.iter().map(|s| s.name().to_owned()).collect();
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
        .map(|s| (s.name(), units.iter().filter(|u| u.service == *s).count()))
        .filter(|(_, n)| *n > 0)
        .collect();
    progress(ProgressEvent::Planned { account_id, regions: regions.clone(), units: units.len(), per_service });

    let mut results = futures::stream::iter(units)
        .map(|unit| async move {
            progress(ProgressEvent::Started { service: unit.service.name(), region: unit.region.clone() });
            let mut part = unit.service.collect(&unit).await;
            part.gaps.extend(unit.take_gaps());
            progress(ProgressEvent::Finished {
                service: unit.service.name(),
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

/// The regions to collect, checked against the account's own list.
async fn resolve_regions(
    shared: &Arc<Shared>,
    selection: &RegionSelection,
    home_region: &str,
) -> Result<(Vec<String>, Vec<Gap>), CollectError> {
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
    // A failed region lookup says nothing about EC2's evidence: file it under the account,
    // like the regions it may leave unchecked.
    let mut gaps: Vec<Gap> =
        unit.take_gaps().into_iter().map(|g| Gap { service: ACCOUNT_SCOPE.to_owned(), ..g }).collect();
    let requested: Vec<String> = match selection {
        RegionSelection::All => match &known {
            Some(list) => list.iter().filter(|(_, enabled)| *enabled).map(|(n, _)| n.clone()).collect(),
            None => {
                let reason = gaps.first().map_or_else(String::new, |g| g.reason.clone());
                return Err(CollectError::RegionsUnreadable(reason));
            }
        },
        RegionSelection::List(list) => list.clone(),
        RegionSelection::Default => vec![home_region.to_owned()],
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
                service: ACCOUNT_SCOPE.into(),
                region: region.clone(),
                operation: "DescribeRegions".into(),
                kind: GapKind::RegionDisabled,
                reason: format!("region {region} is not enabled for this account"),
                resource: None,
            }),
        }
    }
    regions.dedup();
    Ok((regions, gaps))
}
