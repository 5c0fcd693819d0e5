//! `BatchImportFindings`, by region and in batches, with one sentence for whatever stops it.
use crate::convert::to_sdk;
use aws_config::retry::RetryConfig;
use aws_sdk_securityhub::error::{ProvideErrorMetadata, SdkError};
use aws_sdk_securityhub::operation::batch_import_findings::BatchImportFindingsError;
use aws_sdk_securityhub::Client;
use std::collections::BTreeMap;
use std::fmt;
use std::future::Future;
use wasp_model::{error_chain, root_cause};
use wasp_report::asff::{AsffFinding, BATCH_MAX};

/// Attempts per call, the first included: throttling and server errors are retried with
/// jittered exponential backoff.
pub const MAX_ATTEMPTS: u32 = 5;
/// Failures named in [`ImportReport`]'s summary; the report keeps them all.
const FAILURES_SHOWN: usize = 3;
/// The longest service message quoted in a sentence.
const QUOTE_MAX: usize = 400;

/// What an import did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportReport {
    /// Findings in calls Security Hub answered.
    pub sent: usize,
    /// Findings Security Hub took (`SuccessCount`).
    pub imported: usize,
    /// Findings Security Hub refused (`FailedCount`, or a whole batch it refused).
    pub failed: usize,
    /// Each refused finding with Security Hub's reason.
    pub failures: Vec<FailedFinding>,
    /// `BatchImportFindings` calls answered.
    pub calls: usize,
    /// The regions findings were sent to.
    pub regions: Vec<String>,
}

/// A finding Security Hub did not import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FailedFinding {
    pub id: String,
    pub code: String,
    pub message: String,
}

impl ImportReport {
    fn absorb(&mut self, other: ImportReport) {
        self.sent += other.sent;
        self.imported += other.imported;
        self.failed += other.failed;
        self.failures.extend(other.failures);
        self.calls += other.calls;
        self.regions.extend(other.regions);
    }
}

impl fmt::Display for ImportReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.sent == 0 {
            return f.write_str("Security Hub: no findings were sent.");
        }
        let calls = if self.calls == 1 { "1 call".to_owned() } else { format!("{} calls", self.calls) };
        write!(
            f,
            "Security Hub: {} findings sent to {} in {calls}; {} imported, {} failed",
            self.sent,
            and_list(&self.regions),
            self.imported,
            self.failed
        )?;
        if !self.failures.is_empty() {
            let shown: Vec<String> = self
                .failures
                .iter()
                .take(FAILURES_SHOWN)
                .map(|x| format!("{}: {}: {}", x.id, x.code, x.message))
                .collect();
            write!(f, " ({}", shown.join("; "))?;
            if self.failures.len() > FAILURES_SHOWN {
                write!(f, "; and {} more", self.failures.len() - FAILURES_SHOWN)?;
            }
            f.write_str(")")?;
        }
        f.write_str(".")
    }
}

fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// Why a region's import stopped before all its findings were sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StopKind {
    /// The credentials may not call `BatchImportFindings`.
    AccessDenied,
    /// Security Hub refused the account: not enabled in the region (`InvalidAccessException`).
    NotEnabled,
    /// Still throttled after every retry.
    Throttled,
    /// No usable credentials.
    Credentials,
    /// The endpoint could not be reached, or did not answer in time.
    Unreachable,
    /// The findings are for another region than the client's.
    WrongRegion,
    Other,
}

/// A region whose import stopped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegionStop {
    pub region: String,
    pub kind: StopKind,
    /// One sentence, without a final period.
    pub reason: String,
    /// The region's findings that were not sent.
    pub not_sent: usize,
}

/// An import that did not send every finding: why, per region, and what it did before.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportError {
    pub stops: Vec<RegionStop>,
    /// What was imported before the stop, and in the other regions.
    pub report: ImportReport,
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sentences: Vec<String> = self
            .stops
            .iter()
            .map(|s| {
                let findings = if s.not_sent == 1 { "finding was" } else { "findings were" };
                format!("{}; {} {findings} not sent", s.reason, s.not_sent)
            })
            .collect();
        f.write_str(&sentences.join(". "))
    }
}

impl std::error::Error for ImportError {}

/// The retry every import client uses: the SDK's standard retry, [`MAX_ATTEMPTS`] attempts. Calls
/// go one at a time, so the adaptive mode's client-side rate limiting would only add waits.
pub fn retry_config() -> RetryConfig {
    RetryConfig::standard().with_max_attempts(MAX_ATTEMPTS)
}

