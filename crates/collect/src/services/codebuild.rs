//! CodeBuild of one region: projects (paginated `ListProjects`, then `BatchGetProjects` 100
//! names at a time) and report groups (`ListReportGroups`, then `BatchGetReportGroups`).
//!
//! A project answer carries environment variable values and source URLs that may embed
//! credentials: only the variables' names and types are kept, and a source URL is reduced to
//! whether it embeds credentials, as the answer is read.
use crate::unit::{client, Unit};
use aws_sdk_codebuild::types::{EnvironmentVariableType, LogsConfigStatusType, Project as SdkProject};
use aws_sdk_codebuild::Client;
use wasp_model::codebuild::{
    Buildspec, EnvironmentVariable, LogsConfig, Project, ReportGroup, Source, VariableKind, WebhookFilter,
};
use wasp_model::Inventory;

pub(crate) async fn collect(unit: &Unit, part: &mut Inventory) {
    let codebuild = client!(aws_sdk_codebuild, unit);
    let (projects, report_groups) = futures::join!(projects(unit, &codebuild), report_groups(unit, &codebuild));
    part.codebuild.projects = projects;
    part.codebuild.report_groups = report_groups;
}

async fn projects(unit: &Unit, codebuild: &Client) -> Vec<Project> {
    let mut names = Vec::new();
    let mut pages = codebuild.list_projects().into_paginator().send();
    while let Some(page) = pages.next().await {
        let Some(page) = unit.read("ListProjects", page).ok() else { break };
        names.extend(page.projects().iter().cloned());
    }
    let mut projects = Vec::new();
    for chunk in names.chunks(100) {
        let answer = codebuild.batch_get_projects().set_names(Some(chunk.to_vec())).send().await;
        let Some(out) = unit.read("BatchGetProjects", answer).ok() else { continue };
        projects.extend(out.projects().iter().filter_map(|p| project(unit, p)));
    }
    projects
}

/// Whether a source location embeds credentials: `scheme://user:secret@host` or
/// `scheme://token@host`. AWS's own `codecommit` URLs never do.
pub(crate) fn url_has_credentials(location: &str) -> bool {
    let Some((_, rest)) = location.split_once("://") else { return false };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    authority.rsplit_once('@').is_some_and(|(userinfo, _)| !userinfo.is_empty())
}

fn buildspec(text: Option<&str>) -> Buildspec {
    match text.map(str::trim).filter(|t| !t.is_empty()) {
        None => Buildspec::SourceFile,
        Some(t) if t.starts_with("arn:") && t.contains(":s3:::") => Buildspec::S3,
        Some(t) if t.contains('\n') || t.starts_with("version") => Buildspec::Inline,
        // `bucket/key` names an S3 object only for S3-stored buildspecs given as ARN; a
        // relative path is a file in the source tree.
        Some(_) => Buildspec::SourceFile,
    }
}

