use crate::{declare_check, evidence, Status};
use wasp_model::{Inventory, Service};

declare_check! {
    /// ### What it checks
    /// A signal, account-wide: ECR pull-through cache rules exist in at least one scanned
    /// region, so public images (Docker Hub, ECR Public, Quay, GitHub, Kubernetes registry …)
    /// are pulled through a registry you control. PASS names the upstream registries; FAIL
    /// when every region was read and none has a rule; SKIP when none was found but some
    /// region could not be read.
    ///
    /// ### Why it matters
    /// Pulling base images straight from public registries at build or deploy time lets an
    /// upstream change or outage reach production unseen. A pull-through cache keeps a
    /// scanned, access-controlled copy and is one sign that packages and images are
    /// centralised.
    ///
    /// ### How to fix
    /// `aws ecr create-pull-through-cache-rule --ecr-repository-prefix docker-hub
    /// --upstream-registry-url registry-1.docker.io --credential-arn <secret>`, and point
    /// builds at the cached prefix.
    EcrPullThroughCacheInUse {
        id: "ecr_pull_through_cache_in_use",
        title: "Signal: public images are pulled through ECR pull-through caches",
        severity: Informational,
        kind: Signal,
        service: Ecr,
        resource_kind: "account",
        best_practices: ["SEC11-BP05"],
        prowler: [],
        security_hub: [],
        config_rule: [],
        cis: [],
        reads: { Ecr: [DescribePullThroughCacheRules] },
        remediation: "Create pull-through cache rules for the public registries your builds use.",
    }
}

impl EcrPullThroughCacheInUse {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        let mut upstreams: Vec<&str> = inv
            .ecr
            .pull_through_cache_rules
            .values()
            .flatten()
            .map(|r| r.upstream_url.as_deref().unwrap_or(r.prefix.as_str()))
            .collect();
        upstreams.sort_unstable();
        upstreams.dedup();
        let unread = evidence::scanned_regions(inv).find(|r| !inv.ecr.pull_through_cache_rules.contains_key(*r));
        match (upstreams.is_empty(), unread) {
            (false, _) => out.account(Status::Pass, format!("pull-through caches for {}", upstreams.join(", "))),
            (true, None) => out.account(Status::Fail, "no pull-through cache rule in any scanned region"),
            (true, Some(region)) => out.account(
                Status::Skip,
                evidence::unknown_because(inv, Service::Ecr, region, "pull-through cache rules"),
            ),
        }
    }
}
