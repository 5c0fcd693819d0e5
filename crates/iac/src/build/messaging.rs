//! SNS topics and SQS queues, with their policies.
use super::{as_bool, as_texts, Builder, Res};
use wasp_model::sns::Topic;
use wasp_model::sqs::{Queue, QueueEncryption};
use wasp_model::Setting;

/// `AWS::SNS::Topic`: no server-side encryption unless `KmsMasterKeyId`.
pub fn topic(b: &mut Builder<'_>, r: &Res<'_>) {
    let kms_master_key_id = match b.text(r, &["KmsMasterKeyId"]) {
        Ok(Some(k)) => Some(Setting::Configured(k)),
        Ok(None) => Some(Setting::NotConfigured),
        Err(()) => None,
    };
    b.inv.sns.topics.push(Topic {
        arn: r.arn.clone(),
        name: r.name.clone(),
        region: b.ctx.region.clone(),
        kms_master_key_id,
        policy: Some(Setting::NotConfigured),
        location: Some(r.location.clone()),
    });
}

/// `AWS::SQS::Queue`: SSE-SQS unless `KmsMasterKeyId` names a key or
/// `SqsManagedSseEnabled: false` turns it off (SSE-SQS is the default since October 2022).
pub fn queue(b: &mut Builder<'_>, r: &Res<'_>) {
    let encryption = match (b.text(r, &["KmsMasterKeyId"]), b.read(r, &["SqsManagedSseEnabled"])) {
        (Ok(Some(key)), _) => Some(QueueEncryption::Kms(key)),
        (Ok(None), Ok(Some(v))) if as_bool(&v) == Some(false) => Some(QueueEncryption::Disabled),
        (Ok(None), Ok(_)) => Some(QueueEncryption::SqsManaged),
        _ => None,
    };
    b.inv.sqs.queues.push(Queue {
        arn: r.arn.clone(),
        name: r.name.clone(),
        region: b.ctx.region.clone(),
        url: Some(r.reference.clone()),
        encryption,
        policy: Some(Setting::NotConfigured),
        location: Some(r.location.clone()),
    });
}

/// `AWS::SNS::TopicPolicy`, joined to each topic it lists.
pub fn topic_policy(b: &mut Builder<'_>, r: &Res<'_>) {
    let Ok(Some(topics)) = b.read(r, &["Topics"]) else { return };
    let document = b.read(r, &["PolicyDocument"]);
    for arn in as_texts(&topics) {
        if let Some(t) = b.inv.sns.topics.iter_mut().find(|t| t.arn == arn) {
            t.policy = document.clone().ok().flatten().map(Setting::Configured);
        }
    }
}

/// `AWS::SQS::QueuePolicy`, joined to each queue (by URL) it lists.
pub fn queue_policy(b: &mut Builder<'_>, r: &Res<'_>) {
    let Ok(Some(queues)) = b.read(r, &["Queues"]) else { return };
    let document = b.read(r, &["PolicyDocument"]);
    for url in as_texts(&queues) {
        if let Some(q) = b.inv.sqs.queues.iter_mut().find(|q| q.url.as_deref() == Some(url.as_str()) || q.arn == url) {
            q.policy = document.clone().ok().flatten().map(Setting::Configured);
        }
    }
}
