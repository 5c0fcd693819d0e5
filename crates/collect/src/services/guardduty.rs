//! GuardDuty: detectors of one region and their status.
use crate::unit::{client, Unit};
use aws_sdk_guardduty::types::DetectorStatus;
use futures::StreamExt;
use wasp_model::detection::{GuardDutyDetector, GuardDutyRegion, Toggle};
use wasp_model::Inventory;

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
            async move {
                let answer = unit.read_for("GetDetector", &id, gd.get_detector().detector_id(&id).send().await).ok();
                GuardDutyDetector {
                    status: answer.as_ref().and_then(|d| d.status()).and_then(|s| match s {
                        DetectorStatus::Enabled => Some(Toggle::Enabled),
                        DetectorStatus::Disabled => Some(Toggle::Disabled),
                        _ => None,
                    }),
                    id,
                }
            }
        })
        .buffered(unit.inner_concurrency())
        .collect::<Vec<_>>()
        .await;
    part.detection.guardduty.insert(unit.region.clone(), GuardDutyRegion { detectors });
}
