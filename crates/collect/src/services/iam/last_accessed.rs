//! IAM's service last accessed data ("access advisor"): for each user and role, the services
//! its policies grant and when it last used each. AWS offers no bulk form: one asynchronous
//! job per principal (`GenerateServiceLastAccessedDetails`), read back with
//! `GetServiceLastAccessedDetails` once it has finished.
//!
//! Generating a job only asks IAM to compile a report from the access records it keeps; it
//! changes nothing in the account. Every job is generated first (a few at a time), then
//! polled, so IAM works on all of them while we wait. A job that is refused, fails or does
//! not finish in time is a gap about its principal, never "unused".
use crate::errors::{classify, Classified};
use crate::unit::Unit;
use aws_sdk_iam::operation::get_service_last_accessed_details::{
    GetServiceLastAccessedDetailsError, GetServiceLastAccessedDetailsOutput as GetOutput,
};
use aws_sdk_iam::types::{AccessAdvisorUsageGranularityType, JobStatusType};
use aws_smithy_runtime_api::client::orchestrator::HttpResponse;
use aws_smithy_runtime_api::client::result::SdkError;
use futures::StreamExt;
use std::collections::HashMap;
use std::time::Duration;
use tokio::time::Instant;
use wasp_model::iam::ServiceLastAccessed;
use wasp_model::GapKind;

const GENERATE: &str = "GenerateServiceLastAccessedDetails";
const GET: &str = "GetServiceLastAccessedDetails";

/// Services per page of a finished job (the most IAM allows).
const PAGE: i32 = 1000;

/// How a job is waited for.
#[derive(Debug, Clone, Copy)]
pub(super) struct Polling {
    /// Pause before the first poll of a job and between two polls.
    pub pause: Duration,
    /// Longest wait for one job, from its generation; then it is a gap.
    pub limit: Duration,
}

/// A poll every 1.5 s; IAM usually finishes a job within seconds.
pub(super) const POLLING: Polling = Polling { pause: Duration::from_millis(1500), limit: Duration::from_secs(30) };

/// The services each principal (by ARN) is granted and last used; principals whose data
/// could not be read are missing, with a gap saying why.
pub(super) async fn collect(
    unit: &Unit,
    iam: &aws_sdk_iam::Client,
    principals: Vec<String>,
    polling: Polling,
) -> HashMap<String, Vec<ServiceLastAccessed>> {
    let mut rest = principals.into_iter();
    let Some(first) = rest.next() else { return HashMap::new() };
    // The first job alone: when the operation itself is refused (denied, or not offered by
    // the endpoint), one gap says so for everyone instead of one per principal.
    let mut jobs = Vec::new();
    match generate(unit, iam, &first).await {
        Generated::Job(job) => jobs.push(job),
        Generated::Refused(kind, reason) => {
            let reason = format!("{reason} (asked for none of the {} users and roles)", rest.len() + 1);
            unit.gap(GENERATE, kind, reason, None);
            return HashMap::new();
        }
        Generated::Gap => {}
    }
    jobs.extend(generate_all(unit, iam, rest.collect()).await);
    poll_all(unit, iam, jobs, polling).await
}

/// A generated job: the principal, its job id and when it was asked for.
struct Job {
    principal: String,
    id: String,
    started: Instant,
}

enum Generated {
    Job(Job),
    /// The operation was refused as such (access denied, not supported): not worth asking
    /// again for other principals.
    Refused(GapKind, String),
    /// Failed for this principal; a gap was recorded.
    Gap,
}

async fn generate(unit: &Unit, iam: &aws_sdk_iam::Client, principal: &str) -> Generated {
    let started = Instant::now();
    let answer = iam
        .generate_service_last_accessed_details()
        .arn(principal)
        .granularity(AccessAdvisorUsageGranularityType::ServiceLevel)
        .send()
        .await;
    match answer {
        Ok(out) => match out.job_id() {
            Some(id) => Generated::Job(Job { principal: principal.to_owned(), id: id.to_owned(), started }),
            None => {
                unit.gap(GENERATE, GapKind::Other, "IAM returned no job id".to_owned(), Some(principal));
                Generated::Gap
            }
        },
        Err(err) => match classify(GENERATE, &err) {
            Classified::Gap { kind: kind @ (GapKind::AccessDenied | GapKind::Unsupported), reason } => {
                Generated::Refused(kind, reason)
            }
            Classified::Gap { kind, reason } => {
                unit.gap(GENERATE, kind, reason, Some(principal));
                Generated::Gap
            }
            // No "not configured" answer is documented for this operation.
            Classified::NotConfigured => {
                unit.gap(GENERATE, GapKind::Other, "IAM started no job".to_owned(), Some(principal));
                Generated::Gap
            }
        },
    }
}

