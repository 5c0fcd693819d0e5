//! S3 buckets and bucket policies.
use super::{as_text, Builder, Res};
use serde_json::Value as Json;
use wasp_model::s3::{AclGrant, Bucket, BucketEncryption, BucketLogging, PublicAccessBlock, SseAlgorithm};
use wasp_model::s3::{Versioning, VersioningStatus};
use wasp_model::Setting;

/// `AWS::S3::Bucket`. Absent settings take S3's defaults for new buckets: all four Block
/// Public Access settings on (since April 2023), SSE-S3 encryption (since January 2023), no
/// versioning, no access logging, a private ACL.
pub fn bucket(b: &mut Builder<'_>, r: &Res<'_>) {
    let public_access_block = match b.read(r, &["PublicAccessBlockConfiguration"]) {
        Ok(None) => Some(Setting::Configured(PublicAccessBlock {
            block_public_acls: true,
            ignore_public_acls: true,
            block_public_policy: true,
            restrict_public_buckets: true,
        })),
        Ok(Some(_)) => {
            let mut flag = |k| b.flag(r, &["PublicAccessBlockConfiguration", k], false);
            match (
                flag("BlockPublicAcls"),
                flag("IgnorePublicAcls"),
                flag("BlockPublicPolicy"),
                flag("RestrictPublicBuckets"),
            ) {
                (Some(a), Some(i), Some(p), Some(rb)) => Some(Setting::Configured(PublicAccessBlock {
                    block_public_acls: a,
                    ignore_public_acls: i,
                    block_public_policy: p,
                    restrict_public_buckets: rb,
                })),
                _ => None,
            }
        }
        Err(()) => None,
    };
    let encryption = match b.read(r, &["BucketEncryption", "ServerSideEncryptionConfiguration"]) {
        Ok(None) => Some(Setting::Configured(BucketEncryption::default())),
        Ok(Some(Json::Array(rules))) => match rules.first() {
            None => Some(Setting::Configured(BucketEncryption::default())),
            Some(rule) => {
                let by_default = rule.get("ServerSideEncryptionByDefault");
                let algorithm = by_default.and_then(|d| d.get("SSEAlgorithm")).and_then(as_text);
                let algorithm = match algorithm.as_deref() {
                    Some("aws:kms") => SseAlgorithm::Kms,
                    Some("aws:kms:dsse") => SseAlgorithm::KmsDsse,
                    _ => SseAlgorithm::Aes256,
                };
                Some(Setting::Configured(BucketEncryption {
                    algorithm,
                    kms_key_id: by_default.and_then(|d| d.get("KMSMasterKeyID")).and_then(as_text),
                    bucket_key_enabled: rule.get("BucketKeyEnabled").and_then(super::as_bool).unwrap_or(false),
                }))
            }
        },
        Ok(Some(_)) => None,
        Err(()) => None,
    };
    let versioning = match b.text(r, &["VersioningConfiguration", "Status"]) {
        Ok(None) => Some(Versioning { status: VersioningStatus::Never, mfa_delete: false }),
        Ok(Some(s)) if s == "Enabled" => Some(Versioning { status: VersioningStatus::Enabled, mfa_delete: false }),
        Ok(Some(_)) => Some(Versioning { status: VersioningStatus::Suspended, mfa_delete: false }),
        Err(()) => None,
    };
    let logging = match b.read(r, &["LoggingConfiguration"]) {
        Ok(None) => Some(Setting::NotConfigured),
        Ok(Some(cfg)) => Some(Setting::Configured(BucketLogging {
            // Without a destination, S3 delivers the logs to the bucket itself.
            target_bucket: cfg.get("DestinationBucketName").and_then(as_text).unwrap_or_else(|| r.name.clone()),
            target_prefix: cfg.get("LogFilePrefix").and_then(as_text).unwrap_or_default(),
        })),
        Err(()) => None,
    };
    let acl_grants = match b.text(r, &["AccessControl"]) {
        Ok(acl) => Some(canned_acl(acl.as_deref().unwrap_or("Private"))),
        Err(()) => None,
    };
    b.inv.s3.buckets.push(Bucket {
        name: r.name.clone(),
        arn: r.arn.clone(),
        region: b.ctx.region.clone(),
        created: None,
        // Until a bucket policy resource joins it.
        policy: Some(Setting::NotConfigured),
        policy_is_public: None,
        acl_grants,
        public_access_block,
        encryption,
        versioning,
        logging,
        location: Some(r.location.clone()),
    });
}

/// The grants of a canned ACL beyond the owner's.
fn canned_acl(name: &str) -> Vec<AclGrant> {
    let grant = |grantee: &str, permission: &str| AclGrant { grantee: grantee.into(), permission: permission.into() };
    match name {
        "PublicRead" => vec![grant(AclGrant::ALL_USERS, "READ")],
        "PublicReadWrite" => vec![grant(AclGrant::ALL_USERS, "READ"), grant(AclGrant::ALL_USERS, "WRITE")],
        "AuthenticatedRead" => vec![grant(AclGrant::AUTHENTICATED_USERS, "READ")],
        "LogDeliveryWrite" => vec![
            grant("http://acs.amazonaws.com/groups/s3/LogDelivery", "WRITE"),
            grant("http://acs.amazonaws.com/groups/s3/LogDelivery", "READ_ACP"),
        ],
        _ => Vec::new(),
    }
}

/// `AWS::S3::BucketPolicy`, joined to its bucket. Whether the policy is public is judged as
/// S3 would report it: an `Allow` to everyone without a restricting condition.
pub fn bucket_policy(b: &mut Builder<'_>, r: &Res<'_>) {
    let Ok(Some(target)) = b.text(r, &["Bucket"]) else { return };
    let document = b.read(r, &["PolicyDocument"]);
    let Some(bucket) = b.inv.s3.buckets.iter_mut().find(|x| x.name == target) else { return };
    match document {
        Ok(Some(doc)) => {
            bucket.policy_is_public = Some(!wasp_checks::policy::public_statements(&doc).is_empty());
            bucket.policy = Some(Setting::Configured(doc));
        }
        _ => {
            bucket.policy = None;
            bucket.policy_is_public = None;
            let arn = bucket.arn.clone();
            if let Some(gap) = b.inv.gaps.last_mut() {
                gap.resource = Some(arn);
            }
        }
    }
}
