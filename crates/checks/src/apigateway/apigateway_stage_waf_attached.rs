use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Every stage of every REST API has a WAFv2 web ACL associated (the stage's `webAclArn`).
    /// An API protected only by a web ACL on a CloudFront distribution of your own in front of it
    /// fails. SKIP for an API whose stages could not be read.
    ///
    /// ### Why it matters
    /// Without a web ACL, injection attempts, bad bots and request floods reach the API's
    /// integrations uninspected.
    ///
    /// ### How to fix
    /// Create a regional web ACL with managed rule groups and a rate-based rule, then `aws wafv2
    /// associate-web-acl --web-acl-arn <acl> --resource-arn
    /// arn:aws:apigateway:<region>::/restapis/<id>/stages/<stage>`.
    ApigatewayStageWafAttached {
        id: "apigateway_stage_waf_attached",
        title: "REST API stages are protected by a WAF web ACL",
        severity: Medium,
        service: ApiGateway,
        resource_kind: "apigateway_stage",
        best_practices: ["SEC05-BP03"],
        prowler: ["apigateway_restapi_waf_acl_attached"],
        security_hub: ["APIGateway.4"],
        config_rule: ["API_GW_ASSOCIATED_WITH_WAF"],
        cis: [],
        reads: { ApiGateway: [GetRestApis, GetStages] },
        remediation: "Associate a regional WAF web ACL with the stage.",
    }
}

impl ApigatewayStageWafAttached {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for stage in super::rest_stages(inv, out) {
            match stage.web_acl_arn.as_deref().filter(|a| !a.is_empty()) {
                Some(acl) => out.pass(stage, format!("web ACL {acl}")),
                None => out.fail(stage, "no WAF web ACL is associated"),
            }
        }
    }
}
