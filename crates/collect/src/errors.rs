//! The one error table: every SDK failure becomes data ("not configured") or a gap kind.
use aws_smithy_runtime_api::client::result::SdkError;
use aws_smithy_types::error::metadata::ProvideErrorMetadata;
use wasp_model::GapKind;

/// What an SDK error means for the inventory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Classified {
    /// AWS's documented way of saying "there is none" (e.g. no bucket policy).
    NotConfigured,
    /// The value could not be read.
    Gap { kind: GapKind, reason: String },
}

/// `(operation, error code)` pairs that mean "not configured" rather than failure.
const NOT_CONFIGURED: &[(&str, &str)] = &[
    ("GetAccountPasswordPolicy", "NoSuchEntity"),
    ("GetLoginProfile", "NoSuchEntity"),
    ("GetBucketPolicy", "NoSuchBucketPolicy"),
    ("GetBucketPolicyStatus", "NoSuchBucketPolicy"),
    ("GetPublicAccessBlock", "NoSuchPublicAccessBlockConfiguration"),
    ("GetBucketEncryption", "ServerSideEncryptionConfigurationNotFoundError"),
    ("GetObjectLockConfiguration", "ObjectLockConfigurationNotFoundError"),
    ("GetBucketLifecycleConfiguration", "NoSuchLifecycleConfiguration"),
    ("GetBucketTagging", "NoSuchTagSet"),
    ("GetBucketTagging", "NoSuchTagSetError"),
    ("DescribeOrganization", "AWSOrganizationsNotInUseException"),
    ("DescribeHub", "InvalidAccessException"),
    ("GetEnabledStandards", "InvalidAccessException"),
    ("GetEbsDefaultKmsKeyId", "InvalidKmsKey.NotFound"),
    // A Lambda function without a resource-based policy.
    ("GetPolicy", "ResourceNotFoundException"),
    // An ECR repository without a repository or lifecycle policy.
    ("GetRepositoryPolicy", "RepositoryPolicyNotFoundException"),
    ("GetLifecyclePolicy", "LifecyclePolicyNotFoundException"),
    // A CodeArtifact domain without a resource policy.
    ("GetDomainPermissionsPolicy", "ResourceNotFoundException"),
    // Session Manager preferences never saved: the SSM-SessionManagerRunShell document does
    // not exist.
    ("GetDocument", "InvalidDocument"),
    // EFS: no file system policy, no backup policy.
    ("DescribeFileSystemPolicy", "PolicyNotFound"),
    ("DescribeBackupPolicy", "PolicyNotFound"),
    // A Glacier vault without an access policy.
    ("GetVaultAccessPolicy", "ResourceNotFoundException"),
    // A Backup vault without an access policy.
    ("GetBackupVaultAccessPolicy", "ResourceNotFoundException"),
    // An account without a Shield Advanced subscription.
    ("DescribeSubscription", "ResourceNotFoundException"),
    // An alternate contact type that was never set.
    ("GetAlternateContact", "ResourceNotFoundException"),
    // A trail without CloudTrail Insights.
    ("GetInsightSelectors", "InsightNotEnabledException"),
];

const ACCESS_DENIED: &[&str] = &[
    "AccessDenied",
    "AccessDeniedException",
    "UnauthorizedOperation",
    "UnauthorizedAccess",
    "AuthorizationError",
    "AuthorizationErrorException",
    "Forbidden",
    "AllAccessDisabled",
];

const THROTTLED: &[&str] = &[
    "Throttling",
    "ThrottlingException",
    "ThrottledException",
    "RequestLimitExceeded",
    "TooManyRequestsException",
    "RequestThrottled",
    "RequestThrottledException",
    "SlowDown",
    "PriorRequestNotComplete",
    "LimitExceededException",
];

const REGION_DISABLED: &[&str] = &["OptInRequired", "UnrecognizedClientException", "InvalidClientTokenId"];

const UNSUPPORTED: &[&str] = &[
    "UnsupportedOperation",
    "UnsupportedOperationException",
    "InvalidAction",
    "UnknownOperationException",
    "NotImplemented",
    "SubscriptionRequiredException",
];

