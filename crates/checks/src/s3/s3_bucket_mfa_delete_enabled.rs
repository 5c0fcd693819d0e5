use crate::{declare_check, evidence};
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// MFA delete is on in the bucket's versioning configuration, so permanently deleting an
    /// object version or changing the versioning state needs the root user's MFA code. FAIL
    /// when it is off (including buckets without versioning, where it cannot be on); SKIP when
    /// the versioning configuration could not be read.
    ///
    /// ### Why it matters
    /// Versioning only protects data until someone with delete rights purges the old versions.
    /// MFA delete puts that purge behind a physical second factor that stolen keys lack.
    ///
    /// ### How to fix
    /// As the root user with its MFA device, run `aws s3api put-bucket-versioning
    /// --versioning-configuration Status=Enabled,MFADelete=Enabled --mfa "<serial> <code>"`;
    /// for most buckets, Object Lock is the more practical alternative.
    S3BucketMfaDeleteEnabled {
        id: "s3_bucket_mfa_delete_enabled",
        title: "S3 buckets require MFA to delete object versions",
        severity: Low,
        service: S3,
        resource_kind: "s3_bucket",
        best_practices: ["SEC08-BP04"],
        prowler: ["s3_bucket_no_mfa_delete"],
        security_hub: ["S3.20"],
        config_rule: ["S3_BUCKET_MFA_DELETE_ENABLED"],
        cis: ["3.0:2.1.2", "4.0:2.1.2", "5.0:2.1.2"],
        reads: { S3: [ListBuckets, GetBucketLocation, GetBucketVersioning] },
        remediation: "Enable MFA delete on the bucket, or protect it with Object Lock.",
    }
}

impl S3BucketMfaDeleteEnabled {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for bucket in &inv.s3.buckets {
            match bucket.versioning {
                Some(v) if v.mfa_delete => out.pass(bucket, "MFA delete is enabled"),
                Some(_) => out.fail(bucket, "MFA delete is off"),
                None => {
                    out.skip(bucket, evidence::unknown_for_resource(inv, &bucket.arn, "the versioning configuration"))
                }
            }
        }
    }
}
