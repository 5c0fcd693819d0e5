//! Organizations: the organization the account belongs to and its service control policies,
//! which the management account and a delegated administrator may list. A member account is
//! refused that list once, as one gap; what it can see (its organization and feature set)
//! still counts. A delegated administrator (a member account SCPs restrict) also reads the
//! custom policies' documents and its own place in the organization, so its principals'
//! permissions can be evaluated within them.
use crate::errors::{classify, Classified};
use crate::unit::{client, Read, Unit};
use aws_sdk_organizations::types::{OrganizationFeatureSet, ParentType, PolicyType};
use futures::StreamExt;
use wasp_model::organizations::{
    FeatureSet, Organization, ServiceControlPolicy, DELEGATED_SERVICES, OTHER_POLICY_TYPES,
};
use wasp_model::{GapKind, Inventory, Setting};

pub(crate) async fn collect(unit: &Unit, part: &mut Inventory) {
    let org = client!(aws_sdk_organizations, unit);
    collect_with(unit, &org, part).await;
}

async fn collect_with(unit: &Unit, client: &aws_sdk_organizations::Client, part: &mut Inventory) {
    let answer = unit.read("DescribeOrganization", client.describe_organization().send().await);
    let organization = match answer {
        Read::Ok(out) => {
            let feature_set = out.organization().and_then(|o| match o.feature_set() {
                Some(OrganizationFeatureSet::All) => Some(FeatureSet::All),
                Some(OrganizationFeatureSet::ConsolidatedBilling) => Some(FeatureSet::ConsolidatedBilling),
                _ => None,
            });
            match (out.organization(), feature_set) {
                (Some(o), Some(feature_set)) => Organization {
                    id: o.id().unwrap_or_default().to_owned(),
                    arn: o.arn().unwrap_or_default().to_owned(),
                    master_account_id: o.master_account_id().unwrap_or_default().to_owned(),
                    feature_set,
                },
                _ => {
                    let reason = "the answer named no organization or no feature set".into();
                    unit.gap("DescribeOrganization", GapKind::Other, reason, None);
                    return;
                }
            }
        }
        Read::NotConfigured => {
            part.organizations.organization = Some(Setting::NotConfigured);
            return;
        }
        Read::Gap => return,
    };
    let management = organization.master_account_id.clone();
    let is_management = management == unit.account_id();
    part.organizations.organization = Some(Setting::Configured(organization));
    part.organizations.service_control_policies = policies(unit, client, is_management, &management).await;
    // Whoever may list SCPs may list the other policy types and delegated administrators; a
    // member account refused the SCPs would only be refused again.
    if part.organizations.service_control_policies.is_some() {
        for kind in OTHER_POLICY_TYPES {
            if let Some(list) = other_policies(unit, client, kind).await {
                part.organizations.policies.insert(kind.to_owned(), list);
            }
        }
        for service in DELEGATED_SERVICES {
            if let Some(accounts) = delegated_administrators(unit, client, service).await {
                part.organizations.delegated_administrators.insert(service.to_owned(), accounts);
            }
        }
    }
    // SCPs do not restrict the management account: where they do, say where the account sits.
    if !is_management && part.organizations.service_control_policies.is_some() {
        part.organizations.account_parents = parents(unit, client).await;
    }
}

/// The root and OUs above the scanned account, root first.
async fn parents(unit: &Unit, client: &aws_sdk_organizations::Client) -> Option<Vec<String>> {
    let mut child = unit.account_id().to_owned();
    let mut chain = Vec::new();
    // An organization nests OUs at most five deep under its root.
    for _ in 0..8 {
        let answer = unit.read("ListParents", client.list_parents().child_id(&child).send().await).ok()?;
        let parent = answer.parents().first()?;
        let id = parent.id()?.to_owned();
        chain.push(id.clone());
        if parent.r#type() == Some(&ParentType::Root) {
            chain.reverse();
            return Some(chain);
        }
        child = id;
    }
    unit.gap("ListParents", GapKind::Other, "the account's parents did not reach a root".into(), None);
    None
}