/// Classifies one failed call of `operation`.
pub fn classify<E, R>(operation: &str, err: &SdkError<E, R>) -> Classified
where
    E: ProvideErrorMetadata + std::error::Error + 'static,
    R: std::fmt::Debug + HttpStatus,
{
    let gap = |kind, reason: String| Classified::Gap { kind, reason };
    match err {
        SdkError::ServiceError(service_err) => {
            let e = service_err.err();
            let status = service_err.raw().status_code();
            let code = e.code().unwrap_or_default();
            let message = e.message().unwrap_or_default();
            if NOT_CONFIGURED.contains(&(operation, code)) {
                return Classified::NotConfigured;
            }
            let html = code.is_empty() && service_err.raw().is_html();
            let kind = if ACCESS_DENIED.contains(&code) || (code.is_empty() && status == 403) {
                GapKind::AccessDenied
            } else if THROTTLED.contains(&code) || status == 429 {
                GapKind::Throttled
            } else if REGION_DISABLED.contains(&code) {
                GapKind::RegionDisabled
            } else if UNSUPPORTED.contains(&code) || (code.is_empty() && (status == 404 || status == 501)) {
                GapKind::Unsupported
            } else if html && status == 500 {
                // AWS's own 500s carry an error code; an HTML 500 page comes from an endpoint
                // that is not AWS and does not implement the operation (moto without it).
                GapKind::Unsupported
            } else if status >= 500 {
                GapKind::Unavailable
            } else {
                GapKind::Other
            };
            let reason = match (code.is_empty(), message.is_empty()) {
                // Only a page that made the call unsupported says so: an HTML 403 is a denial
                // (moto labels its XML denials of JSON-protocol calls text/html), a 503 page
                // an outage.
                (true, _) if html && kind == GapKind::Unsupported => {
                    format!("HTTP {status} answered with an HTML page: the endpoint does not implement this operation")
                }
                // A success status the SDK could not read as the operation's answer.
                (true, _) if (200..300).contains(&status) => {
                    format!("unreadable answer (HTTP {status}): {}", error_chain(e))
                }
                (true, _) => format!("HTTP {status} without an error code"),
                (false, true) => code.to_owned(),
                (false, false) => format!("{code}: {message}"),
            };
            gap(kind, reason)
        }
        SdkError::ResponseError(response_err) => {
            // An answer the SDK could not parse: an HTML 404 from an endpoint that lacks the
            // service, or a bare 403 from one that denies in another protocol's format.
            let status = response_err.raw().status_code();
            let html = response_err.raw().is_html();
            let kind = match status {
                403 => GapKind::AccessDenied,
                404 | 501 => GapKind::Unsupported,
                429 => GapKind::Throttled,
                500 if html => GapKind::Other,
                s if s >= 500 => GapKind::Unavailable,
                _ => GapKind::Other,
            };
            gap(kind, format!("unreadable answer (HTTP {status})"))
        }
        SdkError::TimeoutError(_) => gap(GapKind::Unavailable, "the call timed out".to_owned()),
        SdkError::DispatchFailure(failure) => {
            let what = if failure.is_timeout() {
                "timed out connecting".to_owned()
            } else if failure.is_io() {
                format!("endpoint unreachable: {}", error_chain(err))
            } else {
                format!("request not sent: {}", error_chain(err))
            };
            gap(GapKind::Unavailable, what)
        }
        SdkError::ConstructionFailure(_) => gap(GapKind::Other, error_chain(err)),
        _ => gap(GapKind::Other, error_chain(err)),
    }
}

/// The HTTP status of a raw response.
pub trait HttpStatus {
    fn status_code(&self) -> u16;

    /// The answer is an HTML page (a web server's error page, not an AWS error document).
    fn is_html(&self) -> bool {
        false
    }
}

impl HttpStatus for aws_smithy_runtime_api::http::Response {
    fn status_code(&self) -> u16 {
        self.status().as_u16()
    }

    fn is_html(&self) -> bool {
        let typed = self.headers().get("content-type").is_some_and(|t| t.trim_start().starts_with("text/html"));
        let body = self.body().bytes().unwrap_or_default();
        let start = String::from_utf8_lossy(&body[..body.len().min(64)]).trim_start().to_ascii_lowercase();
        typed || start.starts_with("<!doctype html") || start.starts_with("<html")
    }
}

pub use wasp_model::error_chain;

#[cfg(test)]
mod tests {
    use super::*;
    use aws_smithy_runtime_api::http::{Response, StatusCode};
    use aws_smithy_types::body::SdkBody;
    use aws_smithy_types::error::ErrorMetadata;

