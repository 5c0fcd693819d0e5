//! An S3 prefix as the place an organization scan's shards write their account snapshots and
//! manifests (`--save-snapshot s3://bucket/prefix/`) and the merge reads them back
//! (`wasp review --snapshot s3://bucket/prefix/`). Writing there is an explicit output the user
//! asks for, kept out of the read-only collector: this crate is the only one that puts objects.
use aws_sdk_s3::error::ProvideErrorMetadata;
use aws_sdk_s3::primitives::ByteStream;
use aws_sdk_s3::Client;
use std::time::Duration;

/// An `s3://bucket/prefix/` location. The prefix is empty or ends with `/`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct S3Prefix {
    pub bucket: String,
    pub prefix: String,
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{0}")]
    Location(String),
    #[error("cannot {what} {url}: {message}")]
    Call { what: &'static str, url: String, message: String },
    #[error("{url} is larger than {max} bytes")]
    TooLarge { url: String, max: u64 },
    #[error("{url} is not UTF-8 text")]
    NotText { url: String },
}

impl S3Prefix {
    /// Whether `text` names an S3 location (`s3://…`), rightly or not.
    pub fn is_s3(text: &str) -> bool {
        text.get(..5).is_some_and(|s| s.eq_ignore_ascii_case("s3://"))
    }

    /// Parses `s3://bucket` or `s3://bucket/prefix[/]`; the bucket must be a valid S3 bucket
    /// name, the prefix has no empty, `.` or `..` segment.
    pub fn parse(text: &str) -> Result<S3Prefix, Error> {
        let bad = |why: &str| Error::Location(format!("invalid S3 location '{text}': {why}"));
        if !Self::is_s3(text) {
            return Err(bad("it must start with s3://"));
        }
        let rest = &text[5..];
        let (bucket, prefix) = rest.split_once('/').unwrap_or((rest, ""));
        let valid_bucket = (3..=63).contains(&bucket.len())
            && bucket.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'.')
            && bucket.starts_with(|c: char| c.is_ascii_alphanumeric())
            && bucket.ends_with(|c: char| c.is_ascii_alphanumeric())
            && !bucket.contains("..");
        if !valid_bucket {
            return Err(bad("the bucket name must be 3 to 63 lowercase letters, digits, dots or hyphens"));
        }
        let trimmed = prefix.strip_suffix('/').unwrap_or(prefix);
        if !trimmed.is_empty() && trimmed.split('/').any(|s| s.is_empty() || s == "." || s == "..") {
            return Err(bad("the prefix has an empty, '.' or '..' part"));
        }
        if trimmed.chars().any(char::is_control) {
            return Err(bad("the prefix holds a control character"));
        }
        let prefix = if trimmed.is_empty() { String::new() } else { format!("{trimmed}/") };
        Ok(S3Prefix { bucket: bucket.to_owned(), prefix })
    }

    /// `s3://bucket/prefix/name`.
    pub fn url(&self, name: &str) -> String {
        format!("s3://{}/{}{name}", self.bucket, self.prefix)
    }

    fn key(&self, name: &str) -> String {
        format!("{}{name}", self.prefix)
    }
}

impl std::fmt::Display for S3Prefix {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.url(""))
    }
}

/// Reads and writes the objects directly under one prefix.
pub struct Shards {
    client: Client,
    at: S3Prefix,
}

/// The AWS configuration of a scan (`profile`, `endpoint`, else the environment's, as
/// `AWS_PROFILE` and `AWS_ENDPOINT_URL`), in `region` or the configured one (else us-east-1),
/// with bounded time (3 s to connect, 60 s an attempt, 300 s a call with its retries).
pub async fn client(profile: Option<&str>, region: Option<&str>, endpoint: Option<&str>) -> Client {
    use aws_config::meta::region::RegionProviderChain;
    use aws_config::timeout::TimeoutConfig;
    let timeouts = TimeoutConfig::builder()
        .connect_timeout(Duration::from_secs(3))
        .operation_attempt_timeout(Duration::from_secs(60))
        .operation_timeout(Duration::from_secs(300))
        .build();
    let region = RegionProviderChain::first_try(region.map(|r| aws_config::Region::new(r.to_owned())))
        .or_default_provider()
        .or_else("us-east-1");
    let mut loader =
        aws_config::defaults(aws_config::BehaviorVersion::latest()).timeout_config(timeouts).region(region);
    if let Some(profile) = profile {
        loader = loader.profile_name(profile);
    }
    if let Some(url) = endpoint {
        loader = loader.endpoint_url(url);
    }
    let sdk = loader.load().await;
    // A custom endpoint (moto, MinIO, a VPC endpoint by URL) serves buckets by path.
    let s3 = aws_sdk_s3::config::Builder::from(&sdk).force_path_style(sdk.endpoint_url().is_some()).build();
    Client::from_conf(s3)
}