/// A Security Hub client for `region`: the shared AWS configuration with `profile` and
/// `endpoint` when given, [`retry_config`], and time limits (3 s to connect, 30 s an attempt,
/// 120 s a call with its retries). Credentials are resolved at the first call, never logged.
pub async fn client(profile: Option<&str>, region: &str, endpoint: Option<&str>) -> Client {
    use aws_config::timeout::TimeoutConfig;
    use std::time::Duration;
    let timeouts = TimeoutConfig::builder()
        .connect_timeout(Duration::from_secs(3))
        .operation_attempt_timeout(Duration::from_secs(30))
        .operation_timeout(Duration::from_secs(120))
        .build();
    let mut loader = aws_config::defaults(aws_config::BehaviorVersion::latest())
        .timeout_config(timeouts)
        .retry_config(retry_config())
        .region(aws_config::Region::new(region.to_owned()));
    if let Some(profile) = profile {
        loader = loader.profile_name(profile);
    }
    if let Some(url) = endpoint {
        loader = loader.endpoint_url(url);
    }
    Client::new(&loader.load().await)
}

/// Imports `findings`, all of the client's region, in batches of at most [`BATCH_MAX`].
/// Refused findings are reported and the other batches go on; a stop (denied, not enabled,
/// throttled past the retries, no credentials, unreachable) ends the import with what it did.
pub async fn import(client: &Client, findings: &[AsffFinding]) -> Result<ImportReport, ImportError> {
    let refs: Vec<&AsffFinding> = findings.iter().collect();
    import_refs(client, &refs).await
}

/// Imports findings of any regions: one client per region from `client_for`, regions in
/// order. Every region is tried; the error lists each region that stopped, with the report of
/// everything that was imported.
pub async fn import_regions<F, Fut>(findings: &[AsffFinding], mut client_for: F) -> Result<ImportReport, ImportError>
where
    F: FnMut(String) -> Fut,
    Fut: Future<Output = Client>,
{
    let mut by_region: BTreeMap<&str, Vec<&AsffFinding>> = BTreeMap::new();
    for f in findings {
        by_region.entry(f.region()).or_default().push(f);
    }
    let mut total = ImportReport::default();
    let mut stops = Vec::new();
    for (region, group) in by_region {
        let client = client_for(region.to_owned()).await;
        match import_refs(&client, &group).await {
            Ok(report) => total.absorb(report),
            Err(err) => {
                total.absorb(err.report);
                stops.extend(err.stops);
            }
        }
    }
    if stops.is_empty() {
        Ok(total)
    } else {
        Err(ImportError { stops, report: total })
    }
}

/// [`import_regions`] with [`client`]s made from `profile` and `endpoint`.
pub async fn import_all(
    findings: &[AsffFinding],
    profile: Option<&str>,
    endpoint: Option<&str>,
) -> Result<ImportReport, ImportError> {
    import_regions(findings, |region| async move { client(profile, &region, endpoint).await }).await
}

/// Imports a review's findings as `--format asff` writes them (global ones in the home region),
/// with the failures `cx.changes` shows resolved.
pub async fn import_review(
    cx: &wasp_report::Context<'_>,
    profile: Option<&str>,
    endpoint: Option<&str>,
) -> Result<ImportReport, ImportError> {
    import_all(&wasp_report::asff::findings(cx), profile, endpoint).await
}

async fn import_refs(client: &Client, findings: &[&AsffFinding]) -> Result<ImportReport, ImportError> {
    let region = client.config().region().map(|r| r.as_ref().to_owned()).unwrap_or_default();
    let mut report = ImportReport::default();
    if let Some(other) = findings.iter().map(|f| f.region()).find(|r| *r != region) {
        let reason = format!(
            "findings for {} were given to a Security Hub client for {}: Security Hub takes a finding only in the region of its ProductArn",
            shown(other),
            shown(&region)
        );
        let stop = RegionStop { region, kind: StopKind::WrongRegion, reason, not_sent: findings.len() };
        return Err(ImportError { stops: vec![stop], report });
    }
    let attempts = client.config().retry_config().map_or(1, |r| r.max_attempts());
    for (i, batch) in findings.chunks(BATCH_MAX).enumerate() {
        let sdk = batch.iter().map(|f| to_sdk(f)).collect();
        match client.batch_import_findings().set_findings(Some(sdk)).send().await {
            Ok(out) => {
                report.calls += 1;
                report.sent += batch.len();
                report.imported += usize::try_from(out.success_count().unwrap_or(0)).unwrap_or(0);
                let listed: Vec<FailedFinding> = out
                    .failed_findings()
                    .iter()
                    .map(|e| FailedFinding {
                        id: e.id().unwrap_or_default().to_owned(),
                        code: e.error_code().unwrap_or_default().to_owned(),
                        message: quote(e.error_message().unwrap_or_default()),
                    })
                    .collect();
                let counted = usize::try_from(out.failed_count().unwrap_or(0)).unwrap_or(0);
                report.failed += counted.max(listed.len());
                report.failures.extend(listed);
            }
            Err(err) => match failure(&err) {
                Failure::Batch { code, message } => {
                    report.calls += 1;
                    report.sent += batch.len();
                    report.failed += batch.len();
                    report.failures.extend(batch.iter().map(|f| FailedFinding {
                        id: f.id.clone(),
                        code: code.clone(),
                        message: message.clone(),
                    }));
                }
                Failure::Stop(kind, detail) => {
                    let first = batch[0];
                    let reason = match kind {
                        StopKind::AccessDenied => format!(
                            "Security Hub in {region} denied BatchImportFindings ({detail}): the credentials need securityhub:BatchImportFindings on {}",
                            first.product_arn
                        ),
                        StopKind::NotEnabled => format!(
                            "Security Hub in {region} refused the import ({detail}): Security Hub must be enabled in {region} for account {}",
                            first.aws_account_id
                        ),
                        StopKind::Throttled => format!(
                            "Security Hub in {region} was still throttling BatchImportFindings after {attempts} attempts ({detail}): import again later, the same ids update the same findings"
                        ),
                        StopKind::Credentials => format!("no usable AWS credentials for Security Hub in {region}: {detail}"),
                        StopKind::Unreachable => format!("cannot reach Security Hub in {region}: {detail}"),
                        StopKind::WrongRegion | StopKind::Other => {
                            format!("the import to Security Hub in {region} failed: {detail}")
                        }
                    };
                    if report.sent > 0 {
                        report.regions.push(region.clone());
                    }
                    let not_sent = findings.len() - i * BATCH_MAX;
                    return Err(ImportError { stops: vec![RegionStop { region, kind, reason, not_sent }], report });
                }
            },
        }
    }
    if report.sent > 0 {
        report.regions.push(region);
    }
    Ok(report)
}

