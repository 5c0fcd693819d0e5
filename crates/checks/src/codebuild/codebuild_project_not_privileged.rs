use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// No CodeBuild project has `privilegedMode: true` in its build environment. Unset is not
    /// privileged. Projects that build Docker images need it; they fail here so that the
    /// exception is deliberate and reviewed.
    ///
    /// ### Why it matters
    /// Privileged mode runs the Docker daemon with full access to the build host: code in the
    /// repository (or in a pull request, when webhooks build them) can escape the build
    /// container and reach the credentials of the build.
    ///
    /// ### How to fix
    /// Turn privileged mode off for projects that do not build images; for those that do,
    /// build only trusted branches, restrict webhooks to known actors and keep the service
    /// role minimal.
    CodebuildProjectNotPrivileged {
        id: "codebuild_project_not_privileged",
        title: "CodeBuild projects do not run in privileged mode",
        severity: High,
        service: CodeBuild,
        resource_kind: "codebuild_project",
        best_practices: ["SEC11-BP07", "SEC06-BP05"],
        prowler: [],
        security_hub: ["CodeBuild.5"],
        config_rule: ["CODEBUILD_PROJECT_ENVIRONMENT_PRIVILEGED_CHECK"],
        cis: [],
        reads: { CodeBuild: [ListProjects, BatchGetProjects] },
        remediation: "Turn off privileged mode unless the project builds container images.",
    }
}

impl CodebuildProjectNotPrivileged {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for project in &inv.codebuild.projects {
            match project.privileged_mode {
                Some(true) => out.fail(project, "the build environment runs in privileged mode"),
                _ => out.pass(project, "the build environment is not privileged"),
            }
        }
    }
}
