use crate::{declare_check, evidence};
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Every IAM user has at most one active access key. Inactive keys do not count. FAIL when
    /// a user has two active keys; SKIP when the user's keys could not be read.
    ///
    /// ### Why it matters
    /// Two active keys are only needed for the moment of a rotation. Left in place, the second
    /// key doubles what can leak and usually means one of them is forgotten.
    ///
    /// ### How to fix
    /// Find which key is in use (`aws iam get-access-key-last-used`), deactivate the other and
    /// delete it once nothing breaks.
    IamUserSingleActiveAccessKey {
        id: "iam_user_single_active_access_key",
        title: "IAM users have at most one active access key",
        severity: Medium,
        service: Iam,
        resource_kind: "iam_user",
        best_practices: ["SEC02-BP05"],
        prowler: ["iam_user_two_active_access_key"],
        security_hub: [],
        config_rule: [],
        cis: ["3.0:1.13", "4.0:1.13", "5.0:1.12"],
        reads: { Iam: [GetAccountAuthorizationDetails, GenerateCredentialReport, GetCredentialReport] },
        remediation: "Deactivate and delete all but one active access key per user.",
    }
}

impl IamUserSingleActiveAccessKey {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for user in &inv.iam.users {
            match &user.access_keys {
                None => out.skip(user, evidence::unknown_for_resource(inv, &user.arn, "the user's access key list")),
                Some(keys) => match keys.iter().filter(|k| k.active).count() {
                    n @ 0..=1 => out.pass(user, format!("{n} active access key(s)")),
                    n => out.fail(user, format!("{n} active access keys")),
                },
            }
        }
    }
}
