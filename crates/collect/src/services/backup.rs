//! AWS Backup of one region: vaults (one paginated `ListBackupVaults`) with each one's access
//! policy (`GetBackupVaultAccessPolicy`), plans (one paginated `ListBackupPlans`, then
//! `GetBackupPlan` each for its rules), and the resources with recovery points (one paginated
//! `ListProtectedResources`).
use crate::unit::{client, Read, Unit};
use aws_sdk_backup::Client;
use futures::StreamExt;
use wasp_model::backup::{Plan, ProtectedResource, Vault};
use wasp_model::{Inventory, Setting};

const PAGE: i32 = 1000;

pub(crate) async fn collect(unit: &Unit, part: &mut Inventory) {
    let backup = client!(aws_sdk_backup, unit);
    let (vaults, plans, protected) =
        futures::join!(vaults(unit, &backup), plans(unit, &backup), protected(unit, &backup));
    part.backup.vaults = vaults;
    part.backup.plans = plans;
    if let Some(protected) = protected {
        part.backup.protected_resources.insert(unit.region.clone(), protected);
    }
}

async fn vaults(unit: &Unit, backup: &Client) -> Vec<Vault> {
    let mut listed = Vec::new();
    let mut pages = backup.list_backup_vaults().max_results(PAGE).into_paginator().send();
    while let Some(page) = pages.next().await {
        let Some(page) = unit.read("ListBackupVaults", page).ok() else { break };
        listed.extend(page.backup_vault_list().iter().filter_map(|v| {
            let name = v.backup_vault_name()?.to_owned();
            Some(Vault {
                arn: v
                    .backup_vault_arn()
                    .map_or_else(|| unit.arn("backup", &format!("backup-vault:{name}")), str::to_owned),
                region: unit.region.clone(),
                encryption_key_arn: v.encryption_key_arn().map(str::to_owned),
                locked: Some(v.locked().unwrap_or(false)),
                min_retention_days: v.min_retention_days(),
                vault_type: v.vault_type().map(|t| t.as_str().to_owned()),
                recovery_points: Some(v.number_of_recovery_points()),
                policy: None,
                name,
                location: None,
            })
        }));
    }
    futures::stream::iter(listed)
        .map(|vault| async move {
            let answer = backup.get_backup_vault_access_policy().backup_vault_name(&vault.name).send().await;
            let policy = match unit.read_for("GetBackupVaultAccessPolicy", &vault.arn, answer) {
                Read::Ok(out) => super::policy_document(unit, "GetBackupVaultAccessPolicy", &vault.arn, out.policy()),
                Read::NotConfigured => Some(Setting::NotConfigured),
                Read::Gap => None,
            };
            Vault { policy, ..vault }
        })
        .buffered(unit.inner_concurrency())
        .collect()
        .await
}

async fn plans(unit: &Unit, backup: &Client) -> Vec<Plan> {
    let mut listed = Vec::new();
    let mut pages = backup.list_backup_plans().max_results(PAGE).into_paginator().send();
    while let Some(page) = pages.next().await {
        let Some(page) = unit.read("ListBackupPlans", page).ok() else { break };
        listed.extend(page.backup_plans_list().iter().filter_map(|p| {
            Some((
                p.backup_plan_id()?.to_owned(),
                p.backup_plan_arn()?.to_owned(),
                p.backup_plan_name().unwrap_or_default().to_owned(),
            ))
        }));
    }
    futures::stream::iter(listed)
        .map(|(id, arn, name)| async move {
            let answer = backup.get_backup_plan().backup_plan_id(&id).send().await;
            let rules = unit
                .read_for("GetBackupPlan", &arn, answer)
                .ok()
                .map(|out| out.backup_plan().map_or(0, |p| p.rules().len()));
            Plan { arn, name, region: unit.region.clone(), rules, location: None }
        })
        .buffered(unit.inner_concurrency())
        .collect()
        .await
}

/// Every resource with a recovery point in the region, or `None` when a page failed.
async fn protected(unit: &Unit, backup: &Client) -> Option<Vec<ProtectedResource>> {
    let mut out = Vec::new();
    let mut pages = backup.list_protected_resources().max_results(PAGE).into_paginator().send();
    while let Some(page) = pages.next().await {
        let page = unit.read("ListProtectedResources", page).ok()?;
        out.extend(page.results().iter().filter_map(|r| {
            Some(ProtectedResource {
                arn: r.resource_arn()?.to_owned(),
                resource_type: r.resource_type().map(str::to_owned),
                last_backup: r.last_backup_time().and_then(super::iam::timestamp),
            })
        }));
    }
    Some(out)
}
