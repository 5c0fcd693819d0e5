//! IAM, Organizations and S3 (the global services) collected from moto.
mod support;

use support::{collect, Moto, ACCOUNT_ID};
use wasp_collect::compat::StripHostPrefix;
use wasp_collect::Service;
use wasp_model::operations::REPORT_JOBS;
use wasp_model::organizations::FeatureSet;
use wasp_model::s3::AclGrant;
use wasp_model::s3::SseAlgorithm;
use wasp_model::{GapKind, Inventory, Setting, GLOBAL_REGION};

const GLOBAL_SERVICES: [Service; 3] = [Service::Iam, Service::Organizations, Service::S3];

const ADMIN_POLICY: &str = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"#;
const EC2_TRUST: &str = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#;
const DENY_LEAVE: &str = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"organizations:LeaveOrganization","Resource":"*"}]}"#;

fn tls_only(bucket: &str) -> String {
    format!(
        r#"{{"Version":"2012-10-17","Statement":[{{"Sid":"TlsOnly","Effect":"Deny","Principal":"*","Action":"s3:*","Resource":["arn:aws:s3:::{bucket}","arn:aws:s3:::{bucket}/*"],"Condition":{{"Bool":{{"aws:SecureTransport":"false"}}}}}}]}}"#
    )
}

/// A moto server that knows AWS-managed policies (moto loads none unless told to, and only
/// from its environment, which the server inherits from this process).
fn start_moto() -> Moto {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| std::env::set_var("MOTO_IAM_LOAD_MANAGED_POLICIES", "true"));
    Moto::start()
}

async fn s3(moto: &Moto, region: &str) -> aws_sdk_s3::Client {
    let cfg = moto.sdk_config(region).await;
    aws_sdk_s3::Client::from_conf(aws_sdk_s3::config::Builder::from(&cfg).force_path_style(true).build())
}

async fn seed_iam(moto: &Moto) {
    use aws_sdk_iam::types::Tag;
    let iam = aws_sdk_iam::Client::new(&moto.sdk_config("us-east-1").await);
    for name in ["alice", "bob", "carol"] {
        iam.create_user().user_name(name).send().await.unwrap();
    }
    // alice: console password and MFA; bob: an access key and an admin policy; carol: nothing.
    iam.create_login_profile().user_name("alice").password("Correct-Horse-9").send().await.unwrap();
    let device = iam.create_virtual_mfa_device().virtual_mfa_device_name("alice-mfa").send().await.unwrap();
    let serial = device.virtual_mfa_device.unwrap().serial_number;
    iam.enable_mfa_device()
        .user_name("alice")
        .serial_number(serial)
        .authentication_code1("123456")
        .authentication_code2("654321")
        .send()
        .await
        .unwrap();
    iam.create_access_key().user_name("bob").send().await.unwrap();
    let admin = iam.create_policy().policy_name("admin-all").policy_document(ADMIN_POLICY).send().await.unwrap();
    let admin_arn = admin.policy.unwrap().arn.unwrap();
    iam.attach_user_policy().user_name("bob").policy_arn(&admin_arn).send().await.unwrap();

    iam.create_group().group_name("readers").send().await.unwrap();
    iam.add_user_to_group().group_name("readers").user_name("alice").send().await.unwrap();
    iam.attach_group_policy()
        .group_name("readers")
        .policy_arn("arn:aws:iam::aws:policy/ReadOnlyAccess")
        .send()
        .await
        .unwrap();
    iam.put_group_policy()
        .group_name("readers")
        .policy_name("inline-admin")
        .policy_document(ADMIN_POLICY)
        .send()
        .await
        .unwrap();

    iam.create_role()
        .role_name("app-role")
        .path("/apps/")
        .assume_role_policy_document(EC2_TRUST)
        .tags(Tag::builder().key("team").value("web").build().unwrap())
        .send()
        .await
        .unwrap();
    iam.put_role_policy()
        .role_name("app-role")
        .policy_name("read-bucket")
        .policy_document(
            r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}}"#,
        )
        .send()
        .await
        .unwrap();
    iam.create_instance_profile().instance_profile_name("app-profile").send().await.unwrap();
    iam.add_role_to_instance_profile().instance_profile_name("app-profile").role_name("app-role").send().await.unwrap();

    iam.update_account_password_policy()
        .minimum_password_length(14)
        .require_symbols(true)
        .require_numbers(true)
        .require_uppercase_characters(true)
        .require_lowercase_characters(true)
        .max_password_age(90)
        .password_reuse_prevention(24)
        .send()
        .await
        .unwrap();
}

