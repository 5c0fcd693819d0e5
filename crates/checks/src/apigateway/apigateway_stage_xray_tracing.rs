use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Every stage of every REST API has X-Ray tracing enabled (`tracingEnabled`); a stage that
    /// does not report the setting has it off. SKIP for an API whose stages could not be read.
    ///
    /// ### Why it matters
    /// Traces follow a request from API Gateway through Lambda and the services behind it, which
    /// is what an investigation needs to see how far a malicious request went.
    ///
    /// ### How to fix
    /// `aws apigateway update-stage --patch-operations op=replace,path=/tracingEnabled,value=true`.
    ApigatewayStageXrayTracing {
        id: "apigateway_stage_xray_tracing",
        title: "REST API stages trace requests with X-Ray",
        severity: Low,
        service: ApiGateway,
        resource_kind: "apigateway_stage",
        best_practices: ["SEC04-BP01"],
        prowler: ["apigateway_restapi_tracing_enabled"],
        security_hub: ["APIGateway.3"],
        config_rule: ["API_GW_XRAY_ENABLED"],
        cis: [],
        reads: { ApiGateway: [GetRestApis, GetStages] },
        remediation: "Turn on X-Ray tracing for the stage.",
    }
}

impl ApigatewayStageXrayTracing {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for stage in super::rest_stages(inv, out) {
            match stage.tracing_enabled {
                Some(true) => out.pass(stage, "X-Ray tracing is active"),
                _ => out.fail(stage, "X-Ray tracing is off"),
            }
        }
    }
}
