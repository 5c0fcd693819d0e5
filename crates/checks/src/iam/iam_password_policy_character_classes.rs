use crate::{declare_check, evidence, Status};
use wasp_model::{Inventory, Service, Setting, GLOBAL_REGION};

declare_check! {
    /// ### What it checks
    /// The account password policy requires all four character classes: uppercase letters,
    /// lowercase letters, numbers and symbols. FAIL when there is no password policy or any
    /// class is not required; SKIP when the policy could not be read.
    ///
    /// ### Why it matters
    /// Passwords drawn from one or two classes are far easier to guess than their length
    /// suggests. Requiring every class keeps users from choosing a dictionary word with a
    /// digit at the end.
    ///
    /// ### How to fix
    /// Run `aws iam update-account-password-policy --require-uppercase-characters
    /// --require-lowercase-characters --require-numbers --require-symbols` together with the
    /// length and reuse settings you want, since the call replaces the whole policy.
    IamPasswordPolicyCharacterClasses {
        id: "iam_password_policy_character_classes",
        title: "Password policy requires upper and lower case, numbers and symbols",
        severity: Low,
        service: Iam,
        resource_kind: "account",
        best_practices: ["SEC02-BP01"],
        prowler: [
            "iam_password_policy_uppercase",
            "iam_password_policy_lowercase",
            "iam_password_policy_symbol",
            "iam_password_policy_number",
        ],
        security_hub: ["IAM.11", "IAM.12", "IAM.13", "IAM.14"],
        config_rule: ["IAM_PASSWORD_POLICY"],
        cis: [],
        reads: { Iam: [GetAccountPasswordPolicy] },
        remediation: "Require uppercase, lowercase, number and symbol characters in the password policy.",
    }
}

impl IamPasswordPolicyCharacterClasses {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        let policy = match &inv.iam.password_policy {
            None => {
                let why = evidence::unknown_because(inv, Service::Iam, GLOBAL_REGION, "the password policy");
                return out.account(Status::Skip, why);
            }
            Some(Setting::NotConfigured) => {
                return out.account(Status::Fail, "no password policy is set; no character class is required")
            }
            Some(Setting::Configured(p)) => p,
        };
        let classes = [
            (policy.require_uppercase, "uppercase"),
            (policy.require_lowercase, "lowercase"),
            (policy.require_numbers, "numbers"),
            (policy.require_symbols, "symbols"),
        ];
        let missing: Vec<&str> = classes.iter().filter(|(on, _)| !on).map(|(_, name)| *name).collect();
        if missing.is_empty() {
            out.account(Status::Pass, "passwords need all four character classes");
        } else {
            out.account(Status::Fail, format!("the password policy does not require {}", missing.join(", ")));
        }
    }
}
