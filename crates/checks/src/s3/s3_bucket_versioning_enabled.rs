use crate::{declare_check, evidence};
use wasp_model::s3::VersioningStatus;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// The bucket's versioning status is `Enabled`. FAIL when versioning was never turned on
    /// or is suspended; SKIP when the versioning configuration could not be read.
    ///
    /// ### Why it matters
    /// Without versioning, an overwrite or delete, whether a mistake, a bad deployment or
    /// ransomware using stolen credentials, destroys the only copy of the object.
    ///
    /// ### How to fix
    /// Run `aws s3api put-bucket-versioning --versioning-configuration Status=Enabled`, and
    /// add lifecycle rules that expire old versions so storage does not grow without bound.
    S3BucketVersioningEnabled {
        id: "s3_bucket_versioning_enabled",
        title: "S3 buckets have versioning enabled",
        severity: Low,
        service: S3,
        resource_kind: "s3_bucket",
        best_practices: ["SEC08-BP04"],
        prowler: ["s3_bucket_object_versioning"],
        security_hub: ["S3.14"],
        config_rule: ["S3_BUCKET_VERSIONING_ENABLED"],
        cis: [],
        reads: { S3: [ListBuckets, GetBucketLocation, GetBucketVersioning] },
        remediation: "Enable versioning on the bucket and expire old versions with a lifecycle rule.",
    }
}

impl S3BucketVersioningEnabled {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for bucket in &inv.s3.buckets {
            match bucket.versioning.map(|v| v.status) {
                Some(VersioningStatus::Enabled) => out.pass(bucket, "versioning is enabled"),
                Some(VersioningStatus::Suspended) => out.fail(bucket, "versioning is suspended"),
                Some(VersioningStatus::Never) => out.fail(bucket, "versioning was never enabled"),
                None => {
                    out.skip(bucket, evidence::unknown_for_resource(inv, &bucket.arn, "the versioning configuration"))
                }
            }
        }
    }
}
