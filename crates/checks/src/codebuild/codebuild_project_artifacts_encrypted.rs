use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// No S3 artifact of a CodeBuild project (primary or secondary) has `encryptionDisabled:
    /// true`. Artifacts of other types (`CODEPIPELINE`, `NO_ARTIFACTS`) are not affected.
    /// SKIP when the artifacts configuration is unknown.
    ///
    /// ### Why it matters
    /// Build artifacts are what gets deployed: unencrypted they lose the KMS key's access
    /// control and audit trail, and tampering with them is tampering with production.
    ///
    /// ### How to fix
    /// Set `encryptionDisabled` to `false` on every S3 artifact and give the project an
    /// `encryptionKey`.
    CodebuildProjectArtifactsEncrypted {
        id: "codebuild_project_artifacts_encrypted",
        title: "CodeBuild S3 artifacts are encrypted",
        severity: Medium,
        service: CodeBuild,
        resource_kind: "codebuild_project",
        best_practices: ["SEC08-BP02", "SEC11-BP07"],
        prowler: [],
        security_hub: [],
        config_rule: [],
        cis: [],
        reads: { CodeBuild: [ListProjects, BatchGetProjects] },
        remediation: "Keep encryption on for every S3 artifact of the project.",
    }
}

impl CodebuildProjectArtifactsEncrypted {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for project in &inv.codebuild.projects {
            match project.artifacts_encryption_disabled {
                Some(true) => out.fail(project, "an S3 artifact is written unencrypted"),
                Some(false) => out.pass(project, "no S3 artifact has encryption disabled"),
                None => out.skip(project, "the project's artifacts configuration was not read"),
            }
        }
    }
}
