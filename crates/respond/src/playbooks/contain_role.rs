//! `contain-role`: sessions of an IAM role issued so far are refused, and (by default) the role
//! can do nothing more.
use super::{
    call, deny_all_document, iam_name, observe_policy_document, parse_arn, same_account, step, Planned, Playbook,
    PlaybookContext, Reads, DENY_ALL_POLICY,
};
use crate::action::{Action, ActionKind, Param, Reversible};
use crate::plan::Step;
use serde_json::{json, Value};
use wasp_model::GLOBAL_REGION;

const ID: &str = "contain-role";

/// The inline policy name the IAM console's "Revoke active sessions" uses; a later revocation
/// replaces it with a later time.
pub const REVOKE_POLICY: &str = "AWSRevokeOlderSessions";

pub static PLAYBOOK: Playbook = Playbook {
    id: ID,
    title: "Contain an IAM role",
    does: "Revokes the role's sessions issued before the plan (the inline policy \
           AWSRevokeOlderSessions denies every request signed with credentials issued earlier, as \
           the IAM console's \"Revoke active sessions\" does), and attaches the inline policy \
           wasp-deny-all so that new sessions can do nothing either (deny_all=false keeps the role \
           usable). Service-linked roles are refused: AWS manages their policies.",
    target: Some("ROLE_NAME_OR_ARN"),
    params: &[Param {
        name: "deny_all",
        help: "false: only revoke the sessions issued so far, leaving the role usable; default true",
        required: false,
    }],
    actions: &[&REVOKE_ROLE_SESSIONS, &ROLE_DENY_ALL],
    reads: &[],
    read_permissions: &[],
    plan,
};

fn observe_policy(answer: &Value, _: &Step) -> Value {
    observe_policy_document(answer)
}

pub static REVOKE_ROLE_SESSIONS: Action = Action {
    id: "iam_revoke_role_sessions",
    kind: ActionKind::Playbook,
    title: "Revoke a role's sessions issued so far",
    changes: "Puts the inline policy AWSRevokeOlderSessions on the role: every request signed with \
              credentials of the role issued before the plan's time is denied. Sessions started \
              later (including by the same principals) are not affected.",
    calls: &["iam:GetRole", "iam:GetRolePolicy", "iam:PutRolePolicy", "iam:DeleteRolePolicy"],
    permissions: &["iam:GetRole", "iam:GetRolePolicy", "iam:PutRolePolicy", "iam:DeleteRolePolicy"],
    reversible: Reversible::Yes,
    remediates: &[],
    params: &[],
    plan: None,
    observe: observe_policy,
};

pub static ROLE_DENY_ALL: Action = Action {
    id: "iam_role_deny_all",
    kind: ActionKind::Playbook,
    title: "Deny an IAM role every action",
    changes: "Puts the inline policy wasp-deny-all (Deny * on *) on the role: every session of the \
              role, old or new, is refused everything, and the workloads using it stop working.",
    calls: &["iam:GetRolePolicy", "iam:PutRolePolicy", "iam:DeleteRolePolicy"],
    permissions: &["iam:GetRolePolicy", "iam:PutRolePolicy", "iam:DeleteRolePolicy"],
    reversible: Reversible::Yes,
    remediates: &[],
    params: &[],
    plan: None,
    observe: observe_policy,
};

/// The policy that denies every request signed with credentials issued before `before`.
pub fn revoke_document(before: &str) -> Value {
    json!({"Version": "2012-10-17", "Statement": [{
        "Effect": "Deny",
        "Action": ["*"],
        "Resource": ["*"],
        "Condition": {"DateLessThan": {"aws:TokenIssueTime": before}},
    }]})
}

/// The role name of `--target`: a name, a role ARN, or an assumed-role session ARN.
fn target(cx: &PlaybookContext<'_>) -> Result<String, String> {
    let given = cx.target.unwrap_or_default();
    let name = match parse_arn(given) {
        Some(arn) => {
            same_account(cx, &arn)?;
            let role = match arn.service {
                "iam" => arn.resource.strip_prefix("role/").map(|p| p.rsplit('/').next().unwrap_or(p)),
                "sts" => arn.resource.strip_prefix("assumed-role/").and_then(|r| r.split('/').next()),
                _ => None,
            };
            match role {
                Some(role) => role.to_owned(),
                None => return Err(format!("{} is not an IAM role ARN", wasp_model::excerpt(given))),
            }
        }
        None => given.to_owned(),
    };
    if !iam_name(&name, 64) {
        return Err(format!("'{}' is not an IAM role name or ARN", wasp_model::excerpt(given)));
    }
    Ok(name)
}

