//! Every API call, counted and checked against the read-only list before it is sent.
use aws_smithy_runtime_api::box_error::BoxError;
use aws_smithy_runtime_api::client::interceptors::context::{
    BeforeSerializationInterceptorContextRef, BeforeTransmitInterceptorContextMut,
    BeforeTransmitInterceptorContextRef,
};
use aws_smithy_runtime_api::client::interceptors::Intercept;
use aws_smithy_runtime_api::client::orchestrator::Metadata;
use aws_smithy_runtime_api::client::runtime_components::RuntimeComponents;
use aws_smithy_types::config_bag::ConfigBag;
use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};
use wasp_model::ApiCallCount;

/// Every operation the collector may call, as `(SDK service name, operation)`.
///
/// All are reads (List/Get/Describe/Lookup), plus `GenerateCredentialReport`, which only asks
/// IAM to prepare the credential report and is allowed by AWS's own SecurityAudit policy.
pub const READ_OPERATIONS: &[(&str, &str)] = &[
    ("sts", "GetCallerIdentity"),
    ("ec2", "DescribeRegions"),
    ("iam", "GetAccountAuthorizationDetails"),
    ("iam", "GetAccountSummary"),
    ("iam", "GetAccountPasswordPolicy"),
    ("iam", "GenerateCredentialReport"),
    ("iam", "GetCredentialReport"),
    ("iam", "ListVirtualMFADevices"),
    ("iam", "ListAccessKeys"),
    ("iam", "ListSAMLProviders"),
    ("iam", "ListOpenIDConnectProviders"),
    ("iam", "ListInstanceProfiles"),
    ("iam", "ListUsers"),
    ("iam", "ListMFADevices"),
    ("iam", "GetLoginProfile"),
    ("iam", "GetAccessKeyLastUsed"),
    ("iam", "GetRole"),
    ("organizations", "DescribeOrganization"),
    ("organizations", "ListAccounts"),
    ("organizations", "ListPolicies"),
    ("organizations", "DescribePolicy"),
    ("organizations", "ListTargetsForPolicy"),
    ("s3", "ListBuckets"),
    ("s3", "GetBucketLocation"),
    ("s3", "GetBucketPolicy"),
    ("s3", "GetBucketPolicyStatus"),
    ("s3", "GetBucketAcl"),
    ("s3", "GetPublicAccessBlock"),
    ("s3", "GetBucketEncryption"),
    ("s3", "GetBucketVersioning"),
    ("s3", "GetBucketLogging"),
    ("s3", "GetObjectLockConfiguration"),
    ("s3", "GetBucketLifecycleConfiguration"),
    ("s3", "GetBucketTagging"),
    ("s3control", "GetPublicAccessBlock"),
    ("ec2", "GetEbsEncryptionByDefault"),
    ("ec2", "GetEbsDefaultKmsKeyId"),
    ("ec2", "DescribeVpcs"),
    ("ec2", "DescribeSubnets"),
    ("ec2", "DescribeRouteTables"),
    ("ec2", "DescribeInternetGateways"),
    ("ec2", "DescribeNatGateways"),
    ("ec2", "DescribeSecurityGroups"),
    ("ec2", "DescribeSecurityGroupRules"),
    ("ec2", "DescribeNetworkAcls"),
    ("ec2", "DescribeFlowLogs"),
    ("ec2", "DescribeVpcEndpoints"),
    ("ec2", "DescribeInstances"),
    ("ec2", "DescribeVolumes"),
    ("ec2", "DescribeSnapshots"),
    ("ec2", "DescribeSnapshotAttribute"),
    ("ec2", "DescribeImages"),
    ("kms", "ListKeys"),
    ("kms", "DescribeKey"),
    ("kms", "GetKeyRotationStatus"),
    ("kms", "GetKeyPolicy"),
    ("kms", "ListAliases"),
    ("kms", "ListResourceTags"),
    ("cloudtrail", "DescribeTrails"),
    ("cloudtrail", "GetTrailStatus"),
    ("cloudtrail", "GetEventSelectors"),
    ("config", "DescribeConfigurationRecorders"),
    ("config", "DescribeConfigurationRecorderStatus"),
    ("config", "DescribeDeliveryChannels"),
    ("guardduty", "ListDetectors"),
    ("guardduty", "GetDetector"),
    ("securityhub", "DescribeHub"),
    ("securityhub", "GetEnabledStandards"),
    ("accessanalyzer", "ListAnalyzers"),
    ("logs", "DescribeLogGroups"),
    ("logs", "DescribeMetricFilters"),
    ("cloudwatch", "DescribeAlarms"),
];

/// Whether an operation of an SDK service is on the read-only list.
pub fn is_allowed(service: &str, operation: &str) -> bool {
    READ_OPERATIONS.iter().any(|(s, o)| s.eq_ignore_ascii_case(service) && *o == operation)
}

/// Call counts shared by every client of one collection.
#[derive(Debug, Default, Clone)]
pub struct CallLog {
    counts: Arc<Mutex<BTreeMap<(String, String, String), u64>>>,
}

impl CallLog {
    fn record(&self, service: &str, region: &str, operation: &str) {
        let mut counts = self.counts.lock().expect("call log lock");
        *counts.entry((service.to_owned(), region.to_owned(), operation.to_owned())).or_default() += 1;
    }

