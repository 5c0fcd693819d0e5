//! KMS: keys of one region with their metadata, key policy and rotation status.
use crate::unit::{client, Unit};
use aws_sdk_kms::types::{KeyManagerType, KeyState as SdkKeyState, OriginType};
use futures::StreamExt;
use wasp_model::kms::{Key, KeyManager, KeyOrigin, KeyState};
use wasp_model::{GapKind, Inventory};

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
    let keys = futures::stream::iter(key_ids)
        .map(|id| {
            let kms = &kms;
            async move { read_key(unit, kms, id).await }
        })
        .buffered(unit.inner_concurrency())
        .collect::<Vec<_>>()
        .await;
    part.kms.keys.extend(keys.into_iter().flatten());
}

fn key_state(state: &SdkKeyState) -> Option<KeyState> {
    Some(match state {
        SdkKeyState::Enabled => KeyState::Enabled,
        SdkKeyState::Disabled => KeyState::Disabled,
        SdkKeyState::PendingDeletion => KeyState::PendingDeletion,
        SdkKeyState::PendingImport => KeyState::PendingImport,
        SdkKeyState::PendingReplicaDeletion => KeyState::PendingReplicaDeletion,
        SdkKeyState::Unavailable => KeyState::Unavailable,
        SdkKeyState::Creating => KeyState::Creating,
        SdkKeyState::Updating => KeyState::Updating,
        _ => return None,
    })
}

async fn read_key(unit: &Unit, kms: &aws_sdk_kms::Client, id: String) -> Option<Key> {
    let described = unit.read_for("DescribeKey", &id, kms.describe_key().key_id(&id).send().await).ok()?;
    let meta = described.key_metadata()?;
    let arn = meta.arn().map_or_else(|| unit.arn("kms", &format!("key/{id}")), str::to_owned);
    let manager = match meta.key_manager() {
        Some(KeyManagerType::Aws) => Some(KeyManager::Aws),
        Some(KeyManagerType::Customer) => Some(KeyManager::Customer),
        _ => None,
    };
    // Who manages the key and its state decide every verdict: without them, the key is a gap.
    let (Some(manager), Some(state)) = (manager, meta.key_state().and_then(key_state)) else {
        let reason = "the key description lacks its manager or state".to_owned();
        unit.gap("DescribeKey", GapKind::Other, reason, Some(&arn));
        return None;
    };
    let mut key = Key {
        region: unit.region.clone(),
        manager,
        state,
        spec: meta.key_spec().map(|s| s.as_str().to_owned()),
        origin: meta.origin().and_then(|o| match o {
            OriginType::AwsKms => Some(KeyOrigin::AwsKms),
            OriginType::External => Some(KeyOrigin::External),
            OriginType::AwsCloudhsm => Some(KeyOrigin::AwsCloudhsm),
            OriginType::ExternalKeyStore => Some(KeyOrigin::ExternalKeyStore),
            _ => None,
        }),
        deletion_date: meta.deletion_date().and_then(|d| chrono::DateTime::from_timestamp(d.secs(), 0)),
        arn,
        id: id.clone(),
        ..Key::default()
    };
    // The key policy decides who may use the key; AWS writes the policies of its own keys.
    if key.is_customer_managed() {
        let answer = kms.get_key_policy().key_id(&id).policy_name("default").send().await;
        if let Some(text) = unit.read_for("GetKeyPolicy", &key.arn, answer).ok().and_then(|r| r.policy) {
            match serde_json::from_str(&text) {
                Ok(policy) => key.policy = Some(policy),
                Err(e) => {
                    let reason = format!("the key policy is not JSON: {e}");
                    unit.gap("GetKeyPolicy", GapKind::Other, reason, Some(&key.arn));
                }
            }
        }
    }
    // AWS-managed keys rotate on AWS's schedule; keys AWS cannot rotate need no question.
    if !key.is_customer_managed() || key.state.is_pending_deletion() || key.supports_rotation() == Some(false) {
        return Some(key);
    }
    let rotation = kms.get_key_rotation_status().key_id(&id).send().await;
    key.rotation_enabled =
        unit.read_for("GetKeyRotationStatus", &key.arn, rotation).ok().map(|r| r.key_rotation_enabled());
    Some(key)
}
