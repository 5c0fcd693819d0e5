//! Network Firewall of one region: firewalls (paginated `ListFirewalls`, then per firewall
//! `DescribeFirewall` and `DescribeLoggingConfiguration`), firewall policies (paginated
//! `ListFirewallPolicies`, then `DescribeFirewallPolicy` each) and the account's stateless
//! rule groups (paginated `ListRuleGroups` of type `STATELESS`, then `DescribeRuleGroup`
//! each). AWS offers no bulk describe.
use crate::unit::{client, Unit};
use aws_sdk_networkfirewall::types::{ResourceManagedStatus, RuleGroupType};
use aws_sdk_networkfirewall::Client;
use futures::StreamExt;
use wasp_model::network_firewall::{Firewall, FirewallPolicy, RuleGroup};
use wasp_model::Inventory;

pub(crate) async fn collect(unit: &Unit, part: &mut Inventory) {
    let nfw = client!(aws_sdk_networkfirewall, unit);
    let (firewalls, policies, rule_groups) =
        futures::join!(firewalls(unit, &nfw), policies(unit, &nfw), rule_groups(unit, &nfw));
    part.network_firewall.firewalls = firewalls;
    part.network_firewall.policies = policies;
    part.network_firewall.rule_groups = rule_groups;
}

async fn firewalls(unit: &Unit, nfw: &Client) -> Vec<Firewall> {
    let mut listed = Vec::new();
    let mut pages = nfw.list_firewalls().into_paginator().send();
    while let Some(page) = pages.next().await {
        let Some(page) = unit.read("ListFirewalls", page).ok() else { break };
        listed.extend(page.firewalls().iter().filter_map(|f| {
            Some(Firewall {
                arn: f.firewall_arn()?.to_owned(),
                name: f.firewall_name().unwrap_or_default().to_owned(),
                region: unit.region.clone(),
                ..Firewall::default()
            })
        }));
    }
    futures::stream::iter(listed)
        .map(|fw| async move {
            let (described, logging) = futures::join!(
                nfw.describe_firewall().firewall_arn(&fw.arn).send(),
                nfw.describe_logging_configuration().firewall_arn(&fw.arn).send()
            );
            let described = unit.read_for("DescribeFirewall", &fw.arn, described).ok();
            let firewall = described.as_ref().and_then(|d| d.firewall());
            let logging = unit.read_for("DescribeLoggingConfiguration", &fw.arn, logging).ok().map(|l| {
                let mut types: Vec<String> = l
                    .logging_configuration()
                    .map(|c| c.log_destination_configs().iter().map(|d| d.log_type().as_str().to_owned()).collect())
                    .unwrap_or_default();
                types.sort();
                types.dedup();
                types
            });
            Firewall {
                vpc_id: firewall.map(|f| f.vpc_id().to_owned()).filter(|v| !v.is_empty()),
                policy_arn: firewall.map(|f| f.firewall_policy_arn().to_owned()),
                deletion_protection: firewall.map(|f| f.delete_protection()),
                policy_change_protection: firewall.map(|f| f.firewall_policy_change_protection()),
                subnet_change_protection: firewall.map(|f| f.subnet_change_protection()),
                logging,
                ..fw
            }
        })
        .buffered(unit.inner_concurrency())
        .collect()
        .await
}

async fn policies(unit: &Unit, nfw: &Client) -> Vec<FirewallPolicy> {
    let mut listed = Vec::new();
    let mut pages = nfw.list_firewall_policies().into_paginator().send();
    while let Some(page) = pages.next().await {
        let Some(page) = unit.read("ListFirewallPolicies", page).ok() else { break };
        listed.extend(page.firewall_policies().iter().filter_map(|p| {
            Some(FirewallPolicy {
                arn: p.arn()?.to_owned(),
                name: p.name().unwrap_or_default().to_owned(),
                region: unit.region.clone(),
                ..FirewallPolicy::default()
            })
        }));
    }
    futures::stream::iter(listed)
        .map(|policy| async move {
            let answer = nfw.describe_firewall_policy().firewall_policy_arn(&policy.arn).send().await;
            let Some(out) = unit.read_for("DescribeFirewallPolicy", &policy.arn, answer).ok() else { return policy };
            let Some(p) = out.firewall_policy() else { return policy };
            FirewallPolicy {
                stateless_default_actions: Some(p.stateless_default_actions().to_vec()),
                stateless_fragment_default_actions: Some(p.stateless_fragment_default_actions().to_vec()),
                stateless_rule_groups: Some(
                    p.stateless_rule_group_references().iter().map(|r| r.resource_arn().to_owned()).collect(),
                ),
                stateful_rule_groups: Some(
                    p.stateful_rule_group_references().iter().map(|r| r.resource_arn().to_owned()).collect(),
                ),
                ..policy
            }
        })
        .buffered(unit.inner_concurrency())
        .collect()
        .await
}

