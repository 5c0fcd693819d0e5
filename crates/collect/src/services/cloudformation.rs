//! CloudFormation: the stacks of one region, from `DescribeStacks` alone (termination
//! protection, drift status, notification topics and tags come with each stack). Parameters
//! and outputs, which may hold secrets, are never kept.
use crate::unit::{client, Unit};
use wasp_model::cloudformation::Stack;
use wasp_model::Inventory;

pub(crate) async fn collect(unit: &Unit, part: &mut Inventory) {
    let cf = client!(aws_sdk_cloudformation, unit);
    let mut stacks = Vec::new();
    let mut pages = cf.describe_stacks().into_paginator().send();
    while let Some(page) = pages.next().await {
        // A partial list would undercount the managed share: nothing rather than part.
        let Some(page) = unit.read("DescribeStacks", page).ok() else { return };
        stacks.extend(page.stacks().iter().filter_map(|s| {
            let name = s.stack_name()?.to_owned();
            Some(Stack {
                arn: s.stack_id().map_or_else(|| unit.arn("cloudformation", &format!("stack/{name}")), str::to_owned),
                name,
                region: unit.region.clone(),
                status: s.stack_status().map(|t| t.as_str().to_owned()),
                parent: s.root_id().or(s.parent_id()).map(str::to_owned),
                termination_protection: s.enable_termination_protection(),
                drift_status: s.drift_information().and_then(|d| d.stack_drift_status()).map(|d| d.as_str().to_owned()),
                notification_arns: s.notification_arns().to_vec(),
                tags: s.tags().iter().filter_map(|t| Some((t.key()?.to_owned(), t.value()?.to_owned()))).collect(),
                location: None,
            })
        }));
    }
    part.cloudformation.stacks.extend(stacks);
}
