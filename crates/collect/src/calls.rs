//! Every API call, counted and checked against the read-only list before it is sent.
use aws_smithy_runtime_api::box_error::BoxError;
use aws_smithy_runtime_api::client::interceptors::context::{
    BeforeSerializationInterceptorContextRef, BeforeTransmitInterceptorContextMut, BeforeTransmitInterceptorContextRef,
};
use aws_smithy_runtime_api::client::interceptors::Intercept;
use aws_smithy_runtime_api::client::orchestrator::Metadata;
use aws_smithy_runtime_api::client::runtime_components::RuntimeComponents;
use aws_smithy_types::config_bag::ConfigBag;
use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};
use wasp_model::ApiCallCount;

/// One operation the collector may call: wasp's service name, the API operation, and the IAM
/// action(s) that authorise it (comma-separated when one operation needs several, as S3's
/// `GetPublicAccessBlock` does at bucket and account level).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReadOperation {
    pub service: &'static str,
    pub operation: &'static str,
    pub iam_actions: &'static str,
}

const fn op(service: &'static str, operation: &'static str, iam_actions: &'static str) -> ReadOperation {
    ReadOperation { service, operation, iam_actions }
}

/// Every operation the collector may call; an interceptor refuses any other.
///
/// All are reads (List/Get/Describe), plus `GenerateCredentialReport`, which only asks IAM to
/// prepare the credential report and is allowed by AWS's own SecurityAudit policy.
pub const READ_OPERATIONS: &[ReadOperation] = &[
    op("sts", "GetCallerIdentity", "sts:GetCallerIdentity"),
    op("ec2", "DescribeRegions", "ec2:DescribeRegions"),
    op("iam", "GetAccountAuthorizationDetails", "iam:GetAccountAuthorizationDetails"),
    op("iam", "GetAccountSummary", "iam:GetAccountSummary"),
    op("iam", "GetAccountPasswordPolicy", "iam:GetAccountPasswordPolicy"),
    op("iam", "GenerateCredentialReport", "iam:GenerateCredentialReport"),
    op("iam", "GetCredentialReport", "iam:GetCredentialReport"),
    op("iam", "ListVirtualMFADevices", "iam:ListVirtualMFADevices"),
    op("iam", "ListSAMLProviders", "iam:ListSAMLProviders"),
    op("iam", "ListOpenIDConnectProviders", "iam:ListOpenIDConnectProviders"),
    op("organizations", "DescribeOrganization", "organizations:DescribeOrganization"),
    op("organizations", "ListAccounts", "organizations:ListAccounts"),
    op("organizations", "ListPolicies", "organizations:ListPolicies"),
    op("organizations", "DescribePolicy", "organizations:DescribePolicy"),
    op("organizations", "ListTargetsForPolicy", "organizations:ListTargetsForPolicy"),
    op("s3", "ListBuckets", "s3:ListAllMyBuckets"),
    op("s3", "GetBucketLocation", "s3:GetBucketLocation"),
    op("s3", "GetBucketPolicy", "s3:GetBucketPolicy"),
    op("s3", "GetBucketPolicyStatus", "s3:GetBucketPolicyStatus"),
    op("s3", "GetBucketAcl", "s3:GetBucketAcl"),
    op("s3", "GetPublicAccessBlock", "s3:GetBucketPublicAccessBlock, s3:GetAccountPublicAccessBlock"),
    op("s3", "GetBucketEncryption", "s3:GetEncryptionConfiguration"),
    op("s3", "GetBucketVersioning", "s3:GetBucketVersioning"),
    op("s3", "GetBucketLogging", "s3:GetBucketLogging"),
    op("s3", "GetObjectLockConfiguration", "s3:GetBucketObjectLockConfiguration"),
    op("s3", "GetBucketLifecycleConfiguration", "s3:GetLifecycleConfiguration"),
    op("s3", "GetBucketTagging", "s3:GetBucketTagging"),
    op("ec2", "GetEbsEncryptionByDefault", "ec2:GetEbsEncryptionByDefault"),
    op("ec2", "GetEbsDefaultKmsKeyId", "ec2:GetEbsDefaultKmsKeyId"),
    op("ec2", "DescribeVpcs", "ec2:DescribeVpcs"),
    op("ec2", "DescribeSubnets", "ec2:DescribeSubnets"),
    op("ec2", "DescribeRouteTables", "ec2:DescribeRouteTables"),
    op("ec2", "DescribeInternetGateways", "ec2:DescribeInternetGateways"),
    op("ec2", "DescribeNatGateways", "ec2:DescribeNatGateways"),
    op("ec2", "DescribeSecurityGroups", "ec2:DescribeSecurityGroups"),
    op("ec2", "DescribeNetworkAcls", "ec2:DescribeNetworkAcls"),
    op("ec2", "DescribeFlowLogs", "ec2:DescribeFlowLogs"),
    op("ec2", "DescribeVpcEndpoints", "ec2:DescribeVpcEndpoints"),
    op("ec2", "DescribeInstances", "ec2:DescribeInstances"),
    op("ec2", "DescribeVolumes", "ec2:DescribeVolumes"),
    op("ec2", "DescribeSnapshots", "ec2:DescribeSnapshots"),
    op("ec2", "DescribeSnapshotAttribute", "ec2:DescribeSnapshotAttribute"),
    op("ec2", "DescribeImages", "ec2:DescribeImages"),
    op("kms", "ListKeys", "kms:ListKeys"),
    op("kms", "DescribeKey", "kms:DescribeKey"),
    op("kms", "GetKeyRotationStatus", "kms:GetKeyRotationStatus"),
    op("kms", "GetKeyPolicy", "kms:GetKeyPolicy"),
    op("kms", "ListAliases", "kms:ListAliases"),
    op("cloudtrail", "DescribeTrails", "cloudtrail:DescribeTrails"),
    op("cloudtrail", "GetTrailStatus", "cloudtrail:GetTrailStatus"),
    op("cloudtrail", "GetEventSelectors", "cloudtrail:GetEventSelectors"),
    op("config", "DescribeConfigurationRecorders", "config:DescribeConfigurationRecorders"),
    op("config", "DescribeConfigurationRecorderStatus", "config:DescribeConfigurationRecorderStatus"),
    op("config", "DescribeDeliveryChannels", "config:DescribeDeliveryChannels"),
    op("guardduty", "ListDetectors", "guardduty:ListDetectors"),
    op("guardduty", "GetDetector", "guardduty:GetDetector"),
    op("securityhub", "DescribeHub", "securityhub:DescribeHub"),
    op("securityhub", "GetEnabledStandards", "securityhub:GetEnabledStandards"),
    op("accessanalyzer", "ListAnalyzers", "access-analyzer:ListAnalyzers"),
    op("logs", "DescribeLogGroups", "logs:DescribeLogGroups"),
    op("logs", "DescribeMetricFilters", "logs:DescribeMetricFilters"),
    op("cloudwatch", "DescribeAlarms", "cloudwatch:DescribeAlarms"),
];

