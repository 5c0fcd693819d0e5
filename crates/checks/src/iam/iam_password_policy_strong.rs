use crate::{declare_check, util, Status};
use wasp_model::{Inventory, Setting, GLOBAL_REGION};

/// CIS asks for at least this many characters.
const MIN_LENGTH: u32 = 14;

declare_check! {
    /// ### What it checks
    /// The account password policy requires at least 14 characters and all four character
    /// classes: uppercase, lowercase, numbers and symbols. FAIL when there is no password policy
    /// (AWS then applies its weak default) or any requirement is missing or weaker; SKIP when
    /// the policy could not be read, or when every class is required but the minimum length
    /// was not reported.
    ///
    /// ### Why it matters
    /// IAM user passwords protect console access. Short or single-class passwords fall quickly
    /// to guessing and credential-stuffing, especially for users that also lack MFA.
    ///
    /// ### How to fix
    /// Set the policy with `aws iam update-account-password-policy --minimum-password-length 14
    /// --require-uppercase-characters --require-lowercase-characters --require-numbers
    /// --require-symbols`, and prefer federated sign-in so fewer IAM passwords exist at all.
    IamPasswordPolicyStrong {
        id: "iam_password_policy_strong",
        title: "Password policy requires 14+ characters and all character classes",
        severity: Medium,
        service: "iam",
        resource_kind: "account",
        best_practices: ["SEC02-BP01"],
        prowler: [
            "iam_password_policy_minimum_length_14",
            "iam_password_policy_uppercase",
            "iam_password_policy_lowercase",
            "iam_password_policy_symbol",
            "iam_password_policy_number",
        ],
        security_hub: ["IAM.7", "IAM.10", "IAM.11", "IAM.12", "IAM.13", "IAM.14", "IAM.15"],
        config_rule: ["IAM_PASSWORD_POLICY"],
        cis: ["3.0:1.8", "4.0:1.8", "5.0:1.7"],
        remediation: "Require at least 14 characters and all four character classes in the password policy.",
    }
}

impl IamPasswordPolicyStrong {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        let arn = inv.account_arn();
        let policy = match &inv.iam.password_policy {
            None => {
                let why = util::unknown_because(inv, "iam", GLOBAL_REGION, "the password policy");
                out.report(Status::Skip, arn, GLOBAL_REGION, why);
                return;
            }
            Some(Setting::NotConfigured) => {
                out.report(Status::Fail, arn, GLOBAL_REGION, "no password policy is set; AWS defaults apply");
                return;
            }
            Some(Setting::Configured(p)) => p,
        };
        let mut weak = Vec::new();
        if let Some(n) = policy.minimum_length.filter(|n| *n < MIN_LENGTH) {
            weak.push(format!("minimum length is {n}"));
        }
        let classes = [
            (policy.require_uppercase, "uppercase"),
            (policy.require_lowercase, "lowercase"),
            (policy.require_numbers, "numbers"),
            (policy.require_symbols, "symbols"),
        ];
        let missing: Vec<&str> = classes.iter().filter(|(on, _)| !on).map(|(_, name)| *name).collect();
        if !missing.is_empty() {
            weak.push(format!("does not require {}", missing.join(", ")));
        }
        if !weak.is_empty() {
            out.report(Status::Fail, arn, GLOBAL_REGION, format!("password policy {}", weak.join("; ")));
        } else if policy.minimum_length.is_none() {
            out.report(Status::Skip, arn, GLOBAL_REGION, "the password policy's minimum length was not reported");
        } else {
            out.report(Status::Pass, arn, GLOBAL_REGION, "password policy requires 14+ characters of all classes");
        }
    }
}
