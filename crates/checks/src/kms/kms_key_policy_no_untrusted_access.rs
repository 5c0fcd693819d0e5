use crate::iam_policies::exposure::{accesses, conditional_text, open_text};
use crate::iam_policies::{Analysis, Doc};
use crate::{declare_check, evidence};
use wasp_iam::{exposure, ResourcePolicyKind};
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// No customer-managed KMS key's policy lets in a principal outside the trusted accounts —
    /// the scanned account, its organization's management account and organization, and
    /// `[checks] trusted_accounts` in wasp.toml — judged with wasp's policy engine the way
    /// `s3_bucket_policy_no_untrusted_access` judges bucket policies: simulated callers
    /// outside (anyone, any account, each untrusted account or principal named, each service
    /// acting for another account), each choosing the request that suits it best, against the
    /// key policy's statements and denies. `kms:CallerAccount`, `aws:PrincipalOrgID`,
    /// `aws:PrincipalAccount` and `aws:SourceAccount`/`aws:SourceArn` restrict; `kms:ViaService`
    /// and other unknown keys are named as conditions that may restrict. The usual statement
    /// naming the key's own account (`arn:aws:iam::ACCOUNT:root`) only delegates to that
    /// account's IAM policies and is not exposure.
    ///
    /// FAIL lists the open grants; grants that are all conditional pass (the conditions are
    /// named). AWS-managed keys are not judged (AWS writes their policies). SKIP when the key
    /// policy could not be read or parsed.
    ///
    /// ### Why it matters
    /// A key policy decides who can use the key: a grant of `kms:Decrypt` to another account or
    /// to everyone lets them read any data encrypted under it that they can get hold of, and
    /// `kms:*` lets them change the policy or schedule the key's deletion.
    ///
    /// ### How to fix
    /// Remove the statements for principals you do not trust, add the accounts you do to
    /// `trusted_accounts`, and restrict shared keys with `kms:CallerAccount` or
    /// `aws:PrincipalOrgID`.
    KmsKeyPolicyNoUntrustedAccess {
        id: "kms_key_policy_no_untrusted_access",
        title: "KMS key policies let in no principal outside the trusted accounts",
        severity: High,
        service: Kms,
        resource_kind: "kms_key",
        best_practices: ["SEC08-BP01", "SEC03-BP07"],
        prowler: [],
        security_hub: [],
        config_rule: [],
        cis: [],
        reads: {
            Kms: [ListKeys, DescribeKey, GetKeyPolicy],
            Organizations: [DescribeOrganization],
        },
        remediation: "Remove key policy statements for untrusted principals or restrict them with kms:CallerAccount.",
    }
}

impl KmsKeyPolicyNoUntrustedAccess {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        let analysis = Analysis::new(inv);
        let trusted = analysis.trusted(out.settings());
        for key in inv.kms.keys.iter().filter(|k| k.is_customer_managed()) {
            let policy = match analysis.resource_doc(&key.arn) {
                Some(Doc::Ready(p)) => p,
                Some(Doc::Malformed(e)) => {
                    out.skip(key, format!("the key policy could not be parsed ({e})"));
                    continue;
                }
                _ => {
                    out.skip(key, evidence::unknown_for_resource(inv, &key.arn, "the key policy"));
                    continue;
                }
            };
            let exposed = exposure(policy, ResourcePolicyKind::KeyPolicy, &key.arn, &inv.account_id, &trusted);
            let found = accesses(&exposed, |_| true);
            if found.iter().any(|a| a.conditions.is_empty()) {
                out.fail(key, format!("the key policy lets in {}", open_text(&found)));
            } else if found.is_empty() {
                out.pass(key, "the key policy lets in no principal outside the trusted accounts");
            } else {
                out.pass(key, format!("outsiders get in only under conditions: {}", conditional_text(&found)));
            }
        }
    }
}
