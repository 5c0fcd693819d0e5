use crate::{declare_check, evidence};
use wasp_model::{Inventory, Setting};

declare_check! {
    /// ### What it checks
    /// Every bucket encrypts new objects at rest by default: its default encryption
    /// configuration names SSE-S3 (`AES256`), SSE-KMS (`aws:kms`) or DSSE-KMS
    /// (`aws:kms:dsse`). Since January 2023 S3 applies SSE-S3 to every bucket without a
    /// configuration of its own, so a FAIL here means AWS answered that the bucket has none
    /// (older endpoints or copies of old configurations). Which keys are used is judged by
    /// `s3_bucket_default_encryption_kms`. SKIP when the configuration could not be read.
    ///
    /// ### Why it matters
    /// Objects written without encryption sit in plain form on S3's storage and in every copy
    /// and replica made of them. Default encryption makes encryption at rest independent of
    /// every writer remembering to ask for it.
    ///
    /// ### How to fix
    /// Run `aws s3api put-bucket-encryption` with SSE-S3 or, for a second access control on
    /// the data, SSE-KMS with a customer-managed key and S3 Bucket Keys.
    S3BucketDefaultEncryptionEnabled {
        id: "s3_bucket_default_encryption_enabled",
        title: "S3 buckets encrypt new objects at rest by default",
        severity: Medium,
        service: S3,
        resource_kind: "s3_bucket",
        best_practices: ["SEC08-BP02"],
        prowler: ["s3_bucket_default_encryption"],
        security_hub: [],
        config_rule: ["S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED"],
        cis: [],
        reads: { S3: [ListBuckets, GetBucketLocation, GetBucketEncryption] },
        remediation: "Turn on default encryption (SSE-S3 or SSE-KMS) for the bucket.",
    }
}

impl S3BucketDefaultEncryptionEnabled {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for bucket in &inv.s3.buckets {
            match &bucket.encryption {
                Some(Setting::Configured(enc)) => {
                    out.pass(bucket, format!("new objects are encrypted with {}", enc.algorithm.as_str()))
                }
                Some(Setting::NotConfigured) => out.fail(bucket, "no default encryption is configured"),
                None => {
                    out.skip(bucket, evidence::unknown_for_resource(inv, &bucket.arn, "the encryption configuration"))
                }
            }
        }
    }
}
