//! Amazon Inspector (v2) of one region: the account's scan states (`BatchGetAccountStatus`),
//! covered resources counted by scan status (`ListCoverageStatistics` grouped by
//! `SCAN_STATUS_CODE`), and open CRITICAL and HIGH findings (`ListFindings` filtered on
//! status and severity), kept as counts per severity and first-observed day.
use crate::unit::{client, Unit};
use aws_sdk_inspector2::types::{FilterCriteria, GroupKey, State, StringComparison, StringFilter};
use aws_sdk_inspector2::Client;
use std::collections::BTreeMap;
use wasp_model::inspector::{FindingCount, InspectorRegion, ScanStatus};
use wasp_model::{GapKind, Inventory};

pub(crate) async fn collect(unit: &Unit, part: &mut Inventory) {
    let inspector = client!(aws_sdk_inspector2, unit);
    let (status, coverage, open_findings) =
        futures::join!(status(unit, &inspector), coverage(unit, &inspector), findings(unit, &inspector));
    part.inspector.regions.insert(unit.region.clone(), InspectorRegion { status, coverage, open_findings });
}

async fn status(unit: &Unit, inspector: &Client) -> Option<ScanStatus> {
    let answer = inspector.batch_get_account_status().send().await;
    let out = unit.read("BatchGetAccountStatus", answer).ok()?;
    let Some(account) = out.accounts().iter().find(|a| a.account_id() == unit.account_id()).or(out.accounts().first())
    else {
        unit.gap("BatchGetAccountStatus", GapKind::Other, "the answer names no account".into(), None);
        return None;
    };
    let state = |s: Option<&State>| s.map(|s| s.status().as_str().to_owned());
    let r = account.resource_state();
    Some(ScanStatus {
        ec2: state(r.and_then(|r| r.ec2())),
        ecr: state(r.and_then(|r| r.ecr())),
        lambda: state(r.and_then(|r| r.lambda())),
        lambda_code: state(r.and_then(|r| r.lambda_code())),
    })
}

async fn coverage(unit: &Unit, inspector: &Client) -> Option<BTreeMap<String, i64>> {
    let mut counts = BTreeMap::new();
    let mut pages = inspector.list_coverage_statistics().group_by(GroupKey::ScanStatusCode).into_paginator().send();
    while let Some(page) = pages.next().await {
        let page = unit.read("ListCoverageStatistics", page).ok()?;
        for c in page.counts_by_group() {
            *counts.entry(c.group_key().map_or("UNKNOWN", |k| k.as_str()).to_owned()).or_default() += c.count();
        }
    }
    Some(counts)
}

fn equals(value: &str) -> Option<StringFilter> {
    StringFilter::builder().comparison(StringComparison::Equals).value(value).build().ok()
}

async fn findings(unit: &Unit, inspector: &Client) -> Option<Vec<FindingCount>> {
    let criteria = FilterCriteria::builder()
        .set_finding_status(equals("ACTIVE").map(|f| vec![f]))
        .set_severity(Some([equals("CRITICAL"), equals("HIGH")].into_iter().flatten().collect()))
        .build();
    let mut by_day: BTreeMap<(String, i64), u64> = BTreeMap::new();
    let mut pages = inspector.list_findings().filter_criteria(criteria).max_results(100).into_paginator().send();
    while let Some(page) = pages.next().await {
        let page = unit.read("ListFindings", page).ok()?;
        for f in page.findings() {
            let day = f.first_observed_at().secs().div_euclid(86_400) * 86_400;
            *by_day.entry((f.severity().as_str().to_owned(), day)).or_default() += 1;
        }
    }
    Some(
        by_day
            .into_iter()
            .filter_map(|((severity, day), count)| {
                Some(FindingCount { severity, first_observed: chrono::DateTime::from_timestamp(day, 0)?, count })
            })
            .collect(),
    )
}
