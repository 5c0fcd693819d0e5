//! S3: the account-level public-access block (S3 Control) and every bucket, with the
//! per-bucket settings checks read. Buckets are listed with their region in one paginated
//! `ListBuckets` and read from a client of their own region; a bucket in a region the user
//! left out with `--regions` is not read, and one gap names them all.
use crate::compat;
use crate::unit::{client, Read, Unit};
use aws_sdk_s3::types::{BucketVersioningStatus, MfaDeleteStatus, ServerSideEncryption};
use futures::StreamExt;
use std::collections::BTreeMap;
use wasp_model::s3::{
    AclGrant, Bucket, BucketEncryption, BucketLogging, PublicAccessBlock, SseAlgorithm, Versioning, VersioningStatus,
};
use wasp_model::{Gap, GapKind, Inventory, Setting, Timestamp, GLOBAL_REGION};

/// Buckets per `ListBuckets` page; asking for pages is what makes S3 name each bucket's region.
const LIST_PAGE: i32 = 1000;
/// Bucket names quoted in the gap about buckets outside the scan.
const NAMED_BUCKETS: usize = 10;

pub(crate) async fn collect(unit: &Unit, part: &mut Inventory) {
    let home = s3_client(unit, unit.client_region());
    let regional = |region: &str| s3_client(unit, region);
    let (account_block, buckets) = futures::join!(account_public_access_block(unit), buckets(unit, home, regional));
    part.s3.account_public_access_block = account_block;
    part.s3.buckets = buckets;
}

fn s3_client(unit: &Unit, region: &str) -> aws_sdk_s3::Client {
    let path_style = compat::s3_path_style(unit.uses_custom_endpoint());
    client!(aws_sdk_s3, unit, region, |b| b.force_path_style(path_style))
}

/// `GetPublicAccessBlock` of S3 Control for the account.
async fn account_public_access_block(unit: &Unit) -> Option<Setting<PublicAccessBlock>> {
    let fix = compat::strip_host_prefix(unit.shared.endpoint_url.as_deref());
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
    let mut pages = home.list_buckets().max_buckets(LIST_PAGE).into_paginator().send();
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

    // AWS names every region in a paginated listing; endpoints that do not are asked per bucket.
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
                        .map(|out| compat::location_region(out.location_constraint().map(|c| c.as_str())));
                }
                bucket
            }
        })
        .buffered(unit.inner_concurrency())
        .collect::<Vec<_>>()
        .await;

    // Every bucket is judged, whatever the scanned regions, unless the user left its region
    // out on purpose: then one gap names those buckets.
    let excluded = |region: &str| unit.shared.regions_chosen && !unit.shared.regions.iter().any(|r| r == region);
    let mut left_out: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut in_scope: Vec<(String, Listed)> = Vec::new();
    for bucket in located {
        let Some(region) = bucket.region.clone() else { continue };
        if excluded(&region) {
            left_out.entry(region).or_default().push(bucket.name);
        } else {
            in_scope.push((region, bucket));
        }
    }
    if let Some(gap) = left_out_gap(&left_out) {
        unit.gap(&gap.operation, gap.kind, gap.reason, None);
    }
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

