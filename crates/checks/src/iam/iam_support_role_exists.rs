use crate::{declare_check, util, Status};
use wasp_model::{Inventory, GLOBAL_REGION};

declare_check! {
    /// ### What it checks
    /// The AWS-managed policy `AWSSupportAccess` is attached to at least one IAM principal, so
    /// someone can open and manage AWS Support cases. The inventory records which AWS-managed
    /// policies are attached, not to whom, so a user or group holding it also passes. FAIL when
    /// it is attached to nobody; SKIP instead when an IAM gap was recorded, since the list of
    /// attached policies may then be incomplete.
    ///
    /// ### Why it matters
    /// During an incident, AWS Support is one of the first external parties to involve. If no
    /// one has permission to raise a case, that has to be fixed with elevated access at the
    /// worst moment.
    ///
    /// ### How to fix
    /// Create a role for the incident responders, attach `AWSSupportAccess` to it, and let the
    /// response team assume it through your identity provider.
    IamSupportRoleExists {
        id: "iam_support_role_exists",
        title: "A principal holds AWSSupportAccess to manage AWS Support cases",
        severity: Low,
        service: "iam",
        resource_kind: "account",
        best_practices: ["SEC10-BP01", "SEC10-BP05"],
        prowler: ["iam_support_role_created"],
        security_hub: ["IAM.18"],
        config_rule: ["IAM_POLICY_IN_USE"],
        cis: ["3.0:1.17", "4.0:1.17", "5.0:1.16"],
        remediation: "Attach the AWSSupportAccess policy to a role for incident responders.",
    }
}

impl IamSupportRoleExists {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        let arn = inv.account_arn();
        let support = format!("arn:{}:iam::aws:policy/AWSSupportAccess", inv.partition);
        if inv.iam.attached_aws_managed_policies.contains(&support) {
            out.report(Status::Pass, arn, GLOBAL_REGION, "AWSSupportAccess is attached to a principal");
        } else if inv.gap_in("iam", GLOBAL_REGION).is_some() {
            let why = util::unknown_because(inv, "iam", GLOBAL_REGION, "the list of attached AWS-managed policies");
            out.report(Status::Skip, arn, GLOBAL_REGION, why);
        } else {
            out.report(Status::Fail, arn, GLOBAL_REGION, "AWSSupportAccess is attached to no principal");
        }
    }
}
