use crate::{declare_check, evidence};
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Every stage of every HTTP and WebSocket API has access logging configured
    /// (`AccessLogSettings.DestinationArn`). SKIP for an API whose stages could not be read.
    ///
    /// ### Why it matters
    /// Access logs record who called which route, from where, with which identity and
    /// result: the trail for investigating abuse of the API.
    ///
    /// ### How to fix
    /// `aws apigatewayv2 update-stage --api-id <id> --stage-name <stage> --access-log-settings
    /// DestinationArn=<log group arn>,Format=<format>`.
    Apigatewayv2StageAccessLogging {
        id: "apigatewayv2_stage_access_logging",
        title: "HTTP and WebSocket API stages write access logs",
        severity: Medium,
        service: ApiGateway,
        resource_kind: "apigatewayv2_stage",
        best_practices: ["SEC04-BP01"],
        prowler: ["apigatewayv2_api_access_logging_enabled"],
        security_hub: ["APIGateway.9"],
        config_rule: ["API_GWV2_ACCESS_LOGS_ENABLED"],
        cis: [],
        reads: { ApiGateway: [GetApis, GetStages] },
        remediation: "Configure an access log destination for the stage.",
    }
}

impl Apigatewayv2StageAccessLogging {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for api in &inv.apigateway.apis {
            let Some(stages) = &api.stages else {
                out.skip(api, evidence::unknown_for_resource(inv, &api.arn, "the API's stages"));
                continue;
            };
            for stage in stages {
                match stage.access_log_destination.as_deref().filter(|d| !d.is_empty()) {
                    Some(to) => out.pass(stage, format!("access logs go to {to}")),
                    None => out.fail(stage, "no access log destination"),
                }
            }
        }
    }
}