/// The account's own stateless rule groups (AWS managed groups are stateful and not judged).
async fn rule_groups(unit: &Unit, nfw: &Client) -> Vec<RuleGroup> {
    let mut listed = Vec::new();
    let mut pages = nfw
        .list_rule_groups()
        .scope(ResourceManagedStatus::Account)
        .r#type(RuleGroupType::Stateless)
        .into_paginator()
        .send();
    while let Some(page) = pages.next().await {
        let Some(page) = unit.read("ListRuleGroups", page).ok() else { break };
        listed.extend(page.rule_groups().iter().filter_map(|g| {
            Some(RuleGroup {
                arn: g.arn()?.to_owned(),
                name: g.name().unwrap_or_default().to_owned(),
                region: unit.region.clone(),
                kind: "STATELESS".to_owned(),
                rule_count: None,
                location: None,
            })
        }));
    }
    futures::stream::iter(listed)
        .map(|group| async move {
            let answer =
                nfw.describe_rule_group().rule_group_arn(&group.arn).r#type(RuleGroupType::Stateless).send().await;
            let rule_count = unit.read_for("DescribeRuleGroup", &group.arn, answer).ok().map(|out| {
                out.rule_group()
                    .and_then(|g| g.rules_source())
                    .and_then(|s| s.stateless_rules_and_custom_actions())
                    .map_or(0, |r| r.stateless_rules().len())
            });
            RuleGroup { rule_count, ..group }
        })
        .buffered(unit.inner_concurrency())
        .collect()
        .await
}

#[cfg(test)]
mod tests {
    // moto has no firewall policies: their reading is tested against mocked answers.
    use super::*;
    use crate::setup::Shared;
    use aws_sdk_networkfirewall::operation::describe_firewall_policy::{
        DescribeFirewallPolicyError, DescribeFirewallPolicyOutput,
    };
    use aws_sdk_networkfirewall::operation::list_firewall_policies::ListFirewallPoliciesOutput;
    use aws_sdk_networkfirewall::types::{
        FirewallPolicy as SdkPolicy, FirewallPolicyMetadata, StatelessRuleGroupReference,
    };
    use aws_smithy_mocks::{mock, MockResponseInterceptor, RuleMode};
    use aws_smithy_types::error::ErrorMetadata;
    use std::sync::Arc;
    use wasp_model::{GapKind, Service};

    const ARN: &str = "arn:aws:network-firewall:us-east-1:123456789012:firewall-policy/";

    #[tokio::test]
    async fn policies_are_described_and_an_unreadable_one_is_unknown() {
        let sdk = aws_config::defaults(aws_config::BehaviorVersion::latest())
            .region(aws_config::Region::new("us-east-1"))
            .credentials_provider(aws_sdk_networkfirewall::config::Credentials::new("a", "b", None, None, "test"))
            .http_client(aws_smithy_mocks::create_mock_http_client())
            .retry_config(aws_config::retry::RetryConfig::disabled())
            .load()
            .await;
        let shared = Shared { sdk, inner_concurrency: 1, ..Shared::for_tests(&["us-east-1"]) };
        let unit = Unit::new(Arc::new(shared), Service::NetworkFirewall, "us-east-1".into());
        let list = mock!(Client::list_firewall_policies).then_output(|| {
            let meta = |name: &str| FirewallPolicyMetadata::builder().name(name).arn(format!("{ARN}{name}")).build();
            ListFirewallPoliciesOutput::builder()
                .firewall_policies(meta("strict"))
                .firewall_policies(meta("denied"))
                .build()
        });
        let strict = mock!(Client::describe_firewall_policy)
            .match_requests(|r| r.firewall_policy_arn().is_some_and(|a| a.ends_with("/strict")))
            .then_output(|| {
                let policy = SdkPolicy::builder()
                    .stateless_default_actions("aws:forward_to_sfe")
                    .stateless_fragment_default_actions("aws:pass")
                    .stateless_rule_group_references(
                        StatelessRuleGroupReference::builder().resource_arn("arn:rg").priority(1).build().unwrap(),
                    )
                    .build()
                    .unwrap();
                DescribeFirewallPolicyOutput::builder().update_token("t").firewall_policy(policy).build().unwrap()
            });
        let denied = mock!(Client::describe_firewall_policy)
            .match_requests(|r| r.firewall_policy_arn().is_some_and(|a| a.ends_with("/denied")))
            .then_error(|| {
                DescribeFirewallPolicyError::generic(ErrorMetadata::builder().code("AccessDeniedException").build())
            });
        let mocks = MockResponseInterceptor::new()
            .rule_mode(RuleMode::MatchAny)
            .with_rule(&list)
            .with_rule(&strict)
            .with_rule(&denied);
        let nfw = client!(aws_sdk_networkfirewall, &unit, "us-east-1", |b| b.interceptor(mocks));
        let found = policies(&unit, &nfw).await;

        let [strict, denied] = &found[..] else { panic!("{found:?}") };
        assert_eq!(strict.stateless_default_actions.as_deref(), Some(&["aws:forward_to_sfe".to_owned()][..]));
        assert_eq!(strict.stateless_fragment_default_actions.as_deref(), Some(&["aws:pass".to_owned()][..]));
        assert_eq!(strict.stateless_rule_groups.as_deref(), Some(&["arn:rg".to_owned()][..]));
        assert_eq!(strict.stateful_rule_groups.as_deref(), Some(&[][..]));
        assert_eq!((denied.stateless_default_actions.as_ref(), denied.stateful_rule_groups.as_ref()), (None, None));
        let gaps = unit.take_gaps();
        assert_eq!(gaps.len(), 1, "{gaps:?}");
        assert_eq!((gaps[0].operation.as_str(), gaps[0].kind), ("DescribeFirewallPolicy", GapKind::AccessDenied));
        assert_eq!(gaps[0].resource.as_deref(), Some(&*format!("{ARN}denied")));
    }
}
