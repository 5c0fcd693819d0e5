use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Every stage of every REST API has a client certificate (`clientCertificateId`), which API
    /// Gateway presents to HTTP backends so they can verify that requests come from it. Stages
    /// whose integrations are all Lambda or AWS services gain nothing from it but are judged the
    /// same (integrations are not read). SKIP for an API whose stages could not be read.
    ///
    /// ### Why it matters
    /// A backend reachable on the internet cannot otherwise tell API Gateway's requests from
    /// anyone else's, so callers can go around the API's authorizers, throttling and WAF.
    ///
    /// ### How to fix
    /// `aws apigateway generate-client-certificate`, attach it to the stage
    /// (`op=replace,path=/clientCertificateId`) and configure the backend to require it.
    ApigatewayStageClientCertificate {
        id: "apigateway_stage_client_certificate",
        title: "REST API stages present a client certificate to backends",
        severity: Low,
        service: ApiGateway,
        resource_kind: "apigateway_stage",
        best_practices: ["SEC09-BP03"],
        prowler: ["apigateway_restapi_client_certificate_enabled"],
        security_hub: ["APIGateway.2"],
        config_rule: ["API_GW_SSL_ENABLED"],
        cis: [],
        reads: { ApiGateway: [GetRestApis, GetStages] },
        remediation: "Attach a client certificate to the stage and verify it in the backend.",
    }
}

impl ApigatewayStageClientCertificate {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for stage in super::rest_stages(inv, out) {
            match stage.client_certificate_id.as_deref().filter(|c| !c.is_empty()) {
                Some(id) => out.pass(stage, format!("client certificate {id}")),
                None => out.fail(stage, "no client certificate for backend authentication"),
            }
        }
    }
}
