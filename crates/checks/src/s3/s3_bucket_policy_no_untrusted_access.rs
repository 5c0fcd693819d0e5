use crate::iam_policies::exposure::{accesses, conditional_text, open_text};
use crate::iam_policies::{Analysis, Doc};
use crate::{declare_check, evidence};
use wasp_iam::{exposure, ResourcePolicyKind};
use wasp_model::s3::PublicAccessBlock;
use wasp_model::{Inventory, Setting};

declare_check! {
    /// ### What it checks
    /// No bucket policy lets in a principal outside the trusted accounts — the scanned
    /// account, its organization's management account and organization, and `[checks]
    /// trusted_accounts` in wasp.toml — judged with wasp's policy engine. It simulates callers
    /// outside: anyone unauthenticated, any AWS account (in an organization or in none), each
    /// untrusted account or principal the policy names, each service principal acting for
    /// another account, and accounts of an organization a condition names that is not yours;
    /// each chooses the request that suits it best. A grant is open when nothing restricts it.
    /// Conditions that pin the caller restrict (`aws:PrincipalOrgID`, `aws:PrincipalAccount`,
    /// `aws:SourceArn`/`aws:SourceAccount` for services, `aws:SourceVpce` …); conditions the
    /// caller controls (`aws:UserAgent`, `aws:Referer`, `aws:SecureTransport`, request or
    /// principal tags) do not; other unknown keys (`aws:SourceIp`) are named as conditions that
    /// may restrict.
    ///
    /// Grants to anyone do not count when Block Public Access `RestrictPublicBuckets` is on
    /// for the bucket or the account (grants to named accounts are not public, so it does not
    /// stop them). FAIL lists the open grants (outsider, action, resource, statement). A bucket
    /// without a policy, or whose outside grants are all conditional, passes (the conditions
    /// are named). SKIP when the policy could not be read or parsed, or when it is open to
    /// anyone and whether Block Public Access restricts it was not read.
    ///
    /// It complements `s3_bucket_policy_not_public`, which relies on S3's own verdict on public
    /// access and does not see grants to other, named accounts.
    ///
    /// ### Why it matters
    /// A bucket policy is the most direct way data leaves an account: a grant to another
    /// account, to a service acting for anyone, or to everyone hands out reads or writes that
    /// no identity policy of yours governs.
    ///
    /// ### How to fix
    /// Remove the statements for principals you do not trust, add the accounts you do to
    /// `trusted_accounts`, restrict shared buckets with `aws:PrincipalOrgID`, and pin service
    /// principals with `aws:SourceAccount` or `aws:SourceArn`.
    S3BucketPolicyNoUntrustedAccess {
        id: "s3_bucket_policy_no_untrusted_access",
        title: "Bucket policies let in no principal outside the trusted accounts",
        severity: High,
        service: S3,
        resource_kind: "s3_bucket",
        best_practices: ["SEC03-BP07", "SEC03-BP08"],
        prowler: [],
        security_hub: [],
        config_rule: [],
        cis: [],
        reads: {
            S3: [ListBuckets, GetBucketPolicy, GetPublicAccessBlock],
            Organizations: [DescribeOrganization],
        },
        remediation: "Remove bucket policy statements for untrusted principals or restrict them with aws:PrincipalOrgID.",
    }
}

impl S3BucketPolicyNoUntrustedAccess {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        let analysis = Analysis::new(inv);
        let trusted = analysis.trusted(out.settings());
        for bucket in &inv.s3.buckets {
            let policy = match (&bucket.policy, analysis.resource_doc(&bucket.arn)) {
                (Some(Setting::NotConfigured), _) => {
                    out.pass(bucket, "the bucket has no policy");
                    continue;
                }
                (_, Some(Doc::Ready(p))) => p,
                (_, Some(Doc::Malformed(e))) => {
                    out.skip(bucket, format!("the bucket policy could not be parsed ({e})"));
                    continue;
                }
                _ => {
                    out.skip(bucket, evidence::unknown_for_resource(inv, &bucket.arn, "the bucket policy"));
                    continue;
                }
            };
            let blocked = super::public_access_neutralised(inv, bucket, PublicAccessBlock::neutralises_policies);
            let exposed = exposure(policy, ResourcePolicyKind::Generic, &bucket.arn, &inv.account_id, &trusted);
            let found = accesses(&exposed, |g| {
                blocked != Some(true)
                    || !matches!(g.outsider, wasp_iam::Outsider::Anonymous | wasp_iam::Outsider::AnyAccount)
            });
            let open_public = found.iter().any(|a| a.conditions.is_empty() && a.public);
            let open_named = found.iter().any(|a| a.conditions.is_empty() && !a.public);
            let note = if blocked == Some(true)
                && exposed
                    .grants
                    .iter()
                    .any(|g| matches!(g.outsider, wasp_iam::Outsider::Anonymous | wasp_iam::Outsider::AnyAccount))
            {
                " (its grants to anyone are kept from taking effect by RestrictPublicBuckets)"
            } else {
                ""
            };
            if open_named || (open_public && blocked == Some(false)) {
                out.fail(bucket, format!("the bucket policy lets in {}", open_text(&found)));
            } else if open_public {
                out.skip(
                    bucket,
                    format!(
                        "the bucket policy lets in {}; whether Block Public Access restricts it was not read",
                        open_text(&found)
                    ),
                );
            } else if found.is_empty() {
                out.pass(bucket, format!("the bucket policy lets in no principal outside the trusted accounts{note}"));
            } else {
                out.pass(bucket, format!("outsiders get in only under conditions: {}{note}", conditional_text(&found)));
            }
        }
    }
}
