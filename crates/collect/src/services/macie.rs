//! Macie of one region: the Macie session (`GetMacieSession`; Macie answers
//! `AccessDeniedException` "Macie is not enabled" where it is off, which is data, not a gap),
//! then where it runs: automated sensitive data discovery, classification jobs (paginated
//! `ListClassificationJobs`) and counts of open sensitive-data findings by severity
//! (`GetFindingStatistics`).
use crate::unit::{client, Unit};
use aws_sdk_macie2::error::ProvideErrorMetadata;
use aws_sdk_macie2::types::{CriterionAdditionalProperties, FindingCriteria, GroupBy};
use aws_sdk_macie2::Client;
use std::collections::BTreeMap;
use wasp_model::macie::{ClassificationJob, MacieRegion};
use wasp_model::{Inventory, Setting};

pub(crate) async fn collect(unit: &Unit, part: &mut Inventory) {
    let macie = client!(aws_sdk_macie2, unit);
    let session = macie.get_macie_session().send().await;
    if let Err(e) = &session {
        if is_not_enabled(e.code(), e.message()) {
            // The call was made and answered; it counts, without a gap.
            part.macie.regions.insert(unit.region.clone(), Setting::NotConfigured);
            return;
        }
    }
    let Some(session) = unit.read("GetMacieSession", session).ok() else { return };
    let status = session.status().map_or_else(|| "UNKNOWN".to_owned(), |s| s.as_str().to_owned());
    let (discovery, jobs, findings) = futures::join!(
        macie.get_automated_discovery_configuration().send(),
        jobs(unit, &macie),
        findings(unit, &macie)
    );
    let region = MacieRegion {
        status,
        automated_discovery: unit
            .read("GetAutomatedDiscoveryConfiguration", discovery)
            .ok()
            .map(|d| d.status().map_or_else(|| "DISABLED".to_owned(), |s| s.as_str().to_owned())),
        jobs,
        findings_by_severity: findings,
    };
    part.macie.regions.insert(unit.region.clone(), Setting::Configured(region));
}

/// Macie's answer where it was never enabled (or was disabled).
fn is_not_enabled(code: Option<&str>, message: Option<&str>) -> bool {
    code == Some("AccessDeniedException")
        && message.is_some_and(|m| m.to_ascii_lowercase().contains("macie is not enabled"))
}

async fn jobs(unit: &Unit, macie: &Client) -> Option<Vec<ClassificationJob>> {
    let mut out = Vec::new();
    let mut pages = macie.list_classification_jobs().into_paginator().send();
    while let Some(page) = pages.next().await {
        let page = unit.read("ListClassificationJobs", page).ok()?;
        out.extend(page.items().iter().filter_map(|j| {
            Some(ClassificationJob {
                id: j.job_id()?.to_owned(),
                name: j.name().map(str::to_owned),
                job_type: j.job_type().map(|t| t.as_str().to_owned()),
                status: j.job_status().map(|s| s.as_str().to_owned()),
                created: j.created_at().and_then(super::iam::timestamp),
            })
        }));
    }
    Some(out)
}

async fn findings(unit: &Unit, macie: &Client) -> Option<BTreeMap<String, i64>> {
    let criteria = FindingCriteria::builder()
        .criterion("category", CriterionAdditionalProperties::builder().eq("CLASSIFICATION").build())
        .criterion("archived", CriterionAdditionalProperties::builder().eq("false").build())
        .build();
    let answer =
        macie.get_finding_statistics().group_by(GroupBy::SeverityDescription).finding_criteria(criteria).send().await;
    let out = unit.read("GetFindingStatistics", answer).ok()?;
    Some(out.counts_by_group().iter().filter_map(|g| Some((g.group_key()?.to_owned(), g.count()?))).collect())
}

#[cfg(test)]
mod tests {
    #[test]
    fn only_macies_own_answer_means_not_enabled() {
        assert!(super::is_not_enabled(Some("AccessDeniedException"), Some("Macie is not enabled.")));
        assert!(!super::is_not_enabled(Some("AccessDeniedException"), Some("User is not authorized")));
        assert!(!super::is_not_enabled(Some("ValidationException"), Some("Macie is not enabled")));
    }
}
