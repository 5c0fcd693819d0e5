use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// No CodeBuild project has an environment variable of type `PLAINTEXT` whose NAME looks
    /// like a credential (`PASSWORD`, `SECRET`, `TOKEN`, `API_KEY`, `PRIVATE_KEY`,
    /// `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY` …; names ending in `ARN`, `NAME`, `ID`,
    /// `URL`, `PATH` refer to a credential and pass). Variables of type `PARAMETER_STORE` or
    /// `SECRETS_MANAGER` pass whatever their name. Only names and types are judged: wasp drops
    /// the values as it reads the project.
    ///
    /// ### Why it matters
    /// Plaintext values are part of the project definition: anyone with
    /// `codebuild:BatchGetProjects` reads them, and builds print them in logs. Long-lived AWS
    /// keys there are a classic path from a CI leak to the account.
    ///
    /// ### How to fix
    /// Store the value in Secrets Manager or Parameter Store and change the variable type to
    /// `SECRETS_MANAGER` or `PARAMETER_STORE`; for AWS access, rely on the project's service
    /// role instead of keys.
    CodebuildProjectNoPlaintextSecrets {
        id: "codebuild_project_no_plaintext_secrets",
        title: "CodeBuild projects keep no credentials in plaintext variables",
        severity: Critical,
        service: CodeBuild,
        resource_kind: "codebuild_project",
        best_practices: ["SEC02-BP03", "SEC11-BP07"],
        prowler: ["codebuild_project_no_secrets_in_variables"],
        security_hub: ["CodeBuild.2"],
        config_rule: ["CODEBUILD_PROJECT_ENVVAR_AWSCRED_CHECK"],
        cis: [],
        reads: { CodeBuild: [ListProjects, BatchGetProjects] },
        remediation: "Move credential values to Secrets Manager or Parameter Store variables.",
    }
}

impl CodebuildProjectNoPlaintextSecrets {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        use wasp_model::codebuild::VariableKind;
        for project in &inv.codebuild.projects {
            let plain = project.environment_variables.iter().filter(|v| v.kind == VariableKind::Plaintext);
            let found = crate::secret_names::secret_like(plain.map(|v| v.name.as_str()));
            if found.is_empty() {
                out.pass(project, "no plaintext variable is named like a credential");
            } else {
                out.fail(project, format!("plaintext variables named like credentials: {}", found.join(", ")));
            }
        }
    }
}
