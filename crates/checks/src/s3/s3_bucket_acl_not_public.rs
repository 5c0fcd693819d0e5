use crate::{declare_check, evidence};
use wasp_model::s3::PublicAccessBlock;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// The bucket ACL grants nothing to the `AllUsers` (anyone) or `AuthenticatedUsers` (any
    /// AWS customer) groups, or such grants cannot take effect because `IgnorePublicAcls` is
    /// on for the bucket or the account. FAIL when a public grant exists and both Block Public
    /// Access levels were read without that setting; SKIP when the ACL, or the block that
    /// would decide, could not be read.
    ///
    /// ### Why it matters
    /// ACL grants to these groups publish the bucket listing or its contents, or let strangers
    /// write to it. They are easy to miss because they live outside the bucket policy.
    ///
    /// ### How to fix
    /// Set Object Ownership to *bucket owner enforced* (which disables ACLs altogether) or
    /// remove the public grants, and turn on Block Public Access.
    S3BucketAclNotPublic {
        id: "s3_bucket_acl_not_public",
        title: "S3 bucket ACLs do not grant public access",
        severity: Critical,
        service: S3,
        resource_kind: "s3_bucket",
        best_practices: ["SEC03-BP07", "SEC08-BP04"],
        prowler: ["s3_bucket_public_list_acl", "s3_bucket_public_write_acl"],
        security_hub: ["S3.2", "S3.3"],
        config_rule: ["S3_BUCKET_PUBLIC_READ_PROHIBITED", "S3_BUCKET_PUBLIC_WRITE_PROHIBITED"],
        cis: [],
        reads: { S3: [ListBuckets, GetBucketLocation, GetBucketAcl, GetPublicAccessBlock] },
        remediation: "Disable ACLs with bucket-owner-enforced ownership or remove public grants.",
    }
}

impl S3BucketAclNotPublic {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for bucket in &inv.s3.buckets {
            let neutralised = super::public_access_neutralised(inv, bucket, PublicAccessBlock::neutralises_acls);
            let public: Option<Vec<String>> = bucket.acl_grants.as_ref().map(|grants| {
                grants.iter().filter(|g| g.is_public()).map(|g| format!("{} to {}", g.permission, g.grantee)).collect()
            });
            match (public, neutralised) {
                (Some(grants), _) if grants.is_empty() => out.pass(bucket, "the ACL has no public grants"),
                (_, Some(true)) => out.pass(bucket, "IgnorePublicAcls keeps any public grant from taking effect"),
                (Some(grants), Some(false)) => out.fail(bucket, format!("public ACL grants: {}", grants.join(", "))),
                (Some(_), None) => {
                    out.skip(bucket, "the ACL is public; whether Block Public Access ignores it was not read")
                }
                (None, _) => out.skip(bucket, evidence::unknown_for_resource(inv, &bucket.arn, "the bucket ACL")),
            }
        }
    }
}
