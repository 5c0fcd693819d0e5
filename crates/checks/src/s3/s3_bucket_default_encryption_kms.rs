use crate::{declare_check, evidence};
use wasp_model::{Inventory, Setting};

declare_check! {
    /// ### What it checks
    /// The bucket's default encryption uses KMS keys: algorithm `aws:kms` (SSE-KMS) or
    /// `aws:kms:dsse` (DSSE-KMS). This is about who controls the keys, not whether data is
    /// encrypted at rest (`s3_bucket_default_encryption_enabled` judges that): S3-managed keys
    /// (`AES256`, SSE-S3) encrypt the data but FAIL here, as does a bucket reported without
    /// default encryption. SKIP when the encryption configuration could not be read.
    ///
    /// ### Why it matters
    /// SSE-S3 protects against lost disks but anyone allowed to read an object gets it
    /// decrypted. With a KMS key, reading also needs `kms:Decrypt` on the key, which gives a
    /// second, separately audited access control and an off switch for the data.
    ///
    /// ### How to fix
    /// Set default encryption to SSE-KMS with a customer-managed key and enable S3 Bucket Keys
    /// to keep KMS request costs down.
    S3BucketDefaultEncryptionKms {
        id: "s3_bucket_default_encryption_kms",
        title: "S3 buckets encrypt by default with KMS keys",
        severity: Low,
        service: S3,
        resource_kind: "s3_bucket",
        best_practices: ["SEC08-BP01"],
        prowler: ["s3_bucket_kms_encryption"],
        security_hub: ["S3.17"],
        config_rule: ["S3_DEFAULT_ENCRYPTION_KMS"],
        cis: [],
        reads: { S3: [ListBuckets, GetBucketLocation, GetBucketEncryption] },
        remediation: "Set the bucket's default encryption to SSE-KMS with a customer-managed key.",
    }
}

impl S3BucketDefaultEncryptionKms {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for bucket in &inv.s3.buckets {
            match &bucket.encryption {
                Some(Setting::Configured(enc)) if enc.algorithm.uses_kms() => {
                    out.pass(bucket, format!("default encryption is {}", enc.algorithm.as_str()))
                }
                Some(Setting::Configured(enc)) => {
                    out.fail(bucket, format!("default encryption is {}, not KMS", enc.algorithm.as_str()))
                }
                Some(Setting::NotConfigured) => out.fail(bucket, "no default encryption is configured"),
                None => {
                    out.skip(bucket, evidence::unknown_for_resource(inv, &bucket.arn, "the encryption configuration"))
                }
            }
        }
    }
}