/// A policy's document, when it can be read and decoded.
async fn document(
    unit: &Unit,
    client: &aws_sdk_organizations::Client,
    policy: &ServiceControlPolicy,
) -> Option<serde_json::Value> {
    let answer =
        unit.read_for("DescribePolicy", &policy.arn, client.describe_policy().policy_id(&policy.id).send().await);
    let text = answer.ok()?.policy()?.content()?.to_owned();
    match serde_json::from_str(&text) {
        Ok(v) => Some(v),
        Err(e) => {
            unit.gap("DescribePolicy", GapKind::Other, format!("the policy is not JSON: {e}"), Some(&policy.arn));
            None
        }
    }
}

async fn policies(
    unit: &Unit,
    client: &aws_sdk_organizations::Client,
    is_management: bool,
    management: &str,
) -> Option<Vec<ServiceControlPolicy>> {
    let mut summaries = Vec::new();
    let mut pages = client.list_policies().filter(PolicyType::ServiceControlPolicy).into_paginator().send();
    while let Some(page) = pages.next().await {
        let page = match page {
            Ok(page) => page,
            Err(err) => {
                if let Classified::Gap { kind, mut reason } = classify("ListPolicies", &err) {
                    // A member account that is not a delegated administrator is refused: say why.
                    if kind == GapKind::AccessDenied && !is_management {
                        reason = format!(
                            "{reason}; only the management account ({management}) or a delegated administrator \
                             may list the organization's policies"
                        );
                    }
                    unit.gap("ListPolicies", kind, reason, None);
                }
                return None;
            }
        };
        for p in page.policies() {
            let Some(id) = p.id() else { continue };
            summaries.push(ServiceControlPolicy {
                id: id.to_owned(),
                arn: p.arn().unwrap_or_default().to_owned(),
                name: p.name().unwrap_or_default().to_owned(),
                aws_managed: p.aws_managed(),
                targets: None,
                document: None,
            });
        }
    }
    // Organizations allows few calls per second: keep the fan-out small. AWS-managed policies
    // (FullAWSAccess) restrict nothing, so their targets are not asked for.
    let limit = unit.inner_concurrency().min(4);
    let policies = futures::stream::iter(summaries)
        .map(|mut policy| async move {
            if !policy.aws_managed {
                policy.targets = targets(unit, client, &policy).await;
                if !is_management {
                    policy.document = document(unit, client, &policy).await;
                }
            }
            policy
        })
        .buffered(limit)
        .collect::<Vec<_>>()
        .await;
    Some(policies)
}

/// Policies of one other type with their targets. AWS-managed ones (`RCPFullAWSAccess`)
/// restrict nothing and are kept without targets.
async fn other_policies(
    unit: &Unit,
    client: &aws_sdk_organizations::Client,
    kind: &str,
) -> Option<Vec<ServiceControlPolicy>> {
    let mut summaries = Vec::new();
    let mut pages = client.list_policies().filter(PolicyType::from(kind)).into_paginator().send();
    while let Some(page) = pages.next().await {
        let page = unit.read("ListPolicies", page).ok()?;
        summaries.extend(page.policies().iter().filter_map(|p| {
            Some(ServiceControlPolicy {
                id: p.id()?.to_owned(),
                arn: p.arn().unwrap_or_default().to_owned(),
                name: p.name().unwrap_or_default().to_owned(),
                aws_managed: p.aws_managed(),
                targets: None,
                document: None,
            })
        }));
    }
    let limit = unit.inner_concurrency().min(4);
    let policies = futures::stream::iter(summaries)
        .map(|mut policy| async move {
            if !policy.aws_managed {
                policy.targets = targets(unit, client, &policy).await;
                // Whether an AI opt-out policy opts out is in its content.
                if kind == "AISERVICES_OPT_OUT_POLICY" {
                    policy.document = document(unit, client, &policy).await;
                }
            }
            policy
        })
        .buffered(limit)
        .collect::<Vec<_>>()
        .await;
    Some(policies)
}