fn message<E: ProvideErrorMetadata + std::error::Error>(e: &E) -> String {
    match (e.code(), e.message()) {
        (Some(code), Some(message)) => format!("{code}: {message}"),
        (Some(code), None) => code.to_owned(),
        _ => {
            // The innermost cause says what went wrong (a refused connection, a timeout).
            let mut cause: &dyn std::error::Error = e;
            while let Some(next) = cause.source() {
                cause = next;
            }
            cause.to_string()
        }
    }
}

impl Shards {
    pub fn new(client: Client, at: S3Prefix) -> Shards {
        Shards { client, at }
    }

    pub fn location(&self) -> &S3Prefix {
        &self.at
    }

    /// Puts one object, `name` under the prefix, as JSON.
    pub async fn put(&self, name: &str, body: Vec<u8>) -> Result<(), Error> {
        self.client
            .put_object()
            .bucket(&self.at.bucket)
            .key(self.at.key(name))
            .content_type("application/json")
            .body(ByteStream::from(body))
            .send()
            .await
            .map_err(|e| Error::Call { what: "write", url: self.at.url(name), message: message(&e) })?;
        Ok(())
    }

    /// The names of the `*.json` objects directly under the prefix (not in deeper "folders"),
    /// sorted.
    pub async fn list_json(&self) -> Result<Vec<String>, Error> {
        let mut names = Vec::new();
        let mut pages = self
            .client
            .list_objects_v2()
            .bucket(&self.at.bucket)
            .prefix(&self.at.prefix)
            .delimiter("/")
            .into_paginator()
            .send();
        while let Some(page) = pages.next().await {
            let page =
                page.map_err(|e| Error::Call { what: "list", url: self.at.to_string(), message: message(&e) })?;
            names.extend(
                page.contents()
                    .iter()
                    .filter_map(|o| o.key()?.strip_prefix(&self.at.prefix))
                    .filter(|n| n.ends_with(".json") && !n.contains('/'))
                    .map(str::to_owned),
            );
        }
        names.sort();
        Ok(names)
    }

    /// Reads one object as text, refusing more than `max` bytes before reading them.
    pub async fn get(&self, name: &str, max: u64) -> Result<String, Error> {
        let url = self.at.url(name);
        let out = self
            .client
            .get_object()
            .bucket(&self.at.bucket)
            .key(self.at.key(name))
            .send()
            .await
            .map_err(|e| Error::Call { what: "read", url: url.clone(), message: message(&e) })?;
        if out.content_length().is_some_and(|n| u64::try_from(n).unwrap_or(u64::MAX) > max) {
            return Err(Error::TooLarge { url, max });
        }
        let mut body = out.body;
        let mut bytes = Vec::new();
        while let Some(chunk) =
            body.try_next().await.map_err(|e| Error::Call { what: "read", url: url.clone(), message: e.to_string() })?
        {
            bytes.extend_from_slice(&chunk);
            if bytes.len() as u64 > max {
                return Err(Error::TooLarge { url, max });
            }
        }
        String::from_utf8(bytes).map_err(|_| Error::NotText { url })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locations_parse_or_say_why_not() {
        let at = S3Prefix::parse("s3://acme-scans/org/2026-12/").unwrap();
        assert_eq!((at.bucket.as_str(), at.prefix.as_str()), ("acme-scans", "org/2026-12/"));
        assert_eq!(at.url("111122223333.json"), "s3://acme-scans/org/2026-12/111122223333.json");
        assert_eq!(S3Prefix::parse("s3://acme-scans/org").unwrap().prefix, "org/", "a prefix is a folder");
        assert_eq!(S3Prefix::parse("S3://acme-scans").unwrap().prefix, "");
        assert_eq!(S3Prefix::parse("s3://acme-scans/").unwrap().to_string(), "s3://acme-scans/");
        for (bad, why) in [
            ("s3://", "bucket name"),
            ("s3://Acme/x", "bucket name"),
            ("s3://ab/x", "bucket name"),
            ("s3://-acme/x", "bucket name"),
            ("s3://acme..scans/x", "bucket name"),
            ("s3://acme-scans//x", "empty"),
            ("s3://acme-scans/a/../b", "'..'"),
            ("s3://acme-scans/a\nb", "control"),
            ("/tmp/scans", "must start with s3://"),
        ] {
            let err = S3Prefix::parse(bad).unwrap_err().to_string();
            assert!(err.contains(why) && err.starts_with("invalid S3 location"), "{bad}: {err}");
        }
        assert!(S3Prefix::is_s3("s3://x") && S3Prefix::is_s3("S3://x") && !S3Prefix::is_s3("s3:/x"));
    }
}
