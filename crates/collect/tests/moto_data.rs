//! Data and application services (SNS topics, SQS, DynamoDB, RDS, Lambda) collected from moto:
//! vulnerable and compliant resources seeded side by side, collected, and the model fields
//! asserted by name, with the calls each resource cost.
mod support;

use support::{collect, Moto, ACCOUNT_ID};
use wasp_collect::Service;
use wasp_model::{Inventory, Setting};

const EAST: &str = "us-east-1";
const WEST: &str = "eu-west-1";

fn calls(inv: &Inventory, region: &str, operation: &str) -> u64 {
    let stats = inv.collection.as_ref().unwrap();
    stats.api_calls.iter().filter(|c| c.region == region && c.operation == operation).map(|c| c.count).sum()
}

/// Every check's findings over the inventory.
fn findings(inv: &Inventory) -> Vec<wasp_checks::Finding> {
    wasp_checks::run(inv, &wasp_checks::Selection::default(), &wasp_checks::Settings::default())
}

/// The status of one check's finding about one resource.
fn status(findings: &[wasp_checks::Finding], check: &str, arn: &str) -> wasp_checks::Status {
    findings
        .iter()
        .find(|f| f.check_id == check && f.resource_arn.as_deref() == Some(arn))
        .map(|f| f.status)
        .unwrap_or_else(|| panic!("no {check} finding for {arn}"))
}