/// The least-privilege IAM policy for everything wasp collects.
pub fn minimal_iam_policy() -> serde_json::Value {
    let mut actions: Vec<&str> = READ_OPERATIONS.iter().flat_map(|r| r.iam_actions.split(", ")).collect();
    actions.sort_unstable();
    actions.dedup();
    serde_json::json!({
        "Version": "2012-10-17",
        "Statement": [{ "Sid": "WaspReadOnlyReview", "Effect": "Allow", "Action": actions, "Resource": "*" }]
    })
}

/// Whether an operation of an SDK service is on the read-only list.
pub fn is_allowed(service: &str, operation: &str) -> bool {
    READ_OPERATIONS.iter().any(|r| r.service == service && r.operation == operation)
}

/// (service, region, operation)
type CallKey = (String, String, String);

/// Call counts shared by every client of one collection.
#[derive(Debug, Default, Clone)]
pub struct CallLog {
    counts: Arc<Mutex<BTreeMap<CallKey, u64>>>,
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
pub struct StripHostPrefix {
    endpoint_host: String,
}

impl StripHostPrefix {
    /// The interceptor for an endpoint URL such as `http://127.0.0.1:5000`.
    pub fn for_endpoint(url: &str) -> StripHostPrefix {
        let after_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
        let host = after_scheme.split(['/', '?']).next().unwrap_or_default();
        StripHostPrefix { endpoint_host: host.to_owned() }
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_listed_operation_is_a_read() {
        for r in READ_OPERATIONS {
            let read = ["List", "Get", "Describe"].iter().any(|p| r.operation.starts_with(p))
                || r.operation == "GenerateCredentialReport";
            assert!(read, "{}:{} is not a read operation", r.service, r.operation);
            for action in r.iam_actions.split(", ") {
                let (_, name) = action.split_once(':').expect("service:Action");
                assert!(["List", "Get", "Describe", "Generate"].iter().any(|p| name.starts_with(p)), "{action}");
            }
        }
    }

    #[test]
    fn operations_outside_the_list_are_refused() {
        assert!(is_allowed("iam", "GetAccountSummary"));
        assert!(!is_allowed("iam", "CreateUser"));
        assert!(!is_allowed("s3", "PutBucketPolicy"));
        assert!(!is_allowed("kms", "GetKeyRotationStatusX"));
    }

    /// Every SDK call in the collector's source names an operation on the list, and the list
    /// names nothing the collector does not call: the allow-list is the collector's exact
    /// surface, and no mutating call can hide in it.
    #[test]
    fn the_list_is_exactly_what_the_source_calls() {
        const VERBS: &[&str] = &[
            "accept",
            "add",
            "associate",
            "attach",
            "authorize",
            "batch",
            "cancel",
            "copy",
            "create",
            "delete",
            "deregister",
            "describe",
            "detach",
            "disable",
            "disassociate",
            "enable",
            "generate",
            "get",
            "import",
            "invoke",
            "list",
            "modify",
            "put",
            "register",
            "reject",
            "remove",
            "replace",
            "reset",
            "restore",
            "revoke",
            "run",
            "send",
            "set",
            "start",
            "stop",
            "tag",
            "terminate",
            "untag",
            "update",
            "upload",
        ];
        let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut files = vec![src.join("run.rs")];
        files.extend(std::fs::read_dir(src.join("services")).unwrap().map(|e| e.unwrap().path()));
        let mut called = std::collections::BTreeSet::new();
        for file in files {
            let text = std::fs::read_to_string(&file).unwrap();
            // Product code only: the mocked tests build outputs, they call nothing.
            let product = text.split("#[cfg(test)]").next().unwrap();
            for (i, _) in product.match_indices("()") {
                let name: String = product[..i]
                    .chars()
                    .rev()
                    .take_while(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '_')
                    .collect::<Vec<_>>()
                    .into_iter()
                    .rev()
                    .collect();
                let Some((verb, _)) = name.split_once('_') else { continue };
                // An SDK call: `.verb_noun()` whose chain is sent (accessors such as
                // `.create_date()` are not).
                let rest = &product[i..];
                let chain = &rest[..rest.find(';').unwrap_or(rest.len())];
                if !VERBS.contains(&verb) || !product[..i - name.len()].ends_with('.') || !chain.contains(".send()") {
                    continue;
                }
                let operation: String = name
                    .split('_')
                    .map(|w| w[..1].to_ascii_uppercase() + &w[1..])
                    .collect::<String>()
                    .replace("Mfa", "MFA")
                    .replace("Saml", "SAML")
                    .replace("OpenIdConnect", "OpenIDConnect");
                assert!(
                    READ_OPERATIONS.iter().any(|r| r.operation == operation),
                    "{} calls {operation}, which is not on READ_OPERATIONS",
                    file.display()
                );
                called.insert(operation);
            }
        }
        for r in READ_OPERATIONS {
            assert!(called.contains(r.operation), "{} is listed but never called", r.operation);
        }
    }
}
