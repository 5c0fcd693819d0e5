//! S3: the account-level public-access block (S3 Control) and the buckets of the scanned
//! regions, with the per-bucket settings checks read.
use crate::unit::{client, Read, Unit};
use aws_sdk_s3::types::{BucketVersioningStatus, MfaDeleteStatus, ObjectLockEnabled};
use futures::StreamExt;
use std::collections::BTreeMap;
use wasp_model::s3::{
    AclGrant, Bucket, BucketEncryption, BucketLogging, ObjectLock, PublicAccessBlock, Versioning, VersioningStatus,
};
use wasp_model::{GapKind, Inventory, Setting, Timestamp};

pub(crate) async fn collect(unit: &Unit, part: &mut Inventory) {
    let home = s3_client(unit, unit.client_region());
    let regional = |region: &str| s3_client(unit, region);
    let (account_block, buckets) = futures::join!(account_public_access_block(unit), buckets(unit, home, regional));
    part.s3.account_public_access_block = account_block;
    part.s3.buckets = buckets;
}

fn s3_client(unit: &Unit, region: &str) -> aws_sdk_s3::Client {
    let path_style = unit.uses_custom_endpoint();
    client!(aws_sdk_s3, unit, region, |b| if path_style { b.force_path_style(true) } else { b })
}

/// `GetPublicAccessBlock` of S3 Control for the account.
async fn account_public_access_block(unit: &Unit) -> Option<Setting<PublicAccessBlock>> {
    let fix = unit.host_prefix_fix();
    // S3 Control puts the account id into the host name; against a custom endpoint that
    // host does not resolve, so the prefix is stripped again before sending.
    let control = client!(aws_sdk_s3control, unit, unit.client_region(), |b| match fix {
        Some(fix) => b.interceptor(fix),
        None => b,
    });
    let answer = control.get_public_access_block().account_id(unit.account_id()).send().await;
    unit.read("GetPublicAccessBlock", answer).setting().map(|s| match s {
        Setting::Configured(out) => match out.public_access_block_configuration() {
            Some(c) => Setting::Configured(block(
                c.block_public_acls(),
                c.ignore_public_acls(),
                c.block_public_policy(),
                c.restrict_public_buckets(),
            )),
            None => Setting::NotConfigured,
        },
        Setting::NotConfigured => Setting::NotConfigured,
    })
}

/// A bucket as listed, before its settings are read.
struct Listed {
    name: String,
    region: Option<String>,
    created: Option<Timestamp>,
}

/// Buckets listed by `home` (a client of the home region) and read by a client of their own
/// region, made by `regional` once per region.
async fn buckets(unit: &Unit, home: aws_sdk_s3::Client, regional: impl Fn(&str) -> aws_sdk_s3::Client) -> Vec<Bucket> {
    let mut listed = Vec::new();
    let mut pages = home.list_buckets().into_paginator().send();
    while let Some(page) = pages.next().await {
        let Some(page) = unit.read("ListBuckets", page).ok() else { break };
        for b in page.buckets() {
            let Some(name) = b.name() else { continue };
            listed.push(Listed {
                name: name.to_owned(),
                region: b.bucket_region().filter(|r| !r.is_empty()).map(str::to_owned),
                created: b.creation_date().and_then(super::iam::timestamp),
            });
        }
    }

    // Regions missing from the listing come from GetBucketLocation.
    let located = futures::stream::iter(listed)
        .map(|mut bucket| {
            let home = &home;
            async move {
                if bucket.region.is_none() {
                    let arn = bucket_arn(unit, &bucket.name);
                    let answer = home.get_bucket_location().bucket(&bucket.name).send().await;
                    bucket.region = unit
                        .read_for("GetBucketLocation", &arn, answer)
                        .ok()
                        .map(|out| location_region(out.location_constraint().map(|c| c.as_str())));
                }
                bucket
            }
        })
        .buffered(unit.inner_concurrency())
        .collect::<Vec<_>>()
        .await;

    let scanned = &unit.shared.regions;
    let in_scope: Vec<(String, Listed)> = located
        .into_iter()
        .filter_map(|b| {
            let region = b.region.clone()?;
            (scanned.is_empty() || scanned.contains(&region)).then_some((region, b))
        })
        .collect();
    // One client per region, not per bucket.
    let mut clients: BTreeMap<String, aws_sdk_s3::Client> = BTreeMap::new();
    for (region, _) in &in_scope {
        if !clients.contains_key(region) {
            let client = if region == unit.client_region() { home.clone() } else { regional(region) };
            clients.insert(region.clone(), client);
        }
    }
    let clients = &clients;
    futures::stream::iter(in_scope)
        .map(|(region, listed)| async move {
            let s3 = &clients[&region];
            read_bucket(unit, s3, listed, region).await
        })
        .buffered(unit.inner_concurrency())
        .collect()
        .await
}

