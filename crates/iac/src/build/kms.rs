//! KMS keys.
use super::{Builder, Res};
use serde_json::json;
use wasp_model::kms::{Key, KeyManager, KeyOrigin, KeyState};

/// `AWS::KMS::Key`: a symmetric key of KMS's own material unless `KeySpec`/`Origin` say
/// otherwise; rotation off unless `EnableKeyRotation`; without `KeyPolicy`, KMS's default
/// policy (the account's IAM policies decide).
pub fn key(b: &mut Builder<'_>, r: &Res<'_>) {
    let spec = b.text(r, &["KeySpec"]).map(|s| s.unwrap_or_else(|| "SYMMETRIC_DEFAULT".to_owned())).ok();
    let origin = match b.text(r, &["Origin"]) {
        Ok(None) => Some(KeyOrigin::AwsKms),
        Ok(Some(o)) => match o.as_str() {
            "EXTERNAL" => Some(KeyOrigin::External),
            "AWS_CLOUDHSM" => Some(KeyOrigin::AwsCloudhsm),
            "EXTERNAL_KEY_STORE" => Some(KeyOrigin::ExternalKeyStore),
            _ => Some(KeyOrigin::AwsKms),
        },
        Err(()) => None,
    };
    let rotation_enabled = b.flag(r, &["EnableKeyRotation"], false);
    let enabled = b.flag(r, &["Enabled"], true);
    let policy = match b.read(r, &["KeyPolicy"]) {
        Ok(Some(p)) => Some(p),
        Ok(None) => Some(json!({
            "Version": "2012-10-17",
            "Statement": [{"Sid": "Enable IAM User Permissions", "Effect": "Allow",
                           "Principal": {"AWS": format!("arn:aws:iam::{}:root", b.ctx.account)},
                           "Action": "kms:*", "Resource": "*"}]
        })),
        Err(()) => None,
    };
    b.inv.kms.keys.push(Key {
        arn: r.arn.clone(),
        id: r.reference.clone(),
        region: b.ctx.region.clone(),
        manager: KeyManager::Customer,
        state: if enabled == Some(false) { KeyState::Disabled } else { KeyState::Enabled },
        spec,
        origin,
        rotation_enabled,
        deletion_date: None,
        policy,
        tags: Default::default(),
        location: Some(r.location.clone()),
    });
}
