use super::attached;
use crate::{declare_check, Status};
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// The organization has a tag policy attached to a root, OU or account. FAIL when the account
    /// is in no organization or one without all features, when no such policy exists, or when every
    /// one is attached to nothing. SKIP when the organization or its policy list could not be read
    /// (only the management account and delegated administrators may list policies) or the targets
    /// of the policies could not be read. Whether the attachment covers this account, and what the
    /// policy says, is not judged.
    ///
    /// ### Why it matters
    /// A data classification scheme only works if resources carry its tags consistently: tag
    /// policies define the allowed keys and values (a `data-classification` tag with `public`,
    /// `internal`, `confidential`) and can refuse non-compliant tags on resources.
    ///
    /// ### How to fix
    /// Define the classification and ownership tags in a tag policy and attach it to the
    /// organization root. Enforce it for the resource types that hold data.
    OrganizationsTagPolicyAttached {
        id: "organizations_tag_policy_attached",
        title: "Tag policies are attached in the organization",
        severity: Low,
        service: Organizations,
        resource_kind: "account",
        best_practices: ["SEC07-BP01"],
        prowler: ["organizations_tags_policies_enabled_and_attached"],
        security_hub: [],
        config_rule: [],
        cis: [],
        reads: { Organizations: [DescribeOrganization, ListPolicies, ListTargetsForPolicy] },
        remediation: "Define the classification and ownership tags in a tag policy and attach it to the organization root.",
    }
}

impl OrganizationsTagPolicyAttached {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        match attached::custom_attached(inv, "TAG_POLICY", "tag policy") {
            Ok(policies) => out.account(Status::Pass, format!("attached: {}", attached::names(&policies))),
            Err((status, message)) => out.account(status, message),
        }
    }
}