/// The region of a `GetBucketLocation` answer: none or `""` is us-east-1, `EU` is eu-west-1.
fn location_region(constraint: Option<&str>) -> String {
    match constraint {
        None | Some("") => "us-east-1".to_owned(),
        Some("EU") => "eu-west-1".to_owned(),
        Some(other) => other.to_owned(),
    }
}

fn bucket_arn(unit: &Unit, name: &str) -> String {
    format!("arn:{}:s3:::{name}", unit.shared.partition)
}

async fn read_bucket(unit: &Unit, s3: &aws_sdk_s3::Client, listed: Listed, region: String) -> Bucket {
    let name = listed.name.as_str();
    let arn = bucket_arn(unit, name);
    let arn = arn.as_str();
    let policy_and_status = async {
        let answer = unit.read_for("GetBucketPolicy", arn, s3.get_bucket_policy().bucket(name).send().await);
        let policy: Read<serde_json::Value> = match answer {
            Read::Ok(out) => match out.policy().map(serde_json::from_str::<serde_json::Value>) {
                Some(Ok(doc)) => Read::Ok(doc),
                Some(Err(e)) => {
                    unit.gap("GetBucketPolicy", GapKind::Other, format!("policy is not JSON: {e}"), Some(arn));
                    Read::Gap
                }
                None => Read::NotConfigured,
            },
            Read::NotConfigured => Read::NotConfigured,
            Read::Gap => Read::Gap,
        };
        // Without a policy there is nothing to judge: S3's verdict would be "not public".
        let is_public = match policy {
            Read::NotConfigured => Some(false),
            _ => {
                let answer = s3.get_bucket_policy_status().bucket(name).send().await;
                match unit.read_for("GetBucketPolicyStatus", arn, answer) {
                    Read::Ok(out) => out.policy_status().and_then(|s| s.is_public()),
                    Read::NotConfigured => Some(false),
                    Read::Gap => None,
                }
            }
        };
        (policy.setting(), is_public)
    };
    let acl = async {
        let answer = unit.read_for("GetBucketAcl", arn, s3.get_bucket_acl().bucket(name).send().await).ok()?;
        Some(
            answer
                .grants()
                .iter()
                .filter_map(|g| {
                    let grantee = g.grantee()?;
                    let who = grantee.uri().or(grantee.id()).or(grantee.email_address())?;
                    Some(AclGrant {
                        grantee: who.to_owned(),
                        permission: g.permission().map_or_else(String::new, |p| p.as_str().to_owned()),
                    })
                })
                .collect::<Vec<_>>(),
        )
    };
    let block = async {
        let answer = s3.get_public_access_block().bucket(name).send().await;
        unit.read_for("GetPublicAccessBlock", arn, answer).setting().map(|s| match s {
            Setting::Configured(out) => match out.public_access_block_configuration() {
                Some(c) => Setting::Configured(block(
                    c.block_public_acls(),
                    c.ignore_public_acls(),
                    c.block_public_policy(),
                    c.restrict_public_buckets(),
                )),
                None => Setting::NotConfigured,
            },
            Setting::NotConfigured => Setting::NotConfigured,
        })
    };
    let encryption = async {
        let answer = s3.get_bucket_encryption().bucket(name).send().await;
        unit.read_for("GetBucketEncryption", arn, answer).setting().map(|s| match s {
            Setting::Configured(out) => {
                let rule = out
                    .server_side_encryption_configuration()
                    .and_then(|c| c.rules().iter().find(|r| r.apply_server_side_encryption_by_default().is_some()));
                match rule {
                    Some(rule) => {
                        let default = rule.apply_server_side_encryption_by_default();
                        Setting::Configured(BucketEncryption {
                            algorithm: default.map_or_else(String::new, |d| d.sse_algorithm().as_str().to_owned()),
                            kms_key_id: default.and_then(|d| d.kms_master_key_id()).map(str::to_owned),
                            bucket_key_enabled: rule.bucket_key_enabled().unwrap_or(false),
                        })
                    }
                    None => Setting::NotConfigured,
                }
            }
            Setting::NotConfigured => Setting::NotConfigured,
        })
    };
    let versioning = async {
        let answer = s3.get_bucket_versioning().bucket(name).send().await;
        let out = unit.read_for("GetBucketVersioning", arn, answer).ok()?;
        Some(Versioning {
            status: match out.status() {
                Some(BucketVersioningStatus::Enabled) => VersioningStatus::Enabled,
                Some(BucketVersioningStatus::Suspended) => VersioningStatus::Suspended,
                _ => VersioningStatus::Never,
            },
            mfa_delete: out.mfa_delete() == Some(&MfaDeleteStatus::Enabled),
        })
    };
    let logging = async {
        let answer = s3.get_bucket_logging().bucket(name).send().await;
        unit.read_for("GetBucketLogging", arn, answer).setting().map(|s| match s {
            Setting::Configured(out) => match out.logging_enabled() {
                Some(l) => Setting::Configured(BucketLogging {
                    target_bucket: l.target_bucket().to_owned(),
                    target_prefix: l.target_prefix().to_owned(),
                }),
                None => Setting::NotConfigured,
            },
            Setting::NotConfigured => Setting::NotConfigured,
        })
    };
    let object_lock = async {
        let answer = s3.get_object_lock_configuration().bucket(name).send().await;
        unit.read_for("GetObjectLockConfiguration", arn, answer).setting().map(|s| match s {
            Setting::Configured(out) => match out.object_lock_configuration() {
                Some(c) => Setting::Configured(ObjectLock {
                    enabled: c.object_lock_enabled() == Some(&ObjectLockEnabled::Enabled),
                    default_mode: c
                        .rule()
                        .and_then(|r| r.default_retention())
                        .and_then(|d| d.mode())
                        .map(|m| m.as_str().to_owned()),
                }),
                None => Setting::NotConfigured,
            },
            Setting::NotConfigured => Setting::NotConfigured,
        })
    };
    let lifecycle = async {
        let answer = s3.get_bucket_lifecycle_configuration().bucket(name).send().await;
        unit.read_for("GetBucketLifecycleConfiguration", arn, answer).setting().map(|s| match s {
            Setting::Configured(out) => Setting::Configured(u32::try_from(out.rules().len()).unwrap_or(u32::MAX)),
            Setting::NotConfigured => Setting::NotConfigured,
        })
    };
    let tags = async {
        let answer = s3.get_bucket_tagging().bucket(name).send().await;
        match unit.read_for("GetBucketTagging", arn, answer) {
            Read::Ok(out) => out.tag_set().iter().map(|t| (t.key().to_owned(), t.value().to_owned())).collect(),
            _ => BTreeMap::new(),
        }
    };
    let (
        (policy, policy_is_public),
        acl_grants,
        public_access_block,
        encryption,
        versioning,
        logging,
        object_lock,
        lifecycle_rules,
        tags,
    ) = futures::join!(policy_and_status, acl, block, encryption, versioning, logging, object_lock, lifecycle, tags);
    Bucket {
        name: listed.name.clone(),
        arn: arn.to_owned(),
        region,
        created: listed.created,
        policy,
        policy_is_public,
        acl_grants,
        public_access_block,
        encryption,
        versioning,
        logging,
        object_lock,
        lifecycle_rules,
        tags,
        location: None,
    }
}

