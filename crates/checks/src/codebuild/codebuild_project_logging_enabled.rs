use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Every CodeBuild project has CloudWatch Logs or S3 logs enabled. A project without a
    /// logs configuration uses CloudWatch Logs (CodeBuild's default) and passes; one with both
    /// disabled fails. SKIP when the project's logs configuration is unknown.
    ///
    /// ### Why it matters
    /// Build logs are the record of what ran in the pipeline with the project's credentials —
    /// the first place to look after a poisoned dependency or a malicious pull request.
    ///
    /// ### How to fix
    /// `aws codebuild update-project --name <name> --logs-config
    /// cloudWatchLogs={status=ENABLED}`.
    CodebuildProjectLoggingEnabled {
        id: "codebuild_project_logging_enabled",
        title: "CodeBuild projects send build logs to CloudWatch Logs or S3",
        severity: Medium,
        service: CodeBuild,
        resource_kind: "codebuild_project",
        best_practices: ["SEC04-BP01", "SEC11-BP07"],
        prowler: ["codebuild_project_logging_enabled"],
        security_hub: ["CodeBuild.4"],
        config_rule: ["CODEBUILD_PROJECT_LOGGING_ENABLED"],
        cis: [],
        reads: { CodeBuild: [ListProjects, BatchGetProjects] },
        remediation: "Enable CloudWatch Logs or S3 logging for the project.",
    }
}

impl CodebuildProjectLoggingEnabled {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for project in &inv.codebuild.projects {
            match &project.logs {
                Some(l) if l.cloudwatch_enabled && l.s3_enabled => {
                    out.pass(project, "logs go to CloudWatch Logs and S3")
                }
                Some(l) if l.cloudwatch_enabled => out.pass(project, "logs go to CloudWatch Logs"),
                Some(l) if l.s3_enabled => out.pass(project, "logs go to S3"),
                Some(_) => out.fail(project, "both CloudWatch Logs and S3 logging are disabled"),
                None => out.skip(project, "the project's logs configuration was not read"),
            }
        }
    }
}
