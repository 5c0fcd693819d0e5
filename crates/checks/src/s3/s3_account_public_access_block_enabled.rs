use crate::{declare_check, evidence, Status};
use wasp_model::{Inventory, Service, Setting, GLOBAL_REGION};

declare_check! {
    /// ### What it checks
    /// The account-level S3 Block Public Access has all four settings on: block public ACLs,
    /// ignore public ACLs, block public policies and restrict public buckets. FAIL when the
    /// account has no block or any setting is off (the message names them); SKIP when the
    /// account setting could not be read.
    ///
    /// ### Why it matters
    /// The account-level block overrides every bucket and covers buckets created tomorrow, so
    /// one setting prevents a whole class of data exposure regardless of who writes the next
    /// bucket policy.
    ///
    /// ### How to fix
    /// Run `aws s3control put-public-access-block --account-id <id>` with all four settings
    /// true, after moving any intentionally public content behind CloudFront with origin
    /// access control.
    S3AccountPublicAccessBlockEnabled {
        id: "s3_account_public_access_block_enabled",
        title: "S3 Block Public Access is fully on at account level",
        severity: Medium,
        service: S3,
        resource_kind: "account",
        best_practices: ["SEC03-BP07", "SEC08-BP04"],
        prowler: [],
        security_hub: ["S3.1"],
        config_rule: ["S3_ACCOUNT_LEVEL_PUBLIC_ACCESS_BLOCKS_PERIODIC"],
        cis: [],
        reads: { S3: [GetPublicAccessBlock] },
        remediation: "Turn on all four S3 Block Public Access settings for the account.",
    }
}

impl S3AccountPublicAccessBlockEnabled {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        let arn = inv.account_arn();
        let block = match &inv.s3.account_public_access_block {
            None => {
                let why = evidence::unknown_because(inv, Service::S3, GLOBAL_REGION, "the account public access block");
                out.report(Status::Skip, arn, GLOBAL_REGION, why);
                return;
            }
            Some(Setting::NotConfigured) => {
                out.report(Status::Fail, arn, GLOBAL_REGION, "no account-level public access block");
                return;
            }
            Some(Setting::Configured(block)) => block,
        };
        let settings = [
            (block.block_public_acls, "BlockPublicAcls"),
            (block.ignore_public_acls, "IgnorePublicAcls"),
            (block.block_public_policy, "BlockPublicPolicy"),
            (block.restrict_public_buckets, "RestrictPublicBuckets"),
        ];
        let off: Vec<&str> = settings.iter().filter(|(on, _)| !on).map(|(_, name)| *name).collect();
        if off.is_empty() {
            out.report(Status::Pass, arn, GLOBAL_REGION, "all four account-level settings are on");
        } else {
            out.report(Status::Fail, arn, GLOBAL_REGION, format!("account-level settings off: {}", off.join(", ")));
        }
    }
}
