//! IAM: the account's password policy, and access keys left unused.
use super::{call, observed, resource, step};
use crate::action::{Action, ActionKind, PlanContext, Reversible};
use crate::plan::Step;
use serde_json::{json, Value};
use wasp_checks::Finding;
use wasp_model::iam::PasswordPolicy;

/// The least the fix sets: CIS AWS Foundations 1.8 and 1.9, Security Hub IAM.7.
const MIN_LENGTH: u32 = 14;
const REUSE_PREVENTION: u32 = 24;

fn policy_json(p: &PasswordPolicy) -> Value {
    let mut v = json!({
        "MinimumPasswordLength": p.minimum_length.unwrap_or(8),
        "RequireSymbols": p.require_symbols,
        "RequireNumbers": p.require_numbers,
        "RequireUppercaseCharacters": p.require_uppercase,
        "RequireLowercaseCharacters": p.require_lowercase,
        "HardExpiry": p.hard_expiry,
    });
    if let Some(days) = p.max_age_days {
        v["MaxPasswordAge"] = json!(days);
    }
    if let Some(n) = p.reuse_prevention {
        v["PasswordReusePrevention"] = json!(n);
    }
    v
}

fn observe_policy(answer: &Value, _: &Step) -> Value {
    let Some(p) = answer.get("PasswordPolicy").filter(|p| p.is_object()) else {
        return Value::Null;
    };
    let flag = |k: &str| p.get(k).and_then(Value::as_bool).unwrap_or(false);
    policy_json(&PasswordPolicy {
        minimum_length: p.get("MinimumPasswordLength").and_then(Value::as_u64).map(|n| n as u32),
        require_symbols: flag("RequireSymbols"),
        require_numbers: flag("RequireNumbers"),
        require_uppercase: flag("RequireUppercaseCharacters"),
        require_lowercase: flag("RequireLowercaseCharacters"),
        // 0 is how some endpoints spell "not set" (AWS leaves the field out).
        max_age_days: p.get("MaxPasswordAge").and_then(Value::as_u64).filter(|n| *n > 0).map(|n| n as u32),
        reuse_prevention: p.get("PasswordReusePrevention").and_then(Value::as_u64).filter(|n| *n > 0).map(|n| n as u32),
        hard_expiry: flag("HardExpiry"),
    })
}

pub static PASSWORD_POLICY: Action = Action {
    id: "iam_strengthen_password_policy",
    kind: ActionKind::Fix,
    title: "Require long, varied, unrepeated IAM user passwords",
    changes: "Sets the account password policy to at least 14 characters of all four classes and \
              no reuse of the last 24, keeping any stricter value and the expiry settings already \
              in force; users may change their own password. Current passwords stay valid until \
              changed.",
    calls: &["iam:GetAccountPasswordPolicy", "iam:UpdateAccountPasswordPolicy", "iam:DeleteAccountPasswordPolicy"],
    permissions: &[
        "iam:GetAccountPasswordPolicy",
        "iam:UpdateAccountPasswordPolicy",
        "iam:DeleteAccountPasswordPolicy",
    ],
    reversible: Reversible::Partly(
        "whether users could change their own password before is not part of the evidence; the rollback lets them",
    ),
    remediates: &[
        "iam_password_policy_minimum_length",
        "iam_password_policy_character_classes",
        "iam_password_policy_reuse_prevention",
    ],
    params: &[],
    plan: Some(plan_password_policy),
    observe: observe_policy,
};

fn update(p: &Value) -> Value {
    let mut params = p.clone();
    params["AllowUsersToChangePassword"] = json!(true);
    params
}

