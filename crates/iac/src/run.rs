//! Checks over a template inventory: which checks apply, and findings about the template.
use crate::Unit;
use wasp_checks::{Check, Finding, Meta, Selection, Settings, Status, Suppression};
use wasp_model::Service;

/// The reads a template inventory answers: what CloudFormation declares about a resource.
/// Runtime state (credential reports, last use, trail status history), account-level settings
/// and other services' data are not in a template.
pub const PROVIDED_READS: &[(Service, &str)] = &[
    (Service::S3, "ListBuckets"),
    (Service::S3, "GetBucketLocation"),
    (Service::S3, "GetBucketEncryption"),
    (Service::S3, "GetBucketPolicy"),
    (Service::S3, "GetBucketPolicyStatus"),
    (Service::S3, "GetPublicAccessBlock"),
    (Service::S3, "GetBucketLogging"),
    (Service::S3, "GetBucketVersioning"),
    (Service::S3, "GetBucketAcl"),
    (Service::Ec2, "DescribeInstances"),
    (Service::Ec2, "DescribeSecurityGroups"),
    (Service::Ec2, "DescribeVolumes"),
    (Service::Kms, "ListKeys"),
    (Service::Kms, "DescribeKey"),
    (Service::Kms, "GetKeyRotationStatus"),
    (Service::Kms, "GetKeyPolicy"),
    (Service::CloudTrail, "DescribeTrails"),
    (Service::Rds, "DescribeDBInstances"),
    (Service::Rds, "DescribeDBClusters"),
    (Service::DynamoDb, "ListTables"),
    (Service::DynamoDb, "DescribeTable"),
    (Service::DynamoDb, "DescribeContinuousBackups"),
    (Service::Sns, "ListTopics"),
    (Service::Sns, "GetTopicAttributes"),
    (Service::Sqs, "ListQueues"),
    (Service::Sqs, "GetQueueAttributes"),
    (Service::Logs, "DescribeLogGroups"),
    (Service::Lambda, "ListFunctions"),
    (Service::Lambda, "GetPolicy"),
    (Service::Lambda, "ListFunctionUrlConfigs"),
    (Service::Iam, "GetAccountAuthorizationDetails"),
    // A template is judged on its own: no organization, so no SCP limits it.
    (Service::Organizations, "DescribeOrganization"),
    (Service::Organizations, "ListPolicies"),
    (Service::Organizations, "ListTargetsForPolicy"),
    (Service::Organizations, "DescribePolicy"),
    (Service::Organizations, "ListParents"),
];

/// The rule for which checks run on templates: a check judges resources (its `resource_kind`
/// is neither `account` nor `region`), and every operation it reads is one a template
/// answers ([`PROVIDED_READS`]). So root MFA, GuardDuty, password policy, credential-report
/// checks and the like never run on a template.
pub fn applies_to_templates(meta: &Meta) -> bool {
    !matches!(meta.resource_kind, "account" | "region")
        && !RUNTIME_ONLY.contains(&meta.id)
        && meta.reads.iter().all(|r| PROVIDED_READS.contains(&(r.service, r.operation)))
}

/// Checks whose deciding value exists only once the resource runs, though they read an
/// operation a template answers: a certificate's expiry date is AWS's, not the template's.
const RUNTIME_ONLY: &[&str] = &["rds_instance_certificate_valid"];

/// The selected checks that apply to templates, in registry order.
pub fn template_checks(selection: &Selection) -> impl Iterator<Item = &'static dyn Check> + '_ {
    selection.checks().filter(|c| applies_to_templates(c.meta()))
}

