use crate::{declare_check, Status};
use wasp_model::{Inventory, Service, GLOBAL_REGION};

declare_check! {
    /// ### What it checks
    /// The account summary's `AccountMFAEnabled`: the root user has an MFA device. A root user
    /// without a password and without access keys (`AccountPasswordPresent` and
    /// `AccountAccessKeysPresent` both 0, as centralized root access management leaves member
    /// accounts) cannot sign in and passes, as CIS 5.0 allows. FAIL when a root user with
    /// credentials has no MFA; SKIP when the account summary could not be read.
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
        service: Iam,
        resource_kind: "account",
        best_practices: ["SEC01-BP02", "SEC02-BP01"],
        prowler: ["iam_root_mfa_enabled"],
        security_hub: ["IAM.9"],
        config_rule: ["ROOT_ACCOUNT_MFA_ENABLED"],
        cis: ["3.0:1.5", "4.0:1.5", "5.0:1.4"],
        reads: { Iam: [GetAccountSummary] },
        remediation: "Assign an MFA device to the root user.",
    }
}

impl IamRootMfaEnabled {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        let arn = inv.account_arn();
        if inv.iam.root.as_ref().and_then(|r| r.has_no_credentials()) == Some(true) {
            let why = "the root user has no password and no access keys (centralized root access): it cannot sign in";
            out.report(Status::Pass, arn, GLOBAL_REGION, why);
            return;
        }
        let verdict = inv.iam.root.as_ref().and_then(|root| root.mfa_enabled);
        match verdict {
            Some(true) => out.report(Status::Pass, arn, GLOBAL_REGION, "root user has MFA"),
            Some(false) => out.report(Status::Fail, arn, GLOBAL_REGION, "root user has no MFA device"),
            None => {
                let why = crate::evidence::unknown_because(inv, Service::Iam, GLOBAL_REGION, "the account summary");
                out.report(Status::Skip, arn, GLOBAL_REGION, why)
            }
        }
    }
}
