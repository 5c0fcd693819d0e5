use super::attached;
use crate::{declare_check, Status};
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// The organization has a resource control policy (RCP) besides the AWS-managed
    /// `RCPFullAWSAccess`, attached to a root, OU or account. FAIL when the account is in no
    /// organization or one without all features, when no such policy exists, or when every one is
    /// attached to nothing. SKIP when the organization or its policy list could not be read (only
    /// the management account and delegated administrators may list policies) or the targets of the
    /// policies could not be read. Whether the attachment covers this account, and what the policy
    /// says, is not judged.
    ///
    /// ### Why it matters
    /// RCPs cap what any principal, including ones outside the organization, may do to the
    /// organization's resources (S3 buckets, KMS keys, SQS queues, Secrets Manager secrets, STS
    /// role trust). They are the data perimeter's guardrail: a bucket policy that grants the world
    /// access cannot take effect past a deny in an RCP.
    ///
    /// ### How to fix
    /// Attach RCPs that enforce the data perimeter (deny access from outside the organization,
    /// require TLS) to the root or OUs. Test them on a sandbox OU first, since they also restrict
    /// AWS services acting on resources.
    OrganizationsRcpAttached {
        id: "organizations_rcp_attached",
        title: "Resource control policies are attached in the organization",
        severity: Medium,
        service: Organizations,
        resource_kind: "account",
        best_practices: ["SEC03-BP05"],
        prowler: [],
        security_hub: [],
        config_rule: [],
        cis: [],
        reads: { Organizations: [DescribeOrganization, ListPolicies, ListTargetsForPolicy] },
        remediation: "Attach RCPs that enforce the data perimeter (deny access from outside the organization, require TLS) to the root or OUs.",
    }
}

impl OrganizationsRcpAttached {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        match attached::custom_attached(inv, "RESOURCE_CONTROL_POLICY", "resource control policy") {
            Ok(policies) => out.account(Status::Pass, format!("attached: {}", attached::names(&policies))),
            Err((status, message)) => out.account(status, message),
        }
    }
}