/// Jobs for the principals, a few at a time; after the first refusal of the operation, the
/// rest are not asked for and share one gap.
async fn generate_all(unit: &Unit, iam: &aws_sdk_iam::Client, principals: Vec<String>) -> Vec<Job> {
    let outcomes: Vec<Generated> = futures::stream::iter(principals)
        .map(|p| async move { generate(unit, iam, &p).await })
        .buffer_unordered(unit.inner_concurrency())
        .collect()
        .await;
    let mut jobs = Vec::new();
    let mut refused: Option<(GapKind, String, usize)> = None;
    for outcome in outcomes {
        match outcome {
            Generated::Job(job) => jobs.push(job),
            Generated::Refused(kind, reason) => refused.get_or_insert((kind, reason, 0)).2 += 1,
            Generated::Gap => {}
        }
    }
    if let Some((kind, reason, count)) = refused {
        unit.gap(GENERATE, kind, format!("{reason} (refused for {count} users and roles)"), None);
    }
    jobs
}

async fn poll_all(
    unit: &Unit,
    iam: &aws_sdk_iam::Client,
    jobs: Vec<Job>,
    polling: Polling,
) -> HashMap<String, Vec<ServiceLastAccessed>> {
    futures::stream::iter(jobs)
        .map(|job| async move {
            let services = wait_for(unit, iam, &job, polling).await;
            services.map(|s| (job.principal, s))
        })
        .buffer_unordered(unit.inner_concurrency())
        .filter_map(|found| async move { found })
        .collect()
        .await
}

/// Polls one job until it finishes or its time is up, then reads every page.
async fn wait_for(
    unit: &Unit,
    iam: &aws_sdk_iam::Client,
    job: &Job,
    polling: Polling,
) -> Option<Vec<ServiceLastAccessed>> {
    let principal = job.principal.as_str();
    let deadline = job.started + polling.limit;
    let mut next = job.started + polling.pause;
    let mut page = loop {
        tokio::time::sleep_until(next.min(deadline)).await;
        let page = unit.read_for(GET, principal, get(iam, &job.id, None).await).ok()?;
        match page.job_status() {
            JobStatusType::Completed => break page,
            JobStatusType::Failed => {
                let why =
                    page.error().map_or("no reason given".to_owned(), |e| format!("{}: {}", e.code(), e.message()));
                unit.gap(GET, GapKind::Other, format!("IAM's job failed ({why})"), Some(principal));
                return None;
            }
            status if Instant::now() >= deadline => {
                let reason = format!(
                    "the job was still {} after {} s",
                    status.as_str().to_ascii_lowercase().replace('_', " "),
                    polling.limit.as_secs()
                );
                unit.gap(GET, GapKind::Unavailable, reason, Some(principal));
                return None;
            }
            _ => next = Instant::now() + polling.pause,
        }
    };
    let mut services = Vec::new();
    loop {
        services.extend(page.services_last_accessed().iter().filter(|s| !s.service_namespace().is_empty()).map(|s| {
            ServiceLastAccessed {
                namespace: s.service_namespace().to_owned(),
                name: s.service_name().to_owned(),
                last_authenticated: s.last_authenticated().and_then(super::timestamp),
            }
        }));
        let Some(marker) = page.marker().filter(|_| page.is_truncated()).map(str::to_owned) else { break };
        page = unit.read_for(GET, principal, get(iam, &job.id, Some(marker)).await).ok()?;
    }
    services.sort_by(|a, b| a.namespace.cmp(&b.namespace));
    Some(services)
}

async fn get(
    iam: &aws_sdk_iam::Client,
    job: &str,
    marker: Option<String>,
) -> Result<GetOutput, SdkError<GetServiceLastAccessedDetailsError, HttpResponse>> {
    iam.get_service_last_accessed_details().job_id(job).max_items(PAGE).set_marker(marker).send().await
}