async fn seed_s3(moto: &Moto) {
    use aws_sdk_s3::types::{
        BucketCannedAcl, BucketLifecycleConfiguration, BucketLocationConstraint, BucketLoggingStatus,
        BucketVersioningStatus, CreateBucketConfiguration, ExpirationStatus, LifecycleExpiration, LifecycleRule,
        LifecycleRuleFilter, LoggingEnabled, PublicAccessBlockConfiguration, ServerSideEncryption,
        ServerSideEncryptionByDefault, ServerSideEncryptionConfiguration, ServerSideEncryptionRule, Tag, Tagging,
        VersioningConfiguration,
    };
    let east = s3(moto, "us-east-1").await;
    let west = s3(moto, "eu-west-1").await;
    let far = s3(moto, "ap-southeast-2").await;
    let in_region = |region: &str| {
        CreateBucketConfiguration::builder().location_constraint(BucketLocationConstraint::from(region)).build()
    };

    // Vulnerable, in us-east-1: public-read ACL, no public-access block, nothing else.
    east.create_bucket().bucket("wasp-open-east").send().await.unwrap();
    east.put_bucket_acl().bucket("wasp-open-east").acl(BucketCannedAcl::PublicRead).send().await.unwrap();

    // Compliant, in eu-west-1.
    west.create_bucket()
        .bucket("wasp-locked-west")
        .create_bucket_configuration(in_region("eu-west-1"))
        .send()
        .await
        .unwrap();
    west.create_bucket()
        .bucket("wasp-logs-west")
        .create_bucket_configuration(in_region("eu-west-1"))
        .send()
        .await
        .unwrap();
    // Log delivery needs WRITE and READ_ACP on the target bucket.
    let log_delivery = "uri=\"http://acs.amazonaws.com/groups/s3/LogDelivery\"";
    west.put_bucket_acl()
        .bucket("wasp-logs-west")
        .grant_write(log_delivery)
        .grant_read_acp(log_delivery)
        .send()
        .await
        .unwrap();
    let block = PublicAccessBlockConfiguration::builder()
        .block_public_acls(true)
        .ignore_public_acls(true)
        .block_public_policy(true)
        .restrict_public_buckets(true)
        .build();
    west.put_public_access_block()
        .bucket("wasp-locked-west")
        .public_access_block_configuration(block)
        .send()
        .await
        .unwrap();
    west.put_bucket_versioning()
        .bucket("wasp-locked-west")
        .versioning_configuration(VersioningConfiguration::builder().status(BucketVersioningStatus::Enabled).build())
        .send()
        .await
        .unwrap();
    let by_default = ServerSideEncryptionByDefault::builder()
        .sse_algorithm(ServerSideEncryption::AwsKms)
        .kms_master_key_id("alias/wasp")
        .build()
        .unwrap();
    let rule = ServerSideEncryptionRule::builder()
        .apply_server_side_encryption_by_default(by_default)
        .bucket_key_enabled(true)
        .build();
    west.put_bucket_encryption()
        .bucket("wasp-locked-west")
        .server_side_encryption_configuration(ServerSideEncryptionConfiguration::builder().rules(rule).build().unwrap())
        .send()
        .await
        .unwrap();
    west.put_bucket_policy().bucket("wasp-locked-west").policy(tls_only("wasp-locked-west")).send().await.unwrap();
    west.put_bucket_tagging()
        .bucket("wasp-locked-west")
        .tagging(
            Tagging::builder()
                .tag_set(Tag::builder().key("classification").value("internal").build().unwrap())
                .build()
                .unwrap(),
        )
        .send()
        .await
        .unwrap();
    let expire = LifecycleRule::builder()
        .id("expire-old")
        .status(ExpirationStatus::Enabled)
        .filter(LifecycleRuleFilter::builder().prefix("").build())
        .expiration(LifecycleExpiration::builder().days(365).build())
        .build()
        .unwrap();
    west.put_bucket_lifecycle_configuration()
        .bucket("wasp-locked-west")
        .lifecycle_configuration(BucketLifecycleConfiguration::builder().rules(expire).build().unwrap())
        .send()
        .await
        .unwrap();
    west.put_bucket_logging()
        .bucket("wasp-locked-west")
        .bucket_logging_status(
            BucketLoggingStatus::builder()
                .logging_enabled(
                    LoggingEnabled::builder().target_bucket("wasp-logs-west").target_prefix("access/").build().unwrap(),
                )
                .build(),
        )
        .send()
        .await
        .unwrap();

    // Outside the regions these tests name: left out, and named in one gap.
    far.create_bucket()
        .bucket("wasp-far-away")
        .create_bucket_configuration(in_region("ap-southeast-2"))
        .send()
        .await
        .unwrap();
}

