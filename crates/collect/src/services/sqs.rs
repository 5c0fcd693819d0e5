//! SQS of one region: every queue (one paginated `ListQueues`) with its encryption and access
//! policy (one `GetQueueAttributes` per queue asking for those attributes alone; AWS offers
//! no bulk form). Messages are never read.
use crate::unit::{client, Unit};
use aws_sdk_sqs::types::QueueAttributeName;
use futures::StreamExt;
use wasp_model::sqs::{Queue, QueueEncryption};
use wasp_model::{GapKind, Inventory};

/// Queues per `ListQueues` page; without a page size SQS returns at most 1,000 and no token.
const LIST_PAGE: i32 = 1000;

/// The attributes asked for: nothing else about the queue is read.
const ATTRIBUTES: [QueueAttributeName; 4] = [
    QueueAttributeName::QueueArn,
    QueueAttributeName::Policy,
    QueueAttributeName::KmsMasterKeyId,
    QueueAttributeName::SqsManagedSseEnabled,
];

pub(crate) async fn collect(unit: &Unit, part: &mut Inventory) {
    let sqs = client!(aws_sdk_sqs, unit);
    part.sqs.queues = queues(unit, &sqs).await;
}

/// Every queue listed before any failure, each with its attributes read.
async fn queues(unit: &Unit, sqs: &aws_sdk_sqs::Client) -> Vec<Queue> {
    let mut urls = Vec::new();
    let mut pages = sqs.list_queues().max_results(LIST_PAGE).into_paginator().send();
    while let Some(page) = pages.next().await {
        let Some(page) = unit.read("ListQueues", page).ok() else { break };
        urls.extend(page.queue_urls().iter().cloned());
    }
    futures::stream::iter(urls).map(|url| read_queue(unit, sqs, url)).buffered(unit.inner_concurrency()).collect().await
}

async fn read_queue(unit: &Unit, sqs: &aws_sdk_sqs::Client, url: String) -> Queue {
    let name = url.trim_end_matches('/').rsplit('/').next().unwrap_or_default().to_owned();
    let mut queue =
        Queue { arn: unit.arn("sqs", &name), name, region: unit.region.clone(), url: Some(url), ..Queue::default() };
    let url = queue.url.as_deref().unwrap_or_default();
    let answer = sqs.get_queue_attributes().queue_url(url).set_attribute_names(Some(ATTRIBUTES.to_vec())).send().await;
    let Some(out) = unit.read_for("GetQueueAttributes", &queue.arn, answer).ok() else { return queue };
    let attribute = |name: QueueAttributeName| {
        out.attributes().and_then(|a| a.get(&name)).map(|v| v.trim()).filter(|v| !v.is_empty())
    };
    if let Some(arn) = attribute(QueueAttributeName::QueueArn) {
        queue.arn = arn.to_owned();
    }
    queue.encryption =
        encryption(attribute(QueueAttributeName::KmsMasterKeyId), attribute(QueueAttributeName::SqsManagedSseEnabled));
    if queue.encryption.is_none() {
        let reason = "the answer names neither a KMS key nor SqsManagedSseEnabled".to_owned();
        unit.gap("GetQueueAttributes", GapKind::Other, reason, Some(&queue.arn));
    }
    queue.policy =
        super::policy_document(unit, "GetQueueAttributes", &queue.arn, attribute(QueueAttributeName::Policy));
    queue
}

/// A KMS key means SSE-KMS; otherwise `SqsManagedSseEnabled`, which SQS always answers when
/// asked, says whether SSE-SQS is on. Neither: unknown.
fn encryption(kms_key: Option<&str>, sqs_managed: Option<&str>) -> Option<QueueEncryption> {
    match (kms_key, sqs_managed) {
        (Some(key), _) => Some(QueueEncryption::Kms(key.to_owned())),
        (None, Some(on)) if on.eq_ignore_ascii_case("true") => Some(QueueEncryption::SqsManaged),
        (None, Some(_)) => Some(QueueEncryption::Disabled),
        (None, None) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_kms_key_wins_and_sqs_managed_is_read_as_answered() {
        assert_eq!(
            encryption(Some("alias/aws/sqs"), Some("false")),
            Some(QueueEncryption::Kms("alias/aws/sqs".into()))
        );
        assert_eq!(encryption(None, Some("true")), Some(QueueEncryption::SqsManaged));
        assert_eq!(encryption(None, Some("false")), Some(QueueEncryption::Disabled));
        assert_eq!(encryption(None, None), None, "an answer that does not say is not a 'disabled'");
    }
}
