//! S3 Glacier of one region: every vault (one paginated `ListVaults`) and each one's access
//! policy (one `GetVaultAccessPolicy` per vault; AWS has no bulk form).
use crate::unit::{client, Read, Unit};
use futures::StreamExt;
use wasp_model::glacier::Vault;
use wasp_model::{Inventory, Setting};

pub(crate) async fn collect(unit: &Unit, part: &mut Inventory) {
    let glacier = client!(aws_sdk_glacier, unit);
    collect_with(unit, &glacier, part).await;
}

async fn collect_with(unit: &Unit, glacier: &aws_sdk_glacier::Client, part: &mut Inventory) {
    let mut listed = Vec::new();
    // `-` is the caller's own account.
    let mut pages = glacier.list_vaults().account_id("-").into_paginator().send();
    while let Some(page) = pages.next().await {
        let Some(page) = unit.read("ListVaults", page).ok() else { break };
        listed.extend(page.vault_list().iter().filter_map(|v| {
            let name = v.vault_name()?.to_owned();
            Some(Vault {
                arn: v.vault_arn().map_or_else(|| unit.arn("glacier", &format!("vaults/{name}")), str::to_owned),
                region: unit.region.clone(),
                number_of_archives: Some(v.number_of_archives()),
                name,
                policy: None,
                location: None,
            })
        }));
    }
    part.glacier.vaults = futures::stream::iter(listed)
        .map(|vault| async move {
            let answer = glacier.get_vault_access_policy().account_id("-").vault_name(&vault.name).send().await;
            let policy = match unit.read_for("GetVaultAccessPolicy", &vault.arn, answer) {
                Read::Ok(out) => super::policy_document(
                    unit,
                    "GetVaultAccessPolicy",
                    &vault.arn,
                    out.policy().and_then(|p| p.policy()),
                ),
                Read::NotConfigured => Some(Setting::NotConfigured),
                Read::Gap => None,
            };
            Vault { policy, ..vault }
        })
        .buffered(unit.inner_concurrency())
        .collect()
        .await;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::setup::Shared;
    use aws_sdk_glacier::operation::get_vault_access_policy::{GetVaultAccessPolicyError, GetVaultAccessPolicyOutput};
    use aws_sdk_glacier::operation::list_vaults::ListVaultsOutput;
    use aws_sdk_glacier::types::{DescribeVaultOutput, VaultAccessPolicy};
    use aws_smithy_mocks::{mock, MockResponseInterceptor, Rule, RuleMode};
    use aws_smithy_types::error::ErrorMetadata;
    use std::sync::Arc;
    use wasp_model::{GapKind, Service};

    const ARN: &str = "arn:aws:glacier:us-east-1:123456789012:vaults/";

    async fn run(rules: &[&Rule]) -> (Unit, Inventory) {
        let sdk = aws_config::defaults(aws_config::BehaviorVersion::latest())
            .region(aws_config::Region::new("us-east-1"))
            .credentials_provider(aws_sdk_glacier::config::Credentials::new("a", "b", None, None, "test"))
            .http_client(aws_smithy_mocks::create_mock_http_client())
            .retry_config(aws_config::retry::RetryConfig::disabled())
            .load()
            .await;
        let shared = Shared { sdk, inner_concurrency: 1, ..Shared::for_tests(&["us-east-1"]) };
        let unit = Unit::new(Arc::new(shared), Service::Glacier, "us-east-1".into());
        let mut mocks = MockResponseInterceptor::new().rule_mode(RuleMode::MatchAny);
        for rule in rules {
            mocks = mocks.with_rule(rule);
        }
        let glacier = client!(aws_sdk_glacier, &unit, "us-east-1", |b| b.interceptor(mocks));
        let mut part = Inventory::default();
        collect_with(&unit, &glacier, &mut part).await;
        (unit, part)
    }

    fn vault(name: &str) -> DescribeVaultOutput {
        DescribeVaultOutput::builder().vault_name(name).vault_arn(format!("{ARN}{name}")).number_of_archives(3).build()
    }

    fn policy_of(name: &'static str, answer: Result<&'static str, &'static str>) -> Rule {
        let rule = mock!(aws_sdk_glacier::Client::get_vault_access_policy)
            .match_requests(move |r| r.vault_name() == Some(name) && r.account_id() == Some("-"));
        match answer {
            Ok(policy) => rule.then_output(move || {
                GetVaultAccessPolicyOutput::builder()
                    .policy(VaultAccessPolicy::builder().policy(policy).build())
                    .build()
            }),
            Err(code) => {
                rule.then_error(move || GetVaultAccessPolicyError::generic(ErrorMetadata::builder().code(code).build()))
            }
        }
    }

    #[tokio::test]
    async fn each_vault_has_its_policy_none_or_a_gap() {
        let list = mock!(aws_sdk_glacier::Client::list_vaults)
            .match_requests(|r| r.account_id() == Some("-"))
            .then_output(|| {
                ListVaultsOutput::builder()
                    .vault_list(vault("shared"))
                    .vault_list(vault("plain"))
                    .vault_list(vault("hidden"))
                    .vault_list(vault("odd"))
                    .build()
            });
        let shared =
            policy_of("shared", Ok(r#"{"Statement":[{"Effect":"Allow","Principal":"*","Action":"glacier:*"}]}"#));
        let plain = policy_of("plain", Err("ResourceNotFoundException"));
        let hidden = policy_of("hidden", Err("AccessDeniedException"));
        let odd = policy_of("odd", Ok("{not json"));
        let (unit, part) = run(&[&list, &shared, &plain, &hidden, &odd]).await;

        let vaults = &part.glacier.vaults;
        assert_eq!(vaults.iter().map(|v| v.name.as_str()).collect::<Vec<_>>(), ["shared", "plain", "hidden", "odd"]);
        assert_eq!(
            (vaults[0].arn.as_str(), vaults[0].region.as_str()),
            ("arn:aws:glacier:us-east-1:123456789012:vaults/shared", "us-east-1")
        );
        assert_eq!(vaults[0].number_of_archives, Some(3));
        let Some(Setting::Configured(policy)) = &vaults[0].policy else { panic!("{:?}", vaults[0].policy) };
        assert_eq!(policy["Statement"][0]["Principal"], "*");
        assert_eq!(vaults[1].policy, Some(Setting::NotConfigured), "no policy is a setting");
        assert_eq!((&vaults[2].policy, &vaults[3].policy), (&None, &None), "unread is not a default");
        let mut gaps = unit.take_gaps();
        gaps.sort_by(|a, b| a.resource.cmp(&b.resource));
        assert_eq!(gaps.len(), 2, "{gaps:?}");
        assert_eq!(
            (gaps[0].resource.as_deref(), gaps[0].kind),
            (Some("arn:aws:glacier:us-east-1:123456789012:vaults/hidden"), GapKind::AccessDenied)
        );
        assert_eq!(
            (gaps[1].resource.as_deref(), gaps[1].kind),
            (Some("arn:aws:glacier:us-east-1:123456789012:vaults/odd"), GapKind::Other)
        );
    }

    #[tokio::test]
    async fn a_refused_listing_is_one_gap_and_no_vaults() {
        let list = mock!(aws_sdk_glacier::Client::list_vaults).then_error(|| {
            aws_sdk_glacier::operation::list_vaults::ListVaultsError::generic(
                ErrorMetadata::builder().code("AccessDeniedException").build(),
            )
        });
        let (unit, part) = run(&[&list]).await;
        assert!(part.glacier.vaults.is_empty());
        let gaps = unit.take_gaps();
        assert_eq!((gaps.len(), gaps[0].operation.as_str(), gaps[0].kind), (1, "ListVaults", GapKind::AccessDenied));
    }
}