async fn seed_account_public_access_block(moto: &Moto) {
    use aws_sdk_s3control::types::PublicAccessBlockConfiguration;
    let cfg = moto.sdk_config("us-east-1").await;
    let control = aws_sdk_s3control::Client::from_conf(
        aws_sdk_s3control::config::Builder::from(&cfg)
            .interceptor(StripHostPrefix::for_endpoint(&moto.endpoint))
            .build(),
    );
    let block = PublicAccessBlockConfiguration::builder()
        .block_public_acls(true)
        .ignore_public_acls(true)
        .block_public_policy(true)
        .restrict_public_buckets(false)
        .build();
    control
        .put_public_access_block()
        .account_id(ACCOUNT_ID)
        .public_access_block_configuration(block)
        .send()
        .await
        .unwrap();
}

/// Creates an organization managed by the moto account, with a custom SCP on the root.
async fn seed_organization(moto: &Moto) -> (String, String) {
    use aws_sdk_organizations::types::{OrganizationFeatureSet, PolicyType};
    let org = aws_sdk_organizations::Client::new(&moto.sdk_config("us-east-1").await);
    let created = org.create_organization().feature_set(OrganizationFeatureSet::All).send().await.unwrap();
    let org_id = created.organization.unwrap().id.unwrap();
    let root = org.list_roots().send().await.unwrap().roots.unwrap().remove(0).id.unwrap();
    let policy = org
        .create_policy()
        .name("deny-leave")
        .description("no leaving")
        .r#type(PolicyType::ServiceControlPolicy)
        .content(DENY_LEAVE)
        .send()
        .await
        .unwrap();
    let policy_id = policy.policy.unwrap().policy_summary.unwrap().id.unwrap();
    org.attach_policy().policy_id(&policy_id).target_id(&root).send().await.unwrap();
    (org_id, root)
}

async fn collect_global(moto: &Moto, services: &[Service]) -> Inventory {
    let mut opts = moto.options(&["us-east-1", "eu-west-1"]);
    opts.services = services.to_vec();
    collect(&opts).await.unwrap()
}

/// The one moto quirk of these reads: each bucket's versioning is a gap (unreadable answer).
/// Besides, the bucket of a region left out of the scan is named in one gap.
fn assert_only_versioning_gaps(inv: &Inventory) {
    let mut resources = Vec::new();
    for gap in &inv.gaps {
        if gap.kind == GapKind::Excluded {
            assert_eq!((gap.service, gap.operation.as_str()), (Service::S3, "ListBuckets"), "{gap:#?}");
            assert!(gap.reason.contains("ap-southeast-2: wasp-far-away"), "{}", gap.reason);
            continue;
        }
        // moto's list of service principals predates some that delegate administration.
        if gap.operation == "ListDelegatedAdministrators" {
            assert!(gap.reason.contains("unrecognized service principal"), "{gap:#?}");
            continue;
        }
        // moto keeps no service last accessed data: one gap for every user and role.
        if gap.operation == "GenerateServiceLastAccessedDetails" {
            assert_eq!(gap.resource, None, "{gap:#?}");
            continue;
        }
        // … and of policy types (resource control and declarative policies).
        if gap.operation == "ListPolicies" {
            assert!(gap.reason.contains("invalid value"), "{gap:#?}");
            continue;
        }
        assert_eq!((gap.service, gap.operation.as_str()), (Service::S3, "GetBucketVersioning"), "{gap:#?}");
        assert_eq!(gap.kind, GapKind::Other);
        assert!(gap.reason.starts_with("unreadable answer (HTTP 200)"), "{}", gap.reason);
        resources.extend(gap.resource.clone());
    }
    let buckets: Vec<&str> = inv.s3.buckets.iter().map(|b| b.arn.as_str()).collect();
    assert_eq!(resources, buckets);
}

