//! KMS: keys of one region with metadata, rotation, policy and aliases.
use crate::unit::{client, Unit};
use futures::StreamExt;
use std::collections::HashMap;
use wasp_model::kms::Key;
use wasp_model::Inventory;

pub(crate) async fn collect(unit: &Unit, part: &mut Inventory) {
    let kms = client!(aws_sdk_kms, unit);
    let mut key_ids = Vec::new();
    let mut pages = kms.list_keys().into_paginator().send();
    while let Some(page) = pages.next().await {
        match unit.read("ListKeys", page).ok() {
            Some(page) => key_ids.extend(page.keys().iter().filter_map(|k| k.key_id().map(str::to_owned))),
            None => return,
        }
    }
    // Aliases for every key in one paginated call rather than one per key.
    let mut aliases: HashMap<String, Vec<String>> = HashMap::new();
    let mut pages = kms.list_aliases().into_paginator().send();
    while let Some(page) = pages.next().await {
        let Some(page) = unit.read("ListAliases", page).ok() else { break };
        for alias in page.aliases() {
            if let (Some(target), Some(name)) = (alias.target_key_id(), alias.alias_name()) {
                aliases.entry(target.to_owned()).or_default().push(name.to_owned());
            }
        }
    }
    let keys = futures::stream::iter(key_ids)
        .map(|id| {
            let kms = &kms;
            let aliases = aliases.get(&id).cloned().unwrap_or_default();
            async move { read_key(unit, kms, id, aliases).await }
        })
        .buffered(unit.inner_concurrency())
        .collect::<Vec<_>>()
        .await;
    part.kms.keys.extend(keys.into_iter().flatten());
}

async fn read_key(unit: &Unit, kms: &aws_sdk_kms::Client, id: String, aliases: Vec<String>) -> Option<Key> {
    let described = unit.read_for("DescribeKey", &id, kms.describe_key().key_id(&id).send().await).ok()?;
    let meta = described.key_metadata()?;
    let manager = meta.key_manager().map_or("CUSTOMER", |m| m.as_str()).to_owned();
    let state = meta.key_state().map_or("Unknown", |s| s.as_str()).to_owned();
    let mut key = Key {
        arn: meta.arn().map_or_else(|| unit.arn("kms", &format!("key/{id}")), str::to_owned),
        region: unit.region.clone(),
        manager,
        state,
        spec: meta.key_spec().map_or("SYMMETRIC_DEFAULT", |s| s.as_str()).to_owned(),
        origin: meta.origin().map_or("AWS_KMS", |o| o.as_str()).to_owned(),
        aliases,
        deletion_date: meta.deletion_date().and_then(|d| chrono::DateTime::from_timestamp(d.secs(), 0)),
        id: id.clone(),
        ..Key::default()
    };
    // AWS-managed keys rotate on AWS's schedule and their policies are AWS's: no more calls.
    if !key.is_customer_managed() || key.state == "PendingDeletion" {
        return Some(key);
    }
    if key.supports_rotation() {
        let rotation = kms.get_key_rotation_status().key_id(&id).send().await;
        key.rotation_enabled =
            unit.read_for("GetKeyRotationStatus", &key.arn, rotation).ok().map(|r| r.key_rotation_enabled());
    }
    let policy = kms.get_key_policy().key_id(&id).policy_name("default").send().await;
    key.policy = unit
        .read_for("GetKeyPolicy", &key.arn, policy)
        .ok()
        .and_then(|p| p.policy().and_then(|text| serde_json::from_str(text).ok()));
    Some(key)
}
