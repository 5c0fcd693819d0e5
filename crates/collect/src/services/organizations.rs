//! Organizations: the organization the account belongs to and, from the management account
//! only, its member accounts and service control policies.
use crate::unit::{client, Read, Unit};
use aws_sdk_organizations::types::PolicyType;
use futures::StreamExt;
use wasp_model::organizations::{OrgAccount, Organization, ServiceControlPolicy};
use wasp_model::{GapKind, Inventory, Setting};

pub(crate) async fn collect(unit: &Unit, part: &mut Inventory) {
    let org = client!(aws_sdk_organizations, unit);
    collect_with(unit, &org, part).await;
}

async fn collect_with(unit: &Unit, client: &aws_sdk_organizations::Client, part: &mut Inventory) {
    let answer = unit.read("DescribeOrganization", client.describe_organization().send().await);
    let organization = match answer {
        Read::Ok(out) => match out.organization() {
            Some(o) => Organization {
                id: o.id().unwrap_or_default().to_owned(),
                arn: o.arn().unwrap_or_default().to_owned(),
                master_account_id: o.master_account_id().unwrap_or_default().to_owned(),
                feature_set: o.feature_set().map_or_else(String::new, |f| f.as_str().to_owned()),
            },
            None => {
                unit.gap("DescribeOrganization", GapKind::Other, "the answer named no organization".into(), None);
                return;
            }
        },
        Read::NotConfigured => {
            part.organizations.organization = Some(Setting::NotConfigured);
            return;
        }
        Read::Gap => return,
    };
    let is_management = organization.master_account_id == unit.account_id();
    let master = organization.master_account_id.clone();
    part.organizations.organization = Some(Setting::Configured(organization));
    if !is_management {
        // Member accounts are refused these calls by design: not called, so not a denial.
        let reason = format!(
            "not called: only the organization's management account ({master}) can list its accounts and policies"
        );
        for operation in ["ListAccounts", "ListPolicies"] {
            unit.gap(operation, GapKind::Unsupported, reason.clone(), None);
        }
        return;
    }
    let (accounts, policies) = futures::join!(accounts(unit, client), policies(unit, client));
    part.organizations.accounts = accounts;
    part.organizations.service_control_policies = policies;
}

async fn accounts(unit: &Unit, client: &aws_sdk_organizations::Client) -> Option<Vec<OrgAccount>> {
    let mut out = Vec::new();
    let mut pages = client.list_accounts().into_paginator().send();
    while let Some(page) = pages.next().await {
        let page = unit.read("ListAccounts", page).ok()?;
        for a in page.accounts() {
            let Some(id) = a.id() else { continue };
            let status = a
                .state()
                .map(|s| s.as_str().to_owned())
                .or_else(|| a.status().map(|s| s.as_str().to_owned()))
                .unwrap_or_default();
            out.push(OrgAccount {
                id: id.to_owned(),
                arn: a.arn().unwrap_or_default().to_owned(),
                name: a.name().unwrap_or_default().to_owned(),
                status,
            });
        }
    }
    Some(out)
}

async fn policies(unit: &Unit, client: &aws_sdk_organizations::Client) -> Option<Vec<ServiceControlPolicy>> {
    let mut summaries = Vec::new();
    let mut pages = client.list_policies().filter(PolicyType::ServiceControlPolicy).into_paginator().send();
    while let Some(page) = pages.next().await {
        let page = unit.read("ListPolicies", page).ok()?;
        for p in page.policies() {
            let Some(id) = p.id() else { continue };
            summaries.push(ServiceControlPolicy {
                id: id.to_owned(),
                arn: p.arn().unwrap_or_default().to_owned(),
                name: p.name().unwrap_or_default().to_owned(),
                aws_managed: p.aws_managed(),
                document: None,
                targets: None,
            });
        }
    }
    // Organizations allows few calls per second: keep the fan-out small.
    let limit = unit.inner_concurrency().min(4);
    let policies = futures::stream::iter(summaries)
        .map(|mut policy| async move {
            let described = client.describe_policy().policy_id(&policy.id).send().await;
            policy.document = unit
                .read_for("DescribePolicy", &policy.arn, described)
                .ok()
                .and_then(|d| d.policy().and_then(|p| p.content()).and_then(|c| serde_json::from_str(c).ok()));
            policy.targets = targets(unit, client, &policy).await;
            policy
        })
        .buffered(limit)
        .collect::<Vec<_>>()
        .await;
    Some(policies)
}

async fn targets(
    unit: &Unit,
    client: &aws_sdk_organizations::Client,
    policy: &ServiceControlPolicy,
) -> Option<Vec<String>> {
    let mut out = Vec::new();
    let mut pages = client.list_targets_for_policy().policy_id(&policy.id).into_paginator().send();
    while let Some(page) = pages.next().await {
        let page = unit.read_for("ListTargetsForPolicy", &policy.arn, page).ok()?;
        out.extend(page.targets().iter().filter_map(|t| t.target_id().map(str::to_owned)));
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::services::Service;
    use crate::setup::Shared;
    use aws_sdk_organizations::operation::describe_organization::DescribeOrganizationOutput;
    use aws_sdk_organizations::types::{Organization as SdkOrganization, OrganizationFeatureSet};
    use aws_sdk_organizations::Client;
    use aws_smithy_mocks::{create_mock_http_client, mock, MockResponseInterceptor, RuleMode};
    use std::sync::Arc;
    use wasp_model::GLOBAL_REGION;

    #[tokio::test]
    async fn a_member_account_does_not_call_the_management_only_operations() {
        let unit = Unit::new(Arc::new(Shared::for_tests(&["us-east-1"])), Service::Organizations, GLOBAL_REGION.into());
        let describe = mock!(Client::describe_organization).then_output(|| {
            DescribeOrganizationOutput::builder()
                .organization(
                    SdkOrganization::builder()
                        .id("o-abc")
                        .arn("arn:aws:organizations::999999999999:organization/o-abc")
                        .master_account_id("999999999999")
                        .feature_set(OrganizationFeatureSet::All)
                        .build(),
                )
                .build()
        });
        // Any other call would find no rule and fail the test.
        let mocks = MockResponseInterceptor::new().rule_mode(RuleMode::MatchAny).with_rule(&describe);
        let conf = aws_sdk_organizations::Config::builder()
            .behavior_version(aws_sdk_organizations::config::BehaviorVersion::latest())
            .region(aws_sdk_organizations::config::Region::new("us-east-1"))
            .credentials_provider(aws_sdk_organizations::config::Credentials::new("a", "b", None, None, "t"))
            .http_client(create_mock_http_client())
            .interceptor(mocks)
            .interceptor(unit.guard())
            .build();
        let mut part = Inventory::default();
        collect_with(&unit, &Client::from_conf(conf), &mut part).await;

        let org = part.organizations.organization.unwrap();
        let org = org.configured().unwrap();
        assert_eq!((org.id.as_str(), org.feature_set.as_str()), ("o-abc", "ALL"));
        assert!(part.organizations.accounts.is_none());
        assert!(part.organizations.service_control_policies.is_none());
        let gaps = unit.take_gaps();
        let ops: Vec<&str> = gaps.iter().map(|g| g.operation.as_str()).collect();
        assert_eq!(ops, ["ListAccounts", "ListPolicies"]);
        assert!(gaps.iter().all(|g| g.kind == GapKind::Unsupported && g.reason.contains("999999999999")));
        assert_eq!(unit.shared.calls.total(), 1);
    }
}
