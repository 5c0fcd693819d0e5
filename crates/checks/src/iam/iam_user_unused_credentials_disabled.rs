use crate::{declare_check, evidence};
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// No IAM user keeps a credential that has gone unused for 45 days or more: neither a
    /// console password nor an active access key. A credential without a last-use date (never
    /// used, or not since IAM started tracking use in 2014) counts from when it was set: an
    /// access key from its creation, a password from the credential report's
    /// `password_last_changed` (as the CIS audit does); without that date only a user younger
    /// than 45 days passes (SKIP otherwise). Users without a password or active key are not
    /// judged. `unused_credentials_days` under `[checks]` in wasp.toml changes the 45 days.
    /// FAIL as soon as one credential is idle; otherwise SKIP when the user's console access,
    /// keys or a needed date could not be read, including when the credential report was
    /// unavailable so a missing last-used date might not mean "never".
    ///
    /// ### Why it matters
    /// Idle credentials belong to people who left, projects that ended or scripts nobody owns.
    /// Nobody notices when they are abused, and removing them costs nothing.
    ///
    /// ### How to fix
    /// Delete the login profile or deactivate the access key (delete it after a grace period),
    /// and tie IAM user removal to the joiner-mover-leaver process.
    IamUserUnusedCredentialsDisabled {
        id: "iam_user_unused_credentials_disabled",
        title: "IAM credentials unused for 45 days are disabled (configurable)",
        severity: Medium,
        service: Iam,
        resource_kind: "iam_user",
        best_practices: ["SEC02-BP05", "SEC03-BP04", "SEC03-BP06"],
        prowler: ["iam_user_accesskey_unused", "iam_user_console_access_unused"],
        security_hub: ["IAM.22"],
        config_rule: ["IAM_USER_UNUSED_CREDENTIALS_CHECK"],
        cis: ["3.0:1.12", "4.0:1.12", "5.0:1.11"],
        reads: { Iam: [GetAccountAuthorizationDetails, GenerateCredentialReport, GetCredentialReport] },
        remediation: "Remove passwords and deactivate access keys unused for 45 days or more.",
    }
}

impl IamUserUnusedCredentialsDisabled {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        let report_gap = evidence::credential_report_gap(inv);
        let max_idle = i64::from(out.settings().unused_credentials_days);
        for user in &inv.iam.users {
            let mut idle = Vec::new();
            let mut unknown = Vec::new();
            let mut judged = false;
            match user.console_access {
                Some(false) => {}
                None => unknown.push("console access was not read".to_owned()),
                Some(true) => {
                    judged = true;
                    match (user.password_last_used, &report_gap) {
                        (Some(used), _) => {
                            let days = evidence::days_before_collection(inv, used);
                            if days >= max_idle {
                                idle.push(format!("password unused for {days} days"));
                            }
                        }
                        (None, Some(why)) => unknown.push(why.clone()),
                        // Never used since IAM tracks use: idle since it was set, as the CIS audit
                        // reads `password_last_changed`. Without that date, a user younger than
                        // the limit cannot hold an idle password; an older one might.
                        (None, None) => {
                            let age = |t| evidence::days_before_collection(inv, t);
                            match (user.password_last_changed.map(age), user.created.map(age)) {
                                (Some(days), _) if days >= max_idle => {
                                    idle.push(format!("password set {days} days ago and not used since"))
                                }
                                (Some(_), _) => {}
                                (None, Some(days)) if days < max_idle => {}
                                (None, _) => unknown.push("password never used and its age is not recorded".to_owned()),
                            }
                        }
                    }
                }
            }
            match &user.access_keys {
                None => unknown.push(evidence::unknown_for_resource(inv, &user.arn, "the access key list")),
                Some(keys) => {
                    for (i, key) in keys.iter().enumerate().filter(|(_, k)| k.active) {
                        judged = true;
                        let label = evidence::key_label(key, i);
                        match (key.last_used, &report_gap, key.created) {
                            (Some(used), _, _) => {
                                let days = evidence::days_before_collection(inv, used);
                                if days >= max_idle {
                                    idle.push(format!("{label} unused for {days} days"));
                                }
                            }
                            (None, Some(why), _) => unknown.push(why.clone()),
                            (None, None, Some(created)) => {
                                let days = evidence::days_before_collection(inv, created);
                                if days >= max_idle {
                                    idle.push(format!("{label} never used since creation {days} days ago"));
                                }
                            }
                            (None, None, None) => unknown.push(format!("{label} has no use or creation date")),
                        }
                    }
                }
            }
            if !idle.is_empty() {
                out.fail(user, idle.join(", "));
            } else if !unknown.is_empty() {
                unknown.dedup();
                out.skip(user, unknown.join("; "));
            } else if judged {
                out.pass(user, format!("every credential was used in the last {max_idle} days"));
            }
        }
    }
}
