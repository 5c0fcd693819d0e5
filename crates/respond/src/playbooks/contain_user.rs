//! `contain-user`: an IAM user can do nothing more: denied everything, keys inactive, no
//! console password.
use super::{
    call, deny_all_document, iam_name, observe_policy_document, parse_arn, same_account, step, Planned, Playbook,
    PlaybookContext, ReadError, Reads, DENY_ALL_POLICY,
};
use crate::action::{Action, ActionKind, Reversible};
use crate::fixes::iam::observe_keys;
use crate::plan::Step;
use serde_json::{json, Value};
use wasp_model::GLOBAL_REGION;

const ID: &str = "contain-user";

pub static PLAYBOOK: Playbook = Playbook {
    id: ID,
    title: "Contain an IAM user",
    does: "Attaches the inline policy wasp-deny-all (deny every action) to the user, which stops its \
           keys and console sessions at once, deactivates every active access key, and deletes its \
           console password. Nothing else of the user is deleted.",
    target: Some("USER_NAME_OR_ARN"),
    params: &[],
    actions: &[&USER_DENY_ALL, &DEACTIVATE_ACCESS_KEYS, &DELETE_LOGIN_PROFILE],
    reads: &[],
    read_permissions: &[],
    plan,
};

fn observe_policy(answer: &Value, _: &Step) -> Value {
    observe_policy_document(answer)
}

pub static USER_DENY_ALL: Action = Action {
    id: "iam_user_deny_all",
    kind: ActionKind::Playbook,
    title: "Deny an IAM user every action",
    changes: "Puts the inline policy wasp-deny-all (Deny * on *) on the user. An explicit deny wins \
              over every allow, so the user's keys, console sessions and session tokens are refused \
              at once; sessions of roles it assumed are not.",
    calls: &["iam:GetUserPolicy", "iam:PutUserPolicy", "iam:DeleteUserPolicy"],
    permissions: &["iam:GetUserPolicy", "iam:PutUserPolicy", "iam:DeleteUserPolicy"],
    reversible: Reversible::Yes,
    remediates: &[],
    params: &[],
    plan: None,
    observe: observe_policy,
};

pub static DEACTIVATE_ACCESS_KEYS: Action = Action {
    id: "iam_deactivate_access_keys",
    kind: ActionKind::Playbook,
    title: "Deactivate every active access key of a user",
    changes: "Makes the user's active access keys inactive. Nothing is deleted: a key is made active \
              again in one call.",
    calls: &["iam:ListAccessKeys", "iam:UpdateAccessKey"],
    permissions: &["iam:ListAccessKeys", "iam:UpdateAccessKey"],
    reversible: Reversible::Yes,
    remediates: &[],
    params: &[],
    plan: None,
    observe: observe_keys,
};

/// Whether the user has a console password.
fn observe_login(answer: &Value, _: &Step) -> Value {
    json!(answer.get("LoginProfile").is_some_and(Value::is_object))
}

pub static DELETE_LOGIN_PROFILE: Action = Action {
    id: "iam_delete_login_profile",
    kind: ActionKind::Playbook,
    title: "Delete a user's console password",
    changes: "Deletes the user's login profile: the user can no longer sign in to the console.",
    calls: &["iam:GetLoginProfile", "iam:DeleteLoginProfile"],
    permissions: &["iam:GetLoginProfile", "iam:DeleteLoginProfile"],
    reversible: Reversible::No(
        "a deleted password cannot be restored: when the user is trusted again, set a new one (CreateLoginProfile with PasswordResetRequired)",
    ),
    remediates: &[],
    params: &[],
    plan: None,
    observe: observe_login,
};

/// The user name of `--target` (a name or a user ARN), and the ARN when one was given.
fn target(cx: &PlaybookContext<'_>) -> Result<(String, Option<String>), String> {
    let given = cx.target.unwrap_or_default();
    let (name, arn) = match parse_arn(given) {
        Some(arn) => {
            same_account(cx, &arn)?;
            match arn.resource.strip_prefix("user/").filter(|_| arn.service == "iam") {
                Some(path) => (path.rsplit('/').next().unwrap_or(path).to_owned(), Some(given.to_owned())),
                None => return Err(format!("{} is not an IAM user ARN", wasp_model::excerpt(given))),
            }
        }
        None => (given.to_owned(), None),
    };
    if !iam_name(&name, 64) {
        return Err(format!("'{}' is not an IAM user name or ARN", wasp_model::excerpt(given)));
    }
    Ok((name, arn))
}

