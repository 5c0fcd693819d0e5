//! `--format asff`: the findings in the AWS Security Finding Format, as a JSON array of the
//! objects `BatchImportFindings` accepts (send at most 100 per call).
//!
//! - **Id** is `wasp/<account>/<region>/<check>/<sha256 of the resource>`: the same check,
//!   resource and region get the same Id in every review, so a re-import updates the finding.
//! - **Region**: a finding in region `global` (IAM, the account) is filed in the *home region*:
//!   the first region the review scanned, or the partition's first region when it scanned none
//!   ([`home_region`]); [`findings_with`] takes another. Its `ProductArn` names that region, and
//!   Security Hub takes a finding only in the region of its `ProductArn`.
//! - **Verdicts**: PASS is `PASSED`/`RESOLVED` (severity label `INFORMATIONAL`, the check's
//!   severity kept in `Original`); FAIL is `FAILED`/`NEW`; MUTED is `WARNING`/`SUPPRESSED`
//!   with the suppression's reason; SKIP is `NOT_AVAILABLE`/`NEW`: never passed or failed.
//! - **Resolved**: a failure the previous review had and this one shows fixed is sent again as
//!   `PASSED`/`RESOLVED`; when the resource is gone, its record is also `ARCHIVED`. Security Hub
//!   updates `Compliance`, `RecordState` and `FindingProviderFields` of an existing finding, but
//!   sets `Workflow` only when it creates one.
//! - **Limits**: Title 256, Description 1024, Recommendation 512, ProductFields 50 pairs (keys
//!   128, values 2048), RelatedRequirements 32 entries of 256, Id and GeneratorId 512: counted
//!   in UTF-16 code units (never fewer than characters) and cut on a character boundary.
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, HashMap};
use std::io::{self, Write};
use wasp_checks::{Finding, Severity, Status};
use wasp_pillar::Lens;
use wasp_review::Review;

pub const SCHEMA_VERSION: &str = "2018-10-08";
/// The one finding type wasp files its findings under.
pub const FINDING_TYPE: &str = "Software and Configuration Checks/AWS Security Best Practices";
pub const ID_MAX: usize = 512;
pub const GENERATOR_ID_MAX: usize = 512;
pub const TITLE_MAX: usize = 256;
pub const DESCRIPTION_MAX: usize = 1024;
pub const RECOMMENDATION_MAX: usize = 512;
pub const PRODUCT_FIELDS_MAX: usize = 50;
pub const PRODUCT_FIELD_KEY_MAX: usize = 128;
pub const PRODUCT_FIELD_VALUE_MAX: usize = 2048;
pub const REQUIREMENTS_MAX: usize = 32;
pub const REQUIREMENT_MAX: usize = 256;
/// Findings in one `BatchImportFindings` call.
pub const BATCH_MAX: usize = 100;

/// One finding in the AWS Security Finding Format.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct AsffFinding {
    pub schema_version: String,
    pub id: String,
    pub product_arn: String,
    pub generator_id: String,
    pub aws_account_id: String,
    pub types: Vec<String>,
    pub created_at: String,
    pub updated_at: String,
    pub severity: AsffSeverity,
    pub title: String,
    pub description: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remediation: Option<Remediation>,
    pub product_fields: BTreeMap<String, String>,
    pub resources: Vec<AsffResource>,
    pub compliance: Compliance,
    pub workflow: Workflow,
    pub record_state: RecordState,
    /// Severity and Types again: how a finding provider updates them on a re-import.
    pub finding_provider_fields: FindingProviderFields,
}

