//! `prepare`: what the playbooks use, created ahead of an incident: a quarantine security group
//! in every VPC, and the role responders assume.
use super::isolate_instance::{create_group_step, quarantine_groups, usable_group};
use super::{call, observe_policy_document, step, Planned, Playbook, PlaybookContext, Reads, PLAYBOOKS};
use crate::action::{Action, ActionKind, Reversible};
use crate::plan::Step;
use serde_json::{json, Value};
use wasp_model::prepared::{CREATED_BY_TAG, RESPONDER_ROLE};
use wasp_model::GLOBAL_REGION;

pub(super) const ID: &str = "prepare";

/// The responder role's inline policy: the playbooks' permissions.
pub const RESPONDER_POLICY_NAME: &str = "wasp-playbooks";

pub static PLAYBOOK: Playbook = Playbook {
    id: ID,
    title: "Prepare the account for incidents",
    does: "Creates what the playbooks use, where it is missing: in every VPC of the region(s), a \
           security group tagged wasp:quarantine=true with no rules; and the role \
           wasp-incident-responder, which the account's principals may assume only with MFA, with \
           the AWS managed policy SecurityAudit and an inline policy granting the playbooks' \
           calls (never changes to the role itself). Everything is tagged wasp:created-by=prepare.",
    target: None,
    params: &[],
    actions: &[&super::isolate_instance::CREATE_QUARANTINE_GROUP, &CREATE_RESPONDER_ROLE, &UPDATE_RESPONDER_ROLE],
    reads: &[],
    read_permissions: &[],
    plan,
};

/// The role's ARN, `null` when there is no such role.
fn observe_role(answer: &Value, _: &Step) -> Value {
    answer.pointer("/Role/Arn").cloned().unwrap_or(Value::Null)
}

pub static CREATE_RESPONDER_ROLE: Action = Action {
    id: "iam_create_responder_role",
    kind: ActionKind::Playbook,
    title: "Create the incident responder role",
    changes: "Creates the role wasp-incident-responder: assumable by the account's principals that \
              signed in with MFA, with SecurityAudit attached and the playbooks' permissions inline.",
    calls: &[
        "iam:GetRole",
        "iam:CreateRole",
        "iam:AttachRolePolicy",
        "iam:PutRolePolicy",
        "iam:DeleteRolePolicy",
        "iam:DetachRolePolicy",
        "iam:DeleteRole",
    ],
    permissions: &[
        "iam:GetRole",
        "iam:CreateRole",
        "iam:TagRole",
        "iam:AttachRolePolicy",
        "iam:PutRolePolicy",
        "iam:DeleteRolePolicy",
        "iam:DetachRolePolicy",
        "iam:DeleteRole",
    ],
    reversible: Reversible::Yes,
    remediates: &[],
    params: &[],
    plan: None,
    observe: observe_role,
};

fn observe_inline(answer: &Value, _: &Step) -> Value {
    observe_policy_document(answer)
}

pub static UPDATE_RESPONDER_ROLE: Action = Action {
    id: "iam_update_responder_role",
    kind: ActionKind::Playbook,
    title: "Bring the incident responder role's permissions up to date",
    changes: "Puts the playbooks' current permissions as the inline policy wasp-playbooks of the \
              existing role wasp-incident-responder, and attaches SecurityAudit if it is missing. \
              Its trust policy is left as it is.",
    calls: &[
        "iam:GetRole",
        "iam:GetRolePolicy",
        "iam:ListAttachedRolePolicies",
        "iam:PutRolePolicy",
        "iam:DeleteRolePolicy",
        "iam:AttachRolePolicy",
        "iam:DetachRolePolicy",
    ],
    permissions: &[
        "iam:GetRole",
        "iam:GetRolePolicy",
        "iam:ListAttachedRolePolicies",
        "iam:PutRolePolicy",
        "iam:DeleteRolePolicy",
        "iam:AttachRolePolicy",
        "iam:DetachRolePolicy",
    ],
    reversible: Reversible::Yes,
    remediates: &[],
    params: &[],
    plan: None,
    observe: observe_inline,
};

/// The inline policy of the responder role: every permission the playbooks (not `prepare`)
/// need, and no change to the role itself, so that it cannot widen its own rights.
pub fn responder_policy(partition: &str, account_id: &str) -> Value {
    let mut allowed: Vec<&str> = PLAYBOOKS
        .iter()
        .filter(|p| p.id != ID)
        .flat_map(|p| p.actions.iter().flat_map(|a| a.permissions.iter()).chain(p.read_permissions.iter()))
        .copied()
        .chain(["sts:GetCallerIdentity"])
        .collect();
    allowed.sort_unstable();
    allowed.dedup();
    json!({
        "Version": "2012-10-17",
        "Statement": [
            {"Sid": "WaspPlaybooks", "Effect": "Allow", "Action": allowed, "Resource": "*"},
            {
                "Sid": "NotItself",
                "Effect": "Deny",
                "Action": "iam:*",
                "Resource": format!("arn:{partition}:iam::{account_id}:role/{RESPONDER_ROLE}"),
            },
        ]
    })
}

fn trust_policy(partition: &str, account_id: &str) -> Value {
    json!({"Version": "2012-10-17", "Statement": [{
        "Effect": "Allow",
        "Principal": {"AWS": format!("arn:{partition}:iam::{account_id}:root")},
        "Action": "sts:AssumeRole",
        "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}},
    }]})
}

