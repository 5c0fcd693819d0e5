use crate::{declare_check, evidence, Status};
use wasp_model::{Inventory, Service, Setting, GLOBAL_REGION};

/// CIS asks the policy to remember this many earlier passwords.
const MIN_REMEMBERED: u32 = 24;

declare_check! {
    /// ### What it checks
    /// The account password policy prevents reuse of at least the last 24 passwords. FAIL when
    /// there is no password policy, when reuse prevention is off (AWS omits the setting then)
    /// or remembers fewer than 24; SKIP when the policy could not be read.
    ///
    /// ### Why it matters
    /// When a password must change after a suspected leak, reuse prevention stops people from
    /// cycling straight back to the leaked one, or to a small set of favourites.
    ///
    /// ### How to fix
    /// Run `aws iam update-account-password-policy --password-reuse-prevention 24` (keeping
    /// the other settings of the policy), or move people to federated sign-in.
    IamPasswordPolicyReusePrevention {
        id: "iam_password_policy_reuse_prevention",
        title: "Password policy prevents reuse of the last 24 passwords",
        severity: Medium,
        service: Iam,
        resource_kind: "account",
        best_practices: ["SEC02-BP01", "SEC02-BP05"],
        prowler: ["iam_password_policy_reuse_24"],
        security_hub: ["IAM.16"],
        config_rule: ["IAM_PASSWORD_POLICY"],
        cis: ["3.0:1.9", "4.0:1.9", "5.0:1.8"],
        reads: { Iam: [GetAccountPasswordPolicy] },
        remediation: "Set password reuse prevention to 24 in the account password policy.",
    }
}

impl IamPasswordPolicyReusePrevention {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        let arn = inv.account_arn();
        match &inv.iam.password_policy {
            None => {
                let why = evidence::unknown_because(inv, Service::Iam, GLOBAL_REGION, "the password policy");
                out.report(Status::Skip, arn, GLOBAL_REGION, why)
            }
            Some(Setting::NotConfigured) => {
                out.report(Status::Fail, arn, GLOBAL_REGION, "no password policy is set; reuse is not prevented")
            }
            Some(Setting::Configured(policy)) => match policy.reuse_prevention {
                Some(n) if n >= MIN_REMEMBERED => {
                    out.report(Status::Pass, arn, GLOBAL_REGION, format!("the last {n} passwords cannot be reused"))
                }
                Some(n) => {
                    out.report(Status::Fail, arn, GLOBAL_REGION, format!("only the last {n} passwords are remembered"))
                }
                None => out.report(Status::Fail, arn, GLOBAL_REGION, "password reuse prevention is off"),
            },
        }
    }
}
