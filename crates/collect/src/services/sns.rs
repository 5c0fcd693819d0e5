//! SNS of one region: who is subscribed to which topic, in one paginated call, so alarm
//! checks can tell whether an alarm's topic reaches anyone.
use crate::unit::{client, Unit};
use wasp_model::sns::Subscription;
use wasp_model::Inventory;

pub(crate) async fn collect(unit: &Unit, part: &mut Inventory) {
    let sns = client!(aws_sdk_sns, unit);
    let mut subscriptions = Vec::new();
    let mut pages = sns.list_subscriptions().into_paginator().send();
    while let Some(page) = pages.next().await {
        // The region's list is complete or unread: a partial one would hide subscribers.
        let Some(page) = unit.read("ListSubscriptions", page).ok() else { return };
        subscriptions.extend(page.subscriptions().iter().filter_map(|s| {
            Some(Subscription {
                topic_arn: s.topic_arn()?.to_owned(),
                protocol: s.protocol().unwrap_or_default().to_owned(),
                // An unconfirmed subscription's ARN is `PendingConfirmation`.
                confirmed: s.subscription_arn().is_some_and(|arn| arn.starts_with("arn:")),
            })
        }));
    }
    part.sns.subscriptions.insert(unit.region.clone(), subscriptions);
}