/// The accounts registered as delegated administrators of one service.
async fn delegated_administrators(
    unit: &Unit,
    client: &aws_sdk_organizations::Client,
    service: &str,
) -> Option<Vec<String>> {
    let mut out = Vec::new();
    let mut pages = client.list_delegated_administrators().service_principal(service).into_paginator().send();
    while let Some(page) = pages.next().await {
        let page = unit.read("ListDelegatedAdministrators", page).ok()?;
        out.extend(page.delegated_administrators().iter().filter_map(|a| a.id().map(str::to_owned)));
    }
    Some(out)
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
    use crate::setup::Shared;
    use aws_sdk_organizations::operation::describe_organization::DescribeOrganizationOutput;
    use aws_sdk_organizations::operation::list_policies::ListPoliciesError;
    use aws_sdk_organizations::types::Organization as SdkOrganization;
    use aws_sdk_organizations::Client;
    use aws_smithy_mocks::{create_mock_http_client, mock, MockResponseInterceptor, RuleMode};
    use aws_smithy_types::error::ErrorMetadata;
    use std::sync::Arc;
    use wasp_model::{Service, GLOBAL_REGION};

    #[tokio::test]
    async fn a_member_account_sees_its_organization_and_is_refused_the_policies_once() {
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
        let denied = mock!(Client::list_policies).then_error(|| {
            ListPoliciesError::generic(ErrorMetadata::builder().code("AccessDeniedException").message("no").build())
        });
        // Any other call would find no rule and fail the test.
        let mocks =
            MockResponseInterceptor::new().rule_mode(RuleMode::MatchAny).with_rule(&describe).with_rule(&denied);
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
        assert_eq!((org.id.as_str(), org.feature_set), ("o-abc", FeatureSet::All));
        assert!(part.organizations.service_control_policies.is_none());
        let gaps = unit.take_gaps();
        assert_eq!(gaps.len(), 1, "{gaps:?}");
        assert_eq!((gaps[0].operation.as_str(), gaps[0].kind), ("ListPolicies", GapKind::AccessDenied));
        assert!(gaps[0].reason.contains("999999999999"), "{}", gaps[0].reason);
        assert_eq!(unit.shared.calls.total(), 2);
    }

    #[tokio::test]
    async fn a_delegated_administrator_reads_custom_policy_documents_and_its_parents() {
        use aws_sdk_organizations::operation::describe_policy::DescribePolicyOutput;
        use aws_sdk_organizations::operation::list_delegated_administrators::ListDelegatedAdministratorsOutput;
        use aws_sdk_organizations::operation::list_parents::ListParentsOutput;
        use aws_sdk_organizations::operation::list_policies::ListPoliciesOutput;
        use aws_sdk_organizations::operation::list_targets_for_policy::ListTargetsForPolicyOutput;
        use aws_sdk_organizations::types::{
            DelegatedAdministrator, Parent, Policy, PolicySummary, PolicyTargetSummary,
        };

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
        let summary = |id: &str, name: &str, aws_managed: bool| {
            PolicySummary::builder()
                .id(id)
                .arn(format!("arn:aws:organizations::999999999999:policy/{id}"))
                .name(name)
                .aws_managed(aws_managed)
                .build()
        };
        let list = mock!(Client::list_policies)
            .match_requests(|r| r.filter() == Some(&PolicyType::ServiceControlPolicy))
            .then_output(move || {
                ListPoliciesOutput::builder()
                    .policies(summary("p-FullAWSAccess", "FullAWSAccess", true))
                    .policies(summary("p-guard", "guard", false))
                    .build()
            });
        // The other policy types: a tag policy, and none of the rest.
        let tag_policies = mock!(Client::list_policies)
            .match_requests(|r| r.filter() == Some(&PolicyType::TagPolicy))
            .then_output(move || ListPoliciesOutput::builder().policies(summary("p-tags", "tags", false)).build());
        let other_types = mock!(Client::list_policies)
            .match_requests(|r| {
                r.filter() != Some(&PolicyType::ServiceControlPolicy) && r.filter() != Some(&PolicyType::TagPolicy)
            })
            .then_output(|| ListPoliciesOutput::builder().build());
        let delegated = mock!(Client::list_delegated_administrators)
            .match_requests(|r| r.service_principal() == Some("guardduty.amazonaws.com"))
            .then_output(|| {
                ListDelegatedAdministratorsOutput::builder()
                    .delegated_administrators(DelegatedAdministrator::builder().id("222222222222").build())
                    .build()
            });
        let not_delegated = mock!(Client::list_delegated_administrators)
            .match_requests(|r| r.service_principal() != Some("guardduty.amazonaws.com"))
            .then_output(|| ListDelegatedAdministratorsOutput::builder().build());
        let targets = mock!(Client::list_targets_for_policy).then_output(|| {
            ListTargetsForPolicyOutput::builder()
                .targets(PolicyTargetSummary::builder().target_id("ou-ab12-cdef3456").build())
                .build()
        });
        let content = mock!(Client::describe_policy).then_output(|| {
            DescribePolicyOutput::builder()
                .policy(
                    Policy::builder()
                        .content(r#"{"Statement":{"Effect":"Deny","Action":"iam:*","Resource":"*"}}"#)
                        .build(),
                )
                .build()
        });
        let parents =
            mock!(Client::list_parents).match_requests(|r| r.child_id() == Some("123456789012")).then_output(|| {
                ListParentsOutput::builder()
                    .parents(Parent::builder().id("ou-ab12-cdef3456").r#type(ParentType::OrganizationalUnit).build())
                    .build()
            });
        let root = mock!(Client::list_parents)
            .match_requests(|r| r.child_id() == Some("ou-ab12-cdef3456"))
            .then_output(|| {
                ListParentsOutput::builder()
                    .parents(Parent::builder().id("r-ab12").r#type(ParentType::Root).build())
                    .build()
            });
        let mocks = MockResponseInterceptor::new()
            .rule_mode(RuleMode::MatchAny)
            .with_rule(&describe)
            .with_rule(&list)
            .with_rule(&tag_policies)
            .with_rule(&other_types)
            .with_rule(&delegated)
            .with_rule(&not_delegated)
            .with_rule(&targets)
            .with_rule(&content)
            .with_rule(&parents)
            .with_rule(&root);
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

        let policies = part.organizations.service_control_policies.unwrap();
        let guard = policies.iter().find(|p| p.name == "guard").unwrap();
        assert_eq!(guard.targets.as_deref(), Some(&["ou-ab12-cdef3456".to_owned()][..]));
        assert_eq!(guard.document.as_ref().unwrap()["Statement"]["Action"], "iam:*");
        let full = policies.iter().find(|p| p.name == "FullAWSAccess").unwrap();
        assert!(full.document.is_none() && full.targets.is_none(), "AWS-managed policies are not read further");
        assert_eq!(part.organizations.account_parents, Some(vec!["r-ab12".to_owned(), "ou-ab12-cdef3456".to_owned()]));
        // The other policy types and the delegated administrators are read too.
        let tags = &part.organizations.policies["TAG_POLICY"];
        assert_eq!((tags[0].name.as_str(), tags[0].targets.as_ref().map(Vec::len)), ("tags", Some(1)));
        assert!(part.organizations.policies["RESOURCE_CONTROL_POLICY"].is_empty());
        assert_eq!(part.organizations.policies.len(), 4);
        assert_eq!(part.organizations.delegated_administrators["guardduty.amazonaws.com"], vec!["222222222222"]);
        assert!(part.organizations.delegated_administrators["macie.amazonaws.com"].is_empty());
        let delegation_calls: u64 = unit
            .shared
            .calls
            .rows()
            .iter()
            .filter(|r| r.operation == "ListDelegatedAdministrators")
            .map(|r| r.count)
            .sum();
        assert_eq!(delegation_calls, 6, "one call per security service");
        assert!(unit.take_gaps().is_empty());
    }
}
