//! Where AWS-compatible endpoints (moto, LocalStack, VPC endpoint URLs) differ from AWS, in one
//! place. Each item names the AWS behaviour it stands in for; against AWS itself none of them
//! changes what is read.
use aws_smithy_runtime_api::box_error::BoxError;
use aws_smithy_runtime_api::client::interceptors::context::BeforeTransmitInterceptorContextMut;
use aws_smithy_runtime_api::client::interceptors::Intercept;
use aws_smithy_runtime_api::client::runtime_components::RuntimeComponents;
use aws_smithy_types::config_bag::ConfigBag;

/// AWS serves S3 with virtual-hosted names (`bucket.s3.region.amazonaws.com`); a custom
/// endpoint on an address or loopback name cannot, so its clients use path-style requests.
pub(crate) fn s3_path_style(custom_endpoint: bool) -> bool {
    custom_endpoint
}

/// AWS's S3 Control puts the account id into the host name (`123456789012.s3-control…`); a
/// custom endpoint's `123456789012.127.0.0.1` does not resolve, so the prefix is stripped again
/// before sending. `None` against AWS.
pub(crate) fn strip_host_prefix(endpoint_url: Option<&str>) -> Option<StripHostPrefix> {
    endpoint_url.map(StripHostPrefix::for_endpoint)
}

/// AWS names each bucket's region in a paginated `ListBuckets`; for an endpoint that leaves it
/// out, the region of a `GetBucketLocation` answer: none or `""` is us-east-1, `EU` is
/// eu-west-1.
pub(crate) fn location_region(constraint: Option<&str>) -> String {
    match constraint {
        None | Some("") => "us-east-1".to_owned(),
        Some("EU") => "eu-west-1".to_owned(),
        Some(other) => other.to_owned(),
    }
}

/// AWS answers `DescribeSnapshots` owned by `self` with the account's snapshots alone; moto
/// ignores the owner (and the restorable-by) filter and returns its public catalogue. A
/// snapshot owned by another account is never the account's.
pub(crate) fn is_foreign(owner: Option<&str>, account_id: &str) -> bool {
    owner.is_some_and(|owner| owner != account_id)
}

/// AWS names every managed policy in `GetAccountAuthorizationDetails`; moto leaves the name
/// out, and the ARN ends with it.
pub(crate) fn policy_name<'a>(name: Option<&'a str>, arn: &'a str) -> &'a str {
    name.unwrap_or_else(|| arn.rsplit('/').next().unwrap_or(arn))
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

/// AWS answers an operation it has with an error document; an AWS-compatible endpoint that lacks
/// the operation answers a web server's HTML error page (404, 500, 501), which will not turn
/// into an answer in a second: retrying it with backoff only makes the resulting gap slow.
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
    fn bucket_locations_name_regions() {
        assert_eq!(location_region(None), "us-east-1");
        assert_eq!(location_region(Some("")), "us-east-1");
        assert_eq!(location_region(Some("EU")), "eu-west-1");
        assert_eq!(location_region(Some("ap-south-1")), "ap-south-1");
    }

    #[test]
    fn foreign_owners_and_missing_names() {
        assert!(is_foreign(Some("801119661308"), "123456789012"));
        assert!(!is_foreign(Some("123456789012"), "123456789012"));
        assert!(!is_foreign(None, "123456789012"));
        assert_eq!(policy_name(None, "arn:aws:iam::1:policy/path/admin"), "admin");
        assert_eq!(policy_name(Some("x"), "arn:aws:iam::1:policy/admin"), "x");
    }
}
