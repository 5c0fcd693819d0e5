use crate::{declare_check, evidence};
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// No IAM user holds an active access key. People should sign in through federation or IAM
    /// Identity Center and get temporary credentials; workloads should use roles (instance
    /// profiles, task and function roles, IAM Roles Anywhere, OIDC federation for CI). Each
    /// user gets one finding; inactive keys do not count. FAIL names the active keys; SKIP when
    /// the user's keys could not be read (the credential report was unavailable).
    ///
    /// ### Why it matters
    /// An access key is a long-lived secret: it works from anywhere until someone deletes it,
    /// and it leaks through code, build logs, laptops and backups. Temporary credentials
    /// expire on their own, so a leak is bounded in time.
    ///
    /// ### How to fix
    /// Find what uses each key (its last-used service and region in the credential report),
    /// move that caller to a role or to federated sign-in, then deactivate and delete the key.
    IamUserAccessKeysAbsent {
        id: "iam_user_access_keys_absent",
        title: "IAM users hold no active access keys",
        severity: Medium,
        service: Iam,
        resource_kind: "iam_user",
        best_practices: ["SEC02-BP02"],
        prowler: [],
        security_hub: [],
        config_rule: [],
        cis: [],
        reads: { Iam: [GetAccountAuthorizationDetails, GenerateCredentialReport, GetCredentialReport] },
        remediation: "Replace the user's access keys with roles or federated temporary credentials, then delete them.",
    }
}

impl IamUserAccessKeysAbsent {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for user in &inv.iam.users {
            let Some(keys) = &user.access_keys else {
                let why = evidence::credential_report_gap(inv)
                    .unwrap_or_else(|| evidence::unknown_for_resource(inv, &user.arn, "the access key list"));
                out.skip(user, why);
                continue;
            };
            let active: Vec<String> =
                keys.iter().enumerate().filter(|(_, k)| k.active).map(|(i, k)| evidence::key_label(k, i)).collect();
            if active.is_empty() {
                out.pass(user, "no active access key");
            } else {
                out.fail(user, format!("long-lived credentials: active {}", active.join(", ")));
            }
        }
    }
}
