use crate::{declare_check, evidence, Status};
use wasp_model::{Inventory, Service, GLOBAL_REGION};

declare_check! {
    /// ### What it checks
    /// A role (not a service-linked one) has the AWS-managed policy `AWSSupportAccess`
    /// attached, so the people who assume it can open and manage AWS Support cases, as CIS
    /// asks. A user or group holding the policy does not count. FAIL when no role holds it;
    /// SKIP instead when the authorization details could not be read completely, since the
    /// role list may then be partial.
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
        title: "A role holds AWSSupportAccess to manage AWS Support cases",
        severity: Low,
        service: Iam,
        resource_kind: "account",
        best_practices: ["SEC10-BP01", "SEC10-BP05"],
        prowler: ["iam_support_role_created"],
        security_hub: ["IAM.18"],
        config_rule: ["IAM_POLICY_IN_USE"],
        cis: ["3.0:1.17", "4.0:1.17", "5.0:1.16"],
        reads: { Iam: [GetAccountAuthorizationDetails] },
        remediation: "Attach the AWSSupportAccess policy to a role for incident responders.",
    }
}

impl IamSupportRoleExists {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        let support = format!("arn:{}:iam::aws:policy/AWSSupportAccess", inv.partition);
        let holders: Vec<&str> = inv
            .iam
            .roles
            .iter()
            .filter(|r| !r.is_service_linked() && r.attached_policies.contains(&support))
            .map(|r| r.name.as_str())
            .collect();
        if !holders.is_empty() {
            out.account(Status::Pass, format!("AWSSupportAccess is attached to role {}", holders.join(", ")));
        } else if let Some(why) =
            evidence::operation_gap(inv, Service::Iam, GLOBAL_REGION, "GetAccountAuthorizationDetails", "the role list")
        {
            out.account(Status::Skip, why);
        } else {
            out.account(Status::Fail, "AWSSupportAccess is attached to no role");
        }
    }
}
