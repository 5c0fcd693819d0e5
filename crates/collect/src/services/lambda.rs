//! Lambda of one region: every function (one paginated `ListFunctions`), then per function its
//! resource-based policy (`GetPolicy`), its function URLs, the function's and its aliases'
//! (`ListFunctionUrlConfigs`), and for .zip functions its code signing configuration
//! (`GetFunctionCodeSigningConfig`); AWS offers no bulk form of any.
//!
//! `ListFunctions` answers with each function's environment variables, values included. They
//! are dropped as the page is read: no name or value reaches the inventory, logs or gaps.
use crate::unit::{client, Unit};
use aws_sdk_lambda::types::{
    FunctionConfiguration, FunctionUrlAuthType, PackageType as SdkPackage, TracingMode as SdkTracing,
};
use aws_sdk_lambda::Client;
use futures::StreamExt;
use wasp_model::lambda::{Function, FunctionUrl, PackageType, TracingMode, UrlAuthType};
use wasp_model::{GapKind, Inventory};

/// Functions per `ListFunctions` page (the most Lambda allows).
const LIST_PAGE: i32 = 50;

pub(crate) async fn collect(unit: &Unit, part: &mut Inventory) {
    let lambda = client!(aws_sdk_lambda, unit);
    part.lambda.functions = functions(unit, &lambda).await;
}

/// Every function listed before any failure, each with its policy and URLs read.
async fn functions(unit: &Unit, lambda: &Client) -> Vec<Function> {
    let mut listed = Vec::new();
    let mut pages = lambda.list_functions().max_items(LIST_PAGE).into_paginator().send();
    while let Some(page) = pages.next().await {
        let Some(page) = unit.read("ListFunctions", page).ok() else { break };
        listed.extend(page.functions().iter().filter_map(|f| function(unit, f)));
    }
    futures::stream::iter(listed)
        .map(|function| async move {
            let (policy, urls, code_signing_config) = futures::join!(
                policy(unit, lambda, &function),
                urls(unit, lambda, &function),
                code_signing(unit, lambda, &function)
            );
            Function { policy, urls, code_signing_config, ..function }
        })
        .buffered(unit.inner_concurrency())
        .collect()
        .await
}

/// What the model keeps of a listed function; its environment is not among it.
fn function(unit: &Unit, f: &FunctionConfiguration) -> Option<Function> {
    let name = f.function_name()?.to_owned();
    Some(Function {
        arn: f.function_arn().map_or_else(|| unit.arn("lambda", &format!("function:{name}")), str::to_owned),
        region: unit.region.clone(),
        runtime: f.runtime().map(|r| r.as_str().to_owned()),
        package_type: f.package_type().and_then(|p| match p {
            SdkPackage::Zip => Some(PackageType::Zip),
            SdkPackage::Image => Some(PackageType::Image),
            _ => None,
        }),
        vpc_id: f.vpc_config().and_then(|v| v.vpc_id()).filter(|id| !id.is_empty()).map(str::to_owned),
        tracing: f.tracing_config().and_then(|t| t.mode()).and_then(|m| match m {
            SdkTracing::Active => Some(TracingMode::Active),
            SdkTracing::PassThrough => Some(TracingMode::PassThrough),
            _ => None,
        }),
        layers: f.layers().iter().filter_map(|l| l.arn()).map(str::to_owned).collect(),
        name,
        code_signing_config: None,
        urls: None,
        policy: None,
        location: None,
    })
}

/// The function's code signing configuration; image functions are not asked (AWS supports
/// code signing for .zip archives only) and stay `None`.
async fn code_signing(unit: &Unit, lambda: &Client, function: &Function) -> Option<wasp_model::Setting<String>> {
    if function.package_type == Some(PackageType::Image) {
        return None;
    }
    let answer = lambda.get_function_code_signing_config().function_name(&function.arn).send().await;
    let out = unit.read_for("GetFunctionCodeSigningConfig", &function.arn, answer).ok()?;
    Some(match out.code_signing_config_arn().trim() {
        "" => wasp_model::Setting::NotConfigured,
        arn => wasp_model::Setting::Configured(arn.to_owned()),
    })
}

async fn policy(unit: &Unit, lambda: &Client, function: &Function) -> Option<wasp_model::Setting<serde_json::Value>> {
    let answer = lambda.get_policy().function_name(&function.arn).send().await;
    match unit.read_for("GetPolicy", &function.arn, answer) {
        crate::unit::Read::Ok(out) => super::policy_document(unit, "GetPolicy", &function.arn, out.policy()),
        crate::unit::Read::NotConfigured => Some(wasp_model::Setting::NotConfigured),
        crate::unit::Read::Gap => None,
    }
}

