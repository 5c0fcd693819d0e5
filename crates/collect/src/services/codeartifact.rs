//! CodeArtifact of one region: domains (paginated `ListDomains`) with their resource policy
//! (`GetDomainPermissionsPolicy`), and repositories (paginated `ListRepositories`) each
//! described (`DescribeRepository`) for its upstreams and external connections. No package is
//! read.
use crate::unit::{client, Read, Unit};
use futures::StreamExt;
use wasp_model::codeartifact::{Domain, Repository};
use wasp_model::{Inventory, Setting};

pub(crate) async fn collect(unit: &Unit, part: &mut Inventory) {
    let ca = client!(aws_sdk_codeartifact, unit);
    fill(unit, &ca, part).await;
}

async fn fill(unit: &Unit, ca: &aws_sdk_codeartifact::Client, part: &mut Inventory) {
    let mut domains = Vec::new();
    let mut pages = ca.list_domains().into_paginator().send();
    while let Some(page) = pages.next().await {
        let Some(page) = unit.read("ListDomains", page).ok() else { break };
        for d in page.domains() {
            let Some(name) = d.name() else { continue };
            domains.push(Domain {
                arn: d.arn().map_or_else(|| unit.arn("codeartifact", &format!("domain/{name}")), str::to_owned),
                name: name.to_owned(),
                region: unit.region.clone(),
                owner: d.owner().map(str::to_owned),
                policy: None,
                location: None,
            });
        }
    }
    part.codeartifact.domains = futures::stream::iter(domains)
        .map(|d| async move {
            let answer =
                ca.get_domain_permissions_policy().domain(&d.name).set_domain_owner(d.owner.clone()).send().await;
            let policy = match unit.read_for("GetDomainPermissionsPolicy", &d.arn, answer) {
                Read::Ok(out) => super::policy_document(
                    unit,
                    "GetDomainPermissionsPolicy",
                    &d.arn,
                    out.policy().and_then(|p| p.document()),
                ),
                Read::NotConfigured => Some(Setting::NotConfigured),
                Read::Gap => None,
            };
            Domain { policy, ..d }
        })
        .buffered(unit.inner_concurrency())
        .collect()
        .await;

    let mut listed = Vec::new();
    let mut pages = ca.list_repositories().into_paginator().send();
    while let Some(page) = pages.next().await {
        let Some(page) = unit.read("ListRepositories", page).ok() else { break };
        for r in page.repositories() {
            let (Some(name), Some(domain)) = (r.name(), r.domain_name()) else { continue };
            listed.push((
                Repository {
                    arn: r.arn().map_or_else(
                        || unit.arn("codeartifact", &format!("repository/{domain}/{name}")),
                        str::to_owned,
                    ),
                    name: name.to_owned(),
                    region: unit.region.clone(),
                    domain: domain.to_owned(),
                    upstreams: None,
                    external_connections: None,
                    location: None,
                },
                r.domain_owner().map(str::to_owned),
            ));
        }
    }
    part.codeartifact.repositories = futures::stream::iter(listed)
        .map(|(repo, owner)| async move {
            let answer = ca
                .describe_repository()
                .domain(&repo.domain)
                .repository(&repo.name)
                .set_domain_owner(owner.clone())
                .send()
                .await;
            let Some(desc) = unit.read_for("DescribeRepository", &repo.arn, answer).ok() else {
                return repo;
            };
            let Some(d) = desc.repository() else { return repo };
            Repository {
                upstreams: Some(d.upstreams().iter().filter_map(|u| u.repository_name()).map(str::to_owned).collect()),
                external_connections: Some(
                    d.external_connections()
                        .iter()
                        .filter_map(|c| c.external_connection_name())
                        .map(str::to_owned)
                        .collect(),
                ),
                ..repo
            }
        })
        .buffered(unit.inner_concurrency())
        .collect()
        .await;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::setup::Shared;
    use aws_sdk_codeartifact::operation::describe_repository::DescribeRepositoryOutput;
    use aws_sdk_codeartifact::operation::get_domain_permissions_policy::{
        GetDomainPermissionsPolicyError, GetDomainPermissionsPolicyOutput,
    };
    use aws_sdk_codeartifact::operation::list_domains::ListDomainsOutput;
    use aws_sdk_codeartifact::operation::list_repositories::ListRepositoriesOutput;
    use aws_sdk_codeartifact::types::{
        DomainSummary, RepositoryDescription, RepositoryExternalConnectionInfo, RepositorySummary, ResourcePolicy,
        UpstreamRepositoryInfo,
    };
    use aws_sdk_codeartifact::Client;
    use aws_smithy_mocks::{mock, MockResponseInterceptor, Rule, RuleMode};
    use aws_smithy_types::error::ErrorMetadata;
    use std::sync::Arc;
    use wasp_model::Service;

    async fn run(rules: &[&Rule]) -> (Unit, Inventory) {
        let sdk = aws_config::defaults(aws_config::BehaviorVersion::latest())
            .region(aws_config::Region::new("us-east-1"))
            .credentials_provider(aws_sdk_codeartifact::config::Credentials::new("a", "b", None, None, "test"))
            .http_client(aws_smithy_mocks::create_mock_http_client())
            .retry_config(aws_config::retry::RetryConfig::disabled())
            .load()
            .await;
        let shared = Shared { sdk, inner_concurrency: 1, ..Shared::for_tests(&["us-east-1"]) };
        let unit = Unit::new(Arc::new(shared), Service::CodeArtifact, "us-east-1".into());
        let mut mocks = MockResponseInterceptor::new().rule_mode(RuleMode::MatchAny);
        for rule in rules {
            mocks = mocks.with_rule(rule);
        }
        let ca = client!(aws_sdk_codeartifact, &unit, "us-east-1", |b| b.interceptor(mocks));
        let mut part = Inventory::default();
        fill(&unit, &ca, &mut part).await;
        (unit, part)
    }

    const DOMAIN: &str = "arn:aws:codeartifact:us-east-1:123456789012:domain/";

    #[tokio::test]
    async fn domains_policies_and_repository_upstreams_are_read() {
        let domains = mock!(Client::list_domains).then_output(|| {
            ListDomainsOutput::builder()
                .domains(
                    DomainSummary::builder().name("corp").owner("123456789012").arn(format!("{DOMAIN}corp")).build(),
                )
                .domains(
                    DomainSummary::builder().name("open").owner("123456789012").arn(format!("{DOMAIN}open")).build(),
                )
                .build()
        });
        let corp_policy = mock!(Client::get_domain_permissions_policy)
            .match_requests(|r| r.domain() == Some("corp"))
            .then_error(|| {
                GetDomainPermissionsPolicyError::generic(
                    ErrorMetadata::builder().code("ResourceNotFoundException").build(),
                )
            });
        let open_policy = mock!(Client::get_domain_permissions_policy)
            .match_requests(|r| r.domain() == Some("open"))
            .then_output(|| {
                GetDomainPermissionsPolicyOutput::builder()
                    .policy(
                        ResourcePolicy::builder()
                            .document(r#"{"Statement":[{"Effect":"Allow","Principal":"*","Action":"codeartifact:*"}]}"#)
                            .build(),
                    )
                    .build()
            });
        let repos = mock!(Client::list_repositories).then_output(|| {
            ListRepositoriesOutput::builder()
                .repositories(
                    RepositorySummary::builder()
                        .name("npm-store")
                        .domain_name("corp")
                        .domain_owner("123456789012")
                        .arn("arn:aws:codeartifact:us-east-1:123456789012:repository/corp/npm-store")
                        .build(),
                )
                .build()
        });
        let describe = mock!(Client::describe_repository).then_output(|| {
            DescribeRepositoryOutput::builder()
                .repository(
                    RepositoryDescription::builder()
                        .name("npm-store")
                        .upstreams(UpstreamRepositoryInfo::builder().repository_name("base").build())
                        .external_connections(
                            RepositoryExternalConnectionInfo::builder()
                                .external_connection_name("public:npmjs")
                                .build(),
                        )
                        .build(),
                )
                .build()
        });
        let (unit, part) = run(&[&domains, &corp_policy, &open_policy, &repos, &describe]).await;
        assert!(unit.take_gaps().is_empty());
        let [corp, open] = &part.codeartifact.domains[..] else { panic!("{:?}", part.codeartifact.domains) };
        assert_eq!(corp.policy, Some(Setting::NotConfigured), "no policy is data, not a gap");
        assert!(matches!(&open.policy, Some(Setting::Configured(p)) if p["Statement"][0]["Principal"] == "*"));
        let [repo] = &part.codeartifact.repositories[..] else { panic!("{:?}", part.codeartifact.repositories) };
        assert_eq!(repo.upstreams.as_deref(), Some(&["base".to_owned()][..]));
        assert_eq!(repo.external_connections.as_deref(), Some(&["public:npmjs".to_owned()][..]));
        let calls = unit.shared.calls.rows();
        let count = |op: &str| calls.iter().find(|c| c.operation == op).map_or(0, |c| c.count);
        assert_eq!((count("GetDomainPermissionsPolicy"), count("DescribeRepository")), (2, 1));
    }

    #[tokio::test]
    async fn an_undescribed_repository_keeps_unknown_upstreams() {
        let domains = mock!(Client::list_domains).then_output(|| ListDomainsOutput::builder().build());
        let repos = mock!(Client::list_repositories).then_output(|| {
            ListRepositoriesOutput::builder()
                .repositories(RepositorySummary::builder().name("r").domain_name("d").build())
                .build()
        });
        let denied = mock!(Client::describe_repository).then_error(|| {
            aws_sdk_codeartifact::operation::describe_repository::DescribeRepositoryError::generic(
                ErrorMetadata::builder().code("AccessDeniedException").build(),
            )
        });
        let (unit, part) = run(&[&domains, &repos, &denied]).await;
        assert_eq!(part.codeartifact.repositories[0].upstreams, None);
        let gaps = unit.take_gaps();
        assert_eq!((gaps.len(), gaps[0].kind), (1, wasp_model::GapKind::AccessDenied));
    }
}
