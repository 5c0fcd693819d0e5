use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// In the newest ACTIVE revision of every task definition family, every container has a
    /// `logConfiguration` with a log driver (`awslogs`, `awsfirelens`, `splunk` …). A
    /// container without one fails.
    ///
    /// ### Why it matters
    /// Without a log driver the container's output is lost when the task stops: the evidence
    /// of what an intruder ran, or of the error that preceded an incident, goes with it.
    ///
    /// ### How to fix
    /// Add `logConfiguration` with the `awslogs` driver (log group, region, stream prefix) or
    /// FireLens to every container.
    EcsTaskDefinitionLoggingConfigured {
        id: "ecs_task_definition_logging_configured",
        title: "ECS containers have a log configuration",
        severity: Medium,
        service: Ecs,
        resource_kind: "ecs_task_definition",
        best_practices: ["SEC04-BP01"],
        prowler: ["ecs_task_definitions_logging_enabled"],
        security_hub: ["ECS.9"],
        config_rule: ["ECS_TASK_DEFINITION_LOG_CONFIGURATION"],
        cis: [],
        reads: { Ecs: [ListTaskDefinitionFamilies, DescribeTaskDefinition] },
        remediation: "Add a logConfiguration (awslogs or FireLens) to every container.",
    }
}

impl EcsTaskDefinitionLoggingConfigured {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        super::by_container(
            inv,
            out,
            |_, c| c.log_driver.is_none(),
            "every container has a log driver",
            "have no log configuration",
        );
    }
}
