//! API Gateway of one region. REST APIs: one paginated `GetRestApis` (which carries each
//! API's resource policy), then per API its stages (`GetStages`, one call) and its resources
//! with their methods (`GetResources` with `embed=methods`, paginated). HTTP and WebSocket
//! APIs: `GetApis`, then per API `GetStages` and `GetRoutes`. Stage variables are never kept:
//! they may hold secrets.
use crate::unit::{client, Unit};
use futures::StreamExt;
use wasp_model::apigateway::{Api, ApiStage, Method, RestApi, RestStage, Route};
use wasp_model::Inventory;

/// Items per page (the most API Gateway allows).
const PAGE: i32 = 500;

/// The method setting that applies to every method of a stage.
const ALL_METHODS: &str = "*/*";

pub(crate) async fn collect(unit: &Unit, part: &mut Inventory) {
    let v1 = client!(aws_sdk_apigateway, unit);
    let v2 = client!(aws_sdk_apigatewayv2, unit);
    let (rest_apis, apis) = futures::join!(rest_apis(unit, &v1), apis(unit, &v2));
    part.apigateway.rest_apis = rest_apis;
    part.apigateway.apis = apis;
}

/// `arn:<partition>:apigateway:<region>::<path>`: API Gateway ARNs name no account.
fn arn(unit: &Unit, path: &str) -> String {
    format!("arn:{}:apigateway:{}::{path}", unit.shared.partition, unit.region)
}

async fn rest_apis(unit: &Unit, client: &aws_sdk_apigateway::Client) -> Vec<RestApi> {
    let mut listed = Vec::new();
    let mut pages = client.get_rest_apis().limit(PAGE).into_paginator().send();
    while let Some(page) = pages.next().await {
        let Some(page) = unit.read("GetRestApis", page).ok() else { break };
        for api in page.items() {
            let Some(id) = api.id() else { continue };
            let arn = arn(unit, &format!("/restapis/{id}"));
            listed.push(RestApi {
                policy: rest_api_policy(unit, &arn, api.policy()),
                arn,
                id: id.to_owned(),
                name: api.name().unwrap_or_default().to_owned(),
                region: unit.region.clone(),
                endpoint_types: api
                    .endpoint_configuration()
                    .map(|e| e.types().iter().map(|t| t.as_str().to_owned()).collect())
                    .unwrap_or_default(),
                ..RestApi::default()
            });
        }
    }
    futures::stream::iter(listed)
        .map(|api| async move {
            let (stages, methods) = futures::join!(rest_stages(unit, client, &api), methods(unit, client, &api));
            RestApi { stages, methods, ..api }
        })
        .buffered(unit.inner_concurrency())
        .collect()
        .await
}

/// A REST API's resource policy. API Gateway returns the document with its quotes (and
/// slashes) escaped, as the inside of a JSON string; plain JSON is accepted too.
fn rest_api_policy(unit: &Unit, arn: &str, text: Option<&str>) -> Option<wasp_model::Setting<serde_json::Value>> {
    let text = text.map(|t| {
        if serde_json::from_str::<serde_json::Value>(t).is_ok() {
            return t.to_owned();
        }
        serde_json::from_str::<String>(&format!("\"{t}\"")).unwrap_or_else(|_| t.to_owned())
    });
    super::policy_document(unit, "GetRestApis", arn, text.as_deref())
}

async fn rest_stages(unit: &Unit, client: &aws_sdk_apigateway::Client, api: &RestApi) -> Option<Vec<RestStage>> {
    let answer = client.get_stages().rest_api_id(&api.id).send().await;
    let out = unit.read_for("GetStages", &api.arn, answer).ok()?;
    Some(
        out.item()
            .iter()
            .filter_map(|s| {
                let name = s.stage_name()?;
                let all = s.method_settings().and_then(|m| m.get(ALL_METHODS));
                Some(RestStage {
                    arn: format!("{}/stages/{name}", api.arn),
                    name: name.to_owned(),
                    region: unit.region.clone(),
                    access_log_destination: s
                        .access_log_settings()
                        .and_then(|a| a.destination_arn())
                        .filter(|d| !d.is_empty())
                        .map(str::to_owned),
                    logging_level: all.and_then(|m| m.logging_level()).map(str::to_owned),
                    tracing_enabled: Some(s.tracing_enabled()),
                    web_acl_arn: s.web_acl_arn().filter(|a| !a.is_empty()).map(str::to_owned),
                    client_certificate_id: s.client_certificate_id().filter(|c| !c.is_empty()).map(str::to_owned),
                    cache_cluster_enabled: Some(s.cache_cluster_enabled()),
                    cache_data_encrypted: Some(all.is_some_and(|m| m.cache_data_encrypted())),
                    location: None,
                })
            })
            .collect(),
    )
}

