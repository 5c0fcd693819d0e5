//! KMS and GuardDuty collection against moto.
mod support;

use support::{collect, Moto};
use wasp_collect::Service;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn collects_kms_keys_and_guardduty_detectors_per_region() {
    let moto = Moto::start();
    let cfg = moto.sdk_config("us-east-1").await;
    let kms = aws_sdk_kms::Client::new(&cfg);
    let rotated = kms.create_key().send().await.unwrap().key_metadata.unwrap().key_id;
    kms.enable_key_rotation().key_id(&rotated).send().await.unwrap();
    let plain = kms.create_key().send().await.unwrap().key_metadata.unwrap().key_id;
    let gd = aws_sdk_guardduty::Client::new(&cfg);
    gd.create_detector().enable(true).send().await.unwrap();

    let mut opts = moto.options(&["us-east-1", "eu-west-1"]);
    opts.services = vec![Service::Kms, Service::GuardDuty];
    let inv = collect(&opts).await.unwrap();

    assert_eq!(inv.account_id, support::ACCOUNT_ID);
    assert_eq!(inv.regions, ["eu-west-1", "us-east-1"], "sorted");
    let key = |id: &str| inv.kms.keys.iter().find(|k| k.id == id).unwrap();
    assert_eq!(key(&rotated).rotation_enabled, Some(true));
    assert_eq!(key(&plain).rotation_enabled, Some(false));
    assert_eq!(key(&plain).region, "us-east-1");
    let east = &inv.detection.guardduty["us-east-1"];
    assert_eq!(east.detectors.len(), 1);
    assert_eq!(east.detectors[0].status, Some(wasp_model::detection::Toggle::Enabled));
    assert!(inv.detection.guardduty["eu-west-1"].detectors.is_empty());
    let stats = inv.collection.unwrap();
    assert!(stats.api_calls.iter().any(|c| c.operation == "GetKeyRotationStatus" && c.count == 2), "{stats:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_dead_endpoint_is_one_clear_error() {
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let opts = wasp_collect::CollectOptions {
        regions: wasp_collect::RegionSelection::List(vec!["us-east-1".into()]),
        endpoint_url: Some(format!("http://127.0.0.1:{port}")),
        max_attempts: 1,
        ..Default::default()
    };
    let err = collect(&opts).await.unwrap_err();
    let text = err.to_string();
    assert!(text.starts_with("cannot reach the AWS endpoint http://127.0.0.1:"), "{text}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unknown_region_is_refused_by_name() {
    let moto = Moto::start();
    let mut opts = moto.options(&["us-east-1", "us-east-7"]);
    opts.services = vec![Service::Kms];
    let err = collect(&opts).await.unwrap_err();
    assert!(err.to_string().starts_with("unknown region us-east-7"), "{err}");
}

async fn identity_against(endpoint: String) -> (String, std::time::Duration) {
    let opts = wasp_collect::CollectOptions {
        regions: wasp_collect::RegionSelection::List(vec!["us-east-1".into()]),
        endpoint_url: Some(endpoint),
        ..Default::default()
    };
    let started = std::time::Instant::now();
    let err = collect(&opts).await.unwrap_err();
    (err.to_string(), started.elapsed())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_silent_endpoint_ends_the_run_within_seconds() {
    let (text, took) = identity_against(support::hostile_endpoint(false)).await;
    assert!(text.starts_with("cannot reach the AWS endpoint http://127.0.0.1:"), "{text}");
    assert!(took < std::time::Duration::from_secs(15), "took {took:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_dripping_endpoint_ends_the_run_within_seconds() {
    let (text, took) = identity_against(support::hostile_endpoint(true)).await;
    assert!(text.starts_with("cannot reach the AWS endpoint http://127.0.0.1:"), "{text}");
    assert!(took < std::time::Duration::from_secs(15), "took {took:?}");
}
