use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// No source of a CodeBuild project (primary or secondary) has a location with userinfo
    /// before the host — `https://user:password@host/…` or `https://token@host/…`. wasp
    /// detects the pattern as it reads the project and keeps only the verdict, never the URL.
    ///
    /// ### Why it matters
    /// A personal access token or password in the source URL is readable by anyone who can
    /// describe the project and shows in build logs; it usually grants the whole repository
    /// host account.
    ///
    /// ### How to fix
    /// Remove the credentials from the URL and connect the source provider with a CodeBuild
    /// source credential or CodeConnections connection (`aws codebuild
    /// import-source-credentials`), then rotate the leaked token.
    CodebuildProjectSourceUrlNoCredentials {
        id: "codebuild_project_source_url_no_credentials",
        title: "CodeBuild source URLs embed no credentials",
        severity: Critical,
        service: CodeBuild,
        resource_kind: "codebuild_project",
        best_practices: ["SEC02-BP03", "SEC11-BP07"],
        prowler: ["codebuild_project_source_repo_url_no_sensitive_credentials"],
        security_hub: ["CodeBuild.1"],
        config_rule: ["CODEBUILD_PROJECT_SOURCE_REPO_URL_CHECK"],
        cis: [],
        reads: { CodeBuild: [ListProjects, BatchGetProjects] },
        remediation: "Remove credentials from source URLs, use a CodeConnections connection and rotate the token.",
    }
}

impl CodebuildProjectSourceUrlNoCredentials {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for project in &inv.codebuild.projects {
            let leaking: Vec<&str> =
                project.sources.iter().filter(|s| s.url_has_credentials).map(|s| s.kind.as_str()).collect();
            if leaking.is_empty() {
                out.pass(project, "no source URL embeds credentials");
            } else {
                out.fail(project, format!("a source URL embeds credentials ({} source)", leaking.join(", ")));
            }
        }
    }
}