impl AsffFinding {
    /// The region whose Security Hub takes it: the region of its `ProductArn`.
    pub fn region(&self) -> &str {
        self.product_arn.split(':').nth(3).unwrap_or_default()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct AsffSeverity {
    pub label: SeverityLabel,
    /// wasp's own severity of the check.
    pub original: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum SeverityLabel {
    Informational,
    Low,
    Medium,
    High,
    Critical,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Remediation {
    pub recommendation: Recommendation,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Recommendation {
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct AsffResource {
    /// An ASFF resource type (`AwsS3Bucket` …), or `Other`.
    #[serde(rename = "Type")]
    pub kind: String,
    pub id: String,
    pub partition: String,
    pub region: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Compliance {
    pub status: ComplianceStatus,
    /// The Well-Architected best practices the check evidences.
    pub related_requirements: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ComplianceStatus {
    Passed,
    Failed,
    Warning,
    NotAvailable,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Workflow {
    pub status: WorkflowStatus,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum WorkflowStatus {
    New,
    Notified,
    Suppressed,
    Resolved,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum RecordState {
    Active,
    Archived,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct FindingProviderFields {
    pub severity: AsffSeverity,
    pub types: Vec<String>,
}

/// Where global findings go when nothing else is said: see the module documentation.
pub fn home_region(review: &Review) -> String {
    if let Some(first) = review.scope.regions.iter().find(|r| *r != wasp_model::GLOBAL_REGION) {
        return first.clone();
    }
    match review.scope.partition.as_str() {
        "aws-cn" => "cn-north-1",
        "aws-us-gov" => "us-gov-west-1",
        _ => "us-east-1",
    }
    .to_owned()
}

/// The review's findings, then the failures it shows resolved, in ASFF.
pub fn findings(cx: &crate::Context<'_>) -> Vec<AsffFinding> {
    findings_with(cx, &home_region(cx.review))
}

/// [`findings`] with global findings filed in `home_region`.
pub fn findings_with(cx: &crate::Context<'_>, home_region: &str) -> Vec<AsffFinding> {
    let review = cx.review;
    let mut make = Maker { review, home: home_region, lens: Lens::builtin(), seen: HashMap::new() };
    let mut out: Vec<AsffFinding> = review.findings.iter().map(|f| make.finding(f, Verdict::Now(f.status))).collect();
    if let Some(changes) = cx.changes {
        let present: std::collections::HashSet<_> = review.findings.iter().map(key).collect();
        for f in changes.resolved.iter().filter(|f| !present.contains(&key(f))) {
            let mut gone = make.finding(f, Verdict::Gone);
            gone.created_at = timestamp(&changes.from.collected_at);
            out.push(gone);
        }
    }
    out
}

/// `--format asff`.
pub struct Asff;

impl crate::Renderer for Asff {
    fn render(&self, cx: &crate::Context<'_>, out: &mut dyn Write) -> io::Result<()> {
        serde_json::to_writer_pretty(&mut *out, &findings(cx)).map_err(io::Error::other)?;
        writeln!(out)
    }
}

#[derive(Clone, Copy)]
enum Verdict {
    Now(Status),
    /// Failing in the previous review; its resource is gone from this one.
    Gone,
}

fn key(f: &Finding) -> (&str, Option<&str>, &str) {
    (f.check_id.as_str(), f.resource_arn.as_deref(), f.region.as_str())
}

struct Maker<'a> {
    review: &'a Review,
    home: &'a str,
    lens: &'static Lens,
    /// Ids given so far, to tell apart two findings of one check on one resource.
    seen: HashMap<String, usize>,
}

impl Maker<'_> {
    fn finding(&mut self, f: &Finding, verdict: Verdict) -> AsffFinding {
        let review = self.review;
        let partition = review.scope.partition.as_str();
        let account = f.account_id.as_str();
        let region = if f.region == wasp_model::GLOBAL_REGION { self.home } else { f.region.as_str() };
        let meta = wasp_checks::find(&f.check_id).map(|c| c.meta());
        let resource = resource_id(f, partition);
        let id = self.unique(stable_id(account, &f.region, &f.check_id, &resource));

        let (compliance, workflow, record) = match verdict {
            Verdict::Now(Status::Pass) => (ComplianceStatus::Passed, WorkflowStatus::Resolved, RecordState::Active),
            Verdict::Now(Status::Fail) => (ComplianceStatus::Failed, WorkflowStatus::New, RecordState::Active),
            Verdict::Now(Status::Muted) => (ComplianceStatus::Warning, WorkflowStatus::Suppressed, RecordState::Active),
            Verdict::Now(Status::Skip) => (ComplianceStatus::NotAvailable, WorkflowStatus::New, RecordState::Active),
            Verdict::Gone => (ComplianceStatus::Passed, WorkflowStatus::Resolved, RecordState::Archived),
        };
        let label = match compliance {
            ComplianceStatus::Passed => SeverityLabel::Informational,
            _ => label(f.severity),
        };
        let severity = AsffSeverity { label, original: f.severity.as_str().to_owned() };
        let types = vec![FINDING_TYPE.to_owned()];

        let title = meta.map_or(f.check_id.as_str(), |m| m.title);
        let description = match verdict {
            Verdict::Now(Status::Muted) => match &f.suppression {
                Some(s) => format!("Muted by {}: {}. {}", s.rule, s.reason, f.message),
                None => format!("Muted. {}", f.message),
            },
            Verdict::Gone => format!(
                "Resolved: the review of {} read this region in full and no longer finds the resource. It was: {}",
                timestamp(&review.scope.collected_at),
                f.message
            ),
            Verdict::Now(_) => f.message.clone(),
        };
        let remediation = meta.filter(|m| !m.remediation.trim().is_empty()).map(|m| Remediation {
            recommendation: Recommendation {
                text: cut(m.remediation, RECOMMENDATION_MAX),
                url: f.best_practices.iter().find_map(|id| self.lens.best_practice(id)).map(|(_, bp)| bp.url.clone()),
            },
        });

        let mut fields = BTreeMap::new();
        fields.insert("wasp/CheckId".to_owned(), f.check_id.clone());
        let status = match verdict {
            Verdict::Now(s) => s.as_str(),
            Verdict::Gone => "RESOLVED",
        };
        fields.insert("wasp/Status".to_owned(), status.to_owned());
        fields.insert("wasp/Lens".to_owned(), format!("{} {}", review.lens.id, review.lens.version));
        fields.insert("wasp/ReviewSource".to_owned(), source(review).to_owned());
        fields.insert("wasp/Version".to_owned(), review.tool.version.clone());
        fields.insert("wasp/Region".to_owned(), f.region.clone());
        if let Some(s) = &f.suppression {
            let until = s.expires.map(|d| format!(" until {d}")).unwrap_or_default();
            let expired = if s.expired { " (expired)" } else { "" };
            fields.insert("wasp/Suppression".to_owned(), format!("{}{until}{expired}: {}", s.rule, s.reason));
        }
        if let Some(loc) = &f.location {
            let line = loc.line.map(|l| format!(":{l}")).unwrap_or_default();
            fields.insert("wasp/Location".to_owned(), format!("{}{line} {}", loc.file, loc.logical_id));
        }
        let product_fields = fields
            .into_iter()
            .take(PRODUCT_FIELDS_MAX)
            .map(|(k, v)| (cut(&k, PRODUCT_FIELD_KEY_MAX), cut(&v, PRODUCT_FIELD_VALUE_MAX)))
            .collect();

        AsffFinding {
            schema_version: SCHEMA_VERSION.to_owned(),
            id,
            product_arn: format!("arn:{partition}:securityhub:{region}:{account}:product/{account}/default"),
            generator_id: cut(&format!("wasp/{}", f.check_id), GENERATOR_ID_MAX),
            aws_account_id: account.to_owned(),
            types: types.clone(),
            created_at: timestamp(&review.scope.collected_at),
            updated_at: timestamp(&review.scope.collected_at),
            severity: severity.clone(),
            title: cut(nonblank(title, &f.check_id), TITLE_MAX),
            description: cut(nonblank(&description, title), DESCRIPTION_MAX),
            remediation,
            product_fields,
            resources: vec![AsffResource {
                kind: resource_type(meta.map_or("", |m| m.resource_kind), &resource).to_owned(),
                id: resource,
                partition: partition.to_owned(),
                region: region.to_owned(),
            }],
            compliance: Compliance {
                status: compliance,
                related_requirements: f
                    .best_practices
                    .iter()
                    .take(REQUIREMENTS_MAX)
                    .map(|p| cut(p, REQUIREMENT_MAX))
                    .collect(),
            },
            workflow: Workflow { status: workflow },
            record_state: record,
            finding_provider_fields: FindingProviderFields { severity, types },
        }
    }

    /// The id, or for a second finding of one check on one resource, the id with `/2` …
    fn unique(&mut self, id: String) -> String {
        let n = self.seen.entry(id.clone()).or_insert(0);
        *n += 1;
        if *n == 1 {
            id
        } else {
            format!("{id}/{n}")
        }
    }
}

/// What a finding is about: its ARN, else its place in a template, else the account.
fn resource_id(f: &Finding, partition: &str) -> String {
    if let Some(arn) = f.resource_arn.as_deref().filter(|a| !a.trim().is_empty()) {
        return arn.to_owned();
    }
    if let Some(loc) = &f.location {
        return if loc.logical_id.is_empty() { loc.file.clone() } else { loc.logical_id.clone() };
    }
    format!("arn:{partition}:iam::{}:root", f.account_id)
}

/// `wasp/<account>/<region>/<check>/<sha256 of the resource, hex>`, at most [`ID_MAX`] long.
pub fn stable_id(account: &str, region: &str, check: &str, resource: &str) -> String {
    let id = format!("wasp/{account}/{region}/{check}/{}", sha256_hex(resource));
    if units(&id) <= ID_MAX {
        id
    } else {
        format!("wasp/{}", sha256_hex(&id))
    }
}

fn sha256_hex(text: &str) -> String {
    Sha256::digest(text.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

fn label(severity: Severity) -> SeverityLabel {
    match severity {
        Severity::Informational => SeverityLabel::Informational,
        Severity::Low => SeverityLabel::Low,
        Severity::Medium => SeverityLabel::Medium,
        Severity::High => SeverityLabel::High,
        Severity::Critical => SeverityLabel::Critical,
    }
}

fn source(review: &Review) -> &'static str {
    match review.scope.source {
        wasp_review::Source::Live => "live",
        wasp_review::Source::Snapshot => "snapshot",
        wasp_review::Source::Demo => "demo",
        wasp_review::Source::Iac => "iac",
    }
}

/// The ASFF resource type of a check's resource kind; IAM principals by their ARN.
pub fn resource_type(kind: &str, arn: &str) -> &'static str {
    match kind {
        "s3_bucket" => "AwsS3Bucket",
        "iam_user" => "AwsIamUser",
        "iam_role" => "AwsIamRole",
        "iam_policy" => "AwsIamPolicy",
        "kms_key" => "AwsKmsKey",
        "cloudtrail_trail" => "AwsCloudTrailTrail",
        "ec2_instance" => "AwsEc2Instance",
        "ec2_security_group" => "AwsEc2SecurityGroup",
        "ec2_network_acl" => "AwsEc2NetworkAcl",
        "ec2_volume" => "AwsEc2Volume",
        "vpc" => "AwsEc2Vpc",
        "account" | "region" => "AwsAccount",
        "iam_principal" => {
            let resource = arn.splitn(6, ':').nth(5).unwrap_or_default();
            if resource.starts_with("user/") {
                "AwsIamUser"
            } else if resource.starts_with("role/") {
                "AwsIamRole"
            } else if resource.starts_with("group/") {
                "AwsIamGroup"
            } else if resource == "root" {
                "AwsAccount"
            } else {
                "Other"
            }
        }
        _ => "Other",
    }
}

/// RFC 3339 in UTC, seconds unless the time has a fraction.
fn timestamp(t: &wasp_model::Timestamp) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true)
}

fn nonblank<'a>(text: &'a str, fallback: &'a str) -> &'a str {
    if text.trim().is_empty() {
        fallback
    } else {
        text
    }
}

/// UTF-16 code units: what the limits count, never fewer than characters.
fn units(text: &str) -> usize {
    text.chars().map(char::len_utf16).sum()
}

/// `text` cut to at most `max` UTF-16 code units on a character boundary, ending in `…` when cut.
pub fn cut(text: &str, max: usize) -> String {
    if units(text) <= max {
        return text.to_owned();
    }
    let mut out = String::new();
    let mut used = 1; // the ellipsis
    for c in text.chars() {
        used += c.len_utf16();
        if used > max {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cutting_counts_utf16_units_and_keeps_characters_whole() {
        assert_eq!(cut("abc", 3), "abc");
        assert_eq!(cut("abcd", 3), "ab…");
        let emoji = "😀😀😀"; // two units each
        let c = cut(emoji, 5);
        assert_eq!(c, "😀😀…");
        assert!(units(&c) <= 5);
        assert_eq!(cut("", 3), "");
    }

    #[test]
    fn ids_are_short_and_stay_under_the_limit_for_any_input() {
        let id = stable_id("111122223333", "us-east-1", "s3_bucket_versioning", "arn:aws:s3:::b");
        assert!(id.starts_with("wasp/111122223333/us-east-1/s3_bucket_versioning/"));
        assert_eq!(id.len(), "wasp/111122223333/us-east-1/s3_bucket_versioning/".len() + 64);
        let huge = stable_id("1", "r", &"c".repeat(600), "x");
        assert!(huge.len() <= ID_MAX && huge.starts_with("wasp/"), "{huge}");
        assert_ne!(huge, stable_id("1", "r", &"c".repeat(601), "x"));
    }

    #[test]
    fn principals_are_typed_by_their_arn() {
        assert_eq!(resource_type("iam_principal", "arn:aws:iam::1:user/a/b"), "AwsIamUser");
        assert_eq!(resource_type("iam_principal", "arn:aws:iam::1:role/r"), "AwsIamRole");
        assert_eq!(resource_type("iam_principal", "arn:aws:iam::1:root"), "AwsAccount");
        assert_eq!(resource_type("iam_principal", "nonsense"), "Other");
        assert_eq!(resource_type("log_group", "arn:aws:logs:us-east-1:1:log-group:x"), "Other");
        assert_eq!(resource_type("s3_bucket", "arn:aws:s3:::b"), "AwsS3Bucket");
    }
}
