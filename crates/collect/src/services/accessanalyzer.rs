//! IAM Access Analyzer of one region: its analyzers.
use crate::unit::{client, Unit};
use aws_sdk_accessanalyzer::types::{AnalyzerStatus, Type};
use wasp_model::detection::{AccessAnalyzerRegion, Analyzer, AnalyzerStatus as Status, AnalyzerType};
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
            analyzer_type: match a.r#type() {
                Type::Account => AnalyzerType::Account,
                Type::Organization => AnalyzerType::Organization,
                Type::AccountUnusedAccess => AnalyzerType::AccountUnusedAccess,
                Type::OrganizationUnusedAccess => AnalyzerType::OrganizationUnusedAccess,
                _ => AnalyzerType::Other,
            },
            status: match a.status() {
                AnalyzerStatus::Active => Some(Status::Active),
                AnalyzerStatus::Creating => Some(Status::Creating),
                AnalyzerStatus::Disabled => Some(Status::Disabled),
                AnalyzerStatus::Failed => Some(Status::Failed),
                _ => None,
            },
        }));
    }
    part.detection.access_analyzer.insert(unit.region.clone(), AccessAnalyzerRegion { analyzers });
}
