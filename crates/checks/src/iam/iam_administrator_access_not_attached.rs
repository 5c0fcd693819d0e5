use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// No IAM user, group or role has the AWS-managed `AdministratorAccess` policy attached.
    /// Every user and group, and every role that is not service-linked, gets one finding.
    /// Administrator access granted by a customer-managed or inline policy is judged by
    /// `iam_customer_policy_no_full_admin` and `iam_inline_policy_no_full_admin`.
    ///
    /// ### Why it matters
    /// `AdministratorAccess` allows every action on every resource. Least privilege means
    /// each principal gets the actions its job needs; standing administrator access turns any
    /// stolen credential or mistake of that principal into a compromise of the whole account.
    ///
    /// ### How to fix
    /// Replace the policy with job-function or custom policies scoped to what the principal
    /// does (IAM Access Analyzer can generate one from CloudTrail activity); keep
    /// administrator access for a few break-glass roles with MFA and alarms on their use.
    IamAdministratorAccessNotAttached {
        id: "iam_administrator_access_not_attached",
        title: "AdministratorAccess is attached to no user, group or role",
        severity: High,
        service: Iam,
        resource_kind: "iam_principal",
        best_practices: ["SEC03-BP02"],
        prowler: ["iam_aws_attached_policy_no_administrative_privileges"],
        security_hub: [],
        config_rule: [],
        cis: [],
        reads: { Iam: [GetAccountAuthorizationDetails] },
        remediation: "Detach AdministratorAccess and grant policies scoped to the principal's tasks.",
    }
}

impl IamAdministratorAccessNotAttached {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        let admin = format!("arn:{}:iam::aws:policy/AdministratorAccess", inv.partition);
        for principal in inv.iam.principals() {
            if principal.attached_policies.contains(&admin) {
                out.fail(principal.resource, "AdministratorAccess is attached");
            } else {
                out.pass(principal.resource, "AdministratorAccess is not attached");
            }
        }
    }
}
