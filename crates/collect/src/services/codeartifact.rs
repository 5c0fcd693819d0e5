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
    let ca = &ca;
    part.codeartifact.domains = futures::stream::iter(domains)
        .map(|d| async move {
            let mut ask = ca.get_domain_permissions_policy().domain(&d.name);
            if let Some(owner) = &d.owner {
                ask = ask.domain_owner(owner);
            }
            let policy = match unit.read_for("GetDomainPermissionsPolicy", &d.arn, ask.send().await) {
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
            let mut ask = ca.describe_repository().domain(&repo.domain).repository(&repo.name);
            if let Some(owner) = &owner {
                ask = ask.domain_owner(owner);
            }
            let Some(desc) = unit.read_for("DescribeRepository", &repo.arn, ask.send().await).ok() else {
                return repo;
            };
            let Some(d) = desc.repository() else { return repo };
            Repository {
                upstreams: Some(d.upstreams().iter().filter_map(|u| u.repository_name()).map(str::to_owned).collect()),
                external_connections: Some(
                    d.external_connections().iter().filter_map(|c| c.external_connection_name()).map(str::to_owned).collect(),
                ),
                ..repo
            }
        })
        .buffered(unit.inner_concurrency())
        .collect()
        .await;
}
