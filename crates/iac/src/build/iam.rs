//! IAM: users, roles, groups, managed policies, inline policies (`AWS::IAM::Policy` and the
//! `Policies` property), group membership and access keys.
use super::{as_text, as_texts, Builder, Res};
use serde_json::Value as Json;
use wasp_model::iam::{AccessKey, Group, InlinePolicy, ManagedPolicy, Role, User};

/// The `Policies` property: inline policies; a document that cannot be resolved is `None`
/// (a gap names the expression).
fn inline_policies(b: &mut Builder<'_>, r: &Res<'_>) -> Vec<InlinePolicy> {
    let items = match b.read(r, &["Policies"]) {
        Ok(Some(Json::Array(items))) => items,
        Ok(_) => return Vec::new(),
        // Unknown policies are held as one whose document is unknown: nothing is assumed.
        Err(()) => return vec![InlinePolicy { name: "(unresolved Policies)".to_owned(), document: None }],
    };
    items
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let name = p.get("PolicyName").and_then(as_text).unwrap_or_else(|| format!("policy{i}"));
            InlinePolicy { name, document: p.get("PolicyDocument").cloned() }
        })
        .collect()
}

fn managed_arns(b: &mut Builder<'_>, r: &Res<'_>) -> Vec<String> {
    match b.read(r, &["ManagedPolicyArns"]) {
        Ok(Some(v)) => as_texts(&v),
        _ => Vec::new(),
    }
}

pub fn user(b: &mut Builder<'_>, r: &Res<'_>) {
    let console_access = match b.read(r, &["LoginProfile"]) {
        Ok(v) => Some(v.is_some()),
        Err(()) => None,
    };
    let groups = match b.read(r, &["Groups"]) {
        Ok(Some(v)) => as_texts(&v),
        _ => Vec::new(),
    };
    let attached_policies = managed_arns(b, r);
    let inline = inline_policies(b, r);
    let permissions_boundary = b.text(r, &["PermissionsBoundary"]).ok().flatten();
    b.inv.iam.users.push(User {
        arn: r.arn.clone(),
        name: r.name.clone(),
        console_access,
        // MFA devices are registered after deployment.
        mfa_active: None,
        access_keys: Some(Vec::new()),
        groups,
        attached_policies,
        inline_policies: inline,
        permissions_boundary,
        location: Some(r.location.clone()),
        ..Default::default()
    });
}

pub fn role(b: &mut Builder<'_>, r: &Res<'_>) {
    let trust_policy = b.read(r, &["AssumeRolePolicyDocument"]).ok().flatten();
    let path = b.text(r, &["Path"]).ok().flatten().unwrap_or_else(|| "/".to_owned());
    let attached_policies = managed_arns(b, r);
    let inline = inline_policies(b, r);
    let permissions_boundary = b.text(r, &["PermissionsBoundary"]).ok().flatten();
    b.inv.iam.roles.push(Role {
        arn: r.arn.clone(),
        name: r.name.clone(),
        path,
        trust_policy,
        attached_policies,
        inline_policies: inline,
        permissions_boundary,
        location: Some(r.location.clone()),
        ..Default::default()
    });
}

pub fn group(b: &mut Builder<'_>, r: &Res<'_>) {
    let attached_policies = managed_arns(b, r);
    let inline = inline_policies(b, r);
    b.inv.iam.groups.push(Group {
        arn: r.arn.clone(),
        name: r.name.clone(),
        attached_policies,
        inline_policies: inline,
        location: Some(r.location.clone()),
    });
}

/// `AWS::IAM::ManagedPolicy`, attached to the users, roles and groups it lists.
pub fn managed_policy(b: &mut Builder<'_>, r: &Res<'_>) {
    let document = b.read(r, &["PolicyDocument"]).ok().flatten();
    let mut count = 0;
    for (key, kind) in [("Users", 0), ("Roles", 1), ("Groups", 2)] {
        let Ok(Some(v)) = b.read(r, &[key]) else { continue };
        for name in as_texts(&v) {
            count += 1;
            b.pending.push((kind, name, PendingPolicy::Managed(r.arn.clone())));
        }
    }
    b.inv.iam.policies.push(ManagedPolicy {
        arn: r.arn.clone(),
        name: r.name.clone(),
        attachment_count: Some(count),
        document,
        location: Some(r.location.clone()),
    });
}

/// `AWS::IAM::Policy`: an inline policy of each user, role and group it lists.
pub fn inline_policy(b: &mut Builder<'_>, r: &Res<'_>) {
    let name = b.text(r, &["PolicyName"]).ok().flatten().unwrap_or_else(|| r.logical.to_owned());
    let document = b.read(r, &["PolicyDocument"]).ok().flatten();
    for (key, kind) in [("Users", 0), ("Roles", 1), ("Groups", 2)] {
        let Ok(Some(v)) = b.read(r, &[key]) else { continue };
        for target in as_texts(&v) {
            let policy = InlinePolicy { name: name.clone(), document: document.clone() };
            b.pending.push((kind, target, PendingPolicy::Inline(policy)));
        }
    }
}

pub fn user_to_group(b: &mut Builder<'_>, r: &Res<'_>) {
    let Ok(Some(group)) = b.text(r, &["GroupName"]) else { return };
    let Ok(Some(users)) = b.read(r, &["Users"]) else { return };
    for name in as_texts(&users) {
        if let Some(u) = b.inv.iam.users.iter_mut().find(|u| u.name == name) {
            u.groups.push(group.clone());
        }
    }
}

/// `AWS::IAM::AccessKey`: active unless `Status: Inactive`.
pub fn access_key(b: &mut Builder<'_>, r: &Res<'_>) {
    let Ok(Some(user)) = b.text(r, &["UserName"]) else { return };
    let active = b.text(r, &["Status"]).ok().flatten().is_none_or(|s| s != "Inactive");
    if let Some(u) = b.inv.iam.users.iter_mut().find(|u| u.name == user) {
        u.access_keys.get_or_insert_with(Vec::new).push(AccessKey { id: None, active, created: None, last_used: None });
    }
}

/// A policy waiting for the principals of the whole template.
pub enum PendingPolicy {
    Managed(String),
    Inline(InlinePolicy),
}

impl Builder<'_> {
    /// Attaches the managed and inline policies that name principals by name.
    pub fn finish_iam(&mut self) {
        for (kind, name, policy) in std::mem::take(&mut self.pending) {
            let (attached, inline) = match kind {
                0 => match self.inv.iam.users.iter_mut().find(|u| u.name == name) {
                    Some(u) => (&mut u.attached_policies, &mut u.inline_policies),
                    None => continue,
                },
                1 => match self.inv.iam.roles.iter_mut().find(|x| x.name == name) {
                    Some(x) => (&mut x.attached_policies, &mut x.inline_policies),
                    None => continue,
                },
                _ => match self.inv.iam.groups.iter_mut().find(|g| g.name == name) {
                    Some(g) => (&mut g.attached_policies, &mut g.inline_policies),
                    None => continue,
                },
            };
            match policy {
                PendingPolicy::Managed(arn) => {
                    if !attached.contains(&arn) {
                        attached.push(arn);
                    }
                }
                PendingPolicy::Inline(p) => inline.push(p),
            }
        }
    }
}
