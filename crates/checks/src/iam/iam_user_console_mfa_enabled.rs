use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Every IAM user with a console password has at least one MFA device (credential report
    /// `mfa_active`). Users without a password are not judged; SKIP when the user's console
    /// access or MFA state could not be read.
    ///
    /// ### Why it matters
    /// A console password is a long-lived secret that can be phished or reused; MFA makes a
    /// stolen password alone useless.
    ///
    /// ### How to fix
    /// Assign an MFA device to each console user, or better, move people to IAM Identity
    /// Center with federation and remove IAM user passwords.
    IamUserConsoleMfaEnabled {
        id: "iam_user_console_mfa_enabled",
        title: "IAM users with a console password have MFA",
        severity: Medium,
        service: Iam,
        resource_kind: "iam_user",
        best_practices: ["SEC02-BP01"],
        prowler: ["iam_user_mfa_enabled_console_access"],
        security_hub: ["IAM.5"],
        config_rule: ["MFA_ENABLED_FOR_IAM_CONSOLE_ACCESS"],
        cis: ["3.0:1.10", "4.0:1.10", "5.0:1.9"],
        reads: { Iam: [GetAccountAuthorizationDetails, GenerateCredentialReport, GetCredentialReport] },
        remediation: "Assign an MFA device to every IAM user that has a console password.",
    }
}

impl IamUserConsoleMfaEnabled {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for user in &inv.iam.users {
            match (user.console_access, user.mfa_active) {
                (Some(false), _) => {}
                (Some(true), Some(true)) => out.pass(user, "console password and MFA device"),
                (Some(true), Some(false)) => out.fail(user, "console password but no MFA device"),
                _ => out.skip(user, "console access or MFA state of the user was not read"),
            }
        }
    }
}