async fn collect_services(moto: &Moto, services: &[Service]) -> Inventory {
    let mut opts = moto.options(&[EAST, WEST]);
    opts.services = services.to_vec();
    collect(&opts).await.expect("a collection")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sns_topics_with_encryption_and_policies() {
    let moto = Moto::start();
    let east = aws_sdk_sns::Client::new(&moto.sdk_config(EAST).await);
    let sealed = east
        .create_topic()
        .name("sealed")
        .attributes("KmsMasterKeyId", "alias/aws/sns")
        .send()
        .await
        .unwrap()
        .topic_arn
        .unwrap();
    let open = east.create_topic().name("open").send().await.unwrap().topic_arn.unwrap();
    let public = format!(
        r#"{{"Version":"2012-10-17","Statement":[{{"Sid":"anyone","Effect":"Allow","Principal":"*","Action":"SNS:Subscribe","Resource":"{open}"}}]}}"#
    );
    east.set_topic_attributes().topic_arn(&open).attribute_name("Policy").attribute_value(public).send().await.unwrap();
    let west = aws_sdk_sns::Client::new(&moto.sdk_config(WEST).await);
    west.create_topic().name("west").send().await.unwrap();

    let inv = collect_services(&moto, &[Service::Sns]).await;
    assert!(inv.gaps.is_empty(), "{:?}", inv.gaps);
    let topic = |name: &str| inv.sns.topics.iter().find(|t| t.name == name).unwrap();

    let sealed_topic = topic("sealed");
    assert_eq!(sealed_topic.arn, sealed);
    assert_eq!(sealed_topic.region, EAST);
    assert_eq!(sealed_topic.kms_master_key_id, Some(Setting::Configured("alias/aws/sns".into())));
    // The default policy: everyone in the owner's account, by `AWS:SourceOwner`.
    let Some(Setting::Configured(default)) = &sealed_topic.policy else { panic!("{:?}", sealed_topic.policy) };
    assert_eq!(default["Statement"][0]["Condition"]["StringEquals"]["AWS:SourceOwner"], ACCOUNT_ID, "{default}");

    let open_topic = topic("open");
    assert_eq!(open_topic.kms_master_key_id, Some(Setting::NotConfigured));
    let Some(Setting::Configured(policy)) = &open_topic.policy else { panic!("{:?}", open_topic.policy) };
    assert_eq!(policy["Statement"][0]["Principal"], "*");
    assert_eq!(topic("west").region, WEST);
    assert_eq!(topic("west").arn, format!("arn:aws:sns:{WEST}:{ACCOUNT_ID}:west"));

    // One list per region and one attribute read per topic; subscriptions still read.
    assert_eq!((calls(&inv, EAST, "ListTopics"), calls(&inv, WEST, "ListTopics")), (1, 1));
    assert_eq!((calls(&inv, EAST, "GetTopicAttributes"), calls(&inv, WEST, "GetTopicAttributes")), (2, 1));
    assert!(inv.sns.subscriptions[EAST].is_empty() && inv.sns.subscriptions[WEST].is_empty());

    // The checks judge what was seeded.
    let findings = findings(&inv);
    use wasp_checks::Status::{Fail, Pass};
    assert_eq!(status(&findings, "sns_topic_policy_not_public", &sealed), Pass);
    assert_eq!(status(&findings, "sns_topic_policy_not_public", &open), Fail);
    assert_eq!(status(&findings, "sns_topic_encrypted_at_rest", &sealed), Pass);
    assert_eq!(status(&findings, "sns_topic_encrypted_at_rest", &open), Fail);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqs_queues_with_encryption_and_policies() {
    use aws_sdk_sqs::types::QueueAttributeName as Attr;
    use wasp_model::sqs::QueueEncryption;
    let moto = Moto::start();
    let east = aws_sdk_sqs::Client::new(&moto.sdk_config(EAST).await);
    let create = |name: &'static str, attributes: Vec<(Attr, String)>| {
        let east = east.clone();
        async move {
            let mut request = east.create_queue().queue_name(name);
            for (k, v) in attributes {
                request = request.attributes(k, v);
            }
            request.send().await.unwrap().queue_url.unwrap()
        }
    };
    create("sqs-managed", vec![]).await;
    create("plain", vec![(Attr::SqsManagedSseEnabled, "false".into())]).await;
    create("kms", vec![(Attr::KmsMasterKeyId, "alias/aws/sqs".into())]).await;
    let open_arn = format!("arn:aws:sqs:{EAST}:{ACCOUNT_ID}:open");
    let open_policy = format!(
        r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Allow","Principal":"*","Action":"sqs:ReceiveMessage","Resource":"{open_arn}"}}]}}"#
    );
    create("open", vec![(Attr::Policy, open_policy)]).await;
    let topic_policy = format!(
        r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Allow","Principal":"*","Action":"sqs:SendMessage","Resource":"arn:aws:sqs:{EAST}:{ACCOUNT_ID}:from-topic","Condition":{{"ArnEquals":{{"aws:SourceArn":"arn:aws:sns:{EAST}:{ACCOUNT_ID}:orders"}}}}}}]}}"#
    );
    create("from-topic", vec![(Attr::Policy, topic_policy)]).await;

    let inv = collect_services(&moto, &[Service::Sqs]).await;
    assert!(inv.gaps.is_empty(), "{:?}", inv.gaps);
    let queue = |name: &str| inv.sqs.queues.iter().find(|q| q.name == name).unwrap();
    assert_eq!(queue("sqs-managed").encryption, Some(QueueEncryption::SqsManaged));
    assert_eq!(queue("plain").encryption, Some(QueueEncryption::Disabled));
    assert_eq!(queue("kms").encryption, Some(QueueEncryption::Kms("alias/aws/sqs".into())));
    assert_eq!(queue("plain").policy, Some(Setting::NotConfigured));
    assert_eq!(queue("open").arn, open_arn);
    assert_eq!(queue("open").region, EAST);
    assert!(queue("open").url.as_deref().is_some_and(|u| u.ends_with("/open")), "{:?}", queue("open").url);
    let Some(Setting::Configured(policy)) = &queue("open").policy else { panic!("{:?}", queue("open").policy) };
    assert_eq!(policy["Statement"][0]["Principal"], "*");
    assert_eq!(inv.sqs.queues.len(), 5, "{:?}", inv.sqs.queues);

    // One list per region, one attribute read per queue.
    assert_eq!((calls(&inv, EAST, "ListQueues"), calls(&inv, WEST, "ListQueues")), (1, 1));
    assert_eq!((calls(&inv, EAST, "GetQueueAttributes"), calls(&inv, WEST, "GetQueueAttributes")), (5, 0));

    let findings = findings(&inv);
    use wasp_checks::Status::{Fail, Pass};
    let arn = |name: &str| queue(name).arn.clone();
    assert_eq!(status(&findings, "sqs_queue_encrypted_at_rest", &arn("sqs-managed")), Pass);
    assert_eq!(status(&findings, "sqs_queue_encrypted_at_rest", &arn("kms")), Pass);
    assert_eq!(status(&findings, "sqs_queue_encrypted_at_rest", &arn("plain")), Fail);
    assert_eq!(status(&findings, "sqs_queue_policy_not_public", &arn("open")), Fail);
    assert_eq!(status(&findings, "sqs_queue_policy_not_public", &arn("from-topic")), Pass);
    assert_eq!(status(&findings, "sqs_queue_policy_not_public", &arn("plain")), Pass);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dynamodb_tables_with_encryption_protection_and_recovery() {
    use aws_sdk_dynamodb::types::{
        AttributeDefinition, BillingMode, KeySchemaElement, KeyType, PointInTimeRecoverySpecification,
        ScalarAttributeType, SseSpecification, SseType,
    };
    use wasp_model::dynamodb::{TableEncryption, TableStatus};
    let moto = Moto::start();
    let east_cfg = moto.sdk_config(EAST).await;
    let key = aws_sdk_kms::Client::new(&east_cfg).create_key().send().await.unwrap().key_metadata.unwrap().arn.unwrap();
    let east = aws_sdk_dynamodb::Client::new(&east_cfg);
    let create = |client: aws_sdk_dynamodb::Client, name: &'static str| {
        client
            .create_table()
            .table_name(name)
            .billing_mode(BillingMode::PayPerRequest)
            .attribute_definitions(
                AttributeDefinition::builder()
                    .attribute_name("id")
                    .attribute_type(ScalarAttributeType::S)
                    .build()
                    .unwrap(),
            )
            .key_schema(KeySchemaElement::builder().attribute_name("id").key_type(KeyType::Hash).build().unwrap())
    };
    create(east.clone(), "orders")
        .deletion_protection_enabled(true)
        .sse_specification(
            SseSpecification::builder().enabled(true).sse_type(SseType::Kms).kms_master_key_id(&key).build(),
        )
        .send()
        .await
        .unwrap();
    east.update_continuous_backups()
        .table_name("orders")
        .point_in_time_recovery_specification(
            PointInTimeRecoverySpecification::builder().point_in_time_recovery_enabled(true).build().unwrap(),
        )
        .send()
        .await
        .unwrap();
    create(east.clone(), "sessions").send().await.unwrap();
    let west = aws_sdk_dynamodb::Client::new(&moto.sdk_config(WEST).await);
    create(west, "west-cache").send().await.unwrap();

    let inv = collect_services(&moto, &[Service::DynamoDb]).await;
    assert!(inv.gaps.is_empty(), "{:?}", inv.gaps);
    let table = |name: &str| inv.dynamodb.tables.iter().find(|t| t.name == name).unwrap();
    let orders = table("orders");
    assert_eq!(orders.arn, format!("arn:aws:dynamodb:{EAST}:{ACCOUNT_ID}:table/orders"));
    assert_eq!(orders.status, Some(TableStatus::Active));
    assert_eq!(orders.encryption, Some(TableEncryption::Kms(key.clone())));
    assert_eq!((orders.deletion_protection, orders.point_in_time_recovery), (Some(true), Some(true)));
    let sessions = table("sessions");
    assert_eq!(sessions.encryption, Some(TableEncryption::AwsOwnedKey));
    assert_eq!((sessions.deletion_protection, sessions.point_in_time_recovery), (Some(false), Some(false)));
    assert_eq!(table("west-cache").region, WEST);

    // One list per region; per table one description and one continuous-backup read.
    assert_eq!((calls(&inv, EAST, "ListTables"), calls(&inv, WEST, "ListTables")), (1, 1));
    assert_eq!((calls(&inv, EAST, "DescribeTable"), calls(&inv, WEST, "DescribeTable")), (2, 1));
    assert_eq!(
        (calls(&inv, EAST, "DescribeContinuousBackups"), calls(&inv, WEST, "DescribeContinuousBackups")),
        (2, 1)
    );

    let findings = findings(&inv);
    use wasp_checks::Status::{Fail, Pass};
    for (check, good) in [
        ("dynamodb_table_pitr_enabled", Pass),
        ("dynamodb_table_deletion_protection_enabled", Pass),
        ("dynamodb_table_encrypted_with_kms", Pass),
    ] {
        assert_eq!(status(&findings, check, &orders.arn), good, "{check}");
        assert_eq!(status(&findings, check, &sessions.arn), Fail, "{check}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rds_instances_clusters_and_snapshots() {
    use wasp_model::rds::SnapshotKind;
    let moto = Moto::start();
    let rds = aws_sdk_rds::Client::new(&moto.sdk_config(EAST).await);
    let instance = |id: &'static str| {
        rds.create_db_instance()
            .db_instance_identifier(id)
            .db_instance_class("db.t3.micro")
            .engine("postgres")
            .allocated_storage(20)
            .master_username("app")
            .master_user_password("not-a-real-secret-1")
    };
    // Hardened and careless side by side.
    instance("hardened")
        .storage_encrypted(true)
        .publicly_accessible(false)
        .backup_retention_period(14)
        .deletion_protection(true)
        .enable_iam_database_authentication(true)
        .auto_minor_version_upgrade(true)
        .send()
        .await
        .unwrap();
    instance("careless")
        .storage_encrypted(false)
        .publicly_accessible(true)
        .backup_retention_period(0)
        .deletion_protection(false)
        .enable_iam_database_authentication(false)
        .auto_minor_version_upgrade(false)
        .send()
        .await
        .unwrap();
    rds.create_db_cluster()
        .db_cluster_identifier("aurora")
        .engine("aurora-postgresql")
        .master_username("app")
        .master_user_password("not-a-real-secret-1")
        .storage_encrypted(true)
        .deletion_protection(true)
        .enable_iam_database_authentication(true)
        .send()
        .await
        .unwrap();
    rds.create_db_snapshot().db_instance_identifier("hardened").db_snapshot_identifier("private").send().await.unwrap();
    rds.create_db_snapshot().db_instance_identifier("careless").db_snapshot_identifier("leak").send().await.unwrap();
    rds.modify_db_snapshot_attribute()
        .db_snapshot_identifier("leak")
        .attribute_name("restore")
        .values_to_add("all")
        .send()
        .await
        .unwrap();
    rds.create_db_cluster_snapshot()
        .db_cluster_identifier("aurora")
        .db_cluster_snapshot_identifier("cluster-shared")
        .send()
        .await
        .unwrap();
    rds.modify_db_cluster_snapshot_attribute()
        .db_cluster_snapshot_identifier("cluster-shared")
        .attribute_name("restore")
        .values_to_add("444455556666")
        .send()
        .await
        .unwrap();

    let inv = collect_services(&moto, &[Service::Rds]).await;
    assert!(inv.gaps.is_empty(), "{:?}", inv.gaps);
    let db = |id: &str| inv.rds.instances.iter().find(|i| i.id == id).unwrap();
    let hardened = db("hardened");
    assert_eq!(hardened.arn, format!("arn:aws:rds:{EAST}:{ACCOUNT_ID}:db:hardened"));
    assert_eq!(hardened.engine.as_deref(), Some("postgres"));
    assert_eq!(
        (hardened.storage_encrypted, hardened.publicly_accessible, hardened.deletion_protection),
        (Some(true), Some(false), Some(true))
    );
    assert_eq!(hardened.backup_retention_days, Some(14));
    assert_eq!((hardened.iam_database_authentication, hardened.auto_minor_version_upgrade), (Some(true), Some(true)));
    assert_eq!(hardened.cluster_id, None);
    let careless = db("careless");
    assert_eq!(
        (careless.storage_encrypted, careless.publicly_accessible, careless.deletion_protection),
        (Some(false), Some(true), Some(false))
    );
    assert_eq!(careless.backup_retention_days, Some(0));
    assert_eq!((careless.iam_database_authentication, careless.auto_minor_version_upgrade), (Some(false), Some(false)));

    let aurora = inv.rds.clusters.iter().find(|c| c.id == "aurora").unwrap();
    assert_eq!(aurora.arn, format!("arn:aws:rds:{EAST}:{ACCOUNT_ID}:cluster:aurora"));
    assert_eq!(aurora.engine.as_deref(), Some("aurora-postgresql"));
    assert_eq!((aurora.storage_encrypted, aurora.deletion_protection), (Some(true), Some(true)));
    assert_eq!(aurora.iam_database_authentication, Some(true));

    let snapshot = |id: &str| inv.rds.snapshots.iter().find(|s| s.id == id).unwrap_or_else(|| panic!("{id}"));
    assert_eq!(snapshot("private").restorable_by.as_deref(), Some(&[][..]));
    assert_eq!(snapshot("private").source_id.as_deref(), Some("hardened"));
    assert_eq!(snapshot("leak").is_public(), Some(true));
    assert_eq!(snapshot("leak").kind, SnapshotKind::Instance);
    assert_eq!(snapshot("cluster-shared").kind, SnapshotKind::Cluster);
    assert_eq!(snapshot("cluster-shared").restorable_by, Some(vec!["444455556666".to_owned()]));
    assert_eq!(
        snapshot("cluster-shared").arn,
        format!("arn:aws:rds:{EAST}:{ACCOUNT_ID}:cluster-snapshot:cluster-shared")
    );

    // One describe per kind and region; one attribute read per manual snapshot, none for others.
    for op in ["DescribeDBInstances", "DescribeDBClusters", "DescribeDBSnapshots", "DescribeDBClusterSnapshots"] {
        assert_eq!((calls(&inv, EAST, op), calls(&inv, WEST, op)), (1, 1), "{op}");
    }
    let ids: Vec<&str> = inv.rds.snapshots.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["cluster-shared", "leak", "private"], "manual snapshots only, sorted by ARN");
    assert_eq!(calls(&inv, EAST, "DescribeDBSnapshotAttributes"), 2);
    assert_eq!(calls(&inv, EAST, "DescribeDBClusterSnapshotAttributes"), 1);
    assert_eq!(calls(&inv, WEST, "DescribeDBSnapshotAttributes"), 0);

    let findings = findings(&inv);
    use wasp_checks::Status::{Fail, Pass};
    for check in [
        "rds_instance_storage_encrypted",
        "rds_instance_not_publicly_accessible",
        "rds_instance_backup_enabled",
        "rds_deletion_protection_enabled",
        "rds_iam_authentication_enabled",
        "rds_instance_auto_minor_version_upgrade_enabled",
    ] {
        assert_eq!(status(&findings, check, &hardened.arn), Pass, "{check}");
        assert_eq!(status(&findings, check, &careless.arn), Fail, "{check}");
    }
    assert_eq!(status(&findings, "rds_cluster_storage_encrypted", &aurora.arn), Pass);
    assert_eq!(status(&findings, "rds_snapshot_not_public", &snapshot("leak").arn), Fail);
    assert_eq!(status(&findings, "rds_snapshot_not_public", &snapshot("private").arn), Pass);
    assert_eq!(status(&findings, "rds_snapshot_not_public", &snapshot("cluster-shared").arn), Pass);
}

/// A minimal .zip archive holding one empty `index.py` (stored, not compressed).
fn tiny_zip() -> Vec<u8> {
    let name = b"index.py";
    let mut zip = Vec::new();
    let u16le = |v: u16| v.to_le_bytes();
    let u32le = |v: u32| v.to_le_bytes();
    // Local file header, no data; CRC-32 of nothing is 0.
    zip.extend(u32le(0x0403_4b50));
    zip.extend(u16le(20));
    zip.extend([0u8; 2 + 2 + 2 + 2]); // flags, method (stored), time, date
    zip.extend([0u8; 4 + 4 + 4]); // crc, sizes
    zip.extend(u16le(name.len() as u16));
    zip.extend(u16le(0));
    zip.extend(name);
    let central = zip.len() as u32;
    zip.extend(u32le(0x0201_4b50));
    zip.extend(u16le(20));
    zip.extend(u16le(20));
    zip.extend([0u8; 2 + 2 + 2 + 2 + 4 + 4 + 4]);
    zip.extend(u16le(name.len() as u16));
    zip.extend([0u8; 2 + 2 + 2 + 2 + 4 + 4]); // extra, comment, disk, attrs, offset 0
    zip.extend(name);
    let central_size = zip.len() as u32 - central;
    zip.extend(u32le(0x0605_4b50));
    zip.extend([0u8; 4]);
    zip.extend(u16le(1));
    zip.extend(u16le(1));
    zip.extend(u32le(central_size));
    zip.extend(u32le(central));
    zip.extend(u16le(0));
    zip
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn lambda_functions_with_runtimes_and_policies() {
    use aws_sdk_lambda::primitives::Blob;
    use aws_sdk_lambda::types::{Environment, FunctionCode, Runtime};
    use wasp_model::lambda::PackageType;
    let moto = Moto::start();
    let east_cfg = moto.sdk_config(EAST).await;
    let trust = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#;
    let role = aws_sdk_iam::Client::new(&east_cfg)
        .create_role()
        .role_name("fn-role")
        .assume_role_policy_document(trust)
        .send()
        .await
        .unwrap()
        .role
        .unwrap()
        .arn;
    let lambda = aws_sdk_lambda::Client::new(&east_cfg);
    let create = |name: &'static str, runtime: Runtime| {
        lambda
            .create_function()
            .function_name(name)
            .runtime(runtime)
            .role(&role)
            .handler("index.handler")
            .code(FunctionCode::builder().zip_file(Blob::new(tiny_zip())).build())
    };
    create("current", Runtime::Python313)
        .environment(Environment::builder().variables("DB_PASSWORD", "hunter2-very-secret").build())
        .send()
        .await
        .unwrap();
    create("stale", Runtime::Python38).send().await.unwrap();
    lambda
        .add_permission()
        .function_name("stale")
        .statement_id("anyone")
        .action("lambda:InvokeFunction")
        .principal("*")
        .send()
        .await
        .unwrap();
    lambda
        .add_permission()
        .function_name("current")
        .statement_id("from-bucket")
        .action("lambda:InvokeFunction")
        .principal("s3.amazonaws.com")
        .source_arn("arn:aws:s3:::uploads")
        .source_account(ACCOUNT_ID)
        .send()
        .await
        .unwrap();

    let inv = collect_services(&moto, &[Service::Lambda]).await;
    let function = |name: &str| inv.lambda.functions.iter().find(|f| f.name == name).unwrap();
    let current = function("current");
    assert_eq!(current.arn, format!("arn:aws:lambda:{EAST}:{ACCOUNT_ID}:function:current"));
    assert_eq!((current.runtime.as_deref(), current.package_type), (Some("python3.13"), Some(PackageType::Zip)));
    assert_eq!(function("stale").runtime.as_deref(), Some("python3.8"));
    let Some(Setting::Configured(policy)) = &function("stale").policy else { panic!("{:?}", function("stale").policy) };
    assert_eq!(policy["Statement"][0]["Principal"], "*", "{policy}");
    let Some(Setting::Configured(policy)) = &current.policy else { panic!("{:?}", current.policy) };
    assert_eq!(policy["Statement"][0]["Principal"]["Service"], "s3.amazonaws.com", "{policy}");
    // The environment never reaches the inventory.
    let snapshot = serde_json::to_string(&inv).unwrap();
    assert!(!snapshot.contains("hunter2") && !snapshot.contains("DB_PASSWORD"));

    // moto has no ListFunctionUrlConfigs: each function's URLs are a gap (unsupported), never
    // "no URL"; the mocked unit tests show the AWS answers.
    for f in &inv.lambda.functions {
        assert_eq!(f.urls, None);
        let gap = inv.gaps.iter().find(|g| g.resource.as_deref() == Some(f.arn.as_str())).expect("a gap per function");
        assert_eq!((gap.operation.as_str(), gap.kind), ("ListFunctionUrlConfigs", wasp_model::GapKind::Unsupported));
    }
    assert!(inv.gaps.iter().all(|g| g.operation == "ListFunctionUrlConfigs"), "{:?}", inv.gaps);

    // One list per region; a policy read and a URL listing per function.
    assert_eq!((calls(&inv, EAST, "ListFunctions"), calls(&inv, WEST, "ListFunctions")), (1, 1));
    assert_eq!((calls(&inv, EAST, "GetPolicy"), calls(&inv, EAST, "ListFunctionUrlConfigs")), (2, 2));

    let findings = findings(&inv);
    use wasp_checks::Status::{Fail, Pass, Skip};
    assert_eq!(status(&findings, "lambda_function_runtime_supported", &current.arn), Pass);
    assert_eq!(status(&findings, "lambda_function_runtime_supported", &function("stale").arn), Fail);
    assert_eq!(status(&findings, "lambda_function_policy_not_public", &current.arn), Pass);
    assert_eq!(status(&findings, "lambda_function_policy_not_public", &function("stale").arn), Fail);
    assert_eq!(status(&findings, "lambda_function_url_auth_required", &current.arn), Skip);
}
