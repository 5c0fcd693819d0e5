use super::attached;
use crate::{declare_check, Status};
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// The organization has a declarative policy for EC2 (`DECLARATIVE_POLICY_EC2`) attached to a
    /// root, OU or account. FAIL when the account is in no organization or one without all
    /// features, when no such policy exists, or when every one is attached to nothing. SKIP when
    /// the organization or its policy list could not be read (only the management account and
    /// delegated administrators may list policies) or the targets of the policies could not be
    /// read. Whether the attachment covers this account, and what the policy says, is not judged.
    ///
    /// ### Why it matters
    /// Declarative policies set a baseline that no principal in the account can change, not even
    /// its administrators: block public AMIs and EBS snapshots, require IMDSv2, disable the serial
    /// console, restrict VPC Block Public Access. The configuration holds for resources created
    /// later without a deployment step.
    ///
    /// ### How to fix
    /// Attach a declarative policy that blocks public sharing of images and snapshots and requires
    /// IMDSv2 to the organization root. Review the account status report in Organizations first to
    /// see what it would change.
    OrganizationsDeclarativePolicyAttached {
        id: "organizations_declarative_policy_attached",
        title: "Declarative policies for EC2 are attached in the organization",
        severity: Low,
        service: Organizations,
        resource_kind: "account",
        best_practices: ["SEC01-BP06", "SEC03-BP05"],
        prowler: [],
        security_hub: [],
        config_rule: [],
        cis: [],
        reads: { Organizations: [DescribeOrganization, ListPolicies, ListTargetsForPolicy] },
        remediation: "Attach a declarative policy that blocks public sharing of images and snapshots and requires IMDSv2 to the organization root.",
    }
}

impl OrganizationsDeclarativePolicyAttached {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        match attached::custom_attached(inv, "DECLARATIVE_POLICY_EC2", "declarative policy for EC2") {
            Ok(policies) => out.account(Status::Pass, format!("attached: {}", attached::names(&policies))),
            Err((status, message)) => out.account(status, message),
        }
    }
}