    #[derive(Debug)]
    struct Err(ErrorMetadata);
    impl std::fmt::Display for Err {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            write!(f, "{:?}", self.0.code())
        }
    }
    impl std::error::Error for Err {}
    impl ProvideErrorMetadata for Err {
        fn meta(&self) -> &ErrorMetadata {
            &self.0
        }
    }

    fn service_error(code: Option<&str>, status: u16) -> SdkError<Err, Response> {
        let mut meta = ErrorMetadata::builder().message("m");
        if let Some(code) = code {
            meta = meta.code(code);
        }
        let raw = Response::new(StatusCode::try_from(status).unwrap(), SdkBody::empty());
        SdkError::service_error(Err(meta.build()), raw)
    }

    fn html_error(status: u16) -> SdkError<Err, Response> {
        let page = "<!doctype html>\n<html lang=en>\n<title>500 Internal Server Error</title>";
        let raw = Response::new(StatusCode::try_from(status).unwrap(), SdkBody::from(page));
        SdkError::service_error(Err(ErrorMetadata::builder().build()), raw)
    }

    #[test]
    fn html_pages_are_not_aws_errors() {
        let Classified::Gap { kind: page_kind, reason } = classify("ListAnalyzers", &html_error(500)) else { panic!() };
        assert_eq!(page_kind, GapKind::Unsupported);
        assert_eq!(reason, "HTTP 500 answered with an HTML page: the endpoint does not implement this operation");
        assert!(matches!(
            classify("ListAnalyzers", &html_error(404)),
            Classified::Gap { kind: GapKind::Unsupported, .. }
        ));
        // A gateway's 503 page is still an outage.
        assert!(matches!(classify("X", &html_error(503)), Classified::Gap { kind: GapKind::Unavailable, .. }));
        // A 403 labelled text/html is a denial, and its reason does not call it unsupported.
        let Classified::Gap { kind: denied, reason } = classify("ListKeys", &html_error(403)) else { panic!() };
        assert_eq!((denied, reason.as_str()), (GapKind::AccessDenied, "HTTP 403 without an error code"));
        // A JSON 500 without a code is not an HTML page.
        assert_eq!(kind("X", None, 500), Some(GapKind::Unavailable));
    }

    fn kind(op: &str, code: Option<&str>, status: u16) -> Option<GapKind> {
        match classify(op, &service_error(code, status)) {
            Classified::NotConfigured => None,
            Classified::Gap { kind, .. } => Some(kind),
        }
    }

    #[test]
    fn documented_absences_are_data() {
        assert_eq!(kind("GetBucketPolicy", Some("NoSuchBucketPolicy"), 404), None);
        assert_eq!(kind("GetAccountPasswordPolicy", Some("NoSuchEntity"), 404), None);
        assert_eq!(kind("DescribeOrganization", Some("AWSOrganizationsNotInUseException"), 400), None);
        assert_eq!(kind("GetPublicAccessBlock", Some("NoSuchPublicAccessBlockConfiguration"), 404), None);
        assert_eq!(kind("GetPolicy", Some("ResourceNotFoundException"), 404), None, "a function without a policy");
        assert_eq!(kind("ListFunctionUrlConfigs", Some("ResourceNotFoundException"), 404), Some(GapKind::Other));
        assert_eq!(kind("GetRepositoryPolicy", Some("RepositoryPolicyNotFoundException"), 400), None);
        assert_eq!(kind("GetLifecyclePolicy", Some("LifecyclePolicyNotFoundException"), 400), None);
        assert_eq!(kind("GetDocument", Some("InvalidDocument"), 400), None, "Session Manager preferences never saved");
        assert_eq!(kind("DescribeSubscription", Some("ResourceNotFoundException"), 400), None, "no Shield Advanced");
        // The same code on another operation is not an absence.
        assert_eq!(kind("GetRole", Some("NoSuchEntity"), 404), Some(GapKind::Other));
    }

    #[test]
    fn failures_become_gaps_by_kind() {
        assert_eq!(kind("ListUsers", Some("AccessDenied"), 403), Some(GapKind::AccessDenied));
        assert_eq!(kind("ListKeys", Some("AccessDeniedException"), 400), Some(GapKind::AccessDenied));
        assert_eq!(kind("ListDetectors", None, 403), Some(GapKind::AccessDenied));
        assert_eq!(kind("DescribeInstances", Some("UnauthorizedOperation"), 403), Some(GapKind::AccessDenied));
        assert_eq!(kind("DescribeInstances", Some("RequestLimitExceeded"), 503), Some(GapKind::Throttled));
        assert_eq!(kind("ListKeys", Some("ThrottlingException"), 400), Some(GapKind::Throttled));
        assert_eq!(kind("DescribeVpcs", Some("OptInRequired"), 401), Some(GapKind::RegionDisabled));
        assert_eq!(kind("ListAnalyzers", None, 404), Some(GapKind::Unsupported));
        assert_eq!(kind("ListAnalyzers", Some("InternalFailure"), 500), Some(GapKind::Unavailable));
        assert_eq!(kind("ListAnalyzers", Some("SomethingNew"), 400), Some(GapKind::Other));
    }

    #[test]
    fn gap_reasons_keep_the_raw_code() {
        let Classified::Gap { reason, .. } = classify("X", &service_error(Some("SomethingNew"), 400)) else {
            panic!("expected a gap")
        };
        assert_eq!(reason, "SomethingNew: m");
    }

    #[test]
    fn timeouts_are_unavailable() {
        let err: SdkError<Err, Response> = SdkError::timeout_error("slow");
        assert!(matches!(classify("X", &err), Classified::Gap { kind: GapKind::Unavailable, .. }));
    }

    #[test]
    fn a_success_the_sdk_cannot_read_says_so() {
        // moto's GetBucketVersioning answers 200 with the wrong XML root.
        let Classified::Gap { kind, reason } = classify("GetBucketVersioning", &service_error(None, 200)) else {
            panic!("expected a gap")
        };
        assert_eq!(kind, GapKind::Other);
        assert!(reason.starts_with("unreadable answer (HTTP 200): "), "{reason}");
    }
}
