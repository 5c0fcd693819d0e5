//! Secrets Manager of one region: every secret (one paginated `ListSecrets`, which carries
//! rotation, dates and key), then each secret's resource policy (`GetResourcePolicy`; AWS has
//! no bulk form). Secret values are never requested.
use crate::unit::{client, Read, Unit};
use futures::StreamExt;
use wasp_model::secretsmanager::Secret;
use wasp_model::Inventory;

/// Secrets per `ListSecrets` page (the most AWS allows).
const PAGE: i32 = 100;

pub(crate) async fn collect(unit: &Unit, part: &mut Inventory) {
    let sm = client!(aws_sdk_secretsmanager, unit);
    let mut listed = Vec::new();
    let mut pages = sm.list_secrets().max_results(PAGE).into_paginator().send();
    while let Some(page) = pages.next().await {
        let Some(page) = unit.read("ListSecrets", page).ok() else { break };
        listed.extend(page.secret_list().iter().filter_map(|s| {
            let arn = s.arn()?.to_owned();
            let rules = s.rotation_rules();
            Some(Secret {
                name: s.name().unwrap_or_default().to_owned(),
                region: unit.region.clone(),
                rotation_enabled: Some(s.rotation_enabled().unwrap_or(false)),
                rotation_interval_days: rules.and_then(|r| r.automatically_after_days()),
                rotation_schedule: rules.and_then(|r| r.schedule_expression()).map(str::to_owned),
                created: s.created_date().and_then(super::iam::timestamp),
                last_rotated: s.last_rotated_date().and_then(super::iam::timestamp),
                last_changed: s.last_changed_date().and_then(super::iam::timestamp),
                last_accessed: s.last_accessed_date().and_then(super::iam::timestamp),
                kms_key_id: s.kms_key_id().filter(|k| !k.is_empty()).map(str::to_owned),
                owning_service: s.owning_service().map(str::to_owned),
                policy: None,
                arn,
                location: None,
            })
        }));
    }
    part.secretsmanager.secrets = futures::stream::iter(listed)
        .map(|secret| {
            let sm = &sm;
            async move {
                let answer = sm.get_resource_policy().secret_id(&secret.arn).send().await;
                let policy = match unit.read_for("GetResourcePolicy", &secret.arn, answer) {
                    Read::Ok(out) => {
                        super::policy_document(unit, "GetResourcePolicy", &secret.arn, out.resource_policy())
                    }
                    Read::NotConfigured => Some(wasp_model::Setting::NotConfigured),
                    Read::Gap => None,
                };
                Secret { policy, ..secret }
            }
        })
        .buffered(unit.inner_concurrency())
        .collect()
        .await;
}
