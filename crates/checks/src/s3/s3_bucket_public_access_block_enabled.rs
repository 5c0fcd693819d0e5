use crate::declare_check;
use wasp_model::{s3::PublicAccessBlock, Inventory, Setting};

declare_check! {
    /// ### What it checks
    /// Each bucket has all four S3 Block Public Access settings on, either on the bucket itself
    /// or through the account-level block (which overrides the bucket's). FAIL when any of the
    /// four is off at both levels; SKIP when neither setting could be read.
    ///
    /// ### Why it matters
    /// Block Public Access is the guardrail that stops a mistaken ACL or policy from publishing
    /// data to the internet. Without it, one wrong statement exposes the bucket.
    ///
    /// ### How to fix
    /// Turn on all four settings at the account level (`aws s3control
    /// put-public-access-block`) or, for buckets that must stay public on purpose (static
    /// websites behind CloudFront should not), on each bucket.
    S3BucketPublicAccessBlockEnabled {
        id: "s3_bucket_public_access_block_enabled",
        title: "S3 buckets block public access",
        severity: High,
        service: S3,
        resource_kind: "s3_bucket",
        best_practices: ["SEC03-BP07", "SEC08-BP04"],
        prowler: [],
        security_hub: [],
        config_rule: [],
        cis: ["3.0:2.1.4", "4.0:2.1.4", "5.0:2.1.4"],
        reads: { S3: [ListBuckets, GetBucketLocation, GetPublicAccessBlock] },
        remediation: "Turn on all four Block Public Access settings for the bucket or the account.",
    }
}

fn merged(a: Option<&PublicAccessBlock>, b: Option<&PublicAccessBlock>) -> PublicAccessBlock {
    let a = a.copied().unwrap_or_default();
    let b = b.copied().unwrap_or_default();
    PublicAccessBlock {
        block_public_acls: a.block_public_acls || b.block_public_acls,
        ignore_public_acls: a.ignore_public_acls || b.ignore_public_acls,
        block_public_policy: a.block_public_policy || b.block_public_policy,
        restrict_public_buckets: a.restrict_public_buckets || b.restrict_public_buckets,
    }
}

impl S3BucketPublicAccessBlockEnabled {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        let account = inv.s3.account_public_access_block.as_ref();
        if let Some(Setting::Configured(block)) = account {
            if block.all_enabled() {
                for bucket in &inv.s3.buckets {
                    out.pass(bucket, "the account-level public access block covers this bucket");
                }
                return;
            }
        }
        for bucket in &inv.s3.buckets {
            let own = bucket.public_access_block.as_ref();
            let (Some(own), Some(account)) = (own, account) else {
                // One level unknown: PASS is still provable from the other alone.
                if let Some(Setting::Configured(b)) = own {
                    if b.all_enabled() {
                        out.pass(bucket, "all four public access block settings are on");
                        continue;
                    }
                }
                out.skip(bucket, "the bucket or account public access block was not read");
                continue;
            };
            let effective = merged(own.configured(), account.configured());
            if effective.all_enabled() {
                out.pass(bucket, "all four public access block settings are on");
            } else {
                out.fail(bucket, "public access is not fully blocked for this bucket");
            }
        }
    }
}
