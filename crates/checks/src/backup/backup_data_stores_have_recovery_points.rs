use crate::{declare_check, evidence};
use wasp_model::{Inventory, Resource, Service};

declare_check! {
    /// ### What it checks
    /// Every RDS DB cluster, RDS DB instance outside a cluster (read replicas excepted),
    /// DynamoDB table and EFS file system in the inventory has at least one AWS Backup recovery
    /// point in its region: its ARN is among AWS Backup's protected resources
    /// (`ListProtectedResources`), which the message dates by the last backup. Resources being
    /// deleted are not judged, nor services that were not collected. This sees what AWS Backup
    /// actually holds, not what a plan selects: a plan that selects a resource but has not run
    /// yet does not count. SKIP when the region's protected resources could not be listed.
    ///
    /// ### Why it matters
    /// Service-level backups (RDS automated backups, DynamoDB point-in-time recovery) live and
    /// die with the resource and its account; AWS Backup recovery points have their own
    /// retention, vault lock and cross-account copies, which is what recovery after a
    /// destructive intrusion needs.
    ///
    /// ### How to fix
    /// Assign the resource to a backup plan (`aws backup create-backup-selection`, by tag or
    /// ARN), or take an on-demand backup with `aws backup start-backup-job`.
    BackupDataStoresHaveRecoveryPoints {
        id: "backup_data_stores_have_recovery_points",
        title: "Data stores have AWS Backup recovery points",
        severity: Medium,
        service: Backup,
        resource_kind: "data_store",
        best_practices: ["SEC08-BP03"],
        prowler: [],
        security_hub: [],
        config_rule: [],
        cis: [],
        reads: { Backup: [ListProtectedResources] },
        remediation: "Assign the data store to an AWS Backup plan.",
    }
}

impl BackupDataStoresHaveRecoveryPoints {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        let mut stores: Vec<&dyn Resource> = Vec::new();
        if inv.has_service(Service::Rds) {
            stores.extend(inv.rds.clusters.iter().filter(|c| !c.is_gone()).map(|c| c as &dyn Resource));
            stores.extend(
                inv.rds
                    .instances
                    .iter()
                    .filter(|i| !i.is_gone() && i.cluster_id.is_none() && i.replica_of.is_none())
                    .map(|i| i as &dyn Resource),
            );
        }
        if inv.has_service(Service::DynamoDb) {
            stores.extend(
                inv.dynamodb
                    .tables
                    .iter()
                    .filter(|t| !t.status.is_some_and(|s| s.is_gone()))
                    .map(|t| t as &dyn Resource),
            );
        }
        if inv.has_service(Service::Efs) {
            stores.extend(inv.efs.file_systems.iter().filter(|f| !f.is_gone()).map(|f| f as &dyn Resource));
        }
        for store in stores {
            let Some(protected) = inv.backup.protected_resources.get(store.region()) else {
                let why =
                    evidence::unknown_because(inv, Service::Backup, store.region(), "AWS Backup's protected resources");
                out.skip(store, why);
                continue;
            };
            match protected.iter().find(|p| p.arn == store.arn()) {
                Some(p) => out.pass(
                    store,
                    match p.last_backup {
                        Some(at) => format!(
                            "AWS Backup last backed it up {} day(s) ago",
                            evidence::days_before_collection(inv, at)
                        ),
                        None => "AWS Backup holds recovery points of it".to_owned(),
                    },
                ),
                None => out.fail(store, "AWS Backup holds no recovery point of it"),
            }
        }
    }
}
