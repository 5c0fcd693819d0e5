//! Security Hub of one region: whether a hub exists, its enabled standards, and the
//! administrator account that manages it.
use crate::unit::{client, Read, Unit};
use wasp_model::detection::{EnabledStandard, SecurityHub};
use wasp_model::{Inventory, Setting};

pub(crate) async fn collect(unit: &Unit, part: &mut Inventory) {
    let sh = client!(aws_sdk_securityhub, unit);
    let hub = match unit.read("DescribeHub", sh.describe_hub().send().await) {
        Read::Ok(hub) => hub,
        // `InvalidAccessException`: the account is not subscribed in this region.
        Read::NotConfigured => {
            part.detection.securityhub.insert(unit.region.clone(), Setting::NotConfigured);
            return;
        }
        Read::Gap => return,
    };
    let (standards, admin) = futures::join!(standards(unit, &sh), sh.get_administrator_account().send());
    let administrator = unit.read("GetAdministratorAccount", admin).ok().map(|a| {
        match a.administrator().and_then(|a| a.account_id()) {
            Some(account) => Setting::Configured(account.to_owned()),
            None => Setting::NotConfigured,
        }
    });
    let hub = SecurityHub {
        hub_arn: hub.hub_arn().map_or_else(|| unit.arn("securityhub", "hub/default"), str::to_owned),
        subscribed_at: hub
            .subscribed_at()
            .and_then(|t| chrono::DateTime::parse_from_rfc3339(t).ok())
            .map(|t| t.with_timezone(&chrono::Utc)),
        standards,
        administrator,
    };
    part.detection.securityhub.insert(unit.region.clone(), Setting::Configured(hub));
}

/// Every enabled standard, or `None` when a page could not be read.
async fn standards(unit: &Unit, sh: &aws_sdk_securityhub::Client) -> Option<Vec<EnabledStandard>> {
    let mut out = Vec::new();
    let mut pages = sh.get_enabled_standards().into_paginator().send();
    while let Some(page) = pages.next().await {
        let page = match unit.read("GetEnabledStandards", page) {
            Read::Ok(page) => page,
            Read::NotConfigured => return Some(Vec::new()),
            Read::Gap => return None,
        };
        out.extend(page.standards_subscriptions().iter().filter_map(|s| {
            Some(EnabledStandard {
                standards_arn: s.standards_arn()?.to_owned(),
                status: s.standards_status().map(|s| s.as_str().to_owned()),
            })
        }));
    }
    Some(out)
}
