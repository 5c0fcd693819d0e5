//! IAM Identity Center of one region: its instances and their permission sets, each with its
//! session duration, AWS managed policies and inline policy (three calls per set, AWS's
//! minimum: no bulk read exists).
use crate::unit::{client, Unit};
use futures::StreamExt;
use wasp_model::identity_center::{Instance, PermissionSet};
use wasp_model::{GapKind, Inventory, Setting};

pub(crate) async fn collect(unit: &Unit, part: &mut Inventory) {
    let sso = client!(aws_sdk_ssoadmin, unit);
    let mut instances = Vec::new();
    let mut pages = sso.list_instances().into_paginator().send();
    while let Some(page) = pages.next().await {
        let Some(page) = unit.read("ListInstances", page).ok() else { return };
        instances.extend(page.instances().iter().filter_map(|i| {
            Some(Instance {
                arn: i.instance_arn()?.to_owned(),
                identity_store_id: i.identity_store_id().map(str::to_owned),
                owner_account_id: i.owner_account_id().map(str::to_owned),
                status: i.status().map(|s| s.as_str().to_owned()),
            })
        }));
    }
    for instance in &instances {
        let mut arns = Vec::new();
        let mut pages = sso.list_permission_sets().instance_arn(&instance.arn).into_paginator().send();
        while let Some(page) = pages.next().await {
            let Some(page) = unit.read_for("ListPermissionSets", &instance.arn, page).ok() else { break };
            arns.extend(page.permission_sets().iter().cloned());
        }
        let sso = &sso;
        let sets = futures::stream::iter(arns)
            .map(|arn| async move { permission_set(unit, sso, &instance.arn, arn).await })
            .buffered(unit.inner_concurrency())
            .collect::<Vec<_>>()
            .await;
        part.identity_center.permission_sets.extend(sets);
    }
    part.identity_center.instances.insert(unit.region.clone(), instances);
}

async fn permission_set(unit: &Unit, sso: &aws_sdk_ssoadmin::Client, instance: &str, arn: String) -> PermissionSet {
    let (described, managed, inline) = futures::join!(
        sso.describe_permission_set().instance_arn(instance).permission_set_arn(&arn).send(),
        managed_policies(unit, sso, instance, &arn),
        sso.get_inline_policy_for_permission_set().instance_arn(instance).permission_set_arn(&arn).send(),
    );
    let described = unit.read_for("DescribePermissionSet", &arn, described).ok();
    let set = described.as_ref().and_then(|d| d.permission_set());
    let inline = unit.read_for("GetInlinePolicyForPermissionSet", &arn, inline).ok().and_then(|out| {
        // An empty string is a permission set without an inline policy.
        match out.inline_policy().filter(|t| !t.trim().is_empty()) {
            None => Some(Setting::NotConfigured),
            Some(text) => match serde_json::from_str(text) {
                Ok(doc) => Some(Setting::Configured(doc)),
                Err(e) => {
                    let reason = format!("the inline policy is not JSON: {e}");
                    unit.gap("GetInlinePolicyForPermissionSet", GapKind::Other, reason, Some(&arn));
                    None
                }
            },
        }
    });
    PermissionSet {
        name: set.and_then(|s| s.name()).unwrap_or_default().to_owned(),
        instance_arn: instance.to_owned(),
        description: set.and_then(|s| s.description()).map(str::to_owned),
        session_duration: set.and_then(|s| s.session_duration()).map(str::to_owned),
        managed_policies: managed,
        inline_policy: inline,
        location: None,
        arn,
    }
}

async fn managed_policies(
    unit: &Unit,
    sso: &aws_sdk_ssoadmin::Client,
    instance: &str,
    arn: &str,
) -> Option<Vec<String>> {
    let mut out = Vec::new();
    let mut pages = sso
        .list_managed_policies_in_permission_set()
        .instance_arn(instance)
        .permission_set_arn(arn)
        .into_paginator()
        .send();
    while let Some(page) = pages.next().await {
        let page = unit.read_for("ListManagedPoliciesInPermissionSet", arn, page).ok()?;
        out.extend(page.attached_managed_policies().iter().filter_map(|p| p.arn().map(str::to_owned)));
    }
    Some(out)
}