fn project(unit: &Unit, p: &SdkProject) -> Option<Project> {
    let name = p.name()?.to_owned();
    let environment = p.environment();
    let sources: Vec<Source> = p
        .source()
        .into_iter()
        .chain(p.secondary_sources())
        .map(|s| Source {
            kind: s.r#type().as_str().to_owned(),
            url_has_credentials: s.location().is_some_and(url_has_credentials),
        })
        .collect();
    // Without a logs configuration CodeBuild sends logs to CloudWatch Logs (its default).
    let logs = Some(match p.logs_config() {
        None => LogsConfig { cloudwatch_enabled: true, s3_enabled: false, s3_encryption_disabled: false },
        Some(l) => LogsConfig {
            cloudwatch_enabled: l.cloud_watch_logs().is_none_or(|c| c.status() == &LogsConfigStatusType::Enabled),
            s3_enabled: l.s3_logs().is_some_and(|s| s.status() == &LogsConfigStatusType::Enabled),
            s3_encryption_disabled: l.s3_logs().and_then(|s| s.encryption_disabled()).unwrap_or(false),
        },
    });
    let artifacts_encryption_disabled = Some(
        p.artifacts()
            .into_iter()
            .chain(p.secondary_artifacts())
            .any(|a| a.r#type().as_str() == "S3" && a.encryption_disabled() == Some(true)),
    );
    Some(Project {
        arn: p.arn().map_or_else(|| unit.arn("codebuild", &format!("project/{name}")), str::to_owned),
        name,
        region: unit.region.clone(),
        privileged_mode: environment.and_then(|e| e.privileged_mode()),
        environment_variables: environment
            .map(|e| {
                e.environment_variables()
                    .iter()
                    .map(|v| EnvironmentVariable {
                        name: v.name().to_owned(),
                        kind: match v.r#type() {
                            Some(EnvironmentVariableType::ParameterStore) => VariableKind::ParameterStore,
                            Some(EnvironmentVariableType::SecretsManager) => VariableKind::SecretsManager,
                            _ => VariableKind::Plaintext,
                        },
                    })
                    .collect()
            })
            .unwrap_or_default(),
        sources,
        buildspec: p.source().map(|s| buildspec(s.buildspec())),
        logs,
        artifacts_encryption_disabled,
        webhook_filter_groups: p.webhook().map(|w| {
            w.filter_groups()
                .iter()
                .map(|group| {
                    group
                        .iter()
                        .map(|f| WebhookFilter {
                            kind: f.r#type().as_str().to_owned(),
                            pattern: f.pattern().to_owned(),
                            exclude: f.exclude_matched_pattern() == Some(true),
                        })
                        .collect()
                })
                .collect()
        }),
        visibility: p.project_visibility().map(|v| v.as_str().to_owned()),
        last_modified: p.last_modified().and_then(|t| chrono::DateTime::from_timestamp(t.secs(), 0)),
        location: None,
    })
}

async fn report_groups(unit: &Unit, codebuild: &Client) -> Vec<ReportGroup> {
    let mut arns = Vec::new();
    let mut pages = codebuild.list_report_groups().into_paginator().send();
    while let Some(page) = pages.next().await {
        let Some(page) = unit.read("ListReportGroups", page).ok() else { break };
        arns.extend(page.report_groups().iter().cloned());
    }
    let mut groups = Vec::new();
    for chunk in arns.chunks(100) {
        let answer = codebuild.batch_get_report_groups().set_report_group_arns(Some(chunk.to_vec())).send().await;
        let Some(out) = unit.read("BatchGetReportGroups", answer).ok() else { continue };
        for g in out.report_groups() {
            let Some(arn) = g.arn() else { continue };
            let export = g.export_config();
            groups.push(ReportGroup {
                arn: arn.to_owned(),
                name: g.name().unwrap_or_default().to_owned(),
                region: unit.region.clone(),
                export_type: export.and_then(|e| e.export_config_type()).map(|t| t.as_str().to_owned()),
                export_encryption_disabled: export
                    .map(|e| e.s3_destination().and_then(|d| d.encryption_disabled()).unwrap_or(false)),
                location: None,
            });
        }
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credentials_in_urls_are_detected_without_being_kept() {
        assert!(url_has_credentials("https://user:ghp_secret@github.com/org/repo.git"));
        assert!(url_has_credentials("https://ghp_token@github.com/org/repo"));
        assert!(!url_has_credentials("https://github.com/org/repo.git"));
        assert!(!url_has_credentials("https://git-codecommit.us-east-1.amazonaws.com/v1/repos/app"));
        assert!(!url_has_credentials("my-bucket/source.zip"));
        // An @ in the path is not userinfo.
        assert!(!url_has_credentials("https://gitlab.com/group/repo@v1"));
    }

    #[test]
    fn buildspec_sources_are_told_apart() {
        assert_eq!(buildspec(None), Buildspec::SourceFile);
        assert_eq!(buildspec(Some("ci/buildspec.yml")), Buildspec::SourceFile);
        assert_eq!(buildspec(Some("arn:aws:s3:::builds/spec.yml")), Buildspec::S3);
        assert_eq!(buildspec(Some("version: 0.2\nphases:\n  build:\n    commands: [make]")), Buildspec::Inline);
    }
}