fn calls(inv: &Inventory, operation: &str) -> u64 {
    let stats = inv.collection.as_ref().unwrap();
    stats.api_calls.iter().filter(|c| c.operation == operation).map(|c| c.count).sum()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn collects_iam_organizations_and_s3() {
    let moto = start_moto();
    seed_iam(&moto).await;
    seed_s3(&moto).await;
    seed_account_public_access_block(&moto).await;
    let (org_id, root_id) = seed_organization(&moto).await;

    let inv = collect_global(&moto, &GLOBAL_SERVICES).await;

    // IAM principals.
    let iam = &inv.iam;
    let user = |name: &str| iam.users.iter().find(|u| u.name == name).unwrap_or_else(|| panic!("no user {name}"));
    let alice = user("alice");
    assert_eq!(alice.arn, format!("arn:aws:iam::{ACCOUNT_ID}:user/alice"));
    assert_eq!((alice.console_access, alice.mfa_active), (Some(true), Some(true)), "{:?}", inv.gaps);
    assert_eq!(alice.access_keys.as_deref(), Some(&[][..]));
    assert_eq!(alice.groups, ["readers"]);
    let bob = user("bob");
    assert_eq!((bob.console_access, bob.mfa_active), (Some(false), Some(false)));
    let keys = bob.access_keys.as_ref().unwrap();
    assert_eq!(keys.len(), 1);
    assert!(keys[0].active && keys[0].created.is_some() && keys[0].last_used.is_none());
    assert_eq!(bob.attached_policies, [format!("arn:aws:iam::{ACCOUNT_ID}:policy/admin-all")]);
    let carol = user("carol");
    assert_eq!((carol.console_access, carol.mfa_active), (Some(false), Some(false)));
    assert!(carol.created.is_some());

    let admin = iam.policies.iter().find(|p| p.name == "admin-all").unwrap();
    assert_eq!(admin.attachment_count, Some(1));
    assert_eq!(admin.document.as_ref().unwrap()["Statement"][0]["Action"], "*");
    assert!(iam.policies.iter().all(|p| !p.arn.contains(":iam::aws:")), "only customer-managed policies");

    let readers = iam.groups.iter().find(|g| g.name == "readers").unwrap();
    assert_eq!(readers.attached_policies, ["arn:aws:iam::aws:policy/ReadOnlyAccess"]);
    assert_eq!(readers.inline_policies[0].name, "inline-admin");
    assert_eq!(readers.inline_policies[0].document.as_ref().unwrap()["Statement"][0]["Resource"], "*");

    let role = iam.roles.iter().find(|r| r.name == "app-role").unwrap();
    assert_eq!(role.path, "/apps/");
    let trust = role.trust_policy.as_ref().unwrap();
    assert_eq!(trust["Statement"][0]["Principal"]["Service"], "ec2.amazonaws.com");
    assert_eq!(role.inline_policies[0].document.as_ref().unwrap()["Statement"]["Action"], "s3:GetObject");
    assert_eq!(role.tags.get("team").map(String::as_str), Some("web"));

    let policy = iam.password_policy.as_ref().unwrap().configured().unwrap();
    assert_eq!(policy.minimum_length, Some(14));
    assert!(policy.require_symbols && policy.require_numbers && policy.require_uppercase && policy.require_lowercase);
    assert_eq!((policy.max_age_days, policy.reuse_prevention), (Some(90), Some(24)));
    let root = iam.root.as_ref().unwrap();
    assert_eq!(root.arn, format!("arn:aws:iam::{ACCOUNT_ID}:root"));
    assert_eq!((root.mfa_enabled, root.access_keys_present, root.virtual_mfa), (Some(false), Some(false), Some(false)));
    assert_eq!(root.password_present, None, "moto's account summary leaves AccountPasswordPresent out");

    // Organizations, seen from the management account.
    let org = inv.organizations.organization.as_ref().unwrap().configured().unwrap();
    assert_eq!(
        (org.id.as_str(), org.master_account_id.as_str(), org.feature_set),
        (org_id.as_str(), ACCOUNT_ID, FeatureSet::All)
    );
    let scps = inv.organizations.service_control_policies.as_ref().unwrap();
    let custom = scps.iter().find(|p| p.name == "deny-leave").unwrap();
    assert!(!custom.aws_managed);
    assert_eq!(custom.targets.as_deref(), Some(&[root_id.clone()][..]));
    // FullAWSAccess restricts nothing: its targets are not asked for.
    let full = scps.iter().find(|p| p.name == "FullAWSAccess").unwrap();
    assert!(full.aws_managed && full.targets.is_none());
    assert_eq!(calls(&inv, "ListTargetsForPolicy"), 1);

    // S3: the account block went through S3 Control despite the host prefix.
    let account_block = inv.s3.account_public_access_block.as_ref().unwrap().configured().unwrap();
    assert!(account_block.block_public_acls && account_block.ignore_public_acls && account_block.block_public_policy);
    assert!(!account_block.restrict_public_buckets);

    let names: Vec<&str> = inv.s3.buckets.iter().map(|b| b.name.as_str()).collect();
    assert_eq!(
        names,
        ["wasp-locked-west", "wasp-logs-west", "wasp-open-east"],
        "sorted by ARN; the bucket of a region left out is not read"
    );
    let bucket = |name: &str| inv.s3.buckets.iter().find(|b| b.name == name).unwrap();

    let open = bucket("wasp-open-east");
    assert_eq!((open.region.as_str(), open.arn.as_str()), ("us-east-1", "arn:aws:s3:::wasp-open-east"));
    assert!(open.created.is_some());
    assert_eq!(open.public_access_block, Some(Setting::NotConfigured));
    assert_eq!(open.policy, Some(Setting::NotConfigured));
    assert_eq!(open.policy_is_public, Some(false));
    let grants = open.acl_grants.as_ref().unwrap();
    assert!(grants.iter().any(|g| g.grantee == AclGrant::ALL_USERS && g.permission == "READ"), "{grants:?}");
    assert!(grants.iter().any(|g| !g.is_public() && g.permission == "FULL_CONTROL"), "{grants:?}");
    // moto answers GetBucketVersioning with a <GetBucketVersioningResponse> root where S3 has
    // <VersioningConfiguration>, which the SDK refuses: unread, never "not versioned".
    assert_eq!(open.versioning, None);
    assert_eq!(open.logging, Some(Setting::NotConfigured));

    let locked = bucket("wasp-locked-west");
    assert_eq!(locked.region, "eu-west-1");
    assert!(locked.public_access_block.as_ref().unwrap().configured().unwrap().all_enabled());
    let policy = locked.policy.as_ref().unwrap().configured().unwrap();
    assert_eq!(policy["Statement"][0]["Sid"], "TlsOnly");
    assert_eq!(locked.policy_is_public, Some(false));
    assert_eq!(locked.versioning, None);
    let encryption = locked.encryption.as_ref().unwrap().configured().unwrap();
    assert_eq!(encryption.algorithm, SseAlgorithm::Kms);
    assert_eq!(encryption.kms_key_id.as_deref(), Some("alias/wasp"));
    assert!(encryption.bucket_key_enabled);
    let logging = locked.logging.as_ref().unwrap().configured().unwrap();
    assert_eq!((logging.target_bucket.as_str(), logging.target_prefix.as_str()), ("wasp-logs-west", "access/"));

    // Every other read works against moto: any other gap would be a collector bug.
    assert_only_versioning_gaps(&inv);
    // The far bucket was never read. AWS names every bucket's region in the paginated listing;
    // moto leaves it out, so each of the four buckets costs a GetBucketLocation here (the
    // mocked unit test of the S3 collector shows the AWS answer).
    assert_eq!(calls(&inv, "GetBucketAcl"), 3);
    assert_eq!(calls(&inv, "ListBuckets"), 1);
    assert_eq!(calls(&inv, "GetBucketLocation"), 4);
    let excluded: Vec<_> = inv.gaps.iter().filter(|g| g.kind == GapKind::Excluded).collect();
    assert_eq!(excluded.len(), 1, "{:?}", inv.gaps);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn iam_calls_do_not_grow_with_users_and_roles() {
    let moto = start_moto();
    let iam = aws_sdk_iam::Client::new(&moto.sdk_config("us-east-1").await);
    iam.create_user().user_name("first").send().await.unwrap();
    let small = collect_global(&moto, &[Service::Iam]).await;
    assert_eq!(small.iam.users.len(), 1);

    for i in 0..60 {
        iam.create_user().user_name(format!("user-{i}")).send().await.unwrap();
        iam.create_access_key().user_name(format!("user-{i}")).send().await.unwrap();
    }
    for i in 0..25 {
        iam.create_role().role_name(format!("role-{i}")).assume_role_policy_document(EC2_TRUST).send().await.unwrap();
    }
    let large = collect_global(&moto, &[Service::Iam]).await;
    assert_eq!(large.iam.users.len(), 61);
    assert_eq!(large.iam.roles.len(), 25);
    assert!(large.iam.users.iter().all(|u| u.access_keys.is_some()));

    assert_eq!(calls(&small, "GetAccountAuthorizationDetails"), 1);
    assert_eq!(calls(&large, "GetAccountAuthorizationDetails"), 1);
    // Every bulk IAM operation is called as often for 61 users as for one. The report polls
    // differ (moto answers STARTED to the first GenerateCredentialReport, COMPLETE later), and
    // the service last accessed jobs are per principal by nature: AWS has no bulk form.
    let per_principal = ["GenerateServiceLastAccessedDetails", "GetServiceLastAccessedDetails"];
    let per_op = |inv: &Inventory| {
        let stats = inv.collection.as_ref().unwrap();
        stats
            .api_calls
            .iter()
            .filter(|c| c.service == Service::Iam && c.operation != "GenerateCredentialReport")
            .filter(|c| !per_principal.contains(&c.operation.as_str()))
            .map(|c| (c.operation.clone(), c.count))
            .collect::<Vec<_>>()
    };
    assert_eq!(per_op(&small), per_op(&large));
    assert!(per_op(&large).iter().all(|(_, n)| *n == 1), "{:?}", per_op(&large));
    assert_eq!(calls(&small, "GenerateCredentialReport"), 2);
    assert_eq!(calls(&large, "GenerateCredentialReport"), 1);
    assert!(large.iam.root.is_some());
}

/// One recorded request: its method, URL and the operation it names, when it names one.
fn describe(record: &serde_json::Value) -> (String, String, Option<String>) {
    let method = record["method"].as_str().unwrap_or_default().to_owned();
    let url = record["url"].as_str().unwrap_or_default().to_owned();
    (method, url, support::recorded_operation(record))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_request_of_the_collection_is_a_read() {
    let moto = start_moto();
    seed_iam(&moto).await;
    seed_s3(&moto).await;
    seed_account_public_access_block(&moto).await;

    moto.start_recording();
    let inv = collect_global(&moto, &GLOBAL_SERVICES).await;
    let records = moto.stop_recording();

    // Not in an organization: AWS's documented absence, not a gap.
    assert_eq!(inv.organizations.organization, Some(Setting::NotConfigured));
    assert_only_versioning_gaps(&inv);

    let mut operations = Vec::new();
    for record in &records {
        let (method, url, operation) = describe(record);
        let read_verb = ["List", "Get", "Describe"];
        match (method.as_str(), &operation) {
            // Query and JSON protocols name their operation. The report jobs only ask IAM to
            // compile what it already records (see `operations::REPORT_JOBS`).
            ("POST", Some(op)) => {
                let read = read_verb.iter().any(|v| op.starts_with(v)) || REPORT_JOBS.contains(&op.as_str());
                assert!(read, "{op} is not a read ({url})");
                operations.push(op.clone());
            }
            // REST (S3, S3 Control): reads are GETs.
            ("GET", None) => operations.push(format!("GET {url}")),
            _ => panic!("a collection sent a non-read request: {method} {url} {operation:?}"),
        }
    }
    for expected in [
        "GetAccountAuthorizationDetails",
        "GetCredentialReport",
        "GetAccountSummary",
        "DescribeOrganization",
        "GetCallerIdentity",
    ] {
        assert!(operations.iter().any(|o| o == expected), "{expected} not recorded: {operations:?}");
    }
    assert!(operations.iter().any(|o| o.contains("/v20180820/configuration/publicAccessBlock")), "{operations:?}");
    assert!(operations.iter().any(|o| o.contains("wasp-locked-west") && o.contains("policy")), "{operations:?}");
    // The recording matches the call log (moto records every request it serves).
    let counted = inv.collection.as_ref().unwrap().api_calls_total;
    assert_eq!(records.len() as u64, counted, "{operations:#?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn global_services_are_collected_once_under_the_global_region() {
    let moto = start_moto();
    let iam = aws_sdk_iam::Client::new(&moto.sdk_config("us-east-1").await);
    iam.create_user().user_name("solo").send().await.unwrap();
    let inv = collect_global(&moto, &[Service::Iam, Service::S3]).await;
    let stats = inv.collection.as_ref().unwrap();
    for row in stats.api_calls.iter().filter(|c| c.service == Service::Iam || c.service == Service::S3) {
        assert_eq!(row.region, GLOBAL_REGION, "{row:?}");
    }
    assert_eq!(inv.iam.users.len(), 1);
    assert!(inv.s3.buckets.is_empty());
    assert_eq!(inv.s3.account_public_access_block, Some(Setting::NotConfigured));
}
