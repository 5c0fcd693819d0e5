use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Every stage of every REST API has access logging configured (an
    /// `accessLogSettings.destinationArn`, a CloudWatch Logs group or Firehose stream). SKIP for
    /// an API whose stages could not be read.
    ///
    /// ### Why it matters
    /// Access logs record who called which method, from where, with which identity and result:
    /// the trail for investigating abuse of the API, which execution logs (debugging output) do
    /// not replace.
    ///
    /// ### How to fix
    /// Create a log group, give API Gateway its CloudWatch role in the account settings, and set
    /// the stage's access log destination and format (`aws apigateway update-stage
    /// --patch-operations op=replace,path=/accessLogSettings/destinationArn,value=<arn>`).
    ApigatewayStageAccessLogging {
        id: "apigateway_stage_access_logging",
        title: "REST API stages write access logs",
        severity: Medium,
        service: ApiGateway,
        resource_kind: "apigateway_stage",
        best_practices: ["SEC04-BP01"],
        prowler: [],
        security_hub: [],
        config_rule: [],
        cis: [],
        reads: { ApiGateway: [GetRestApis, GetStages] },
        remediation: "Configure an access log destination for the stage.",
    }
}

impl ApigatewayStageAccessLogging {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for stage in super::rest_stages(inv, out) {
            match stage.access_log_destination.as_deref().filter(|d| !d.is_empty()) {
                Some(to) => out.pass(stage, format!("access logs go to {to}")),
                None => out.fail(stage, "no access log destination"),
            }
        }
    }
}
