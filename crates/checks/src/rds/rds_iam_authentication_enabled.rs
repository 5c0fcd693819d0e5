use crate::declare_check;
use wasp_model::rds::supports_iam_authentication;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Every RDS DB cluster, and every DB instance outside a cluster, whose engine supports IAM
    /// database authentication (MySQL, MariaDB, PostgreSQL, Aurora MySQL, Aurora PostgreSQL)
    /// has it enabled (`IAMDatabaseAuthenticationEnabled`). Other engines (Oracle, SQL Server,
    /// Db2, and DocumentDB or Neptune clusters that the RDS API also lists) are not judged, nor
    /// are resources being deleted. SKIP when the description leaves the setting out.
    ///
    /// Enabling it does not stop password logins; it lets users and applications connect
    /// with short-lived tokens signed by their IAM credentials instead of stored passwords.
    ///
    /// ### Why it matters
    /// Database passwords live in configuration files, environment variables and
    /// spreadsheets, rarely rotate and outlive the people who knew them. IAM authentication
    /// replaces them with 15-minute tokens, granted and revoked with IAM policies and logged
    /// in CloudTrail.
    ///
    /// ### How to fix
    /// Run `aws rds modify-db-cluster --db-cluster-identifier <id>
    /// --enable-iam-database-authentication` (or `modify-db-instance`), create database users
    /// mapped to IAM (`rds_iam` role on PostgreSQL, `AWSAuthenticationPlugin` on MySQL), grant
    /// `rds-db:connect`, and retire the shared passwords.
    RdsIamAuthenticationEnabled {
        id: "rds_iam_authentication_enabled",
        title: "RDS DB instances and clusters accept IAM database authentication",
        severity: Medium,
        service: Rds,
        resource_kind: "rds_database",
        best_practices: ["SEC02-BP02"],
        prowler: ["rds_instance_iam_authentication_enabled", "rds_cluster_iam_authentication_enabled"],
        security_hub: ["RDS.10", "RDS.12"],
        config_rule: ["RDS_INSTANCE_IAM_AUTHENTICATION_ENABLED", "RDS_CLUSTER_IAM_AUTHENTICATION_ENABLED"],
        cis: [],
        reads: { Rds: [DescribeDBInstances, DescribeDBClusters] },
        remediation: "Enable IAM database authentication and move users to IAM tokens.",
    }
}

impl RdsIamAuthenticationEnabled {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        let supported = |engine: &Option<String>| engine.as_deref().is_some_and(supports_iam_authentication);
        for cluster in super::live_clusters(inv).filter(|c| supported(&c.engine)) {
            match cluster.iam_database_authentication {
                Some(true) => out.pass(cluster, "IAM database authentication is enabled"),
                Some(false) => out.fail(cluster, "IAM database authentication is disabled"),
                None => out.skip(cluster, "AWS did not say whether IAM database authentication is enabled"),
            }
        }
        for instance in super::standalone_instances(inv).filter(|i| supported(&i.engine)) {
            match instance.iam_database_authentication {
                Some(true) => out.pass(instance, "IAM database authentication is enabled"),
                Some(false) => out.fail(instance, "IAM database authentication is disabled"),
                None => out.skip(instance, "AWS did not say whether IAM database authentication is enabled"),
            }
        }
    }
}