fn plan(cx: &PlaybookContext<'_>, reads: &Reads<'_>) -> Result<Planned, String> {
    let mut out = Planned::default();
    if cx.regions.is_empty() {
        return Err("prepare needs --region (or AWS_REGION, or the profile's region): the regions whose VPCs get a quarantine group".into());
    }
    let group_name = format!("wasp-quarantine-{}", cx.now.format("%Y%m%d%H%M%S"));
    for region in cx.regions {
        let vpcs = reads
            .get(region, "ec2", "DescribeVpcs", json!({}))
            .map_err(|e| format!("cannot list the VPCs of {region}: {e}"))?;
        let groups = quarantine_groups(reads, region, None)?;
        let vpcs = vpcs.get("Vpcs").and_then(Value::as_array).cloned().unwrap_or_default();
        if vpcs.is_empty() {
            out.notes.push(format!("{region} has no VPC"));
        }
        for vpc in &vpcs {
            let Some(id) = vpc.get("VpcId").and_then(Value::as_str) else { continue };
            let mine: Vec<Value> =
                groups.iter().filter(|g| g.get("VpcId").and_then(Value::as_str) == Some(id)).cloned().collect();
            if let Some(group) = usable_group(&mine, id, &mut out.notes) {
                out.notes.push(format!("{id} in {region} already has quarantine security group {group}"));
                continue;
            }
            let ipv6 = vpc.get("Ipv6CidrBlockAssociationSet").and_then(Value::as_array).is_some_and(|s| !s.is_empty());
            let name = format!("quarantine-{region}-{id}");
            out.steps.push(create_group_step(cx, &name, region, id, ipv6, ID, &group_name));
        }
    }

    let role = reads
        .get(GLOBAL_REGION, "iam", "GetRole", json!({"RoleName": RESPONDER_ROLE}))
        .map_err(|e| format!("cannot read role {RESPONDER_ROLE}: {e}"))?;
    let (partition, account) = (cx.caller.partition.as_str(), cx.caller.account_id.as_str());
    let arn = format!("arn:{partition}:iam::{account}:role/{RESPONDER_ROLE}");
    let audit = format!("arn:{partition}:iam::aws:policy/SecurityAudit");
    let policy = responder_policy(partition, account);
    let name = json!({"RoleName": RESPONDER_ROLE});
    let inline = json!({"RoleName": RESPONDER_ROLE, "PolicyName": RESPONDER_POLICY_NAME});
    let put = |doc: &Value| {
        call(
            "iam",
            "PutRolePolicy",
            json!({"RoleName": RESPONDER_ROLE, "PolicyName": RESPONDER_POLICY_NAME, "PolicyDocument": doc.to_string()}),
        )
    };
    let attach = json!({"RoleName": RESPONDER_ROLE, "PolicyArn": audit});
    if role.pointer("/Role/Arn").is_none() {
        let mut s = step(
            "responder-role",
            &CREATE_RESPONDER_ROLE,
            &arn,
            GLOBAL_REGION,
            format!("create role {RESPONDER_ROLE} (MFA to assume; SecurityAudit and the playbooks' permissions)"),
        );
        s.probe = Some(call("iam", "GetRole", name.clone()));
        s.intended = json!({"Arn": arn, "ManagedPolicies": [audit], "InlinePolicies": [RESPONDER_POLICY_NAME]});
        s.calls = vec![
            call(
                "iam",
                "CreateRole",
                json!({
                    "RoleName": RESPONDER_ROLE,
                    "AssumeRolePolicyDocument": trust_policy(partition, account).to_string(),
                    "Description": "wasp incident playbooks: investigate (SecurityAudit) and contain",
                    "MaxSessionDuration": 3600,
                    "Tags": [{"Key": CREATED_BY_TAG, "Value": ID}],
                }),
            ),
            call("iam", "AttachRolePolicy", attach.clone()),
            put(&policy),
        ];
        s.rollback = vec![
            call("iam", "DeleteRolePolicy", inline),
            call("iam", "DetachRolePolicy", attach),
            call("iam", "DeleteRole", name),
        ];
        out.steps.push(s);
        return Ok(out);
    }

    // The role exists: bring its permissions up to date, leaving its trust policy.
    let current = reads
        .get(GLOBAL_REGION, "iam", "GetRolePolicy", inline.clone())
        .map(|answer| observe_policy_document(&answer))
        .map_err(|e| format!("cannot read the inline policy of role {RESPONDER_ROLE}: {e}"))?;
    let attached = reads
        .get(GLOBAL_REGION, "iam", "ListAttachedRolePolicies", name.clone())
        .map_err(|e| format!("cannot read the policies attached to role {RESPONDER_ROLE}: {e}"))?;
    let has_audit = attached
        .get("AttachedPolicies")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .any(|p| p.get("PolicyArn").and_then(Value::as_str) == Some(audit.as_str()));
    out.notes.push(format!("role {RESPONDER_ROLE} exists; its trust policy is left as it is"));
    if current == policy && has_audit {
        out.notes
            .push(format!("role {RESPONDER_ROLE} already has SecurityAudit and the playbooks' current permissions"));
        return Ok(out);
    }
    let mut s = step(
        "responder-role",
        &UPDATE_RESPONDER_ROLE,
        &arn,
        GLOBAL_REGION,
        format!("bring the permissions of role {RESPONDER_ROLE} up to date"),
    );
    s.probe = Some(call("iam", "GetRolePolicy", inline.clone()));
    s.intended = policy.clone();
    if current != policy {
        s.calls.push(put(&policy));
        s.rollback.push(if current.is_null() { call("iam", "DeleteRolePolicy", inline) } else { put(&current) });
    }
    if !has_audit {
        s.calls.push(call("iam", "AttachRolePolicy", attach.clone()));
        s.rollback.push(call("iam", "DetachRolePolicy", attach));
    }
    s.current = current;
    out.steps.push(s);
    Ok(out)
}