fn plan(cx: &PlaybookContext<'_>, reads: &Reads<'_>) -> Result<Planned, String> {
    let (name, given_arn) = target(cx)?;
    let region = GLOBAL_REGION;
    let arn_prefix = format!("arn:{}:iam::{}:user/", cx.caller.partition, cx.caller.account_id);
    // Containing oneself would lock the responder out halfway through.
    if cx.caller.arn.starts_with(&arn_prefix) && cx.caller.arn.rsplit('/').next() == Some(name.as_str()) {
        return Err(format!(
            "user {name} is the identity these credentials belong to; contain it with other credentials"
        ));
    }
    let user = json!({"UserName": name});
    let failed = |what: &str, e: ReadError| {
        if e.is(&["NoSuchEntity"]) {
            format!("user {name} does not exist")
        } else {
            format!("cannot read {what} of user {name}: {e}")
        }
    };
    let keys = reads.get(region, "iam", "ListAccessKeys", user.clone()).map_err(|e| failed("the access keys", e))?;
    let login =
        reads.get(region, "iam", "GetLoginProfile", user.clone()).map_err(|e| failed("the console password", e))?;
    let policy_ref = json!({"UserName": name, "PolicyName": DENY_ALL_POLICY});
    let policy =
        reads.get(region, "iam", "GetUserPolicy", policy_ref.clone()).map_err(|e| failed("the inline policies", e))?;
    // Without an ARN given, the plan names the user without its path (which is not read).
    let arn = given_arn.unwrap_or_else(|| format!("{arn_prefix}{name}"));
    let mut out = Planned { target: Some(arn.clone()), ..Planned::default() };

    let deny = deny_all_document();
    let current = observe_policy_document(&policy);
    if current == deny {
        out.notes.push(format!("user {name} already has the inline policy {DENY_ALL_POLICY}"));
    } else {
        let mut s = step(
            "deny-all",
            &USER_DENY_ALL,
            &arn,
            region,
            format!("deny user {name} every action ({DENY_ALL_POLICY})"),
        );
        s.probe = Some(call("iam", "GetUserPolicy", policy_ref.clone()));
        s.intended = deny.clone();
        s.calls = vec![call(
            "iam",
            "PutUserPolicy",
            json!({"UserName": name, "PolicyName": DENY_ALL_POLICY, "PolicyDocument": deny.to_string()}),
        )];
        s.rollback = vec![if current.is_null() {
            call("iam", "DeleteUserPolicy", policy_ref)
        } else {
            // A policy of that name that was not ours is put back as it was.
            call(
                "iam",
                "PutUserPolicy",
                json!({"UserName": name, "PolicyName": DENY_ALL_POLICY, "PolicyDocument": current.to_string()}),
            )
        }];
        s.current = current;
        out.steps.push(s);
    }

    let active: Vec<&str> = keys
        .get("AccessKeyMetadata")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter(|k| k.get("Status").and_then(Value::as_str) == Some("Active"))
        .filter_map(|k| k.get("AccessKeyId")?.as_str())
        .collect();
    if active.is_empty() {
        out.notes.push(format!("user {name} has no active access key"));
    } else {
        let status = |s: &str| active.iter().map(|id| json!({"AccessKeyId": id, "Status": s})).collect::<Vec<_>>();
        let update = |s: &str| -> Vec<_> {
            active
                .iter()
                .map(|id| call("iam", "UpdateAccessKey", json!({"UserName": name, "AccessKeyId": id, "Status": s})))
                .collect()
        };
        let mut s = step(
            "deactivate-access-keys",
            &DEACTIVATE_ACCESS_KEYS,
            &arn,
            region,
            format!("deactivate {} access key(s) of user {name}: {}", active.len(), active.join(", ")),
        );
        s.probe = Some(call("iam", "ListAccessKeys", user.clone()));
        s.current = json!(status("Active"));
        s.intended = json!(status("Inactive"));
        s.calls = update("Inactive");
        s.rollback = update("Active");
        out.steps.push(s);
    }

    if login.get("LoginProfile").is_some_and(Value::is_object) {
        let mut s = step(
            "delete-console-password",
            &DELETE_LOGIN_PROFILE,
            &arn,
            region,
            format!("delete the console password of user {name}"),
        );
        s.probe = Some(call("iam", "GetLoginProfile", user.clone()));
        s.current = json!(true);
        s.intended = json!(false);
        s.calls = vec![call("iam", "DeleteLoginProfile", user)];
        out.steps.push(s);
    } else {
        out.notes.push(format!("user {name} has no console password"));
    }
    Ok(out)
}
