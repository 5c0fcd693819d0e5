use crate::{declare_check, evidence};
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Every IAM user belongs to at least one IAM group (the group list of
    /// `GetAccountAuthorizationDetails`). FAIL for a user in no group; SKIP when a gap was
    /// recorded against the user, so its group list may be incomplete. What the groups grant
    /// is not judged.
    ///
    /// ### Why it matters
    /// Access defined per group follows the person's function and is reviewed once for all its
    /// members; a user outside every group has access that was granted, and must be reviewed,
    /// one person at a time.
    ///
    /// ### How to fix
    /// Put each user in the group for their function and move the permissions there, or
    /// replace the user with federated access through IAM Identity Center.
    IamUserMemberOfGroup {
        id: "iam_user_member_of_group",
        title: "IAM users belong to a group",
        severity: Low,
        service: Iam,
        resource_kind: "iam_user",
        best_practices: ["SEC03-BP02"],
        prowler: [],
        security_hub: [],
        config_rule: ["IAM_USER_GROUP_MEMBERSHIP_CHECK"],
        cis: [],
        reads: { Iam: [GetAccountAuthorizationDetails] },
        remediation: "Add each IAM user to the group for its function.",
    }
}

impl IamUserMemberOfGroup {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for user in &inv.iam.users {
            if !user.groups.is_empty() {
                out.pass(user, format!("member of {}", user.groups.join(", ")));
            } else if evidence::gap_for_resource(inv, &user.arn).is_some() {
                out.skip(user, evidence::unknown_for_resource(inv, &user.arn, "the user's groups"));
            } else {
                out.fail(user, "the user is in no group");
            }
        }
    }
}
