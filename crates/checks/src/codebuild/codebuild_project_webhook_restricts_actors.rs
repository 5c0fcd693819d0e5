use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Every filter group of a CodeBuild webhook that can start a build on a pull request (an
    /// `EVENT` filter whose pattern mentions `PULL_REQUEST`) also has an `ACTOR_ACCOUNT_ID`
    /// filter that is not an exclusion and whose pattern is anchored — starts with `^` and ends
    /// with `$`. Filter groups are alternatives, so one unrestricted group is enough to fail.
    /// Groups that start builds on pushes only pass (pushing needs write access). A project
    /// without a webhook passes.
    ///
    /// ### Why it matters
    /// Without an actor filter anyone who can open a pull request runs code in your build
    /// with its credentials. An unanchored pattern such as `12345|67890` also matches longer
    /// ids that contain them, which lets outsiders register a matching account id.
    ///
    /// ### How to fix
    /// Add an `ACTOR_ACCOUNT_ID` filter `^(12345|67890)$` to every pull-request filter group,
    /// or require comment approval for pull-request builds.
    CodebuildProjectWebhookRestrictsActors {
        id: "codebuild_project_webhook_restricts_actors",
        title: "CodeBuild pull-request webhooks build only for anchored actor lists",
        severity: High,
        service: CodeBuild,
        resource_kind: "codebuild_project",
        best_practices: ["SEC11-BP07"],
        prowler: [],
        security_hub: [],
        config_rule: [],
        cis: [],
        reads: { CodeBuild: [ListProjects, BatchGetProjects] },
        remediation: "Add an anchored ACTOR_ACCOUNT_ID filter to every pull-request filter group.",
    }
}

impl CodebuildProjectWebhookRestrictsActors {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for project in &inv.codebuild.projects {
            let Some(groups) = &project.webhook_filter_groups else {
                out.pass(project, "the project has no webhook");
                continue;
            };
            let open = groups
                .iter()
                .filter(|g| g.iter().any(|f| f.kind == "EVENT" && !f.exclude && f.pattern.contains("PULL_REQUEST")))
                .filter(|g| {
                    !g.iter().any(|f| {
                        f.kind == "ACTOR_ACCOUNT_ID"
                            && !f.exclude
                            && f.pattern.starts_with('^')
                            && f.pattern.ends_with('$')
                    })
                })
                .count();
            if open == 0 {
                out.pass(project, "every pull-request filter group restricts the actors with an anchored pattern");
            } else {
                out.fail(
                    project,
                    format!(
                        "{open} pull-request filter group(s) build for any actor or use an unanchored actor pattern"
                    ),
                );
            }
        }
    }
}
