use super::bucket;
use crate::{declare_check, Status};
use wasp_model::s3::PublicAccessBlock;
use wasp_model::{Inventory, Setting};

declare_check! {
    /// ### What it checks
    /// For each trail, the S3 bucket it delivers to is not public: S3's own policy status
    /// (`GetBucketPolicyStatus`) is not public, or `RestrictPublicBuckets` is on for the
    /// bucket or the account; and its ACL grants nothing to `AllUsers` or
    /// `AuthenticatedUsers`, or `IgnorePublicAcls` is on. The same semantics as
    /// `s3_bucket_policy_not_public` and `s3_bucket_acl_not_public`, applied to trail buckets.
    /// FAIL names the public policy or grant. SKIP when the bucket is not in the inventory (a
    /// bucket in a log archive account is judged by scanning that account), or its policy
    /// status, ACL or the Block Public Access setting that would decide could not be read.
    ///
    /// ### Why it matters
    /// Trail logs map the whole account: principals, resources, IP addresses and errors. A
    /// public log bucket hands that map to anyone, and a writable one lets them be erased.
    ///
    /// ### How to fix
    /// Remove public statements and grants from the bucket and enable S3 Block Public Access
    /// on it and on the account; keep trail logs in a dedicated log archive account.
    CloudtrailS3BucketNotPublic {
        id: "cloudtrail_s3_bucket_not_public",
        title: "The S3 bucket of each trail is not public",
        severity: Critical,
        service: CloudTrail,
        resource_kind: "cloudtrail_trail",
        best_practices: ["SEC04-BP01", "SEC03-BP07"],
        prowler: ["cloudtrail_logs_s3_bucket_is_not_publicly_accessible"],
        security_hub: ["CloudTrail.6"],
        config_rule: [],
        cis: [],
        reads: { CloudTrail: [DescribeTrails], S3: [ListBuckets, GetBucketPolicyStatus, GetBucketAcl, GetPublicAccessBlock] },
        remediation: "Block public access to the trail's log bucket.",
    }
}

impl CloudtrailS3BucketNotPublic {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for trail in &inv.cloudtrail.trails {
            let b = match bucket::of(inv, trail) {
                Ok(b) => b,
                Err(why) => {
                    out.skip(trail, why);
                    continue;
                }
            };
            let (status, message) = verdict(inv, b);
            match status {
                Status::Pass => out.pass(trail, message),
                Status::Fail => out.fail(trail, message),
                Status::Skip => out.skip(trail, message),
                _ => {}
            }
        }
    }
}

fn verdict(inv: &Inventory, b: &wasp_model::s3::Bucket) -> (Status, String) {
    let name = &b.name;
    let policy = crate::s3::public_access_neutralised(inv, b, PublicAccessBlock::neutralises_policies);
    let policy_public = match (b.policy_is_public, &b.policy, policy) {
        (Some(false), _, _) | (None, Some(Setting::NotConfigured), _) | (_, _, Some(true)) => Some(false),
        (Some(true), _, Some(false)) => Some(true),
        _ => None,
    };
    let acls = crate::s3::public_access_neutralised(inv, b, PublicAccessBlock::neutralises_acls);
    let acl_public = match (b.acl_grants.as_ref().map(|g| g.iter().any(|g| g.is_public())), acls) {
        (Some(false), _) | (_, Some(true)) => Some(false),
        (Some(true), Some(false)) => Some(true),
        _ => None,
    };
    match (policy_public, acl_public) {
        (Some(true), _) => (Status::Fail, format!("the policy of log bucket {name} grants public access")),
        (_, Some(true)) => (Status::Fail, format!("the ACL of log bucket {name} grants public access")),
        (Some(false), Some(false)) => (Status::Pass, format!("log bucket {name} is not public")),
        _ => (
            Status::Skip,
            crate::evidence::unknown_for_resource(inv, &b.arn, &format!("whether log bucket {name} is public")),
        ),
    }
}
