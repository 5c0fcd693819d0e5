use crate::{declare_check, Status};
use wasp_model::{Inventory, GLOBAL_REGION};

declare_check! {
    /// ### What it checks
    /// The account summary's `AccountMFAEnabled`: the root user has an MFA device. FAIL when it
    /// has none; SKIP when the account summary could not be read.
    ///
    /// ### Why it matters
    /// The root user can do anything in the account, including closing it, and cannot be
    /// restricted by IAM policies. A leaked root password alone must not be enough to sign in.
    ///
    /// ### How to fix
    /// Sign in as the root user, open *Security credentials* and assign an MFA device (a
    /// hardware key or passkey is best). In an organization, consider centralised root access
    /// management so member accounts hold no root credentials at all.
    IamRootMfaEnabled {
        id: "iam_root_mfa_enabled",
        title: "Root user has MFA",
        severity: Critical,
        service: "iam",
        resource_kind: "account",
        best_practices: ["SEC01-BP02", "SEC02-BP01"],
        prowler: ["iam_root_mfa_enabled"],
        security_hub: ["IAM.9"],
        config_rule: ["ROOT_ACCOUNT_MFA_ENABLED"],
        cis: ["3.0:1.5", "4.0:1.5", "5.0:1.4"],
        remediation: "Assign an MFA device to the root user.",
    }
}

impl IamRootMfaEnabled {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        let arn = inv.account_arn();
        let verdict = inv.iam.root.as_ref().and_then(|root| root.mfa_enabled);
        match verdict {
            Some(true) => out.report(Status::Pass, arn, GLOBAL_REGION, "root user has MFA"),
            Some(false) => out.report(Status::Fail, arn, GLOBAL_REGION, "root user has no MFA device"),
            None => {
                let why = crate::util::unknown_because(inv, "iam", GLOBAL_REGION, "the account summary");
                out.report(Status::Skip, arn, GLOBAL_REGION, why)
            }
        }
    }
}
