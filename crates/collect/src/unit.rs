//! One unit of collection (a service in a region) and what it records.
use crate::calls::Guard;
use crate::errors::{classify, Classified, HttpStatus};
use crate::setup::Shared;
use aws_smithy_runtime::client::retries::RetryPartition;
use aws_smithy_runtime_api::client::result::SdkError;
use aws_smithy_types::error::metadata::ProvideErrorMetadata;
use std::sync::{Arc, Mutex};
use wasp_model::{Gap, GapKind, Service, Setting, GLOBAL_REGION};

/// The outcome of one read.
pub(crate) enum Read<T> {
    Ok(T),
    /// AWS documents this answer as "none configured".
    NotConfigured,
    /// Failed; a gap was recorded.
    Gap,
}

impl<T> Read<T> {
    pub fn ok(self) -> Option<T> {
        match self {
            Read::Ok(v) => Some(v),
            _ => None,
        }
    }

    /// As a model value: `None` when unread.
    pub fn setting(self) -> Option<Setting<T>> {
        match self {
            Read::Ok(v) => Some(Setting::Configured(v)),
            Read::NotConfigured => Some(Setting::NotConfigured),
            Read::Gap => None,
        }
    }
}

pub(crate) struct Unit {
    pub shared: Arc<Shared>,
    pub service: Service,
    /// The region collected, or `global`.
    pub region: String,
    gaps: Mutex<Vec<Gap>>,
}

impl Unit {
    pub fn new(shared: Arc<Shared>, service: Service, region: String) -> Self {
        Unit { shared, service, region, gaps: Mutex::new(Vec::new()) }
    }

    pub fn is_global(&self) -> bool {
        self.region == GLOBAL_REGION
    }

    /// The region clients of this unit talk to.
    pub fn client_region(&self) -> &str {
        if self.is_global() {
            &self.shared.home_region
        } else {
            &self.region
        }
    }

    pub fn account_id(&self) -> &str {
        &self.shared.account_id
    }

    /// `arn:<partition>:<service>:<region>:<account>:<resource>` for this unit's region.
    pub fn arn(&self, service: &str, resource: &str) -> String {
        let region = if self.is_global() { "" } else { self.region.as_str() };
        format!("arn:{}:{service}:{region}:{}:{resource}", self.shared.partition, self.shared.account_id)
    }

    /// The read-only guard and call counter every client of this unit carries.
    pub fn guard(&self) -> Guard {
        Guard { log: self.shared.calls.clone(), service: self.service, region: self.region.clone() }
    }

    /// A retry budget per account, service and region.
    pub fn retry_partition(&self, client_region: &str) -> RetryPartition {
        RetryPartition::new(format!("wasp/{}/{}/{client_region}", self.shared.account_id, self.service.name()))
    }

    pub fn uses_custom_endpoint(&self) -> bool {
        self.shared.endpoint_url.is_some()
    }

    pub fn inner_concurrency(&self) -> usize {
        self.shared.inner_concurrency.max(1)
    }

    /// Records that something could not be read.
    pub fn gap(&self, operation: &str, kind: GapKind, reason: String, resource: Option<&str>) {
        tracing::debug!(service = self.service.name(), region = %self.region, operation, ?kind, %reason, "gap");
        self.gaps.lock().expect("gap lock").push(Gap {
            service: self.service,
            region: self.region.clone(),
            operation: operation.to_owned(),
            kind,
            reason,
            resource: resource.map(str::to_owned),
        });
    }

    /// Classifies the result of a call about the unit as a whole.
    pub fn read<T, E, R>(&self, operation: &str, result: Result<T, SdkError<E, R>>) -> Read<T>
    where
        E: ProvideErrorMetadata + std::error::Error + 'static,
        R: std::fmt::Debug + HttpStatus,
    {
        self.read_about(operation, None, result)
    }

    /// Classifies the result of a call about one resource.
    pub fn read_for<T, E, R>(&self, operation: &str, resource: &str, result: Result<T, SdkError<E, R>>) -> Read<T>
    where
        E: ProvideErrorMetadata + std::error::Error + 'static,
        R: std::fmt::Debug + HttpStatus,
    {
        self.read_about(operation, Some(resource), result)
    }

    fn read_about<T, E, R>(&self, operation: &str, resource: Option<&str>, result: Result<T, SdkError<E, R>>) -> Read<T>
    where
        E: ProvideErrorMetadata + std::error::Error + 'static,
        R: std::fmt::Debug + HttpStatus,
    {
        match result {
            Ok(v) => Read::Ok(v),
            Err(err) => match classify(operation, &err) {
                Classified::NotConfigured => Read::NotConfigured,
                Classified::Gap { kind, reason } => {
                    self.gap(operation, kind, reason, resource);
                    Read::Gap
                }
            },
        }
    }

    pub fn take_gaps(&self) -> Vec<Gap> {
        std::mem::take(&mut self.gaps.lock().expect("gap lock"))
    }
}

/// Builds an SDK client for a unit: shared config, region, read-only guard, call counting and
/// a retry partition of its own. `client!(aws_sdk_kms, unit)` or with an explicit region.
macro_rules! client {
    ($sdk:ident, $unit:expr) => {
        client!($sdk, $unit, $unit.client_region())
    };
    ($sdk:ident, $unit:expr, $region:expr) => {
        client!($sdk, $unit, $region, |b| b)
    };
    ($sdk:ident, $unit:expr, $region:expr, $customise:expr) => {{
        let unit: &$crate::unit::Unit = $unit;
        let region: &str = $region;
        let builder = $sdk::config::Builder::from(&unit.shared.sdk)
            .region($sdk::config::Region::new(region.to_owned()))
            .interceptor(unit.guard())
            .retry_classifier($crate::compat::NoRetryOnHtmlPage)
            .retry_partition(unit.retry_partition(region));
        $sdk::Client::from_conf($crate::unit::customise(builder, $customise).build())
    }};
}
pub(crate) use client;

/// Applies a per-service tweak to a config builder (lets closures infer their argument type).
pub(crate) fn customise<B>(builder: B, tweak: impl FnOnce(B) -> B) -> B {
    tweak(builder)
}