fn plan_password_policy(cx: &PlanContext<'_>, finding: &Finding) -> Result<Step, String> {
    let current = observed(cx.inventory.iam.password_policy.as_ref(), "the account password policy")?;
    let base = current.cloned().unwrap_or_default();
    let intended = PasswordPolicy {
        minimum_length: Some(base.minimum_length.unwrap_or(0).max(MIN_LENGTH)),
        require_symbols: true,
        require_numbers: true,
        require_uppercase: true,
        require_lowercase: true,
        reuse_prevention: Some(base.reuse_prevention.unwrap_or(0).max(REUSE_PREVENTION)),
        ..base
    };
    let intended = policy_json(&intended);
    let mut s = step(
        finding,
        "require IAM user passwords of 14+ characters of every class, not reusing the last 24".to_owned(),
        current.map(policy_json).unwrap_or(Value::Null),
        intended.clone(),
    );
    s.probe = Some(call("iam", "GetAccountPasswordPolicy", json!({})));
    s.calls = vec![call("iam", "UpdateAccountPasswordPolicy", update(&intended))];
    s.rollback = vec![match current {
        Some(p) => call("iam", "UpdateAccountPasswordPolicy", update(&policy_json(p))),
        None => call("iam", "DeleteAccountPasswordPolicy", json!({})),
    }];
    Ok(s)
}

/// Of the planned keys, their status now.
pub(crate) fn observe_keys(answer: &Value, step: &Step) -> Value {
    let planned: Vec<&str> =
        step.current.as_array().into_iter().flatten().filter_map(|k| k.get("AccessKeyId")?.as_str()).collect();
    let now = answer.get("AccessKeyMetadata").and_then(Value::as_array).cloned().unwrap_or_default();
    Value::Array(
        now.into_iter()
            .filter(|k| k.get("AccessKeyId").and_then(Value::as_str).is_some_and(|id| planned.contains(&id)))
            .map(|k| json!({"AccessKeyId": k["AccessKeyId"], "Status": k["Status"]}))
            .collect(),
    )
}

pub static UNUSED_ACCESS_KEYS: Action = Action {
    id: "iam_deactivate_unused_access_keys",
    kind: ActionKind::Fix,
    title: "Deactivate a user's access keys left unused",
    changes: "Makes the user's access keys that were not used within the unused-credentials limit \
              inactive. Nothing is deleted: a key still needed is made active again in one call.",
    calls: &["iam:ListAccessKeys", "iam:UpdateAccessKey"],
    permissions: &["iam:ListAccessKeys", "iam:UpdateAccessKey"],
    reversible: Reversible::Yes,
    remediates: &["iam_user_unused_credentials_disabled"],
    params: &[],
    plan: Some(plan_unused_keys),
    observe: observe_keys,
};

fn plan_unused_keys(cx: &PlanContext<'_>, finding: &Finding) -> Result<Step, String> {
    let arn = resource(finding)?;
    let inv = cx.inventory;
    let user =
        inv.iam.users.iter().find(|u| u.arn == arn).ok_or_else(|| format!("user {arn} is not in the evidence"))?;
    let keys = user.access_keys.as_ref().ok_or("the user's access keys were not read; scan again before fixing")?;
    let limit = i64::from(cx.settings.unused_credentials_days);
    let idle = |k: &&wasp_model::iam::AccessKey| {
        k.active && k.last_used.or(k.created).is_some_and(|t| (inv.collected_at - t).num_days() >= limit)
    };
    let idle: Vec<_> = keys.iter().filter(idle).collect();
    if idle.is_empty() {
        return Err("no access key is idle: the finding is about the console password, which this fix leaves".into());
    }
    let ids: Vec<&str> = idle.iter().filter_map(|k| k.id.as_deref()).collect();
    let current: Vec<Value> = ids.iter().map(|id| json!({"AccessKeyId": id, "Status": "Active"})).collect();
    let intended: Vec<Value> = ids.iter().map(|id| json!({"AccessKeyId": id, "Status": "Inactive"})).collect();
    let mut s = step(
        finding,
        format!("deactivate {} unused access key(s) of user {}", idle.len(), user.name),
        json!(current),
        json!(intended),
    );
    if ids.len() < idle.len() {
        s.blocked = Some("the evidence numbers the keys without their ids (credential report only); scan with IAM ListAccessKeys allowed".into());
    }
    s.probe = Some(call("iam", "ListAccessKeys", json!({"UserName": user.name})));
    s.calls = ids
        .iter()
        .map(|id| {
            call("iam", "UpdateAccessKey", json!({"UserName": user.name, "AccessKeyId": id, "Status": "Inactive"}))
        })
        .collect();
    s.rollback = ids
        .iter()
        .map(|id| call("iam", "UpdateAccessKey", json!({"UserName": user.name, "AccessKeyId": id, "Status": "Active"})))
        .collect();
    Ok(s)
}