/// One gap naming the buckets of regions the user left out of the scan.
fn left_out_gap(left_out: &BTreeMap<String, Vec<String>>) -> Option<Gap> {
    let count: usize = left_out.values().map(Vec::len).sum();
    if count == 0 {
        return None;
    }
    let mut quoted = 0;
    let per_region: Vec<String> = left_out
        .iter()
        .map(|(region, names)| {
            let shown: Vec<&str> =
                names.iter().take(NAMED_BUCKETS.saturating_sub(quoted)).map(String::as_str).collect();
            quoted += shown.len();
            let more = names.len() - shown.len();
            let more = if more > 0 { format!(" and {more} more") } else { String::new() };
            format!("{region}: {}{more}", shown.join(", "))
        })
        .collect();
    Some(Gap {
        service: wasp_model::Service::S3,
        region: GLOBAL_REGION.to_owned(),
        operation: "ListBuckets".to_owned(),
        kind: GapKind::Excluded,
        reason: format!(
            "{count} bucket(s) in regions left out with --regions were not read: {}",
            per_region.join("; ")
        ),
        resource: None,
    })
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
        let out = match unit.read_for("GetBucketEncryption", arn, answer) {
            Read::Ok(out) => out,
            Read::NotConfigured => return Some(Setting::NotConfigured),
            Read::Gap => return None,
        };
        let rule = out
            .server_side_encryption_configuration()
            .and_then(|c| c.rules().iter().find(|r| r.apply_server_side_encryption_by_default().is_some()));
        let Some(rule) = rule else { return Some(Setting::NotConfigured) };
        let default = rule.apply_server_side_encryption_by_default();
        let algorithm = match default.map(|d| d.sse_algorithm()) {
            Some(ServerSideEncryption::AwsKms) => SseAlgorithm::Kms,
            Some(ServerSideEncryption::AwsKmsDsse) => SseAlgorithm::KmsDsse,
            Some(ServerSideEncryption::Aes256) => SseAlgorithm::Aes256,
            other => {
                let reason = format!("unknown default encryption algorithm {other:?}");
                unit.gap("GetBucketEncryption", GapKind::Other, reason, Some(arn));
                return None;
            }
        };
        Some(Setting::Configured(BucketEncryption {
            algorithm,
            kms_key_id: default.and_then(|d| d.kms_master_key_id()).map(str::to_owned),
            bucket_key_enabled: rule.bucket_key_enabled().unwrap_or(false),
        }))
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
    let ((policy, policy_is_public), acl_grants, public_access_block, encryption, versioning, logging) =
        futures::join!(policy_and_status, acl, block, encryption, versioning, logging);
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
    use crate::setup::Shared;
    use aws_sdk_s3::operation::get_bucket_acl::GetBucketAclOutput;
    use aws_sdk_s3::operation::get_bucket_encryption::GetBucketEncryptionOutput;
    use aws_sdk_s3::operation::get_bucket_location::GetBucketLocationOutput;
    use aws_sdk_s3::operation::get_bucket_logging::GetBucketLoggingOutput;
    use aws_sdk_s3::operation::get_bucket_policy::{GetBucketPolicyError, GetBucketPolicyOutput};
    use aws_sdk_s3::operation::get_bucket_policy_status::GetBucketPolicyStatusError;
    use aws_sdk_s3::operation::get_bucket_versioning::GetBucketVersioningOutput;
    use aws_sdk_s3::operation::get_public_access_block::{GetPublicAccessBlockError, GetPublicAccessBlockOutput};
    use aws_sdk_s3::operation::list_buckets::ListBucketsOutput;
    use aws_sdk_s3::types::{
        Bucket as SdkBucket, BucketLocationConstraint, Grant, Grantee, LoggingEnabled, Permission,
        PublicAccessBlockConfiguration, ServerSideEncryption, ServerSideEncryptionByDefault,
        ServerSideEncryptionConfiguration, ServerSideEncryptionRule, Type,
    };
    use aws_sdk_s3::Client;
    use aws_smithy_mocks::{create_mock_http_client, mock, MockResponseInterceptor, Rule, RuleMode};
    use aws_smithy_types::error::ErrorMetadata;
    use std::sync::Arc;
    use wasp_model::Service;
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
    /// is outside the scanned regions and has nothing. Any call without a rule fails the test.
    fn rules() -> Vec<Rule> {
        let east = |b: Option<&str>| b == Some("east");
        let west = |b: Option<&str>| b == Some("west");
        let far = |b: Option<&str>| b == Some("far");
        vec![
            mock!(Client::get_bucket_policy)
                .match_requests(move |r| far(r.bucket()))
                .then_error(|| GetBucketPolicyError::generic(code("NoSuchBucketPolicy"))),
            mock!(Client::get_public_access_block)
                .match_requests(move |r| far(r.bucket()))
                .then_error(|| GetPublicAccessBlockError::generic(code("NoSuchPublicAccessBlockConfiguration"))),
            mock!(Client::get_bucket_versioning)
                .match_requests(move |r| far(r.bucket()))
                .then_output(|| GetBucketVersioningOutput::builder().build()),
            mock!(Client::get_bucket_logging)
                .match_requests(move |r| far(r.bucket()))
                .then_output(|| GetBucketLoggingOutput::builder().build()),
            mock!(Client::list_buckets).match_requests(|r| r.max_buckets() == Some(LIST_PAGE)).then_output(|| {
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
                    .status(BucketVersioningStatus::Enabled)
                    .mfa_delete(MfaDeleteStatus::Enabled)
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
        ]
    }

    fn unit(regions_chosen: bool) -> Unit {
        let shared = Shared { regions_chosen, ..Shared::for_tests(&["us-east-1", "eu-west-1"]) };
        Unit::new(Arc::new(shared), Service::S3, GLOBAL_REGION.into())
    }

    #[tokio::test]
    async fn every_bucket_is_read_from_its_region_when_the_regions_were_not_chosen() {
        let unit = unit(false);
        let client = mocked(&unit, &rules());
        let made = std::sync::Mutex::new(Vec::new());
        let regional = |region: &str| {
            made.lock().unwrap().push(region.to_owned());
            client.clone()
        };
        let buckets = buckets(&unit, client.clone(), regional).await;
        let names: Vec<(&str, &str)> = buckets.iter().map(|b| (b.name.as_str(), b.region.as_str())).collect();
        assert_eq!(names, [("east", "us-east-1"), ("west", "eu-west-1"), ("far", "ap-south-1")]);
        assert_eq!(*made.lock().unwrap(), ["eu-west-1", "ap-south-1"], "one client per region, in listing order");
        assert!(unit.take_gaps().iter().all(|g| g.kind != GapKind::Excluded));
    }

    #[tokio::test]
    async fn buckets_of_the_chosen_regions_with_their_settings() {
        let unit = unit(true);
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

        let west = &buckets[1];
        assert_eq!(west.policy, Some(Setting::NotConfigured));
        assert_eq!(west.policy_is_public, Some(false));
        assert!(west.public_access_block.as_ref().unwrap().configured().unwrap().all_enabled());
        let encryption = west.encryption.as_ref().unwrap().configured().unwrap();
        assert_eq!((encryption.algorithm, encryption.bucket_key_enabled), (SseAlgorithm::Kms, true));
        assert_eq!(west.versioning, Some(Versioning { status: VersioningStatus::Never, mfa_delete: false }));
        let logging = west.logging.as_ref().unwrap().configured().unwrap();
        assert_eq!((logging.target_bucket.as_str(), logging.target_prefix.as_str()), ("logs", "west/"));

        let mut gaps = unit.take_gaps();
        gaps.sort_by_key(|g| g.kind);
        assert_eq!(gaps.len(), 2, "{gaps:?}");
        assert_eq!(gaps[0].operation, "GetBucketPolicyStatus");
        assert_eq!(gaps[0].kind, GapKind::AccessDenied);
        assert_eq!(gaps[0].resource.as_deref(), Some("arn:aws:s3:::east"));
        assert_eq!((gaps[1].operation.as_str(), gaps[1].kind), ("ListBuckets", GapKind::Excluded));
        assert!(gaps[1]
            .reason
            .starts_with("1 bucket(s) in regions left out with --regions were not read: ap-south-1: far"));
    }
}