/// Every URL of the function and its aliases, or `None` when any page failed: a partial
/// list could hide an open URL.
async fn urls(unit: &Unit, lambda: &Client, function: &Function) -> Option<Vec<FunctionUrl>> {
    let mut urls = Vec::new();
    let mut pages = lambda.list_function_url_configs().function_name(&function.arn).into_paginator().send();
    while let Some(page) = pages.next().await {
        let page = unit.read_for("ListFunctionUrlConfigs", &function.arn, page).ok()?;
        for config in page.function_url_configs() {
            let auth_type = match config.auth_type() {
                FunctionUrlAuthType::AwsIam => UrlAuthType::AwsIam,
                FunctionUrlAuthType::None => UrlAuthType::None,
                other => {
                    let reason = format!("a function URL has an unknown auth type {}", other.as_str());
                    unit.gap("ListFunctionUrlConfigs", GapKind::Other, reason, Some(&function.arn));
                    return None;
                }
            };
            urls.push(FunctionUrl {
                url: config.function_url().to_owned(),
                qualifier: qualifier(config.function_arn(), &function.arn),
                auth_type,
            });
        }
    }
    Some(urls)
}

/// The alias a URL's function ARN names beyond the function's own ARN, if any.
fn qualifier(url_function_arn: &str, function_arn: &str) -> Option<String> {
    url_function_arn.strip_prefix(function_arn)?.strip_prefix(':').filter(|q| !q.is_empty()).map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::setup::Shared;
    use aws_sdk_lambda::operation::get_policy::{GetPolicyError, GetPolicyOutput};
    use aws_sdk_lambda::operation::list_function_url_configs::ListFunctionUrlConfigsOutput;
    use aws_sdk_lambda::operation::list_functions::ListFunctionsOutput;
    use aws_sdk_lambda::types::{EnvironmentResponse, FunctionUrlConfig, Runtime};
    use aws_smithy_mocks::{mock, MockResponseInterceptor, Rule, RuleMode};
    use aws_smithy_types::error::ErrorMetadata;
    use std::sync::Arc;
    use wasp_model::{Service, Setting};

    const ARN: &str = "arn:aws:lambda:us-east-1:123456789012:function:";

    async fn run(rules: &[&Rule]) -> (Unit, Inventory) {
        let sdk = aws_config::defaults(aws_config::BehaviorVersion::latest())
            .region(aws_config::Region::new("us-east-1"))
            .credentials_provider(aws_sdk_lambda::config::Credentials::new("a", "b", None, None, "test"))
            .http_client(aws_smithy_mocks::create_mock_http_client())
            .retry_config(aws_config::retry::RetryConfig::disabled())
            .load()
            .await;
        let shared = Shared { sdk, inner_concurrency: 1, ..Shared::for_tests(&["us-east-1"]) };
        let unit = Unit::new(Arc::new(shared), Service::Lambda, "us-east-1".into());
        let mut mocks = MockResponseInterceptor::new().rule_mode(RuleMode::MatchAny);
        for rule in rules {
            mocks = mocks.with_rule(rule);
        }
        let lambda = client!(aws_sdk_lambda, &unit, "us-east-1", |b| b.interceptor(mocks));
        let mut part = Inventory::default();
        part.lambda.functions = functions(&unit, &lambda).await;
        (unit, part)
    }

    fn listed(name: &str, runtime: Runtime) -> FunctionConfiguration {
        FunctionConfiguration::builder()
            .function_name(name)
            .function_arn(format!("{ARN}{name}"))
            .runtime(runtime)
            .package_type(SdkPackage::Zip)
            .environment(EnvironmentResponse::builder().variables("DB_PASSWORD", "hunter2-very-secret").build())
            .build()
    }

    /// No code signing configuration: AWS answers with an empty ARN.
    fn unsigned() -> Rule {
        mock!(Client::get_function_code_signing_config).then_output(|| {
            aws_sdk_lambda::operation::get_function_code_signing_config::GetFunctionCodeSigningConfigOutput::builder()
                .code_signing_config_arn("")
                .function_name("any")
                .build()
                .unwrap()
        })
    }

    fn url(name: &str, qualifier: Option<&str>, auth: FunctionUrlAuthType) -> FunctionUrlConfig {
        let arn = match qualifier {
            Some(q) => format!("{ARN}{name}:{q}"),
            None => format!("{ARN}{name}"),
        };
        FunctionUrlConfig::builder()
            .function_url(format!("https://{name}-{}.lambda-url.us-east-1.on.aws/", qualifier.unwrap_or("fn")))
            .function_arn(arn)
            .auth_type(auth)
            .creation_time("2026-01-01T00:00:00Z")
            .last_modified_time("2026-01-01T00:00:00Z")
            .build()
            .unwrap()
    }

    #[tokio::test]
    async fn urls_of_aliases_and_policies_are_read_and_environment_values_are_dropped() {
        let list = mock!(Client::list_functions).then_output(|| {
            ListFunctionsOutput::builder()
                .functions(listed("web", Runtime::Nodejs22x))
                .functions(listed("job", Runtime::Python39))
                .build()
        });
        let web_urls = mock!(Client::list_function_url_configs)
            .match_requests(|r| r.function_name() == Some("arn:aws:lambda:us-east-1:123456789012:function:web"))
            .then_output(|| {
                ListFunctionUrlConfigsOutput::builder()
                    .function_url_configs(url("web", None, FunctionUrlAuthType::AwsIam))
                    .function_url_configs(url("web", Some("live"), FunctionUrlAuthType::None))
                    .build()
                    .unwrap()
            });
        let job_urls = mock!(Client::list_function_url_configs)
            .match_requests(|r| r.function_name() == Some("arn:aws:lambda:us-east-1:123456789012:function:job"))
            .then_output(|| {
                ListFunctionUrlConfigsOutput::builder().set_function_url_configs(Some(vec![])).build().unwrap()
            });
        let web_policy = mock!(Client::get_policy)
            .match_requests(|r| r.function_name() == Some("arn:aws:lambda:us-east-1:123456789012:function:web"))
            .then_output(|| {
                GetPolicyOutput::builder()
                    .policy(r#"{"Statement":[{"Effect":"Allow","Principal":"*","Action":"lambda:InvokeFunctionUrl"}]}"#)
                    .build()
            });
        let job_policy = mock!(Client::get_policy)
            .match_requests(|r| r.function_name() == Some("arn:aws:lambda:us-east-1:123456789012:function:job"))
            .then_error(|| GetPolicyError::generic(ErrorMetadata::builder().code("ResourceNotFoundException").build()));
        let signing = unsigned();
        let (unit, part) = run(&[&list, &web_urls, &job_urls, &web_policy, &job_policy, &signing]).await;

        assert!(unit.take_gaps().is_empty());
        let [web, job] = &part.lambda.functions[..] else { panic!("{:?}", part.lambda.functions) };
        assert_eq!((web.name.as_str(), web.runtime.as_deref()), ("web", Some("nodejs22.x")));
        assert_eq!(job.runtime.as_deref(), Some("python3.9"));
        assert_eq!(web.package_type, Some(PackageType::Zip));
        let urls = web.urls.as_ref().unwrap();
        assert_eq!(urls.len(), 2);
        assert_eq!((urls[0].qualifier.as_deref(), urls[0].auth_type), (None, UrlAuthType::AwsIam));
        assert_eq!((urls[1].qualifier.as_deref(), urls[1].auth_type), (Some("live"), UrlAuthType::None));
        assert_eq!(job.urls.as_deref(), Some(&[][..]));
        assert!(matches!(&web.policy, Some(Setting::Configured(p)) if p["Statement"][0]["Principal"] == "*"));
        assert_eq!(job.policy, Some(Setting::NotConfigured), "no policy is data, not a gap");
        assert_eq!(web.code_signing_config, Some(Setting::NotConfigured), "an empty ARN is no configuration");
        // Two reads per function, one list for the region.
        let calls = unit.shared.calls.rows();
        let count = |op: &str| calls.iter().find(|c| c.operation == op).map_or(0, |c| c.count);
        assert_eq!((count("ListFunctions"), count("GetPolicy"), count("ListFunctionUrlConfigs")), (1, 2, 2));
        // Neither the name nor the value of an environment variable survives.
        let snapshot = serde_json::to_string(&part).unwrap();
        assert!(!snapshot.contains("hunter2") && !snapshot.contains("DB_PASSWORD"), "{snapshot}");
    }

    #[tokio::test]
    async fn a_denied_url_listing_is_unknown_not_empty() {
        let list = mock!(Client::list_functions)
            .then_output(|| ListFunctionsOutput::builder().functions(listed("web", Runtime::Nodejs22x)).build());
        let denied = mock!(Client::list_function_url_configs).then_error(|| {
            aws_sdk_lambda::operation::list_function_url_configs::ListFunctionUrlConfigsError::generic(
                ErrorMetadata::builder().code("AccessDeniedException").build(),
            )
        });
        let policy = mock!(Client::get_policy)
            .then_error(|| GetPolicyError::generic(ErrorMetadata::builder().code("ResourceNotFoundException").build()));
        let signing = unsigned();
        let (unit, part) = run(&[&list, &denied, &policy, &signing]).await;
        assert_eq!(part.lambda.functions[0].urls, None);
        let gaps = unit.take_gaps();
        assert_eq!(gaps.len(), 1, "{gaps:?}");
        assert_eq!((gaps[0].operation.as_str(), gaps[0].kind), ("ListFunctionUrlConfigs", GapKind::AccessDenied));
        assert_eq!(gaps[0].resource.as_deref(), Some("arn:aws:lambda:us-east-1:123456789012:function:web"));
    }

    #[test]
    fn qualifiers_come_from_the_url_function_arn() {
        let f = "arn:aws:lambda:us-east-1:123456789012:function:web";
        assert_eq!(qualifier(&format!("{f}:live"), f), Some("live".into()));
        assert_eq!(qualifier(f, f), None);
        assert_eq!(qualifier("arn:aws:lambda:us-east-1:123456789012:function:other", f), None);
    }
}
