//! A moto server per test binary, started on a free loopback port, and SDK clients for seeding.
#![allow(dead_code)]

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub const ACCOUNT_ID: &str = "123456789012";

pub struct Moto {
    child: Child,
    pub endpoint: String,
    pub port: u16,
    pub recording: PathBuf,
    _dir: tempfile::TempDir,
}

/// `MOTO_SERVER`, else the project's virtualenv, else `moto_server` on the PATH.
fn moto_binary() -> PathBuf {
    if let Ok(path) = std::env::var("MOTO_SERVER") {
        return path.into();
    }
    let venv = std::env::var("WASP_VENV")
        .map(PathBuf::from)
        .unwrap_or_else(|_| PathBuf::from(std::env::var("HOME").unwrap_or_default()).join(".cache/wasp/venv"));
    let candidate = venv.join("bin/moto_server");
    if candidate.exists() {
        candidate
    } else {
        "moto_server".into()
    }
}

impl Moto {
    pub fn start() -> Moto {
        let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let dir = tempfile::tempdir().unwrap();
        let recording = dir.path().join("recording.jsonl");
        let child = Command::new(moto_binary())
            .args(["-H", "127.0.0.1", "-p", &port.to_string()])
            .env("MOTO_RECORDER_FILEPATH", &recording)
            .current_dir(dir.path())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("moto_server not found: run scripts/test-deps.sh (the README's test command does)");
        let moto = Moto { child, endpoint: format!("http://127.0.0.1:{port}"), port, recording, _dir: dir };
        let deadline = Instant::now() + Duration::from_secs(60);
        while moto.http("GET", "/moto-api/data.json", "").is_err() {
            assert!(Instant::now() < deadline, "moto did not start on port {port}");
            std::thread::sleep(Duration::from_millis(100));
        }
        moto
    }

    /// A plain HTTP/1.0 request to moto's control API; returns the body.
    pub fn http(&self, method: &str, path: &str, body: &str) -> std::io::Result<String> {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port))?;
        stream.set_read_timeout(Some(Duration::from_secs(30)))?;
        write!(stream, "{method} {path} HTTP/1.0\r\nHost: 127.0.0.1\r\nContent-Length: {}\r\n\r\n{body}", body.len())?;
        let mut answer = String::new();
        stream.read_to_string(&mut answer)?;
        Ok(answer.split_once("\r\n\r\n").map(|(_, b)| b.to_owned()).unwrap_or_default())
    }

    pub fn reset(&self) {
        self.http("POST", "/moto-api/reset", "").unwrap();
    }

    pub fn start_recording(&self) {
        self.http("POST", "/moto-api/recorder/reset-recording", "").unwrap();
        self.http("POST", "/moto-api/recorder/start-recording", "").unwrap();
    }

    /// Every request moto saw since `start_recording`, one JSON object each.
    pub fn stop_recording(&self) -> Vec<serde_json::Value> {
        self.http("POST", "/moto-api/recorder/stop-recording", "").unwrap();
        let text = self.http("GET", "/moto-api/recorder/download-recording", "").unwrap();
        text.lines().filter(|l| !l.trim().is_empty()).filter_map(|l| serde_json::from_str(l).ok()).collect()
    }

    /// An SDK config for seeding, with moto's default test credentials.
    pub async fn sdk_config(&self, region: &str) -> aws_config::SdkConfig {
        aws_config::defaults(aws_config::BehaviorVersion::latest())
            .region(aws_config::Region::new(region.to_owned()))
            .endpoint_url(&self.endpoint)
            .credentials_provider(aws_sdk_sts::config::Credentials::new("testing", "testing", None, None, "test"))
            .load()
            .await
    }

    /// Options for collecting this moto account.
    pub fn options(&self, regions: &[&str]) -> wasp_collect::CollectOptions {
        wasp_collect::CollectOptions {
            regions: wasp_collect::RegionSelection::List(regions.iter().map(|r| r.to_string()).collect()),
            endpoint_url: Some(self.endpoint.clone()),
            max_attempts: 2,
            ..Default::default()
        }
    }
}

impl Drop for Moto {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Credentials for the collector: moto accepts any while auth is off.
pub fn use_test_credentials() {
    // Set before any SDK config loads; the tests of one binary share one process.
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        std::env::set_var("AWS_ACCESS_KEY_ID", "testing");
        std::env::set_var("AWS_SECRET_ACCESS_KEY", "testing");
        std::env::remove_var("AWS_PROFILE");
        std::env::set_var("AWS_EC2_METADATA_DISABLED", "true");
        std::env::set_var("AWS_CONFIG_FILE", "/nonexistent/wasp-test-config");
        std::env::set_var("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/wasp-test-credentials");
    });
}

/// A server that accepts connections and then, per connection, either says nothing or drips
/// one byte every two seconds, forever. Returns its URL.
pub fn hostile_endpoint(drip: bool) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            std::thread::spawn(move || {
                let mut stream = stream;
                loop {
                    std::thread::sleep(Duration::from_secs(2));
                    if drip && stream.write_all(b"H").is_err() {
                        return;
                    }
                }
            });
        }
    });
    format!("http://127.0.0.1:{port}")
}

/// Collects without progress output.
pub async fn collect(opts: &wasp_collect::CollectOptions) -> Result<wasp_model::Inventory, wasp_collect::CollectError> {
    use_test_credentials();
    wasp_collect::collect(opts, &|_| {}).await
}

/// Launches one instance of an Amazon image in the client's region, with the given IMDS token
/// setting and security group; returns its id.
pub async fn launch_instance(
    ec2: &aws_sdk_ec2::Client,
    security_group: &str,
    tokens: aws_sdk_ec2::types::HttpTokensState,
) -> String {
    use aws_sdk_ec2::types::InstanceMetadataOptionsRequest;
    let images = ec2.describe_images().owners("amazon").send().await.unwrap();
    let ami = images.images()[0].image_id().unwrap().to_owned();
    let out = ec2
        .run_instances()
        .image_id(ami)
        .min_count(1)
        .max_count(1)
        .security_group_ids(security_group)
        .metadata_options(InstanceMetadataOptionsRequest::builder().http_tokens(tokens).build())
        .send()
        .await
        .unwrap();
    out.instances()[0].instance_id().unwrap().to_owned()
}

/// The operation one recorded request names: the query protocol's `Action` (URL or form
/// body), the JSON protocols' `X-Amz-Target`, the RPC v2 path's operation; `None` for REST.
pub fn recorded_operation(record: &serde_json::Value) -> Option<String> {
    let url = record["url"].as_str().unwrap_or_default();
    let headers = record["headers"].as_object().cloned().unwrap_or_default();
    let target = headers
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case("x-amz-target"))
        .and_then(|(_, v)| v.as_str())
        .and_then(|t| t.rsplit('.').next())
        .map(str::to_owned);
    let mut body = record["body"].as_str().unwrap_or_default().to_owned();
    if record["body_encoded"].as_bool() == Some(true) {
        body = aws_smithy_types::base64::decode(&body).ok().and_then(|b| String::from_utf8(b).ok()).unwrap_or_default();
    }
    let action = url
        .split(['?', '&'])
        .skip(1)
        .chain(body.split('&'))
        .find_map(|pair| pair.strip_prefix("Action="))
        .map(str::to_owned);
    let path = url.split_once("://").map_or(url, |(_, rest)| rest);
    let path = path.find('/').map_or("", |i| &path[i..]).split('?').next().unwrap_or_default();
    let rpc_v2 = path.split_once("/operation/").map(|(_, op)| op.to_owned());
    action.or(target).or(rpc_v2)
}
