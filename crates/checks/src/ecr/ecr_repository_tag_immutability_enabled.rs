use crate::declare_check;
use wasp_model::ecr::TagMutability;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Every private ECR repository has image tag mutability `IMMUTABLE` (or
    /// `IMMUTABLE_WITH_EXCLUSION`, where only tags matching the exclusion filters may be
    /// overwritten). `MUTABLE` and `MUTABLE_WITH_EXCLUSION` fail. SKIP when AWS did not report
    /// the setting.
    ///
    /// ### Why it matters
    /// With mutable tags, whoever can push may replace the image behind `v1.4.2` or `prod`
    /// and every deployment that pulls the tag runs it. Immutable tags make the tag a stable
    /// name for one digest that can be validated and signed.
    ///
    /// ### How to fix
    /// `aws ecr put-image-tag-mutability --repository-name <name> --image-tag-mutability
    /// IMMUTABLE`, and deploy by digest where possible.
    EcrRepositoryTagImmutabilityEnabled {
        id: "ecr_repository_tag_immutability_enabled",
        title: "ECR repositories have immutable image tags",
        severity: Medium,
        service: Ecr,
        resource_kind: "ecr_repository",
        best_practices: ["SEC06-BP04"],
        prowler: ["ecr_repositories_tag_immutability"],
        security_hub: ["ECR.2"],
        config_rule: ["ECR_PRIVATE_TAG_IMMUTABILITY_ENABLED"],
        cis: [],
        reads: { Ecr: [DescribeRepositories] },
        remediation: "Set the repository's image tag mutability to IMMUTABLE.",
    }
}

impl EcrRepositoryTagImmutabilityEnabled {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for repo in &inv.ecr.repositories {
            match repo.tag_mutability {
                Some(TagMutability::Immutable) => out.pass(repo, "image tags are immutable"),
                Some(TagMutability::ImmutableWithExclusion) => {
                    out.pass(repo, "image tags are immutable except those matching the exclusion filters")
                }
                Some(TagMutability::Mutable) => out.fail(repo, "image tags can be overwritten (MUTABLE)"),
                Some(TagMutability::MutableWithExclusion) => {
                    out.fail(repo, "image tags can be overwritten except those matching the exclusion filters")
                }
                None => out.skip(repo, "AWS did not report the repository's tag mutability"),
            }
        }
    }
}
