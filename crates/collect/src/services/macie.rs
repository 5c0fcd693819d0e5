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
    read_region(unit, &macie, part).await;
}

async fn read_region(unit: &Unit, macie: &Client, part: &mut Inventory) {
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
    let (discovery, jobs, findings) =
        futures::join!(macie.get_automated_discovery_configuration().send(), jobs(unit, macie), findings(unit, macie));
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
    use super::*;
    use crate::setup::Shared;
    use aws_sdk_macie2::operation::get_automated_discovery_configuration::GetAutomatedDiscoveryConfigurationOutput;
    use aws_sdk_macie2::operation::get_finding_statistics::GetFindingStatisticsOutput;
    use aws_sdk_macie2::operation::get_macie_session::{GetMacieSessionError, GetMacieSessionOutput};
    use aws_sdk_macie2::operation::list_classification_jobs::ListClassificationJobsOutput;
    use aws_sdk_macie2::types::{AutomatedDiscoveryStatus, GroupCount, JobStatus, JobSummary, JobType, MacieStatus};
    use aws_smithy_mocks::{mock, MockResponseInterceptor, Rule, RuleMode};
    use aws_smithy_types::error::ErrorMetadata;
    use std::sync::Arc;
    use wasp_model::{GapKind, Service};

    async fn run(rules: &[&Rule]) -> (Unit, Inventory) {
        let sdk = aws_config::defaults(aws_config::BehaviorVersion::latest())
            .region(aws_config::Region::new("us-east-1"))
            .credentials_provider(aws_sdk_macie2::config::Credentials::new("a", "b", None, None, "test"))
            .http_client(aws_smithy_mocks::create_mock_http_client())
            .retry_config(aws_config::retry::RetryConfig::disabled())
            .load()
            .await;
        let shared = Shared { sdk, inner_concurrency: 1, ..Shared::for_tests(&["us-east-1"]) };
        let unit = Unit::new(Arc::new(shared), Service::Macie, "us-east-1".into());
        let mut mocks = MockResponseInterceptor::new().rule_mode(RuleMode::MatchAny);
        for rule in rules {
            mocks = mocks.with_rule(rule);
        }
        let macie = client!(aws_sdk_macie2, &unit, "us-east-1", |b| b.interceptor(mocks));
        let mut part = Inventory::default();
        read_region(&unit, &macie, &mut part).await;
        (unit, part)
    }

    fn session_error(code: &str, message: &str) -> GetMacieSessionError {
        GetMacieSessionError::generic(ErrorMetadata::builder().code(code).message(message).build())
    }

    #[tokio::test]
    async fn an_enabled_account_reports_discovery_jobs_and_counts() {
        let session = mock!(Client::get_macie_session)
            .then_output(|| GetMacieSessionOutput::builder().status(MacieStatus::Enabled).build());
        let discovery = mock!(Client::get_automated_discovery_configuration).then_output(|| {
            GetAutomatedDiscoveryConfigurationOutput::builder().status(AutomatedDiscoveryStatus::Enabled).build()
        });
        let jobs = mock!(Client::list_classification_jobs).then_output(|| {
            ListClassificationJobsOutput::builder()
                .items(
                    JobSummary::builder()
                        .job_id("j1")
                        .name("weekly")
                        .job_type(JobType::Scheduled)
                        .job_status(JobStatus::Idle)
                        .created_at(aws_smithy_types::DateTime::from_secs(1_767_225_600))
                        .build(),
                )
                .build()
        });
        let stats = mock!(Client::get_finding_statistics)
            .match_requests(|r| {
                let criteria = r.finding_criteria().and_then(|c| c.criterion()).cloned().unwrap_or_default();
                criteria.get("category").is_some_and(|c| c.eq() == ["CLASSIFICATION"])
                    && criteria.get("archived").is_some_and(|c| c.eq() == ["false"])
            })
            .then_output(|| {
                GetFindingStatisticsOutput::builder()
                    .counts_by_group(GroupCount::builder().group_key("High").count(2).build())
                    .counts_by_group(GroupCount::builder().group_key("Low").count(9).build())
                    .build()
            });
        let (unit, part) = run(&[&session, &discovery, &jobs, &stats]).await;
        assert!(unit.take_gaps().is_empty());
        let Some(Setting::Configured(region)) = part.macie.regions.get("us-east-1") else { panic!("{:?}", part.macie) };
        assert_eq!((region.status.as_str(), region.automated_discovery.as_deref()), ("ENABLED", Some("ENABLED")));
        let jobs = region.jobs.as_ref().unwrap();
        assert_eq!(
            (jobs[0].id.as_str(), jobs[0].job_type.as_deref(), jobs[0].status.as_deref()),
            ("j1", Some("SCHEDULED"), Some("IDLE"))
        );
        assert_eq!(region.findings_by_severity.as_ref().unwrap().get("High"), Some(&2));
    }

    #[tokio::test]
    async fn macies_not_enabled_answer_is_data_and_a_real_denial_is_a_gap() {
        let off = mock!(Client::get_macie_session)
            .then_error(|| session_error("AccessDeniedException", "Macie is not enabled."));
        let (unit, part) = run(&[&off]).await;
        assert_eq!(part.macie.regions.get("us-east-1"), Some(&Setting::NotConfigured));
        assert!(unit.take_gaps().is_empty());

        let denied = mock!(Client::get_macie_session).then_error(|| {
            session_error("AccessDeniedException", "User is not authorized to perform macie2:GetMacieSession")
        });
        let (unit, part) = run(&[&denied]).await;
        assert_eq!(part.macie.regions.get("us-east-1"), None, "unknown, not off");
        let gaps = unit.take_gaps();
        assert_eq!((gaps.len(), gaps[0].kind), (1, GapKind::AccessDenied));
    }

    #[test]
    fn only_macies_own_answer_means_not_enabled() {
        assert!(is_not_enabled(Some("AccessDeniedException"), Some("Macie is not enabled.")));
        assert!(!is_not_enabled(Some("AccessDeniedException"), Some("User is not authorized")));
        assert!(!is_not_enabled(Some("ValidationException"), Some("Macie is not enabled")));
    }
}
