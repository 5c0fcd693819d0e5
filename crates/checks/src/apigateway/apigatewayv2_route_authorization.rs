use crate::{declare_check, evidence};
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Every route of every HTTP API has an authorization type other than `NONE` (`AWS_IAM`,
    /// `JWT` or `CUSTOM`); for WebSocket APIs, where only the `$connect` route can carry
    /// authorization, the `$connect` route is judged. An API without such routes passes.
    /// SKIP when the routes could not be read.
    ///
    /// ### Why it matters
    /// A route without authorization runs its integration for anyone who can reach the API
    /// endpoint, which for HTTP APIs is always the internet.
    ///
    /// ### How to fix
    /// Attach a JWT, Lambda or IAM authorizer to each route (`aws apigatewayv2 update-route
    /// --authorization-type JWT --authorizer-id <id>`), or document deliberately public routes.
    Apigatewayv2RouteAuthorization {
        id: "apigatewayv2_route_authorization",
        title: "HTTP and WebSocket API routes require authorization",
        severity: Medium,
        service: ApiGateway,
        resource_kind: "apigatewayv2_api",
        best_practices: ["SEC09-BP03", "SEC03-BP02"],
        prowler: ["apigatewayv2_api_authorizers_enabled"],
        security_hub: ["APIGateway.8"],
        config_rule: ["API_GWV2_AUTHORIZATION_TYPE_CONFIGURED"],
        cis: [],
        reads: { ApiGateway: [GetApis, GetRoutes] },
        remediation: "Give every route (or the WebSocket $connect route) an authorizer.",
    }
}

impl Apigatewayv2RouteAuthorization {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for api in &inv.apigateway.apis {
            let Some(routes) = &api.routes else {
                out.skip(api, evidence::unknown_for_resource(inv, &api.arn, "the API's routes"));
                continue;
            };
            let websocket = api.protocol_type.eq_ignore_ascii_case("WEBSOCKET");
            let judged: Vec<_> = routes.iter().filter(|r| !websocket || r.key == "$connect").collect();
            let open: Vec<&str> = judged
                .iter()
                .filter(|r| r.authorization_type.eq_ignore_ascii_case("NONE"))
                .map(|r| r.key.as_str())
                .collect();
            if open.is_empty() {
                out.pass(api, format!("{} route(s) judged, all require authorization", judged.len()));
            } else {
                out.fail(api, format!("route(s) without authorization: {}", open.join(", ")));
            }
        }
    }
}