/// The property that decides a check's verdict, for locations that point at it.
fn deciding_property(check_id: &str) -> &'static [&'static str] {
    match check_id {
        "ec2_ebs_volume_encrypted" => &["Encrypted", "BlockDeviceMappings", "encrypted", "root_block_device"],
        "ec2_instance_imdsv2_required" => &["LaunchTemplate", "metadata_options"],
        id if id.starts_with("ec2_security_group") => &["SecurityGroupIngress", "ingress"],
        id if id.starts_with("s3_bucket_default_encryption") => &["BucketEncryption"],
        "s3_bucket_versioning_enabled" | "s3_bucket_mfa_delete_enabled" => &["VersioningConfiguration"],
        "s3_bucket_access_logging_enabled" => &["LoggingConfiguration"],
        "s3_bucket_public_access_block_enabled" => &["PublicAccessBlockConfiguration"],
        "s3_bucket_acl_not_public" => &["AccessControl"],
        "kms_key_rotation_enabled" => &["EnableKeyRotation", "enable_key_rotation"],
        "kms_key_policy_no_untrusted_access" => &["KeyPolicy"],
        "cloudtrail_multi_region_enabled" => &["IsMultiRegionTrail"],
        "cloudtrail_log_file_validation_enabled" => &["EnableLogFileValidation"],
        "cloudtrail_kms_encryption_enabled" => &["KMSKeyId"],
        "cloudtrail_cloudwatch_logs_enabled" => &["CloudWatchLogsLogGroupArn"],
        "rds_instance_storage_encrypted" | "rds_cluster_storage_encrypted" => {
            &["StorageEncrypted", "storage_encrypted"]
        }
        "rds_instance_not_publicly_accessible" => &["PubliclyAccessible", "publicly_accessible"],
        "rds_instance_backup_enabled" => &["BackupRetentionPeriod"],
        "rds_deletion_protection_enabled" => &["DeletionProtection"],
        "rds_iam_authentication_enabled" => &["EnableIAMDatabaseAuthentication"],
        "rds_instance_auto_minor_version_upgrade_enabled" => &["AutoMinorVersionUpgrade"],
        "dynamodb_table_encrypted_with_kms" => &["SSESpecification"],
        "dynamodb_table_deletion_protection_enabled" => &["DeletionProtectionEnabled"],
        "dynamodb_table_pitr_enabled" => &["PointInTimeRecoverySpecification"],
        "sns_topic_encrypted_at_rest" => &["KmsMasterKeyId"],
        "sqs_queue_encrypted_at_rest" => {
            &["KmsMasterKeyId", "SqsManagedSseEnabled", "kms_master_key_id", "sqs_managed_sse_enabled"]
        }
        "logs_log_group_retention_meets_minimum" => &["RetentionInDays", "retention_in_days"],
        "logs_log_group_kms_encrypted" => &["KmsKeyId"],
        "lambda_function_runtime_supported" => &["Runtime", "runtime"],
        "lambda_function_url_auth_required" => &["FunctionUrlConfig"],
        "iam_role_trust_not_public" => &["AssumeRolePolicyDocument"],
        "iam_customer_policy_no_full_admin" | "iam_inline_policy_no_full_admin" => &["PolicyDocument", "Policies"],
        "iam_administrator_access_not_attached" => &["ManagedPolicyArns"],
        _ => &[],
    }
}

/// What [`evaluate`] found, with the inline comments it could not use.
#[derive(Debug, Clone, Default)]
pub struct Evaluated {
    pub findings: Vec<Finding>,
    /// `# wasp:ignore` comments without a reason, which mute nothing.
    pub ignores_without_reason: Vec<crate::InlineIgnore>,
}

/// Runs the selected template checks over one unit. Findings about resources whose ARN the
/// template does not fix have no `resource_arn`; their location names the logical id and
/// points at the deciding property when the template sets it. SKIPs say which expression
/// could not be resolved; failures muted by an inline comment are `MUTED`.
pub fn evaluate(unit: &Unit, selection: &Selection, settings: &Settings) -> Evaluated {
    let mut out = Vec::new();
    for check in template_checks(selection) {
        let from = out.len();
        wasp_checks::run_one(check, &unit.inventory, settings, &mut out);
        let meta = check.meta();
        for u in unit.unjudged.iter().filter(|u| u.resource_kind == meta.resource_kind) {
            out.push(Finding {
                check_id: meta.id.to_owned(),
                status: Status::Skip,
                severity: meta.severity,
                resource_arn: None,
                region: unit.inventory.regions.first().cloned().unwrap_or_default(),
                account_id: unit.inventory.account_id.clone(),
                message: format!("unresolved in the template: {}", u.reason),
                best_practices: meta.best_practices.iter().map(|s| s.to_string()).collect(),
                location: Some(u.location.clone()),
                suppression: None,
                signal: false,
            });
        }
        for f in &mut out[from..] {
            finish(unit, f);
        }
    }
    let ignores_without_reason = unit.ignores.iter().filter(|i| i.reason.is_empty()).cloned().collect();
    Evaluated { findings: out, ignores_without_reason }
}

fn finish(unit: &Unit, f: &mut Finding) {
    if let Some(arn) = f.resource_arn.clone() {
        if f.status == Status::Skip {
            let reasons: Vec<&str> = unit
                .inventory
                .gaps
                .iter()
                .filter(|g| g.resource.as_deref() == Some(arn.as_str()) && !f.message.contains(g.reason.as_str()))
                .map(|g| g.reason.as_str())
                .collect();
            if !reasons.is_empty() {
                f.message = format!("{} — unresolved in the template: {}", f.message, reasons.join("; "));
            }
        }
        if unit.synthetic_arns.contains(&arn) {
            f.resource_arn = None;
        }
    }
    let Some(location) = &mut f.location else { return };
    let logical = location.logical_id.clone();
    if let Some(pos) =
        deciding_property(&f.check_id).iter().find_map(|p| unit.key_positions.get(&(logical.clone(), (*p).to_owned())))
    {
        location.line = Some(pos.line);
        location.column = Some(pos.column);
    }
    if f.status == Status::Fail {
        let ignore = unit.ignores.iter().find(|i| {
            i.check_id == f.check_id
                && !i.reason.is_empty()
                && i.logical_id.as_ref().is_none_or(|id| *id == logical || logical.starts_with(&format!("{id}[")))
        });
        if let Some(i) = ignore {
            f.status = Status::Muted;
            f.suppression = Some(Suppression {
                rule: format!("{}:{}", unit.path.display(), i.line),
                reason: i.reason.clone(),
                expires: None,
                expired: false,
            });
        }
    }
}
