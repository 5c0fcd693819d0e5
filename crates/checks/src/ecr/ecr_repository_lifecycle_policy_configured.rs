use crate::{declare_check, evidence};
use wasp_model::{Inventory, Setting};

declare_check! {
    /// ### What it checks
    /// Every private ECR repository has a lifecycle policy (any rule). A repository without
    /// one fails; SKIP when the lifecycle policy could not be read.
    ///
    /// ### Why it matters
    /// Without a lifecycle policy every image ever pushed stays pullable: old, unpatched
    /// images remain one tag away from being deployed again, and scanners keep reporting
    /// them.
    ///
    /// ### How to fix
    /// `aws ecr put-lifecycle-policy --repository-name <name> --lifecycle-policy-text
    /// file://policy.json` with rules that expire untagged images and keep only the last N
    /// releases.
    EcrRepositoryLifecyclePolicyConfigured {
        id: "ecr_repository_lifecycle_policy_configured",
        title: "ECR repositories have a lifecycle policy",
        severity: Low,
        service: Ecr,
        resource_kind: "ecr_repository",
        best_practices: ["SEC06-BP02"],
        prowler: ["ecr_repositories_lifecycle_policy_enabled"],
        security_hub: ["ECR.3"],
        config_rule: ["ECR_PRIVATE_LIFECYCLE_POLICY_CONFIGURED"],
        cis: [],
        reads: { Ecr: [DescribeRepositories, GetLifecyclePolicy] },
        remediation: "Add a lifecycle policy that expires untagged and superseded images.",
    }
}

impl EcrRepositoryLifecyclePolicyConfigured {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for repo in &inv.ecr.repositories {
            match &repo.lifecycle_policy {
                Some(Setting::Configured(_)) => out.pass(repo, "a lifecycle policy is set"),
                Some(Setting::NotConfigured) => out.fail(repo, "the repository has no lifecycle policy"),
                None => out.skip(repo, evidence::unknown_for_resource(inv, &repo.arn, "the lifecycle policy")),
            }
        }
    }
}
