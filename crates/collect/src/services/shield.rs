//! Shield Advanced (global): the subscription (`DescribeSubscription`; AWS answers
//! `ResourceNotFoundException` when there is none) and, when subscribed, the protected
//! resources (one paginated `ListProtections`).
use crate::unit::{client, Read, Unit};
use wasp_model::Inventory;

/// Shield's API lives in us-east-1 only.
const SHIELD_REGION: &str = "us-east-1";

pub(crate) async fn collect(unit: &Unit, part: &mut Inventory) {
    let shield = client!(aws_sdk_shield, unit, SHIELD_REGION);
    let answer = shield.describe_subscription().send().await;
    part.shield.subscribed = match unit.read("DescribeSubscription", answer) {
        Read::Ok(out) => Some(out.subscription().is_some()),
        Read::NotConfigured => Some(false),
        Read::Gap => None,
    };
    if part.shield.subscribed != Some(true) {
        return;
    }
    let mut protected = Vec::new();
    let mut pages = shield.list_protections().into_paginator().send();
    while let Some(page) = pages.next().await {
        let Some(page) = unit.read("ListProtections", page).ok() else { return };
        protected.extend(page.protections().iter().filter_map(|p| p.resource_arn()).map(str::to_owned));
    }
    part.shield.protected_resources = Some(protected);
}
