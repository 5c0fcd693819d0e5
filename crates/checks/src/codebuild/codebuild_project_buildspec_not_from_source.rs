use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// The buildspec of every CodeBuild project's primary source is inline in the project or
    /// an S3 object (an ARN), not a file in the source tree being built (`buildspec.yml` by
    /// default, or a path). Projects whose buildspec lives in the source fail. SKIP when the
    /// project's source was not read.
    ///
    /// ### Why it matters
    /// A buildspec in the repository is changed by whoever changes the repository — including
    /// the author of a pull request a webhook builds. The commands then run with the
    /// project's service role and secrets. Keeping the buildspec outside the source puts the
    /// pipeline under separate review.
    ///
    /// ### How to fix
    /// Store the buildspec in a controlled S3 bucket or inline in the project (infrastructure
    /// as code), and review its changes separately from application code.
    CodebuildProjectBuildspecNotFromSource {
        id: "codebuild_project_buildspec_not_from_source",
        title: "CodeBuild buildspecs are not taken from the source being built",
        severity: Low,
        service: CodeBuild,
        resource_kind: "codebuild_project",
        best_practices: ["SEC11-BP07", "SEC11-BP06"],
        prowler: ["codebuild_project_user_controlled_buildspec"],
        security_hub: [],
        config_rule: [],
        cis: [],
        reads: { CodeBuild: [ListProjects, BatchGetProjects] },
        remediation: "Keep the buildspec inline or in a controlled S3 object rather than in the source tree.",
    }
}

impl CodebuildProjectBuildspecNotFromSource {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        use wasp_model::codebuild::Buildspec;
        for project in &inv.codebuild.projects {
            match &project.buildspec {
                Some(Buildspec::Inline) => out.pass(project, "the buildspec is inline in the project"),
                Some(Buildspec::S3) => out.pass(project, "the buildspec is an S3 object"),
                Some(Buildspec::SourceFile) => {
                    out.fail(project, "the buildspec comes from the source tree being built")
                }
                None => out.skip(project, "the project's primary source was not read"),
            }
        }
    }
}
