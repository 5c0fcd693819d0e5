//! Options, the one SDK configuration per account, the caller's identity and the regions.
use crate::calls::CallLog;
use aws_config::retry::RetryConfig;
use aws_config::timeout::TimeoutConfig;
use aws_config::{BehaviorVersion, SdkConfig};
use std::time::Duration;
use wasp_model::Service;
use wasp_model::{error_chain, root_cause};

/// Which regions to collect.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum RegionSelection {
    /// Every region enabled for the account (`ec2:DescribeRegions`).
    #[default]
    Enabled,
    /// Exactly these.
    List(Vec<String>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timeouts {
    pub connect: Duration,
    pub attempt: Duration,
    pub operation: Duration,
}

impl Default for Timeouts {
    fn default() -> Self {
        Timeouts::with_call_timeout(Duration::from_secs(20))
    }
}

impl Timeouts {
    /// A call, retries included, gives up after `call`; connecting after 3 s at most.
    pub fn with_call_timeout(call: Duration) -> Self {
        Timeouts { connect: Duration::from_secs(3).min(call), attempt: call, operation: call }
    }
}

/// The first call, which says who we are, gives up within this: a silent or dripping endpoint
/// ends the run in seconds.
pub(crate) const IDENTITY_TIMEOUT: Duration = Duration::from_secs(10);

#[derive(Debug, Clone)]
pub struct CollectOptions {
    pub profile: Option<String>,
    pub regions: RegionSelection,
    /// Empty = every service.
    pub services: Vec<Service>,
    /// An AWS-compatible endpoint; otherwise `AWS_ENDPOINT_URL` and the SDK's resolution apply.
    pub endpoint_url: Option<String>,
    /// Units (service × region) in flight at once.
    pub concurrency: usize,
    /// Per-resource calls in flight at once inside one unit.
    pub inner_concurrency: usize,
    pub max_attempts: u32,
    pub timeouts: Timeouts,
    /// Collect another account through this role, assumed with the configured credentials.
    pub assume_role: Option<crate::org::AssumeRole>,
}

impl Default for CollectOptions {
    fn default() -> Self {
        CollectOptions {
            profile: None,
            regions: RegionSelection::Enabled,
            services: Vec::new(),
            endpoint_url: None,
            concurrency: 16,
            inner_concurrency: 8,
            max_attempts: 3,
            timeouts: Timeouts::default(),
            assume_role: None,
        }
    }
}

/// Errors that stop a collection. Everything else becomes a gap.
#[derive(Debug, thiserror::Error)]
pub enum CollectError {
    #[error("no AWS region is configured: pass --region or --regions, or set AWS_REGION")]
    NoRegion,
    #[error("cannot reach the AWS endpoint{}: {cause}", endpoint.as_deref().map(|e| format!(" {e}")).unwrap_or_default())]
    Unreachable { endpoint: Option<String>, cause: String },
    #[error("AWS did not accept the credentials (sts:GetCallerIdentity): {0}")]
    Credentials(String),
    #[error("no usable AWS credentials: {0}")]
    NoCredentials(String),
    #[error("cannot assume {role}: sts:AssumeRole was refused or failed{}", readable(cause))]
    AssumeRole { role: String, cause: String },
    #[error("the endpoint{} did not answer sts:GetCallerIdentity as AWS does: {detail}", endpoint.as_deref().map(|e| format!(" {e}")).unwrap_or_default())]
    NotAws { endpoint: Option<String>, detail: String },
    #[error("cannot call sts:GetCallerIdentity: {0}")]
    Call(String),
    #[error("unknown region {region}: the account knows {known}")]
    UnknownRegion { region: String, known: String },
    #[error("cannot list the organization's accounts: {0}")]
    Organization(String),
}

/// `: cause`, unless the SDK only said which request failed.
fn readable(cause: &str) -> String {
    if cause.starts_with("Error {") || cause.is_empty() {
        String::new()
    } else {
        format!(" ({cause})")
    }
}

/// State shared by every unit of one account's collection.
#[derive(Clone)]
pub(crate) struct Shared {
    pub sdk: SdkConfig,
    pub account_id: String,
    pub partition: String,
    pub calls: CallLog,
    pub endpoint_url: Option<String>,
    /// Region used for the clients of global services.
    pub home_region: String,
    /// The regions in scope (empty until they are resolved).
    pub regions: Vec<String>,
    /// The user named the regions (`--regions`): resources of other regions (S3 buckets) are
    /// left out on purpose rather than read from their own region.
    pub regions_chosen: bool,
    pub inner_concurrency: usize,
}

#[cfg(test)]
impl Shared {
    /// State for unit tests that hand a collector a mocked client: account 123456789012,
    /// home region us-east-1, no endpoint and no credentials.
    pub(crate) fn for_tests(regions: &[&str]) -> Shared {
        Shared {
            sdk: SdkConfig::builder().build(),
            account_id: "123456789012".into(),
            partition: "aws".into(),
            calls: CallLog::default(),
            endpoint_url: None,
            home_region: "us-east-1".into(),
            regions: regions.iter().map(|r| (*r).to_owned()).collect(),
            regions_chosen: false,
            inner_concurrency: 4,
        }
    }
}

pub(crate) async fn load_sdk_config(opts: &CollectOptions) -> SdkConfig {
    let timeouts = TimeoutConfig::builder()
        .connect_timeout(opts.timeouts.connect)
        .operation_attempt_timeout(opts.timeouts.attempt)
        .operation_timeout(opts.timeouts.operation)
        .build();
    let mut loader = aws_config::defaults(BehaviorVersion::latest())
        .retry_config(RetryConfig::adaptive().with_max_attempts(opts.max_attempts.max(1)))
        .timeout_config(timeouts);
    if let Some(profile) = &opts.profile {
        loader = loader.profile_name(profile);
    }
    if let Some(url) = &opts.endpoint_url {
        loader = loader.endpoint_url(url);
    }
    if let RegionSelection::List(regions) = &opts.regions {
        if let Some(first) = regions.first() {
            loader = loader.region(aws_config::Region::new(first.clone()));
        }
    }
    let sdk = loader.load().await;
    match &opts.assume_role {
        None => sdk,
        Some(role) => {
            // The provider calls sts:AssumeRole with the configured credentials; the config's
            // identity cache refreshes the session before it expires.
            let mut provider =
                aws_config::sts::AssumeRoleProvider::builder(&role.role_arn).session_name(&role.session_name);
            if let Some(id) = &role.external_id {
                provider = provider.external_id(id);
            }
            let provider = provider.configure(&sdk).build().await;
            sdk.into_builder()
                .credentials_provider(aws_sdk_sts::config::SharedCredentialsProvider::new(provider))
                .build()
        }
    }
}

/// The partition of an ARN (`aws`, `aws-cn`, `aws-us-gov` …).
pub(crate) fn partition_of(arn: &str) -> String {
    arn.split(':').nth(1).filter(|p| !p.is_empty()).unwrap_or("aws").to_owned()
}

/// Turns a failed identity call into the one sentence a user needs.
pub(crate) fn identity_error<E>(
    endpoint: Option<String>,
    err: &aws_smithy_runtime_api::client::result::SdkError<E, aws_smithy_runtime_api::http::Response>,
) -> CollectError
where
    E: std::error::Error + aws_smithy_types::error::metadata::ProvideErrorMetadata + 'static,
{
    use aws_smithy_runtime_api::client::result::SdkError;
    match err {
        SdkError::DispatchFailure(f) if f.is_io() || f.is_timeout() => {
            CollectError::Unreachable { endpoint, cause: root_cause(err) }
        }
        SdkError::TimeoutError(_) => CollectError::Unreachable { endpoint, cause: "the call timed out".into() },
        SdkError::ServiceError(e) => {
            let status = e.raw().status().as_u16();
            let detail = match (e.err().code(), e.err().message()) {
                (Some(code), Some(message)) => format!("{code}: {message}"),
                (Some(code), None) => code.to_owned(),
                (None, _) => format!("HTTP {status} without an error code"),
            };
            match (e.err().code(), status) {
                (Some(_), _) | (None, 401 | 403) => CollectError::Credentials(detail),
                (None, _) => CollectError::NotAws { endpoint, detail },
            }
        }
        _ => {
            let chain = error_chain(err);
            if chain.contains("credential") {
                let cause = root_cause(err);
                CollectError::NoCredentials(cause)
            } else {
                CollectError::Call(root_cause(err))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partition_comes_from_the_caller_arn() {
        assert_eq!(partition_of("arn:aws-us-gov:iam::1:user/a"), "aws-us-gov");
        assert_eq!(partition_of("arn:aws:sts::1:assumed-role/r/s"), "aws");
        assert_eq!(partition_of("garbage"), "aws");
    }
}
