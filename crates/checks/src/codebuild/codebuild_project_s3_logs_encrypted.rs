use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Every CodeBuild project that writes logs to S3 keeps their encryption on
    /// (`encryptionDisabled` is not `true`). Projects without S3 logs pass. SKIP when the
    /// logs configuration is unknown.
    ///
    /// ### Why it matters
    /// Build logs carry internal hostnames, package versions and, too often, secrets echoed
    /// by scripts; unencrypted objects lose the protection of the project's KMS key.
    ///
    /// ### How to fix
    /// `aws codebuild update-project --name <name> --logs-config
    /// s3Logs={status=ENABLED,location=<bucket/prefix>,encryptionDisabled=false}`.
    CodebuildProjectS3LogsEncrypted {
        id: "codebuild_project_s3_logs_encrypted",
        title: "CodeBuild S3 build logs are encrypted",
        severity: Low,
        service: CodeBuild,
        resource_kind: "codebuild_project",
        best_practices: ["SEC08-BP02"],
        prowler: ["codebuild_project_s3_logs_encrypted"],
        security_hub: ["CodeBuild.3"],
        config_rule: ["CODEBUILD_PROJECT_S3_LOGS_ENCRYPTED"],
        cis: [],
        reads: { CodeBuild: [ListProjects, BatchGetProjects] },
        remediation: "Keep encryption on for S3 build logs.",
    }
}

impl CodebuildProjectS3LogsEncrypted {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for project in &inv.codebuild.projects {
            match &project.logs {
                Some(l) if !l.s3_enabled => out.pass(project, "the project writes no logs to S3"),
                Some(l) if l.s3_encryption_disabled => out.fail(project, "S3 logs are written unencrypted"),
                Some(_) => out.pass(project, "S3 logs are encrypted"),
                None => out.skip(project, "the project's logs configuration was not read"),
            }
        }
    }
}