/// Every method of every resource, or `None` when any page failed.
async fn methods(unit: &Unit, client: &aws_sdk_apigateway::Client, api: &RestApi) -> Option<Vec<Method>> {
    let mut methods = Vec::new();
    let mut pages = client.get_resources().rest_api_id(&api.id).embed("methods").limit(PAGE).into_paginator().send();
    while let Some(page) = pages.next().await {
        let page = unit.read_for("GetResources", &api.arn, page).ok()?;
        for resource in page.items() {
            let path = resource.path().unwrap_or("/");
            for (verb, method) in resource.resource_methods().into_iter().flatten() {
                methods.push(Method {
                    path: path.to_owned(),
                    http_method: method.http_method().unwrap_or(verb).to_owned(),
                    authorization_type: method.authorization_type().unwrap_or("NONE").to_owned(),
                    api_key_required: method.api_key_required(),
                });
            }
        }
    }
    methods.sort_by(|a, b| (&a.path, &a.http_method).cmp(&(&b.path, &b.http_method)));
    Some(methods)
}

async fn apis(unit: &Unit, client: &aws_sdk_apigatewayv2::Client) -> Vec<Api> {
    let mut listed = Vec::new();
    let mut token: Option<String> = None;
    loop {
        let answer = client.get_apis().max_results(PAGE.to_string()).set_next_token(token.take()).send().await;
        let Some(page) = unit.read("GetApis", answer).ok() else { break };
        for api in page.items() {
            let Some(id) = api.api_id() else { continue };
            listed.push(Api {
                arn: arn(unit, &format!("/apis/{id}")),
                id: id.to_owned(),
                name: api.name().unwrap_or_default().to_owned(),
                region: unit.region.clone(),
                protocol_type: api.protocol_type().map(|p| p.as_str().to_owned()).unwrap_or_default(),
                ..Api::default()
            });
        }
        match page.next_token().filter(|t| !t.is_empty()) {
            Some(next) => token = Some(next.to_owned()),
            None => break,
        }
    }
    futures::stream::iter(listed)
        .map(|api| async move {
            let (stages, routes) = futures::join!(api_stages(unit, client, &api), routes(unit, client, &api));
            Api { stages, routes, ..api }
        })
        .buffered(unit.inner_concurrency())
        .collect()
        .await
}

async fn api_stages(unit: &Unit, client: &aws_sdk_apigatewayv2::Client, api: &Api) -> Option<Vec<ApiStage>> {
    let mut stages = Vec::new();
    let mut token: Option<String> = None;
    loop {
        let answer =
            client.get_stages().api_id(&api.id).max_results(PAGE.to_string()).set_next_token(token.take()).send().await;
        let page = unit.read_for("GetStages", &api.arn, answer).ok()?;
        for s in page.items() {
            let Some(name) = s.stage_name() else { continue };
            stages.push(ApiStage {
                arn: format!("{}/stages/{name}", api.arn),
                name: name.to_owned(),
                region: unit.region.clone(),
                access_log_destination: s
                    .access_log_settings()
                    .and_then(|a| a.destination_arn())
                    .filter(|d| !d.is_empty())
                    .map(str::to_owned),
                location: None,
            });
        }
        match page.next_token().filter(|t| !t.is_empty()) {
            Some(next) => token = Some(next.to_owned()),
            None => return Some(stages),
        }
    }
}

async fn routes(unit: &Unit, client: &aws_sdk_apigatewayv2::Client, api: &Api) -> Option<Vec<Route>> {
    let mut routes = Vec::new();
    let mut token: Option<String> = None;
    loop {
        let answer =
            client.get_routes().api_id(&api.id).max_results(PAGE.to_string()).set_next_token(token.take()).send().await;
        let page = unit.read_for("GetRoutes", &api.arn, answer).ok()?;
        routes.extend(page.items().iter().map(|r| Route {
            key: r.route_key().unwrap_or_default().to_owned(),
            authorization_type: r.authorization_type().map_or("NONE", |a| a.as_str()).to_owned(),
        }));
        match page.next_token().filter(|t| !t.is_empty()) {
            Some(next) => token = Some(next.to_owned()),
            None => return Some(routes),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::setup::Shared;
    use std::sync::Arc;
    use wasp_model::{Service, Setting};

    #[test]
    fn rest_api_policies_are_read_escaped_or_plain() {
        let unit = Unit::new(Arc::new(Shared::for_tests(&["us-east-1"])), Service::ApiGateway, "us-east-1".into());
        let arn = "arn:aws:apigateway:us-east-1::/restapis/a1";
        let escaped = r#"{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"execute-api:Invoke\",\"Resource\":\"arn:aws:execute-api:us-east-1:123456789012:a1\/*\"}]}"#;
        let Some(Setting::Configured(doc)) = rest_api_policy(&unit, arn, Some(escaped)) else { panic!("not read") };
        assert_eq!(doc["Statement"][0]["Resource"], "arn:aws:execute-api:us-east-1:123456789012:a1/*");
        let plain = r#"{"Statement":[{"Effect":"Deny","Principal":"*","Action":"*"}]}"#;
        assert!(matches!(rest_api_policy(&unit, arn, Some(plain)), Some(Setting::Configured(_))));
        assert_eq!(rest_api_policy(&unit, arn, None), Some(Setting::NotConfigured));
        // Not JSON either way: a gap about the API, never "no policy".
        assert_eq!(rest_api_policy(&unit, arn, Some("{\"Statement")), None);
        assert_eq!(unit.take_gaps()[0].resource.as_deref(), Some(arn));
    }
}
