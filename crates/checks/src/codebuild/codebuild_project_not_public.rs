use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// No CodeBuild project has visibility `PUBLIC_READ`. `PRIVATE` (or unset) passes.
    ///
    /// ### Why it matters
    /// A public project shows its build logs and artifacts to anyone with the public URL:
    /// environment details, internal endpoints and anything a build step prints.
    ///
    /// ### How to fix
    /// `aws codebuild update-project-visibility --project-arn <arn> --project-visibility
    /// PRIVATE`.
    CodebuildProjectNotPublic {
        id: "codebuild_project_not_public",
        title: "CodeBuild project builds are not publicly visible",
        severity: High,
        service: CodeBuild,
        resource_kind: "codebuild_project",
        best_practices: ["SEC11-BP07", "SEC03-BP07"],
        prowler: ["codebuild_project_not_publicly_accessible"],
        security_hub: [],
        config_rule: [],
        cis: [],
        reads: { CodeBuild: [ListProjects, BatchGetProjects] },
        remediation: "Make the project private.",
    }
}

impl CodebuildProjectNotPublic {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for project in &inv.codebuild.projects {
            match project.visibility.as_deref() {
                Some("PUBLIC_READ") => out.fail(project, "build results are public (PUBLIC_READ)"),
                _ => out.pass(project, "build results are private"),
            }
        }
    }
}
