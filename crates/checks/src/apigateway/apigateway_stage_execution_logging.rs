use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Every stage of every REST API has execution logging on for all its methods (the `*/*`
    /// method setting `loggingLevel` is `ERROR` or `INFO`); `OFF` or no setting fails. Per-method
    /// overrides are not read, and WebSocket stages are not judged here. SKIP for an API whose
    /// stages could not be read.
    ///
    /// ### Why it matters
    /// Execution logs show authorizer decisions, throttling, integration errors and request
    /// validation failures: how an attack on the API looks from inside API Gateway.
    ///
    /// ### How to fix
    /// Set the stage's logging level for all methods to `ERROR` (or `INFO`): `aws apigateway
    /// update-stage --patch-operations op=replace,path=/*/*/logging/loglevel,value=ERROR`.
    ApigatewayStageExecutionLogging {
        id: "apigateway_stage_execution_logging",
        title: "REST API stages have execution logging on",
        severity: Medium,
        service: ApiGateway,
        resource_kind: "apigateway_stage",
        best_practices: ["SEC04-BP01"],
        prowler: ["apigateway_restapi_logging_enabled"],
        security_hub: ["APIGateway.1"],
        config_rule: ["API_GW_EXECUTION_LOGGING_ENABLED"],
        cis: [],
        reads: { ApiGateway: [GetRestApis, GetStages] },
        remediation: "Turn on execution logging (ERROR or INFO) for all methods of the stage.",
    }
}

impl ApigatewayStageExecutionLogging {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for stage in super::rest_stages(inv, out) {
            match stage.logging_level.as_deref() {
                Some(level @ ("ERROR" | "INFO")) => out.pass(stage, format!("execution logging level {level}")),
                Some(level) => out.fail(stage, format!("execution logging level {level}")),
                None => out.fail(stage, "execution logging is not set for all methods"),
            }
        }
    }
}
