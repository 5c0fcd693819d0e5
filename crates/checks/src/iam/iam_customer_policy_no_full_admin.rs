use crate::{declare_check, evidence, policy};
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// No customer-managed policy (its default version) has a statement with `Effect: Allow`,
    /// `Action: "*"` and `Resource: "*"`; `Action` and `Resource` may be a string or a list,
    /// and `Statement` an object or a list. A `Condition` on such a statement does not save it:
    /// conditions narrow when the grant applies, not what it grants. `Deny` statements,
    /// service-wide wildcards such as `s3:*` and `NotAction` statements are not judged here.
    /// Unattached policies are judged too, since attaching them is one call away. SKIP when the
    /// policy document could not be read.
    ///
    /// ### Why it matters
    /// A home-made `*:*` policy is administrator access under a less obvious name: it escapes
    /// reviews that look for `AdministratorAccess` and lets any holder disable logging, create
    /// users and exfiltrate data.
    ///
    /// ### How to fix
    /// Replace the statement with the actions and resources the holders need (IAM Access
    /// Analyzer can generate a policy from CloudTrail activity), and keep full administrator
    /// rights on a few break-glass roles using the AWS-managed policy.
    IamCustomerPolicyNoFullAdmin {
        id: "iam_customer_policy_no_full_admin",
        title: "Customer-managed policies do not grant full administrator access",
        severity: High,
        service: Iam,
        resource_kind: "iam_policy",
        best_practices: ["SEC03-BP02"],
        prowler: [
            "iam_customer_attached_policy_no_administrative_privileges",
            "iam_customer_unattached_policy_no_administrative_privileges",
        ],
        security_hub: ["IAM.1"],
        config_rule: ["IAM_POLICY_NO_STATEMENTS_WITH_ADMIN_ACCESS"],
        cis: [],
        reads: { Iam: [GetAccountAuthorizationDetails] },
        remediation: "Replace \"Action: *, Resource: *\" statements with least-privilege permissions.",
    }
}

impl IamCustomerPolicyNoFullAdmin {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for policy in &inv.iam.policies {
            let Some(document) = &policy.document else {
                out.skip(policy, evidence::unknown_for_resource(inv, &policy.arn, "the policy document"));
                continue;
            };
            if !policy::allows_full_admin(document) {
                out.pass(policy, "no statement allows every action on every resource");
                continue;
            }
            let attached = match policy.attachment_count {
                Some(0) => " (not attached)",
                _ => "",
            };
            out.fail(policy, format!("a statement allows every action on every resource{attached}"));
        }
    }
}