/// A step putting inline policy `policy` on role `name`, undone by restoring what was there.
fn put_step(name: &str, action: &Action, role: &str, arn: &str, policy: &str, current: Value, intended: Value) -> Step {
    let reference = json!({"RoleName": role, "PolicyName": policy});
    let put = |doc: &Value| {
        call("iam", "PutRolePolicy", json!({"RoleName": role, "PolicyName": policy, "PolicyDocument": doc.to_string()}))
    };
    let mut s = step(name, action, arn, GLOBAL_REGION, String::new());
    s.probe = Some(call("iam", "GetRolePolicy", reference.clone()));
    s.calls = vec![put(&intended)];
    s.rollback = vec![if current.is_null() { call("iam", "DeleteRolePolicy", reference) } else { put(&current) }];
    s.current = current;
    s.intended = intended;
    s
}

fn plan(cx: &PlaybookContext<'_>, reads: &Reads<'_>) -> Result<Planned, String> {
    let name = target(cx)?;
    let deny_all = cx.flag(ID, "deny_all", true)?;
    let region = GLOBAL_REGION;
    let role = match reads.get(region, "iam", "GetRole", json!({"RoleName": name})) {
        Ok(answer) if answer.get("Role").is_some_and(Value::is_object) => answer["Role"].clone(),
        Ok(_) => return Err(format!("role {name} does not exist")),
        Err(e) if e.is(&["NoSuchEntity"]) => return Err(format!("role {name} does not exist")),
        Err(e) => return Err(format!("cannot read role {name}: {e}")),
    };
    if role.get("Path").and_then(Value::as_str).is_some_and(|p| p.starts_with("/aws-service-role/")) {
        return Err(format!(
            "role {name} is service-linked: AWS manages its policies, so contain the service that uses it instead"
        ));
    }
    let session_prefix = format!("arn:{}:sts::{}:assumed-role/{name}/", cx.caller.partition, cx.caller.account_id);
    if cx.caller.arn.starts_with(&session_prefix) {
        return Err(format!(
            "role {name} is the one these credentials are a session of; contain it with other credentials"
        ));
    }
    let arn = role
        .get("Arn")
        .and_then(Value::as_str)
        .map(str::to_owned)
        .unwrap_or_else(|| format!("arn:{}:iam::{}:role/{name}", cx.caller.partition, cx.caller.account_id));
    let mut out = Planned { target: Some(arn.clone()), ..Planned::default() };
    let current = |policy: &str| {
        reads
            .get(region, "iam", "GetRolePolicy", json!({"RoleName": name, "PolicyName": policy}))
            .map(|answer| observe_policy_document(&answer))
            .map_err(|e| format!("cannot read the inline policies of role {name}: {e}"))
    };

    let before = cx.now.format("%Y-%m-%dT%H:%M:%SZ").to_string();
    let mut s = put_step(
        "revoke-sessions",
        &REVOKE_ROLE_SESSIONS,
        &name,
        &arn,
        REVOKE_POLICY,
        current(REVOKE_POLICY)?,
        revoke_document(&before),
    );
    s.summary = format!("revoke the sessions of role {name} issued before {before}");
    out.steps.push(s);

    if !deny_all {
        out.notes.push(format!("role {name} stays usable for new sessions (deny_all=false)"));
        return Ok(out);
    }
    let existing = current(DENY_ALL_POLICY)?;
    if existing == deny_all_document() {
        out.notes.push(format!("role {name} already has the inline policy {DENY_ALL_POLICY}"));
    } else {
        let mut s = put_step("deny-all", &ROLE_DENY_ALL, &name, &arn, DENY_ALL_POLICY, existing, deny_all_document());
        s.summary = format!("deny role {name} every action ({DENY_ALL_POLICY})");
        out.steps.push(s);
    }
    Ok(out)
}
