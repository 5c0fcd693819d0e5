use crate::resource_policy::{judge, report_public, trusted};
use crate::{declare_check, evidence};
use wasp_model::{Inventory, Setting};

declare_check! {
    /// ### What it checks
    /// No REST API's resource policy lets anyone, or any AWS account, call it without a
    /// condition that restricts the caller, judged with wasp's policy engine (the simulation
    /// of `s3_bucket_policy_no_untrusted_access`): an `execute-api:Invoke` for `"*"` passes
    /// when a deny or condition pins the caller's VPC endpoint (`aws:SourceVpce`), VPC,
    /// account or organization, and passes with the condition named when only a source IP
    /// range may restrict it; keys the caller chooses (`aws:UserAgent`, `aws:Referer`,
    /// `aws:SecureTransport`) restrict nothing. For a private API this is what keeps other
    /// accounts' VPC endpoints out. An API without a resource policy passes here: who may
    /// call it is then up to its methods' authorization (`apigateway_rest_methods_authorized`)
    /// and its endpoint type. SKIP when the APIs could not be listed or the policy parsed.
    ///
    /// ### Why it matters
    /// A resource policy is where an API is limited to a network, a VPC endpoint or an
    /// organization; one that grants everyone leaves only the methods' own authorization
    /// between the internet (or any account's VPC, for a private API) and the backend.
    ///
    /// ### How to fix
    /// Allow `execute-api:Invoke` only to the accounts or roles that call the API, or deny it
    /// unless `aws:SourceVpce` (private APIs) or `aws:SourceIp` matches, with `aws apigateway
    /// update-rest-api --patch-operations op=replace,path=/policy,value=<document>`, then
    /// redeploy the stages.
    ApigatewayRestApiPolicyNotPublic {
        id: "apigateway_rest_api_policy_not_public",
        title: "REST API resource policies do not grant access to everyone",
        severity: High,
        service: ApiGateway,
        resource_kind: "apigateway_rest_api",
        best_practices: ["SEC03-BP07", "SEC05-BP01"],
        prowler: [],
        security_hub: [],
        config_rule: [],
        cis: [],
        reads: { ApiGateway: [GetRestApis] },
        remediation: "Restrict the REST API's resource policy to the callers, networks or VPC endpoints that need it.",
    }
}

impl ApigatewayRestApiPolicyNotPublic {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        let trusted = trusted(inv, out.settings());
        for api in &inv.apigateway.rest_apis {
            if matches!(api.policy, Some(Setting::NotConfigured)) {
                out.pass(api, "the API has no resource policy (its methods' authorization decides who may call it)");
                continue;
            }
            // Policies name the API's execute-api ARNs, not the management ARN it is listed by.
            let invoke = format!("arn:{}:execute-api:{}:{}:{}/*", inv.partition, api.region, inv.account_id, api.id);
            report_public(out, api, judge(inv, &trusted, &invoke, api.policy.as_ref()), || {
                evidence::unknown_for_resource(inv, &api.arn, "the API's resource policy")
            });
        }
    }
}