enum Failure {
    /// Security Hub refused this batch: its findings fail, the next batch goes on.
    Batch { code: String, message: String },
    /// Every further call would fail the same way.
    Stop(StopKind, String),
}

const DENIED: &[&str] = &["AccessDenied", "AccessDeniedException", "UnauthorizedOperation", "UnauthorizedException"];
const BAD_CREDENTIALS: &[&str] = &[
    "UnrecognizedClientException",
    "InvalidClientTokenId",
    "ExpiredToken",
    "ExpiredTokenException",
    "InvalidSignatureException",
    "SignatureDoesNotMatch",
];
const THROTTLED: &[&str] = &[
    "LimitExceededException",
    "TooManyRequestsException",
    "ThrottlingException",
    "Throttling",
    "ThrottledException",
    "RequestLimitExceeded",
    "RequestThrottled",
    "RequestThrottledException",
    "SlowDown",
];

fn failure<R>(err: &SdkError<BatchImportFindingsError, R>) -> Failure
where
    R: fmt::Debug,
{
    match err {
        SdkError::ServiceError(service) => {
            let e = service.err();
            let code = e.code().unwrap_or_default();
            let message = quote(e.message().unwrap_or_default());
            let detail = match (code.is_empty(), message.is_empty()) {
                (false, false) => format!("{code}: {message}"),
                (false, true) => code.to_owned(),
                (true, _) => quote(&error_chain(e)),
            };
            if DENIED.contains(&code) {
                Failure::Stop(StopKind::AccessDenied, detail)
            } else if BAD_CREDENTIALS.contains(&code) {
                Failure::Stop(StopKind::Credentials, detail)
            } else if code == "InvalidAccessException" {
                Failure::Stop(StopKind::NotEnabled, detail)
            } else if THROTTLED.contains(&code) {
                Failure::Stop(StopKind::Throttled, detail)
            } else {
                let code = if code.is_empty() { "Error".to_owned() } else { code.to_owned() };
                Failure::Batch { code, message: if message.is_empty() { detail } else { message } }
            }
        }
        SdkError::TimeoutError(_) => Failure::Stop(StopKind::Unreachable, "the call timed out".to_owned()),
        SdkError::DispatchFailure(f) if f.is_timeout() => {
            Failure::Stop(StopKind::Unreachable, "timed out connecting".to_owned())
        }
        SdkError::DispatchFailure(_) if error_chain(err).contains("credential") => {
            Failure::Stop(StopKind::Credentials, quote(&root_cause(err)))
        }
        SdkError::DispatchFailure(_) => Failure::Stop(StopKind::Unreachable, quote(&root_cause(err))),
        SdkError::ResponseError(_) => {
            Failure::Batch { code: "UnreadableAnswer".to_owned(), message: quote(&root_cause(err)) }
        }
        _ if error_chain(err).contains("credential") => Failure::Stop(StopKind::Credentials, quote(&root_cause(err))),
        _ => Failure::Stop(StopKind::Other, quote(&error_chain(err))),
    }
}

/// Text from the service or the network on one line, at most [`QUOTE_MAX`] characters.
fn quote(text: &str) -> String {
    let line: String = text.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    let line = line.trim();
    match line.char_indices().nth(QUOTE_MAX) {
        Some((cut, _)) => format!("{}…", &line[..cut]),
        None => line.to_owned(),
    }
}

fn shown(region: &str) -> &str {
    if region.is_empty() {
        "no region"
    } else {
        region
    }
}
