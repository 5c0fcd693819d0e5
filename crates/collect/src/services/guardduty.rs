//! GuardDuty: detectors of one region with their status and protection plans, the
//! administrator account that manages them, and their unarchived high-severity findings.
use crate::unit::{client, Unit};
use aws_sdk_guardduty::types::{Condition, DetectorStatus, FeatureStatus, FindingCriteria};
use futures::StreamExt;
use wasp_model::detection::{GuardDutyDetector, GuardDutyFeature, GuardDutyFeatureConfig, GuardDutyRegion, Toggle};
use wasp_model::{Inventory, Setting};

/// GuardDuty's "high" band starts at 7.0 (high 7.0–8.9, critical 9.0–10.0).
const HIGH_SEVERITY: i64 = 7;

fn toggle(status: Option<&FeatureStatus>) -> Option<Toggle> {
    match status? {
        FeatureStatus::Enabled => Some(Toggle::Enabled),
        FeatureStatus::Disabled => Some(Toggle::Disabled),
        _ => None,
    }
}

pub(crate) async fn collect(unit: &Unit, part: &mut Inventory) {
    let gd = client!(aws_sdk_guardduty, unit);
    let mut ids = Vec::new();
    let mut pages = gd.list_detectors().into_paginator().send();
    while let Some(page) = pages.next().await {
        match unit.read("ListDetectors", page).ok() {
            Some(page) => ids.extend(page.detector_ids().iter().cloned()),
            None => return,
        }
    }
    let detectors = futures::stream::iter(ids)
        .map(|id| {
            let gd = &gd;
            async move { detector(unit, gd, id).await }
        })
        .buffered(unit.inner_concurrency())
        .collect::<Vec<_>>()
        .await;
    part.detection.guardduty.insert(unit.region.clone(), GuardDutyRegion { detectors });
}

async fn detector(unit: &Unit, gd: &aws_sdk_guardduty::Client, id: String) -> GuardDutyDetector {
    let answer = unit.read_for("GetDetector", &id, gd.get_detector().detector_id(&id).send().await).ok();
    let status = answer.as_ref().and_then(|d| d.status()).and_then(|s| match s {
        DetectorStatus::Enabled => Some(Toggle::Enabled),
        DetectorStatus::Disabled => Some(Toggle::Disabled),
        _ => None,
    });
    let features = answer.as_ref().map(|d| {
        d.features()
            .iter()
            .filter_map(|f| {
                Some(GuardDutyFeature {
                    name: f.name()?.as_str().to_owned(),
                    status: toggle(f.status()),
                    additional: f
                        .additional_configuration()
                        .iter()
                        .filter_map(|a| {
                            Some(GuardDutyFeatureConfig {
                                name: a.name()?.as_str().to_owned(),
                                status: toggle(a.status()),
                            })
                        })
                        .collect(),
                })
            })
            .collect()
    });
    let mut detector = GuardDutyDetector { id, status, features, high_severity_findings: None, administrator: None };
    // A suspended detector has neither findings nor a live administrator link worth reading.
    if status != Some(Toggle::Enabled) {
        return detector;
    }
    let id = &detector.id;
    let criteria = FindingCriteria::builder()
        .criterion("severity", Condition::builder().greater_than_or_equal(HIGH_SEVERITY).build())
        .criterion("service.archived", Condition::builder().equals("false").build())
        .build();
    let (findings, admin) = futures::join!(
        gd.list_findings().detector_id(id).finding_criteria(criteria).max_results(50).send(),
        gd.get_administrator_account().detector_id(id).send(),
    );
    detector.high_severity_findings =
        unit.read_for("ListFindings", id, findings).ok().map(|f| f.finding_ids().to_vec());
    detector.administrator = unit.read_for("GetAdministratorAccount", id, admin).ok().map(|a| {
        match a.administrator().and_then(|a| a.account_id()) {
            Some(account) => Setting::Configured(account.to_owned()),
            None => Setting::NotConfigured,
        }
    });
    detector
}
