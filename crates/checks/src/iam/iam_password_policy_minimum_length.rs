use crate::{declare_check, evidence, Status};
use wasp_model::{Inventory, Service, Setting, GLOBAL_REGION};

/// CIS asks for at least this many characters.
const MIN_LENGTH: u32 = 14;

declare_check! {
    /// ### What it checks
    /// The account password policy requires passwords of at least 14 characters. FAIL when
    /// there is no password policy (AWS then applies its default of 8) or the minimum is
    /// shorter; SKIP when the policy could not be read or its minimum length was not reported.
    ///
    /// ### Why it matters
    /// IAM user passwords protect console access. Length is what makes a password resist
    /// guessing and offline cracking; short ones fall quickly, above all for users that also
    /// lack MFA.
    ///
    /// ### How to fix
    /// Run `aws iam update-account-password-policy --minimum-password-length 14` (keeping the
    /// other settings you want, since the call replaces the whole policy), and prefer federated
    /// sign-in so fewer IAM passwords exist at all.
    IamPasswordPolicyMinimumLength {
        id: "iam_password_policy_minimum_length",
        title: "Password policy requires at least 14 characters",
        severity: Medium,
        service: Iam,
        resource_kind: "account",
        best_practices: ["SEC02-BP01"],
        prowler: ["iam_password_policy_minimum_length_14"],
        security_hub: ["IAM.15"],
        config_rule: ["IAM_PASSWORD_POLICY"],
        cis: ["3.0:1.8", "4.0:1.8", "5.0:1.7"],
        reads: { Iam: [GetAccountPasswordPolicy] },
        remediation: "Require passwords of at least 14 characters in the account password policy.",
    }
}

impl IamPasswordPolicyMinimumLength {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        match &inv.iam.password_policy {
            None => out.account(
                Status::Skip,
                evidence::unknown_because(inv, Service::Iam, GLOBAL_REGION, "the password policy"),
            ),
            Some(Setting::NotConfigured) => {
                out.account(Status::Fail, "no password policy is set; AWS's default minimum of 8 applies")
            }
            Some(Setting::Configured(policy)) => match policy.minimum_length {
                Some(n) if n >= MIN_LENGTH => {
                    out.account(Status::Pass, format!("passwords need at least {n} characters"))
                }
                Some(n) => out.account(Status::Fail, format!("passwords need only {n} characters")),
                None => out.account(Status::Skip, "the password policy's minimum length was not reported"),
            },
        }
    }
}
