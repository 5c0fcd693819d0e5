//! IAM Access Analyzer of one region: its analyzers.
use crate::unit::{client, Unit};
use wasp_model::detection::{AccessAnalyzerRegion, Analyzer};
use wasp_model::Inventory;

pub(crate) async fn collect(unit: &Unit, part: &mut Inventory) {
    let aa = client!(aws_sdk_accessanalyzer, unit);
    let mut analyzers = Vec::new();
    let mut pages = aa.list_analyzers().into_paginator().send();
    while let Some(page) = pages.next().await {
        // A partial list would claim a region has no analyzer: nothing rather than part.
        let Some(page) = unit.read("ListAnalyzers", page).ok() else { return };
        analyzers.extend(page.analyzers().iter().map(|a| Analyzer {
            arn: a.arn().to_owned(),
            name: a.name().to_owned(),
            analyzer_type: a.r#type().as_str().to_owned(),
            status: a.status().as_str().to_owned(),
        }));
    }
    part.detection.access_analyzer.insert(unit.region.clone(), AccessAnalyzerRegion { analyzers });
}
