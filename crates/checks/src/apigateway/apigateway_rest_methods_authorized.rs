use crate::{declare_check, evidence};
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Every method of every resource of a REST API has an authorization type other than
    /// `NONE`: `AWS_IAM`, `CUSTOM` (a Lambda authorizer) or `COGNITO_USER_POOLS`. `OPTIONS`
    /// methods (CORS preflight) are not judged; an API key alone is not authentication and
    /// does not count. An API without methods passes. SKIP when the resources could not be
    /// read (`GetResources`).
    ///
    /// ### Why it matters
    /// A method without authorization runs its integration for anyone who can reach the API;
    /// the backend then has to tell callers apart itself, and usually does not.
    ///
    /// ### How to fix
    /// Attach an IAM, Cognito or Lambda authorizer to each method (`aws apigateway
    /// update-method ... op=replace,path=/authorizationType,value=AWS_IAM`) and redeploy the
    /// stage; for deliberately public methods, document the exception.
    ApigatewayRestMethodsAuthorized {
        id: "apigateway_rest_methods_authorized",
        title: "REST API methods require authorization",
        severity: Medium,
        service: ApiGateway,
        resource_kind: "apigateway_rest_api",
        best_practices: ["SEC09-BP03", "SEC03-BP02"],
        prowler: ["apigateway_restapi_authorizers_enabled"],
        security_hub: [],
        config_rule: [],
        cis: [],
        reads: { ApiGateway: [GetRestApis, GetResources] },
        remediation: "Give every method an IAM, Cognito or Lambda authorizer.",
    }
}

impl ApigatewayRestMethodsAuthorized {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for api in &inv.apigateway.rest_apis {
            let Some(methods) = &api.methods else {
                out.skip(api, evidence::unknown_for_resource(inv, &api.arn, "the API's methods"));
                continue;
            };
            let judged: Vec<_> = methods.iter().filter(|m| m.http_method != "OPTIONS").collect();
            let open: Vec<String> = judged
                .iter()
                .filter(|m| m.authorization_type.eq_ignore_ascii_case("NONE"))
                .map(|m| format!("{} {}", m.http_method, m.path))
                .collect();
            if open.is_empty() {
                out.pass(api, format!("all {} method(s) require authorization", judged.len()));
            } else {
                out.fail(api, format!("method(s) without authorization: {}", open.join(", ")));
            }
        }
    }
}
