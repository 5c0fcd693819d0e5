use crate::{declare_check, evidence};
use wasp_model::iam::AccessKey;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Every active access key of an IAM user was created no more than 90 days before the
    /// inventory was collected (`access_key_max_age_days` under `[checks]` in wasp.toml
    /// changes the limit). Users without active keys are not judged; inactive keys are
    /// ignored. FAIL when any active key is older; SKIP when the user's keys, or the creation
    /// date of an active key, could not be read.
    ///
    /// ### Why it matters
    /// Access keys do not expire. The longer a key lives, the more places it has been copied to
    /// (scripts, CI variables, laptops) and the longer a silent leak stays useful.
    ///
    /// ### How to fix
    /// Create a second key, switch the consumer to it, deactivate and then delete the old one;
    /// better, replace the key with an IAM role or IAM Roles Anywhere so nothing needs rotating.
    IamAccessKeysRotated {
        id: "iam_access_keys_rotated",
        title: "Active IAM access keys are rotated within 90 days (configurable)",
        severity: Medium,
        service: Iam,
        resource_kind: "iam_user",
        best_practices: ["SEC02-BP05"],
        prowler: ["iam_rotate_access_key_90_days"],
        security_hub: ["IAM.3"],
        config_rule: ["ACCESS_KEYS_ROTATED"],
        cis: ["3.0:1.14", "4.0:1.14", "5.0:1.13"],
        reads: { Iam: [GetAccountAuthorizationDetails, GenerateCredentialReport, GetCredentialReport] },
        remediation: "Rotate access keys older than 90 days, or replace them with roles.",
    }
}

impl IamAccessKeysRotated {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        let max_age = i64::from(out.settings().access_key_max_age_days);
        for user in &inv.iam.users {
            let Some(keys) = &user.access_keys else {
                out.skip(user, evidence::unknown_for_resource(inv, &user.arn, "the user's access key list"));
                continue;
            };
            let active: Vec<(usize, &AccessKey)> = keys.iter().enumerate().filter(|(_, k)| k.active).collect();
            if active.is_empty() {
                continue;
            }
            let mut old = Vec::new();
            let mut undated = Vec::new();
            for (i, key) in &active {
                match key.created.map(|c| evidence::days_before_collection(inv, c)) {
                    Some(days) if days > max_age => {
                        old.push(format!("{} is {days} days old", evidence::key_label(key, *i)))
                    }
                    Some(_) => {}
                    None => undated.push(evidence::key_label(key, *i)),
                }
            }
            if !old.is_empty() {
                out.fail(user, old.join(", "));
            } else if !undated.is_empty() {
                out.skip(user, format!("creation date of {} was not read", undated.join(", ")));
            } else {
                out.pass(user, format!("every active access key is at most {max_age} days old"));
            }
        }
    }
}
