use crate::{declare_check, evidence};
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Every RDS DB instance outside a cluster whose engine can refuse unencrypted connections
    /// through its parameter group does so: `rds.force_ssl` = 1 for PostgreSQL and SQL Server,
    /// `require_secure_transport` = ON/1 for MySQL and MariaDB (left at the engine default,
    /// it is OFF). Default parameter groups count like any other: PostgreSQL 15 and later
    /// ship with `rds.force_ssl` = 1, earlier versions and MySQL do not. Oracle (a listener
    /// option), Db2 and cluster members (cluster parameter groups) are not judged, nor are
    /// instances being deleted. SKIP when the parameter group could not be read.
    ///
    /// ### Why it matters
    /// Drivers often connect without TLS unless told otherwise; only the server refusing
    /// plaintext guarantees that passwords and query results never cross the network in the
    /// clear.
    ///
    /// ### How to fix
    /// In a custom parameter group, set `rds.force_ssl` to 1 (or `require_secure_transport`
    /// to 1): `aws rds modify-db-parameter-group --db-parameter-group-name <pg> --parameters
    /// ParameterName=rds.force_ssl,ParameterValue=1,ApplyMethod=pending-reboot`, attach it and
    /// reboot.
    RdsInstanceTlsRequired {
        id: "rds_instance_tls_required",
        title: "RDS DB instances refuse connections without TLS",
        severity: Medium,
        service: Rds,
        resource_kind: "rds_instance",
        best_practices: ["SEC09-BP02"],
        prowler: ["rds_instance_transport_encrypted"],
        security_hub: ["RDS.38", "RDS.39", "RDS.41", "RDS.44"],
        config_rule: [
            "RDS_POSTGRES_INSTANCE_ENCRYPTED_IN_TRANSIT",
            "RDS_MYSQL_INSTANCE_ENCRYPTED_IN_TRANSIT",
            "RDS_SQLSERVER_ENCRYPTED_IN_TRANSIT",
            "RDS_MARIADB_INSTANCE_ENCRYPTED_IN_TRANSIT",
        ],
        cis: [],
        reads: { Rds: [DescribeDBInstances, DescribeDBParameters] },
        remediation: "Set rds.force_ssl or require_secure_transport to on in the instance's parameter group.",
    }
}

/// Engines whose parameter group can require TLS.
fn judged(engine: &str) -> bool {
    matches!(engine, "postgres" | "mysql" | "mariadb") || engine.starts_with("sqlserver")
}

impl RdsInstanceTlsRequired {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for instance in super::standalone_instances(inv).filter(|i| i.engine.as_deref().is_some_and(judged)) {
            let group = instance.parameter_group.as_deref().unwrap_or("its parameter group");
            match instance.tls_required {
                Some(true) => out.pass(instance, format!("{group} requires TLS")),
                Some(false) => out.fail(instance, format!("{group} accepts connections without TLS")),
                None => out.skip(instance, evidence::unknown_for_resource(inv, &instance.arn, "the TLS parameter")),
            }
        }
    }
}
