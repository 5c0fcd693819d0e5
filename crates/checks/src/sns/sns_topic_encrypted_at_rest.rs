use crate::{declare_check, evidence};
use wasp_model::{Inventory, Setting};

declare_check! {
    /// ### What it checks
    /// Every SNS topic has server-side encryption with a KMS key (the `KmsMasterKeyId`
    /// attribute), whether the AWS managed key `alias/aws/sns` or a customer managed one. A
    /// topic without the attribute FAILs; SKIP when the topic's attributes could not be read.
    ///
    /// SNS stores every message on encrypted disks whatever this setting says; AWS Security Hub
    /// retired its control for this (SNS.1) in 2024 for that reason. The check therefore has a
    /// low severity: what server-side encryption adds is encryption of each message under a KMS
    /// key, so reading messages at rest also needs that key.
    ///
    /// ### Why it matters
    /// With a KMS key, every use of the key is authorised by its key policy and recorded in
    /// CloudTrail, and disabling the key cuts access to the messages the topic holds. Topics
    /// that carry personal or secret data (alerts quoting log lines, order events) are the
    /// ones worth it.
    ///
    /// ### How to fix
    /// Run `aws sns set-topic-attributes --topic-arn <arn> --attribute-name KmsMasterKeyId
    /// --attribute-value <key>`. With a customer managed key, first allow the publishing
    /// services (`cloudwatch.amazonaws.com`, `events.amazonaws.com` …) to use the key with
    /// `kms:GenerateDataKey*` and `kms:Decrypt`, or their messages will be dropped.
    SnsTopicEncryptedAtRest {
        id: "sns_topic_encrypted_at_rest",
        title: "SNS topics use server-side encryption with KMS",
        severity: Low,
        service: Sns,
        resource_kind: "sns_topic",
        best_practices: ["SEC08-BP02"],
        prowler: ["sns_topics_kms_encryption_at_rest_enabled"],
        security_hub: [],
        config_rule: ["SNS_ENCRYPTED_KMS"],
        cis: [],
        reads: { Sns: [ListTopics, GetTopicAttributes] },
        remediation: "Set a KMS key as the topic's KmsMasterKeyId.",
    }
}

impl SnsTopicEncryptedAtRest {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for topic in &inv.sns.topics {
            match &topic.kms_master_key_id {
                Some(Setting::Configured(key)) => out.pass(topic, format!("messages are encrypted with KMS key {key}")),
                Some(Setting::NotConfigured) => {
                    out.fail(topic, "no server-side encryption: messages rest under SNS's disk encryption only")
                }
                None => out.skip(topic, evidence::unknown_for_resource(inv, &topic.arn, "the topic's encryption")),
            }
        }
    }
}
