use crate::{declare_check, evidence};
use wasp_model::sqs::QueueEncryption;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Every SQS queue has server-side encryption: SSE-SQS (`SqsManagedSseEnabled`, keys SQS
    /// owns) or SSE-KMS (a `KmsMasterKeyId`, AWS managed `alias/aws/sqs` or customer managed).
    /// Either passes; a queue with neither fails. SKIP when the queue's attributes could not be
    /// read. Queues created since late 2022 get SSE-SQS unless it was turned off, so a failure
    /// is an old queue or a deliberate opt-out.
    ///
    /// ### Why it matters
    /// Messages wait in a queue for up to 14 days, often carrying order details, tokens or
    /// personal data. Without server-side encryption they are stored in the clear on SQS's
    /// side.
    ///
    /// ### How to fix
    /// Run `aws sqs set-queue-attributes --queue-url <url> --attributes
    /// SqsManagedSseEnabled=true`, or set `KmsMasterKeyId` to a KMS key when the key policy
    /// should decide who can read messages (then allow the producers, including services such
    /// as SNS or EventBridge, to use the key).
    SqsQueueEncryptedAtRest {
        id: "sqs_queue_encrypted_at_rest",
        title: "SQS queues use server-side encryption",
        severity: Medium,
        service: Sqs,
        resource_kind: "sqs_queue",
        best_practices: ["SEC08-BP02"],
        prowler: ["sqs_queues_server_side_encryption_enabled"],
        security_hub: ["SQS.1"],
        config_rule: [],
        cis: [],
        reads: { Sqs: [ListQueues, GetQueueAttributes] },
        remediation: "Turn on SSE-SQS or set a KMS key for the queue.",
    }
}

impl SqsQueueEncryptedAtRest {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for queue in &inv.sqs.queues {
            match &queue.encryption {
                Some(QueueEncryption::SqsManaged) => out.pass(queue, "encrypted with SQS-managed keys (SSE-SQS)"),
                Some(QueueEncryption::Kms(key)) => out.pass(queue, format!("encrypted with KMS key {key} (SSE-KMS)")),
                Some(QueueEncryption::Disabled) => out.fail(queue, "the queue has no server-side encryption"),
                None => out.skip(queue, evidence::unknown_for_resource(inv, &queue.arn, "the queue's encryption")),
            }
        }
    }
}
