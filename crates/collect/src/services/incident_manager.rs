//! Incident Manager of one region: the replication set, response plans (`ssm-incidents`) and
//! contacts (`ssm-contacts`).
use crate::unit::{client, Unit};
use wasp_model::incident_manager::{Contact, IncidentManagerRegion, ResponsePlan};
use wasp_model::{Inventory, Setting};

pub(crate) async fn collect(unit: &Unit, part: &mut Inventory) {
    let incidents = client!(aws_sdk_ssmincidents, unit);
    let contacts = client!(aws_sdk_ssmcontacts, unit);
    collect_with(unit, &incidents, &contacts, part).await;
}

/// The unit with given clients (tests pass mocked ones; moto implements neither service).
async fn collect_with(
    unit: &Unit,
    incidents: &aws_sdk_ssmincidents::Client,
    contacts: &aws_sdk_ssmcontacts::Client,
    part: &mut Inventory,
) {
    let (replication_set, response_plans, contacts) = futures::join!(
        replication_set(unit, incidents),
        response_plans(unit, incidents),
        list_contacts(unit, contacts)
    );
    part.incident_manager
        .regions
        .insert(unit.region.clone(), IncidentManagerRegion { replication_set, response_plans, contacts });
}

async fn replication_set(unit: &Unit, client: &aws_sdk_ssmincidents::Client) -> Option<Setting<String>> {
    let mut pages = client.list_replication_sets().into_paginator().send();
    let mut arns = Vec::new();
    while let Some(page) = pages.next().await {
        arns.extend(unit.read("ListReplicationSets", page).ok()?.replication_set_arns().iter().cloned());
    }
    Some(arns.into_iter().next().map_or(Setting::NotConfigured, Setting::Configured))
}

async fn response_plans(unit: &Unit, client: &aws_sdk_ssmincidents::Client) -> Option<Vec<ResponsePlan>> {
    let mut pages = client.list_response_plans().into_paginator().send();
    let mut out = Vec::new();
    while let Some(page) = pages.next().await {
        let page = unit.read("ListResponsePlans", page).ok()?;
        out.extend(
            page.response_plan_summaries()
                .iter()
                .map(|p| ResponsePlan { arn: p.arn().to_owned(), name: p.name().to_owned() }),
        );
    }
    Some(out)
}

async fn list_contacts(unit: &Unit, client: &aws_sdk_ssmcontacts::Client) -> Option<Vec<Contact>> {
    let mut pages = client.list_contacts().into_paginator().send();
    let mut out = Vec::new();
    while let Some(page) = pages.next().await {
        let page = unit.read("ListContacts", page).ok()?;
        out.extend(page.contacts().iter().map(|c| Contact {
            arn: c.contact_arn().to_owned(),
            alias: c.alias().to_owned(),
            contact_type: Some(c.r#type().as_str().to_owned()),
        }));
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::setup::Shared;
    use aws_sdk_ssmcontacts::operation::list_contacts::{ListContactsError, ListContactsOutput};
    use aws_sdk_ssmincidents::operation::list_replication_sets::ListReplicationSetsOutput;
    use aws_sdk_ssmincidents::operation::list_response_plans::ListResponsePlansOutput;
    use aws_sdk_ssmincidents::types::ResponsePlanSummary;
    use aws_smithy_mocks::{create_mock_http_client, mock, MockResponseInterceptor, RuleMode};
    use aws_smithy_types::error::ErrorMetadata;
    use std::sync::Arc;
    use wasp_model::{GapKind, Service};

    fn unit() -> Unit {
        Unit::new(Arc::new(Shared::for_tests(&["us-east-1"])), Service::IncidentManager, "us-east-1".into())
    }

    macro_rules! mocked {
        ($sdk:ident, $unit:expr, $($rule:expr),+) => {{
            let mocks = MockResponseInterceptor::new().rule_mode(RuleMode::MatchAny)$(.with_rule($rule))+;
            let conf = $sdk::Config::builder()
                .behavior_version($sdk::config::BehaviorVersion::latest())
                .region($sdk::config::Region::new("us-east-1"))
                .credentials_provider($sdk::config::Credentials::new("a", "b", None, None, "t"))
                .http_client(create_mock_http_client())
                .interceptor(mocks)
                .interceptor($unit.guard())
                .build();
            $sdk::Client::from_conf(conf)
        }};
    }

    #[tokio::test]
    async fn response_plans_and_contacts_are_read_and_a_denied_list_is_a_gap() {
        let unit = unit();
        let sets = mock!(aws_sdk_ssmincidents::Client::list_replication_sets).then_output(|| {
            ListReplicationSetsOutput::builder()
                .replication_set_arns("arn:aws:ssm-incidents::123456789012:replication-set/abc")
                .build()
                .unwrap()
        });
        let plans = mock!(aws_sdk_ssmincidents::Client::list_response_plans).then_output(|| {
            let plan = ResponsePlanSummary::builder()
                .arn("arn:aws:ssm-incidents::123456789012:response-plan/credentials")
                .name("credentials")
                .build()
                .unwrap();
            ListResponsePlansOutput::builder().response_plan_summaries(plan).build().unwrap()
        });
        let denied = mock!(aws_sdk_ssmcontacts::Client::list_contacts).then_error(|| {
            ListContactsError::generic(ErrorMetadata::builder().code("AccessDeniedException").message("no").build())
        });
        let incidents = mocked!(aws_sdk_ssmincidents, &unit, &sets, &plans);
        let contacts = mocked!(aws_sdk_ssmcontacts, &unit, &denied);
        let mut part = Inventory::default();
        collect_with(&unit, &incidents, &contacts, &mut part).await;

        let region = &part.incident_manager.regions["us-east-1"];
        assert_eq!(
            region.replication_set,
            Some(Setting::Configured("arn:aws:ssm-incidents::123456789012:replication-set/abc".to_owned()))
        );
        assert_eq!(region.response_plans.as_ref().unwrap()[0].name, "credentials");
        assert!(region.contacts.is_none(), "a denied list is unknown, never empty");
        let gaps = unit.take_gaps();
        assert_eq!(gaps.len(), 1, "{gaps:?}");
        assert_eq!((gaps[0].operation.as_str(), gaps[0].kind), ("ListContacts", GapKind::AccessDenied));
        assert_eq!(unit.shared.calls.total(), 3);
    }

    #[tokio::test]
    async fn an_account_without_incident_manager_has_no_replication_set() {
        let unit = unit();
        let sets = mock!(aws_sdk_ssmincidents::Client::list_replication_sets).then_output(|| {
            ListReplicationSetsOutput::builder().set_replication_set_arns(Some(vec![])).build().unwrap()
        });
        let plans = mock!(aws_sdk_ssmincidents::Client::list_response_plans).then_output(|| {
            ListResponsePlansOutput::builder().set_response_plan_summaries(Some(vec![])).build().unwrap()
        });
        let none =
            mock!(aws_sdk_ssmcontacts::Client::list_contacts).then_output(|| ListContactsOutput::builder().build());
        let incidents = mocked!(aws_sdk_ssmincidents, &unit, &sets, &plans);
        let contacts = mocked!(aws_sdk_ssmcontacts, &unit, &none);
        let mut part = Inventory::default();
        collect_with(&unit, &incidents, &contacts, &mut part).await;
        let region = &part.incident_manager.regions["us-east-1"];
        assert_eq!(region.replication_set, Some(Setting::NotConfigured));
        assert_eq!(region.response_plans.as_deref(), Some(&[][..]));
        assert_eq!(region.contacts.as_deref(), Some(&[][..]));
        assert!(unit.take_gaps().is_empty());
    }
}
