use crate::resource_policy::{confused_deputy, report_confused_deputy, trusted};
use crate::{declare_check, evidence};
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Every grant a bucket policy makes to an AWS service principal (`cloudtrail.amazonaws.com`,
    /// `config.amazonaws.com`, `logging.s3.amazonaws.com`, `delivery.logs.amazonaws.com`,
    /// `cloudfront.amazonaws.com` …) is tied to its source by `aws:SourceAccount`,
    /// `aws:SourceArn`, `aws:SourceOrgID` or `aws:SourceOrgPaths`, as AWS's cross-service
    /// confused deputy guidance asks of resource policies. It is judged with wasp's policy
    /// engine: each service the policy names is simulated acting for an account outside the
    /// trusted set (the scanned account, its organization's management account and
    /// organization, `[checks] trusted_accounts`). A source condition restricts when it pins
    /// one of those accounts, the organization or a named resource; a wildcard account or
    /// resource (`arn:aws:cloudtrail:*:*:trail/*`) restricts nothing, and neither do
    /// conditions that say nothing about the source (`aws:SecureTransport`, `s3:x-amz-acl`,
    /// `aws:SourceIp`). A condition that names another account's resource ties the grant to
    /// that source and is left to `s3_bucket_policy_no_untrusted_access`. Because a bucket ARN
    /// holds no account, a statement tied only by `aws:SourceArn` naming buckets (server
    /// access logging, S3 notifications) also fails: AWS asks for `aws:SourceAccount` beside
    /// it.
    ///
    /// Elastic Load Balancing's log delivery principals
    /// (`logdelivery.elasticloadbalancing.amazonaws.com`, `logdelivery.elb.amazonaws.com`)
    /// are not judged: AWS's documented policy for them carries no source condition and scopes
    /// the grant by the `AWSLogs/<account-id>/` key prefix instead. Grants to principals that
    /// are accounts, and grants to everyone, are the business of the untrusted-access and
    /// public-access checks.
    ///
    /// FAIL names each service and statement whose grant lacks the condition. A bucket without
    /// a policy passes; SKIP when the policy could not be read or parsed.
    ///
    /// ### Why it matters
    /// Services that write logs, reports or exports deliver to whichever bucket their customer
    /// names. Without a source condition, any AWS customer can point their trail, recorder or
    /// distribution at your bucket, and the service — acting with the permission you granted
    /// it — writes into it or reads from it for them.
    ///
    /// ### How to fix
    /// Add `"StringEquals": {"aws:SourceAccount": "<your account>"}` to each statement that
    /// grants a service, or `"ArnLike": {"aws:SourceArn": "<the trail, recorder or
    /// distribution ARN>"}` to name the resource that uses the bucket; for an organization
    /// trail, `aws:SourceOrgID`. For server access logging, add both the source bucket's
    /// `aws:SourceArn` and `aws:SourceAccount`.
    S3BucketPolicyConfusedDeputy {
        id: "s3_bucket_policy_confused_deputy",
        title: "Bucket policies tie grants to AWS services to their source",
        severity: Medium,
        service: S3,
        resource_kind: "s3_bucket",
        best_practices: ["SEC03-BP02", "SEC03-BP07", "SEC03-BP08"],
        prowler: [],
        security_hub: [],
        config_rule: [],
        cis: [],
        reads: { S3: [ListBuckets, GetBucketPolicy], Organizations: [DescribeOrganization] },
        remediation: "Add aws:SourceAccount or aws:SourceArn to each bucket policy statement that grants an AWS service.",
    }
}

impl S3BucketPolicyConfusedDeputy {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        let trusted = trusted(inv, out.settings());
        for bucket in &inv.s3.buckets {
            let deputy = confused_deputy(inv, &trusted, &bucket.arn, bucket.policy.as_ref());
            report_confused_deputy(out, bucket, deputy, || {
                evidence::unknown_for_resource(inv, &bucket.arn, "the bucket policy")
            });
        }
    }
}
