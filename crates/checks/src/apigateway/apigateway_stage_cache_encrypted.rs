use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Every stage of every REST API that has a cache cluster enabled encrypts its cached data
    /// (the `*/*` method setting `cacheDataEncrypted`). Stages without a cache are not judged.
    /// SKIP for an API whose stages could not be read.
    ///
    /// ### Why it matters
    /// The cache holds whole responses, often personal data or tokens, for their time to live;
    /// unencrypted, they sit in the clear on the cache cluster's storage.
    ///
    /// ### How to fix
    /// `aws apigateway update-stage --patch-operations
    /// op=replace,path=/*/*/caching/dataEncrypted,value=true`.
    ApigatewayStageCacheEncrypted {
        id: "apigateway_stage_cache_encrypted",
        title: "REST API stage caches are encrypted",
        severity: Medium,
        service: ApiGateway,
        resource_kind: "apigateway_stage",
        best_practices: ["SEC08-BP02"],
        prowler: ["apigateway_restapi_cache_encrypted"],
        security_hub: ["APIGateway.5"],
        config_rule: [],
        cis: [],
        reads: { ApiGateway: [GetRestApis, GetStages] },
        remediation: "Encrypt the stage's cache data.",
    }
}

impl ApigatewayStageCacheEncrypted {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for stage in super::rest_stages(inv, out) {
            if stage.cache_cluster_enabled != Some(true) {
                continue;
            }
            match stage.cache_data_encrypted {
                Some(true) => out.pass(stage, "cached responses are encrypted"),
                _ => out.fail(stage, "the stage cache holds responses unencrypted"),
            }
        }
    }
}
