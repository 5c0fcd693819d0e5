use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// In the newest ACTIVE revision of every task definition family, no container has a
    /// plain `environment` variable whose NAME looks like a credential: words such as
    /// `PASSWORD`, `SECRET`, `TOKEN`, `APIKEY`, `CREDENTIAL`, or pairs such as `API_KEY`,
    /// `ACCESS_KEY`, `PRIVATE_KEY` (camelCase, dashes and underscores alike), plus
    /// `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`, `AWS_SESSION_TOKEN` and
    /// `ECS_ENGINE_AUTH_DATA`, the names Security Hub ECS.8 looks for. Names that refer to a
    /// credential rather than hold it (ending in `ARN`, `NAME`, `ID`, `URL`, `PATH`, `FILE` …)
    /// pass. Only names are judged: wasp never reads the values. Variables injected through
    /// `secrets` (Secrets Manager or Parameter Store) pass.
    ///
    /// ### Why it matters
    /// Plain environment values are stored in the task definition: anyone with
    /// `ecs:DescribeTaskDefinition` reads them, every revision keeps them, and they show in
    /// the console and in CI logs.
    ///
    /// ### How to fix
    /// Store the value in Secrets Manager or Parameter Store (SecureString) and reference it
    /// under `secrets` (`valueFrom`), granting the task execution role read access.
    EcsTaskDefinitionNoSecretsInEnvironment {
        id: "ecs_task_definition_no_secrets_in_environment",
        title: "ECS containers take credentials from a secret store, not plain environment",
        severity: High,
        service: Ecs,
        resource_kind: "ecs_task_definition",
        best_practices: ["SEC02-BP03"],
        prowler: ["ecs_task_definitions_no_environment_secrets"],
        security_hub: ["ECS.8"],
        config_rule: ["ECS_NO_ENVIRONMENT_SECRETS"],
        cis: [],
        reads: { Ecs: [ListTaskDefinitionFamilies, DescribeTaskDefinition] },
        remediation: "Move credential values to Secrets Manager or Parameter Store and reference them under secrets.",
    }
}

impl EcsTaskDefinitionNoSecretsInEnvironment {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for td in &inv.ecs.task_definitions {
            let found: Vec<String> = td
                .containers
                .iter()
                .flat_map(|c| {
                    crate::secret_names::secret_like(c.environment_names.iter().map(String::as_str))
                        .into_iter()
                        .map(move |n| format!("{}:{n}", c.name))
                })
                .collect();
            if found.is_empty() {
                out.pass(
                    td,
                    format!("revision {}: no plain environment variable is named like a credential", td.revision),
                );
            } else {
                out.fail(
                    td,
                    format!(
                        "revision {}: plain environment variables named like credentials: {}",
                        td.revision,
                        found.join(", ")
                    ),
                );
            }
        }
    }
}