/// The four Block Public Access settings; S3 and S3 Control answer them in different types,
/// and a setting left out is off.
fn block(acls: Option<bool>, ignore: Option<bool>, policy: Option<bool>, restrict: Option<bool>) -> PublicAccessBlock {
    PublicAccessBlock {
        block_public_acls: acls.unwrap_or(false),
        ignore_public_acls: ignore.unwrap_or(false),
        block_public_policy: policy.unwrap_or(false),
        restrict_public_buckets: restrict.unwrap_or(false),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::services::Service;
    use crate::setup::Shared;
    use aws_sdk_s3::operation::get_bucket_acl::GetBucketAclOutput;
    use aws_sdk_s3::operation::get_bucket_encryption::GetBucketEncryptionOutput;
    use aws_sdk_s3::operation::get_bucket_lifecycle_configuration::{
        GetBucketLifecycleConfigurationError, GetBucketLifecycleConfigurationOutput,
    };
    use aws_sdk_s3::operation::get_bucket_location::GetBucketLocationOutput;
    use aws_sdk_s3::operation::get_bucket_logging::GetBucketLoggingOutput;
    use aws_sdk_s3::operation::get_bucket_policy::{GetBucketPolicyError, GetBucketPolicyOutput};
    use aws_sdk_s3::operation::get_bucket_policy_status::GetBucketPolicyStatusError;
    use aws_sdk_s3::operation::get_bucket_tagging::{GetBucketTaggingError, GetBucketTaggingOutput};
    use aws_sdk_s3::operation::get_bucket_versioning::GetBucketVersioningOutput;
    use aws_sdk_s3::operation::get_object_lock_configuration::{
        GetObjectLockConfigurationError, GetObjectLockConfigurationOutput,
    };
    use aws_sdk_s3::operation::get_public_access_block::{GetPublicAccessBlockError, GetPublicAccessBlockOutput};
    use aws_sdk_s3::operation::list_buckets::ListBucketsOutput;
    use aws_sdk_s3::types::{
        Bucket as SdkBucket, BucketLocationConstraint, DefaultRetention, ExpirationStatus, Grant, Grantee,
        LifecycleRule, LoggingEnabled, ObjectLockConfiguration, ObjectLockRetentionMode, ObjectLockRule, Permission,
        PublicAccessBlockConfiguration, ServerSideEncryption, ServerSideEncryptionByDefault,
        ServerSideEncryptionConfiguration, ServerSideEncryptionRule, Tag, Type,
    };
    use aws_sdk_s3::Client;
    use aws_smithy_mocks::{create_mock_http_client, mock, MockResponseInterceptor, Rule, RuleMode};
    use aws_smithy_types::error::ErrorMetadata;
    use std::sync::Arc;
    use wasp_model::GLOBAL_REGION;

    fn code(code: &str) -> ErrorMetadata {
        ErrorMetadata::builder().code(code).message("mocked").build()
    }

    fn mocked(unit: &Unit, rules: &[Rule]) -> Client {
        let mut mocks = MockResponseInterceptor::new().rule_mode(RuleMode::MatchAny);
        for rule in rules {
            mocks = mocks.with_rule(rule);
        }
        let conf = aws_sdk_s3::Config::builder()
            .behavior_version(aws_sdk_s3::config::BehaviorVersion::latest())
            .region(aws_sdk_s3::config::Region::new("us-east-1"))
            .credentials_provider(aws_sdk_s3::config::Credentials::new("a", "b", None, None, "test"))
            .http_client(create_mock_http_client())
            .interceptor(mocks)
            .interceptor(unit.guard())
            .build();
        Client::from_conf(conf)
    }

    /// `east` has a policy S3 will not judge, versioning with MFA delete and nothing else;
    /// `west` (listed without a region, located in `EU`) has everything but a policy; `far`
    /// is outside the scanned regions. Any call without a rule fails the test.
    fn rules() -> Vec<Rule> {
        let east = |b: Option<&str>| b == Some("east");
        let west = |b: Option<&str>| b == Some("west");
        vec![
            mock!(Client::list_buckets).then_output(|| {
                ListBucketsOutput::builder()
                    .buckets(SdkBucket::builder().name("east").bucket_region("us-east-1").build())
                    .buckets(SdkBucket::builder().name("west").build())
                    .buckets(SdkBucket::builder().name("far").bucket_region("ap-south-1").build())
                    .build()
            }),
            mock!(Client::get_bucket_location).match_requests(move |r| west(r.bucket())).then_output(|| {
                GetBucketLocationOutput::builder().location_constraint(BucketLocationConstraint::Eu).build()
            }),
            mock!(Client::get_bucket_policy).match_requests(move |r| east(r.bucket())).then_output(|| {
                GetBucketPolicyOutput::builder().policy(r#"{"Statement":[{"Effect":"Allow","Principal":"*"}]}"#).build()
            }),
            mock!(Client::get_bucket_policy)
                .match_requests(move |r| west(r.bucket()))
                .then_error(|| GetBucketPolicyError::generic(code("NoSuchBucketPolicy"))),
            mock!(Client::get_bucket_policy_status)
                .match_requests(move |r| east(r.bucket()))
                .then_error(|| GetBucketPolicyStatusError::generic(code("AccessDenied"))),
            mock!(Client::get_bucket_acl).then_output(|| {
                let all_users = Grantee::builder()
                    .r#type(Type::Group)
                    .uri("http://acs.amazonaws.com/groups/global/AllUsers")
                    .build()
                    .unwrap();
                let owner = Grantee::builder().r#type(Type::CanonicalUser).id("owner-id").build().unwrap();
                let by_mail = Grantee::builder()
                    .r#type(Type::AmazonCustomerByEmail)
                    .email_address("a@example.com")
                    .build()
                    .unwrap();
                GetBucketAclOutput::builder()
                    .grants(Grant::builder().grantee(all_users).permission(Permission::Read).build())
                    .grants(Grant::builder().grantee(owner).permission(Permission::FullControl).build())
                    .grants(Grant::builder().grantee(by_mail).permission(Permission::Write).build())
                    .build()
            }),
            mock!(Client::get_public_access_block)
                .match_requests(move |r| east(r.bucket()))
                .then_error(|| GetPublicAccessBlockError::generic(code("NoSuchPublicAccessBlockConfiguration"))),
            mock!(Client::get_public_access_block).match_requests(move |r| west(r.bucket())).then_output(|| {
                let all = PublicAccessBlockConfiguration::builder()
                    .block_public_acls(true)
                    .ignore_public_acls(true)
                    .block_public_policy(true)
                    .restrict_public_buckets(true)
                    .build();
                GetPublicAccessBlockOutput::builder().public_access_block_configuration(all).build()
            }),
            mock!(Client::get_bucket_encryption).then_output(|| {
                let default = ServerSideEncryptionByDefault::builder()
                    .sse_algorithm(ServerSideEncryption::AwsKms)
                    .kms_master_key_id("arn:aws:kms:eu-west-1:123456789012:key/k")
                    .build()
                    .unwrap();
                let rule = ServerSideEncryptionRule::builder()
                    .apply_server_side_encryption_by_default(default)
                    .bucket_key_enabled(true)
                    .build();
                GetBucketEncryptionOutput::builder()
                    .server_side_encryption_configuration(
                        ServerSideEncryptionConfiguration::builder().rules(rule).build().unwrap(),
                    )
                    .build()
            }),
            mock!(Client::get_bucket_versioning).match_requests(move |r| east(r.bucket())).then_output(|| {
                GetBucketVersioningOutput::builder()
                    .status(aws_sdk_s3::types::BucketVersioningStatus::Enabled)
                    .mfa_delete(aws_sdk_s3::types::MfaDeleteStatus::Enabled)
                    .build()
            }),
            mock!(Client::get_bucket_versioning)
                .match_requests(move |r| west(r.bucket()))
                .then_output(|| GetBucketVersioningOutput::builder().build()),
            mock!(Client::get_bucket_logging)
                .match_requests(move |r| east(r.bucket()))
                .then_output(|| GetBucketLoggingOutput::builder().build()),
            mock!(Client::get_bucket_logging).match_requests(move |r| west(r.bucket())).then_output(|| {
                GetBucketLoggingOutput::builder()
                    .logging_enabled(
                        LoggingEnabled::builder().target_bucket("logs").target_prefix("west/").build().unwrap(),
                    )
                    .build()
            }),
            mock!(Client::get_object_lock_configuration)
                .match_requests(move |r| east(r.bucket()))
                .then_error(|| GetObjectLockConfigurationError::generic(code("ObjectLockConfigurationNotFoundError"))),
            mock!(Client::get_object_lock_configuration).match_requests(move |r| west(r.bucket())).then_output(|| {
                let retention = DefaultRetention::builder().mode(ObjectLockRetentionMode::Governance).days(30).build();
                GetObjectLockConfigurationOutput::builder()
                    .object_lock_configuration(
                        ObjectLockConfiguration::builder()
                            .object_lock_enabled(aws_sdk_s3::types::ObjectLockEnabled::Enabled)
                            .rule(ObjectLockRule::builder().default_retention(retention).build())
                            .build(),
                    )
                    .build()
            }),
            mock!(Client::get_bucket_lifecycle_configuration)
                .match_requests(move |r| east(r.bucket()))
                .then_error(|| GetBucketLifecycleConfigurationError::generic(code("NoSuchLifecycleConfiguration"))),
            mock!(Client::get_bucket_lifecycle_configuration).match_requests(move |r| west(r.bucket())).then_output(
                || {
                    let rule =
                        |id: &str| LifecycleRule::builder().id(id).status(ExpirationStatus::Enabled).build().unwrap();
                    GetBucketLifecycleConfigurationOutput::builder().rules(rule("a")).rules(rule("b")).build()
                },
            ),
            mock!(Client::get_bucket_tagging)
                .match_requests(move |r| east(r.bucket()))
                .then_error(|| GetBucketTaggingError::generic(code("NoSuchTagSet"))),
            mock!(Client::get_bucket_tagging).match_requests(move |r| west(r.bucket())).then_output(|| {
                GetBucketTaggingOutput::builder()
                    .tag_set(Tag::builder().key("env").value("prod").build().unwrap())
                    .build()
                    .unwrap()
            }),
        ]
    }

    #[tokio::test]
    async fn buckets_of_the_scanned_regions_with_their_settings() {
        let unit =
            Unit::new(Arc::new(Shared::for_tests(&["us-east-1", "eu-west-1"])), Service::S3, GLOBAL_REGION.into());
        let client = mocked(&unit, &rules());
        let made = std::sync::Mutex::new(Vec::new());
        let regional = |region: &str| {
            made.lock().unwrap().push(region.to_owned());
            client.clone()
        };
        let buckets = buckets(&unit, client.clone(), regional).await;

        assert_eq!(*made.lock().unwrap(), ["eu-west-1"], "one client per region other than the home region");
        let names: Vec<(&str, &str)> = buckets.iter().map(|b| (b.name.as_str(), b.region.as_str())).collect();
        assert_eq!(names, [("east", "us-east-1"), ("west", "eu-west-1")]);
        let calls = unit.shared.calls.rows();
        let count = |op: &str| calls.iter().filter(|c| c.operation == op).map(|c| c.count).sum::<u64>();
        assert_eq!(count("GetBucketLocation"), 1, "only for the bucket listed without a region");
        assert_eq!(count("GetBucketPolicyStatus"), 1, "not asked for a bucket without a policy");

        let east = &buckets[0];
        assert_eq!(east.arn, "arn:aws:s3:::east");
        assert_eq!(east.policy.as_ref().unwrap().configured().unwrap()["Statement"][0]["Principal"], "*");
        assert_eq!(east.policy_is_public, None, "a denied verdict is unknown");
        let grants = east.acl_grants.as_ref().unwrap();
        let grantees: Vec<(&str, &str)> = grants.iter().map(|g| (g.grantee.as_str(), g.permission.as_str())).collect();
        assert_eq!(grantees, [(AclGrant::ALL_USERS, "READ"), ("owner-id", "FULL_CONTROL"), ("a@example.com", "WRITE")]);
        assert_eq!(east.public_access_block, Some(Setting::NotConfigured));
        assert_eq!(east.versioning, Some(Versioning { status: VersioningStatus::Enabled, mfa_delete: true }));
        assert_eq!(east.logging, Some(Setting::NotConfigured));
        assert_eq!(east.object_lock, Some(Setting::NotConfigured));
        assert_eq!(east.lifecycle_rules, Some(Setting::NotConfigured));
        assert!(east.tags.is_empty());

        let west = &buckets[1];
        assert_eq!(west.policy, Some(Setting::NotConfigured));
        assert_eq!(west.policy_is_public, Some(false));
        assert!(west.public_access_block.as_ref().unwrap().configured().unwrap().all_enabled());
        let encryption = west.encryption.as_ref().unwrap().configured().unwrap();
        assert_eq!((encryption.algorithm.as_str(), encryption.bucket_key_enabled), ("aws:kms", true));
        assert_eq!(west.versioning, Some(Versioning { status: VersioningStatus::Never, mfa_delete: false }));
        let logging = west.logging.as_ref().unwrap().configured().unwrap();
        assert_eq!((logging.target_bucket.as_str(), logging.target_prefix.as_str()), ("logs", "west/"));
        let lock = west.object_lock.as_ref().unwrap().configured().unwrap();
        assert_eq!((lock.enabled, lock.default_mode.as_deref()), (true, Some("GOVERNANCE")));
        assert_eq!(west.lifecycle_rules, Some(Setting::Configured(2)));
        assert_eq!(west.tags.get("env").map(String::as_str), Some("prod"));

        let gaps = unit.take_gaps();
        assert_eq!(gaps.len(), 1, "{gaps:?}");
        assert_eq!(gaps[0].operation, "GetBucketPolicyStatus");
        assert_eq!(gaps[0].kind, GapKind::AccessDenied);
        assert_eq!(gaps[0].resource.as_deref(), Some("arn:aws:s3:::east"));
    }

    #[test]
    fn bucket_locations_name_regions() {
        assert_eq!(location_region(None), "us-east-1");
        assert_eq!(location_region(Some("")), "us-east-1");
        assert_eq!(location_region(Some("EU")), "eu-west-1");
        assert_eq!(location_region(Some("ap-south-1")), "ap-south-1");
    }
}
