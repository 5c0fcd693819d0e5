use crate::{declare_check, evidence};
use wasp_model::s3::PublicAccessBlock;
use wasp_model::{Inventory, Setting};

declare_check! {
    /// ### What it checks
    /// S3's own verdict on the bucket policy (`GetBucketPolicyStatus`) is not public, or a
    /// public policy cannot take effect because `RestrictPublicBuckets` is on for the bucket or
    /// the account. A bucket without a policy passes. FAIL when the policy is public and both
    /// Block Public Access levels were read without that setting; SKIP when the policy status,
    /// or the block that would decide, could not be read.
    ///
    /// ### Why it matters
    /// A public bucket policy lets anyone on the internet (or any AWS customer) read, list or
    /// write objects, depending on its actions. It is the most common cause of large S3 data
    /// leaks.
    ///
    /// ### How to fix
    /// Remove the statements that grant `"Principal": "*"` without restricting conditions
    /// (serve public content through CloudFront with origin access control instead) and turn on
    /// Block Public Access.
    S3BucketPolicyNotPublic {
        id: "s3_bucket_policy_not_public",
        title: "S3 bucket policies do not grant public access",
        severity: Critical,
        service: S3,
        resource_kind: "s3_bucket",
        best_practices: ["SEC03-BP07", "SEC08-BP04"],
        prowler: ["s3_bucket_public_access", "s3_bucket_policy_public_write_access"],
        security_hub: ["S3.2", "S3.3"],
        config_rule: ["S3_BUCKET_PUBLIC_READ_PROHIBITED", "S3_BUCKET_PUBLIC_WRITE_PROHIBITED"],
        cis: [],
        reads: { S3: [ListBuckets, GetBucketLocation, GetBucketPolicy, GetBucketPolicyStatus, GetPublicAccessBlock] },
        remediation: "Remove public statements from the bucket policy and turn on Block Public Access.",
    }
}

impl S3BucketPolicyNotPublic {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for bucket in &inv.s3.buckets {
            let neutralised = super::public_access_neutralised(inv, bucket, PublicAccessBlock::neutralises_policies);
            match (bucket.policy_is_public, &bucket.policy, neutralised) {
                (Some(false), _, _) => out.pass(bucket, "the bucket policy is not public"),
                (None, Some(Setting::NotConfigured), _) => out.pass(bucket, "the bucket has no policy"),
                (_, _, Some(true)) => {
                    out.pass(bucket, "RestrictPublicBuckets keeps any public policy from taking effect")
                }
                (Some(true), _, Some(false)) => out.fail(bucket, "the bucket policy grants public access"),
                (Some(true), _, None) => {
                    out.skip(bucket, "the policy is public; whether Block Public Access restricts it was not read")
                }
                (None, _, _) => {
                    out.skip(bucket, evidence::unknown_for_resource(inv, &bucket.arn, "the bucket policy status"))
                }
            }
        }
    }
}