    /// One row per (service, region, operation), sorted.
    pub fn rows(&self) -> Vec<ApiCallCount> {
        let counts = self.counts.lock().expect("call log lock");
        counts
            .iter()
            .map(|((service, region, operation), count)| ApiCallCount {
                service: service.clone(),
                region: region.clone(),
                operation: operation.clone(),
                count: *count,
            })
            .collect()
    }

    pub fn total(&self) -> u64 {
        self.counts.lock().expect("call log lock").values().sum()
    }
}

/// Refuses any operation not on [`READ_OPERATIONS`] and counts every attempt sent.
#[derive(Debug)]
pub(crate) struct Guard {
    pub log: CallLog,
    /// wasp's service name (`iam`, `s3` …), used in the call log and gaps.
    pub service: &'static str,
    pub region: String,
}

fn operation(cfg: &ConfigBag) -> (&str, &str) {
    cfg.load::<Metadata>().map_or(("unknown", "unknown"), |m| (m.service(), m.name()))
}

impl Intercept for Guard {
    fn name(&self) -> &'static str {
        "WaspReadOnlyGuard"
    }

    // Not `read_before_execution`: client interceptors run that before the operation's
    // metadata is in the bag.
    fn read_before_serialization(
        &self,
        _context: &BeforeSerializationInterceptorContextRef<'_>,
        _runtime_components: &RuntimeComponents,
        cfg: &mut ConfigBag,
    ) -> Result<(), BoxError> {
        let (_, op) = operation(cfg);
        if is_allowed(self.service, op) {
            Ok(())
        } else {
            Err(format!("wasp refuses to call {}:{op}, which is not on its read-only list", self.service).into())
        }
    }

    fn read_before_transmit(
        &self,
        _context: &BeforeTransmitInterceptorContextRef<'_>,
        _runtime_components: &RuntimeComponents,
        cfg: &mut ConfigBag,
    ) -> Result<(), BoxError> {
        let (_, op) = operation(cfg);
        tracing::debug!(service = self.service, region = %self.region, operation = op, "call");
        self.log.record(self.service, &self.region, op);
        Ok(())
    }
}

/// Undoes host prefixes (S3 Control puts the account id in the host name) when talking to a
/// custom endpoint, where `123456789012.127.0.0.1` cannot resolve.
#[derive(Debug)]
pub(crate) struct StripHostPrefix {
    pub endpoint_host: String,
}

impl Intercept for StripHostPrefix {
    fn name(&self) -> &'static str {
        "WaspStripHostPrefix"
    }

    fn modify_before_signing(
        &self,
        context: &mut BeforeTransmitInterceptorContextMut<'_>,
        _runtime_components: &RuntimeComponents,
        _cfg: &mut ConfigBag,
    ) -> Result<(), BoxError> {
        let request = context.request_mut();
        let uri = request.uri().to_owned();
        let suffix = format!(".{}", self.endpoint_host);
        if let Some(scheme_end) = uri.find("://") {
            let rest = &uri[scheme_end + 3..];
            let host_end = rest.find(['/', '?']).unwrap_or(rest.len());
            let host = &rest[..host_end];
            if let Some(prefix_len) = host.strip_suffix(suffix.as_str()).map(str::len) {
                let fixed = format!("{}{}", &uri[..scheme_end + 3], &rest[prefix_len + 1..]);
                request.set_uri(fixed)?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_listed_operation_is_a_read() {
        for (service, op) in READ_OPERATIONS {
            let read = ["List", "Get", "Describe", "Lookup"].iter().any(|p| op.starts_with(p))
                || *op == "GenerateCredentialReport";
            assert!(read, "{service}:{op} is not a read operation");
        }
    }

    #[test]
    fn operations_outside_the_list_are_refused() {
        assert!(is_allowed("iam", "GetAccountSummary"));
        assert!(!is_allowed("iam", "CreateUser"));
        assert!(!is_allowed("s3", "PutBucketPolicy"));
        assert!(!is_allowed("kms", "GetKeyRotationStatusX"));
    }
}

/// Forbids retrying an answer that is a web server's HTML error page (404, 500, 501): an
/// AWS-compatible endpoint that lacks the operation will not grow it in a second, and retrying
/// with backoff only makes the resulting gap slow.
#[derive(Debug)]
pub(crate) struct NoRetryOnHtmlPage;

impl aws_smithy_runtime_api::client::retries::classifiers::ClassifyRetry for NoRetryOnHtmlPage {
    fn classify_retry(
        &self,
        ctx: &aws_smithy_runtime_api::client::interceptors::context::InterceptorContext,
    ) -> aws_smithy_runtime_api::client::retries::classifiers::RetryAction {
        use crate::errors::HttpStatus;
        use aws_smithy_runtime_api::client::retries::classifiers::RetryAction;
        match ctx.response() {
            Some(r) if matches!(r.status_code(), 404 | 500 | 501) && r.is_html() => RetryAction::RetryForbidden,
            _ => RetryAction::NoActionIndicated,
        }
    }

    fn name(&self) -> &'static str {
        "WaspNoRetryOnHtmlPage"
    }
}
