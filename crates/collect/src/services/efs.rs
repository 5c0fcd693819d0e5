//! EFS of one region: file systems (one paginated `DescribeFileSystems`), each one's file
//! system policy and backup policy (one read each; no bulk form), and every access point (one
//! paginated `DescribeAccessPoints` for the region).
use crate::unit::{client, Read, Unit};
use aws_sdk_efs::Client;
use futures::StreamExt;
use wasp_model::efs::{AccessPoint, FileSystem};
use wasp_model::{Inventory, Setting};

pub(crate) async fn collect(unit: &Unit, part: &mut Inventory) {
    let efs = client!(aws_sdk_efs, unit);
    let (file_systems, access_points) = futures::join!(file_systems(unit, &efs), access_points(unit, &efs));
    part.efs.file_systems = file_systems;
    part.efs.access_points = access_points;
}

async fn file_systems(unit: &Unit, efs: &Client) -> Vec<FileSystem> {
    let mut listed = Vec::new();
    let mut pages = efs.describe_file_systems().into_paginator().send();
    while let Some(page) = pages.next().await {
        let Some(page) = unit.read("DescribeFileSystems", page).ok() else { break };
        listed.extend(page.file_systems().iter().map(|f| {
            let id = f.file_system_id().to_owned();
            FileSystem {
                arn: f
                    .file_system_arn()
                    .map_or_else(|| unit.arn("elasticfilesystem", &format!("file-system/{id}")), str::to_owned),
                region: unit.region.clone(),
                name: f.name().map(str::to_owned),
                state: Some(f.life_cycle_state().as_str().to_owned()),
                encrypted: f.encrypted(),
                kms_key_id: f.kms_key_id().map(str::to_owned),
                policy: None,
                backup_policy: None,
                id,
                location: None,
            }
        }));
    }
    futures::stream::iter(listed)
        .map(|fs| async move {
            let (policy, backup) = futures::join!(
                efs.describe_file_system_policy().file_system_id(&fs.id).send(),
                efs.describe_backup_policy().file_system_id(&fs.id).send(),
            );
            let policy = match unit.read_for("DescribeFileSystemPolicy", &fs.arn, policy) {
                Read::Ok(out) => super::policy_document(unit, "DescribeFileSystemPolicy", &fs.arn, out.policy()),
                Read::NotConfigured => Some(Setting::NotConfigured),
                Read::Gap => None,
            };
            let backup_policy = match unit.read_for("DescribeBackupPolicy", &fs.arn, backup) {
                Read::Ok(out) => Some(match out.backup_policy() {
                    Some(p) => Setting::Configured(p.status().as_str().to_owned()),
                    None => Setting::NotConfigured,
                }),
                Read::NotConfigured => Some(Setting::NotConfigured),
                Read::Gap => None,
            };
            FileSystem { policy, backup_policy, ..fs }
        })
        .buffered(unit.inner_concurrency())
        .collect()
        .await
}

async fn access_points(unit: &Unit, efs: &Client) -> Vec<AccessPoint> {
    let mut out = Vec::new();
    let mut pages = efs.describe_access_points().into_paginator().send();
    while let Some(page) = pages.next().await {
        let Some(page) = unit.read("DescribeAccessPoints", page).ok() else { break };
        out.extend(page.access_points().iter().filter_map(|a| {
            let id = a.access_point_id()?.to_owned();
            Some(AccessPoint {
                arn: a
                    .access_point_arn()
                    .map_or_else(|| unit.arn("elasticfilesystem", &format!("access-point/{id}")), str::to_owned),
                region: unit.region.clone(),
                file_system_id: a.file_system_id().unwrap_or_default().to_owned(),
                root_directory: a.root_directory().and_then(|r| r.path()).map(str::to_owned),
                posix_uid: a.posix_user().map(|p| p.uid()),
                state: a.life_cycle_state().map(|s| s.as_str().to_owned()),
                id,
                location: None,
            })
        }));
    }
    out
}
