//! RDS DB instances and clusters.
use super::{Builder, Res};
use wasp_model::rds::{DbCluster, DbInstance};

/// `AWS::RDS::DBInstance`. Defaults: unencrypted storage, backups kept 1 day, no deletion
/// protection, no IAM authentication, minor upgrades on. `PubliclyAccessible` left out
/// depends on the subnets (public when the default VPC or a subnet group with an internet
/// gateway is used), so it is unknown unless set.
pub fn instance(b: &mut Builder<'_>, r: &Res<'_>) {
    let publicly_accessible = match b.read(r, &["PubliclyAccessible"]) {
        Ok(Some(v)) => super::as_bool(&v),
        Ok(None) => {
            b.unresolved(
                r,
                &["PubliclyAccessible"],
                "not set: RDS decides from the subnets (the default VPC's are public)",
            );
            None
        }
        Err(()) => None,
    };
    let instance = DbInstance {
        arn: r.arn.clone(),
        id: r.name.clone(),
        region: b.ctx.region.clone(),
        engine: b.text(r, &["Engine"]).ok().flatten().map(|e| e.to_ascii_lowercase()),
        engine_version: b.text(r, &["EngineVersion"]).ok().flatten(),
        status: None,
        cluster_id: b.text(r, &["DBClusterIdentifier"]).ok().flatten(),
        replica_of: b.text(r, &["SourceDBInstanceIdentifier"]).ok().flatten(),
        storage_encrypted: b.flag(r, &["StorageEncrypted"], false),
        publicly_accessible,
        backup_retention_days: b.int(r, &["BackupRetentionPeriod"]).map(|d| d.unwrap_or(1) as i32).ok(),
        deletion_protection: b.flag(r, &["DeletionProtection"], false),
        iam_database_authentication: b.flag(r, &["EnableIAMDatabaseAuthentication"], false),
        auto_minor_version_upgrade: b.flag(r, &["AutoMinorVersionUpgrade"], true),
        monitoring_interval: b.int(r, &["MonitoringInterval"]).map(|i| i.unwrap_or(0) as i32).ok(),
        log_exports: log_exports(b, r),
        master_username: b.text(r, &["MasterUsername"]).ok().flatten(),
        // Left out, RDS picks its current default authority: unknown here.
        ca_certificate: b.text(r, &["CACertificateIdentifier"]).ok().flatten(),
        certificate_valid_till: None,
        parameter_group: b.text(r, &["DBParameterGroupName"]).ok().flatten(),
        // Decided by the parameter group's values, which templates do not join yet.
        tls_required: None,
        location: Some(r.location.clone()),
    };
    b.inv.rds.instances.push(instance);
}

/// `AWS::RDS::DBCluster`: unencrypted, backups 1 day, no deletion protection, no IAM
/// authentication unless set (Aurora Serverless v1 clusters are always encrypted).
pub fn cluster(b: &mut Builder<'_>, r: &Res<'_>) {
    let engine_mode = b.text(r, &["EngineMode"]).ok().flatten();
    let serverless_v1 = engine_mode.as_deref() == Some("serverless");
    let cluster = DbCluster {
        arn: r.arn.clone(),
        id: r.name.clone(),
        region: b.ctx.region.clone(),
        engine: b.text(r, &["Engine"]).ok().flatten().map(|e| e.to_ascii_lowercase()),
        engine_version: b.text(r, &["EngineVersion"]).ok().flatten(),
        engine_mode: Some(engine_mode.unwrap_or_else(|| "provisioned".to_owned())),
        status: None,
        storage_encrypted: b.flag(r, &["StorageEncrypted"], serverless_v1),
        backup_retention_days: b.int(r, &["BackupRetentionPeriod"]).map(|d| d.unwrap_or(1) as i32).ok(),
        deletion_protection: b.flag(r, &["DeletionProtection"], false),
        iam_database_authentication: b.flag(r, &["EnableIAMDatabaseAuthentication"], false),
        auto_minor_version_upgrade: b.flag(r, &["AutoMinorVersionUpgrade"], true),
        log_exports: log_exports(b, r),
        master_username: b.text(r, &["MasterUsername"]).ok().flatten(),
        location: Some(r.location.clone()),
    };
    b.inv.rds.clusters.push(cluster);
}

/// `EnableCloudwatchLogsExports`: none when left out.
fn log_exports(b: &mut Builder<'_>, r: &Res<'_>) -> Option<Vec<String>> {
    match b.read(r, &["EnableCloudwatchLogsExports"]) {
        Ok(v) => Some(v.as_ref().map(super::as_texts).unwrap_or_default()),
        Err(()) => None,
    }
}
