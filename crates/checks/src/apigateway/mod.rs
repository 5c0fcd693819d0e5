//! API Gateway checks: REST APIs (v1) and HTTP/WebSocket APIs (v2).
mod apigateway_rest_api_policy_not_public;
mod apigateway_rest_methods_authorized;
mod apigateway_stage_access_logging;
mod apigateway_stage_cache_encrypted;
mod apigateway_stage_client_certificate;
mod apigateway_stage_execution_logging;
mod apigateway_stage_waf_attached;
mod apigateway_stage_xray_tracing;
mod apigatewayv2_route_authorization;
mod apigatewayv2_stage_access_logging;

pub use apigateway_rest_api_policy_not_public::ApigatewayRestApiPolicyNotPublic;
pub use apigateway_rest_methods_authorized::ApigatewayRestMethodsAuthorized;
pub use apigateway_stage_access_logging::ApigatewayStageAccessLogging;
pub use apigateway_stage_cache_encrypted::ApigatewayStageCacheEncrypted;
pub use apigateway_stage_client_certificate::ApigatewayStageClientCertificate;
pub use apigateway_stage_execution_logging::ApigatewayStageExecutionLogging;
pub use apigateway_stage_waf_attached::ApigatewayStageWafAttached;
pub use apigateway_stage_xray_tracing::ApigatewayStageXrayTracing;
pub use apigatewayv2_route_authorization::Apigatewayv2RouteAuthorization;
pub use apigatewayv2_stage_access_logging::Apigatewayv2StageAccessLogging;

use wasp_model::apigateway::RestStage;
use wasp_model::Inventory;

/// Every stage of every REST API; an API whose stages could not be read is a SKIP.
pub(crate) fn rest_stages<'a>(inv: &'a Inventory, out: &mut crate::Findings<'_>) -> Vec<&'a RestStage> {
    let mut stages = Vec::new();
    for api in &inv.apigateway.rest_apis {
        match &api.stages {
            Some(list) => stages.extend(list),
            None => out.skip(api, crate::evidence::unknown_for_resource(inv, &api.arn, "the API's stages")),
        }
    }
    stages
}
