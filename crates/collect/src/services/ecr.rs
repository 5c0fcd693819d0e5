//! ECR of one region: every private repository (paginated `DescribeRepositories`), then per
//! repository its policy (`GetRepositoryPolicy`) and lifecycle policy (`GetLifecyclePolicy`),
//! which AWS offers in no bulk form; once per region the registry scanning configuration and
//! the pull-through cache rules. Images and their layers are never read.
use crate::unit::{client, Read, Unit};
use aws_sdk_ecr::types::Repository as SdkRepository;
use aws_sdk_ecr::Client;
use futures::StreamExt;
use wasp_model::ecr::{
    EncryptionKind, PullThroughCacheRule, RegistryScanning, Repository, RepositoryEncryption, ScanFrequency, ScanType,
    ScanningRule, TagMutability,
};
use wasp_model::{Inventory, Setting};

pub(crate) async fn collect(unit: &Unit, part: &mut Inventory) {
    let ecr = client!(aws_sdk_ecr, unit);
    let (repositories, scanning, rules) =
        futures::join!(repositories(unit, &ecr), registry_scanning(unit, &ecr), pull_through(unit, &ecr));
    part.ecr.repositories = repositories;
    if let Some(scanning) = scanning {
        part.ecr.registry_scanning.insert(unit.region.clone(), scanning);
    }
    if let Some(rules) = rules {
        part.ecr.pull_through_cache_rules.insert(unit.region.clone(), rules);
    }
}

fn tag_mutability(text: &str) -> Option<TagMutability> {
    Some(match text {
        "MUTABLE" => TagMutability::Mutable,
        "IMMUTABLE" => TagMutability::Immutable,
        "IMMUTABLE_WITH_EXCLUSION" => TagMutability::ImmutableWithExclusion,
        "MUTABLE_WITH_EXCLUSION" => TagMutability::MutableWithExclusion,
        _ => return None,
    })
}

fn encryption_kind(text: &str) -> Option<EncryptionKind> {
    Some(match text {
        "AES256" => EncryptionKind::Aes256,
        "KMS" => EncryptionKind::Kms,
        "KMS_DSSE" => EncryptionKind::KmsDsse,
        _ => return None,
    })
}

fn scan_type(text: &str) -> Option<ScanType> {
    Some(match text {
        "BASIC" => ScanType::Basic,
        "ENHANCED" => ScanType::Enhanced,
        _ => return None,
    })
}

fn scan_frequency(text: &str) -> Option<ScanFrequency> {
    Some(match text {
        "SCAN_ON_PUSH" => ScanFrequency::ScanOnPush,
        "CONTINUOUS_SCAN" => ScanFrequency::ContinuousScan,
        "MANUAL" => ScanFrequency::Manual,
        _ => return None,
    })
}

async fn repositories(unit: &Unit, ecr: &Client) -> Vec<Repository> {
    let mut listed = Vec::new();
    let mut pages = ecr.describe_repositories().max_results(1000).into_paginator().send();
    while let Some(page) = pages.next().await {
        let Some(page) = unit.read("DescribeRepositories", page).ok() else { break };
        listed.extend(page.repositories().iter().filter_map(|r| repository(unit, r)));
    }
    futures::stream::iter(listed)
        .map(|repo| async move {
            let name = repo.name.clone();
            let (policy, lifecycle) = futures::join!(
                async {
                    let answer = ecr.get_repository_policy().repository_name(&name).send().await;
                    match unit.read_for("GetRepositoryPolicy", &repo.arn, answer) {
                        Read::Ok(out) => {
                            super::policy_document(unit, "GetRepositoryPolicy", &repo.arn, out.policy_text())
                        }
                        Read::NotConfigured => Some(Setting::NotConfigured),
                        Read::Gap => None,
                    }
                },
                async {
                    let answer = ecr.get_lifecycle_policy().repository_name(&name).send().await;
                    match unit.read_for("GetLifecyclePolicy", &repo.arn, answer) {
                        Read::Ok(out) => {
                            super::policy_document(unit, "GetLifecyclePolicy", &repo.arn, out.lifecycle_policy_text())
                        }
                        Read::NotConfigured => Some(Setting::NotConfigured),
                        Read::Gap => None,
                    }
                }
            );
            Repository { policy, lifecycle_policy: lifecycle, ..repo }
        })
        .buffered(unit.inner_concurrency())
        .collect()
        .await
}

fn repository(unit: &Unit, r: &SdkRepository) -> Option<Repository> {
    let name = r.repository_name()?.to_owned();
    Some(Repository {
        arn: r.repository_arn().map_or_else(|| unit.arn("ecr", &format!("repository/{name}")), str::to_owned),
        region: unit.region.clone(),
        scan_on_push: r.image_scanning_configuration().map(|c| c.scan_on_push()),
        tag_mutability: r.image_tag_mutability().and_then(|m| tag_mutability(m.as_str())),
        encryption: r.encryption_configuration().and_then(|e| {
            Some(RepositoryEncryption {
                kind: encryption_kind(e.encryption_type().as_str())?,
                kms_key: e.kms_key().map(str::to_owned),
            })
        }),
        name,
        policy: None,
        lifecycle_policy: None,
        location: None,
    })
}

async fn registry_scanning(unit: &Unit, ecr: &Client) -> Option<RegistryScanning> {
    let answer = ecr.get_registry_scanning_configuration().send().await;
    let out = unit.read("GetRegistryScanningConfiguration", answer).ok()?;
    let Some(config) = out.scanning_configuration() else { return Some(RegistryScanning::default()) };
    Some(RegistryScanning {
        scan_type: config.scan_type().and_then(|t| scan_type(t.as_str())),
        rules: config
            .rules()
            .iter()
            .filter_map(|r| {
                Some(ScanningRule {
                    frequency: scan_frequency(r.scan_frequency().as_str())?,
                    filters: r.repository_filters().iter().map(|f| f.filter().to_owned()).collect(),
                })
            })
            .collect(),
    })
}

async fn pull_through(unit: &Unit, ecr: &Client) -> Option<Vec<PullThroughCacheRule>> {
    let mut rules = Vec::new();
    let mut pages = ecr.describe_pull_through_cache_rules().into_paginator().send();
    while let Some(page) = pages.next().await {
        let page = unit.read("DescribePullThroughCacheRules", page).ok()?;
        rules.extend(page.pull_through_cache_rules().iter().map(|r| PullThroughCacheRule {
            prefix: r.ecr_repository_prefix().unwrap_or_default().to_owned(),
            upstream_url: r.upstream_registry_url().map(str::to_owned),
        }));
    }
    Some(rules)
}
