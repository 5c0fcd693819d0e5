//! CloudWatch Logs groups.
use super::{Builder, Res};
use wasp_model::logs::LogGroup;

/// `AWS::Logs::LogGroup`: kept forever unless `RetentionInDays`; encrypted with a key
/// CloudWatch Logs manages unless `KmsKeyId`.
pub fn log_group(b: &mut Builder<'_>, r: &Res<'_>) {
    let retention = b.int(r, &["RetentionInDays"]);
    let kms_key_id = b.text(r, &["KmsKeyId"]);
    if retention.is_err() || kms_key_id.is_err() {
        // The model cannot hold "unknown" retention or key: the group is not judged.
        b.unjudged(r, "log_group", format!("{}: a value is unresolved (see the gaps)", r.logical));
        return;
    }
    b.inv.logs.log_groups.push(LogGroup {
        arn: r.arn.clone(),
        name: r.name.clone(),
        region: b.ctx.region.clone(),
        retention_days: retention.ok().flatten().and_then(|d| u32::try_from(d).ok()),
        kms_key_id: kms_key_id.ok().flatten(),
        created: None,
        location: Some(r.location.clone()),
    });
}
