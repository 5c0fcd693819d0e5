//! `--format ocsf` (a JSON array) and `--format ocsf-jsonl` (one event a line): every finding
//! as an OCSF 1.9.0 Compliance Finding event (class 2003, category Findings 2) with the
//! `cloud` profile.
//!
//! | OCSF attribute | from |
//! |---|---|
//! | `activity_id` | 1 Create; with the changes since the previous review: 2 Update for a failure it already had (still failing, or muted since), 3 Close for one it shows fixed (a PASS now) |
//! | `type_uid` | `class_uid * 100 + activity_id` |
//! | `time` | `scope.collected_at`, epoch milliseconds |
//! | `severity_id` | informational 1, low 2, medium 3, high 4, critical 5 (captions in `severity`) |
//! | `status_id` (the finding's workflow) | FAIL 1 New; SKIP 1 New (someone must look); MUTED 3 Suppressed (`status_detail` = rule, reason, expiry); PASS 4 Resolved when the changes show it failing before, otherwise 99 Other, `status` "Passed" (nothing was remediated, nothing is open) |
//! | `status_code` | wasp's status: FAIL, MUTED, SKIP, PASS |
//! | `compliance` | `control` = check id, `desc` = its title, `standards` = [the lens's name], `requirements` = practice ids; `status_id`: PASS 1 Pass, FAIL and MUTED 3 Fail (the check failed; the suppression is in the event status), SKIP 2 Warning (OCSF: "did not yield a result due to missing information"), with `status_detail` = the message |
//! | `finding_info` | `uid` = SHA-256 of account, region, check and ARN (stable across reviews), `title` = check title, `desc` = message, `types` = [`Software and Configuration Checks/Industry and Regulatory Standards/<lens name>`] |
//! | `resources[0]` | `uid` = ARN, `name` = its last part (or the IaC logical id), `type` = the check's resource kind, `region` (left out for `global`), `cloud_partition` |
//! | `cloud` | `provider` AWS, `account` {`uid`, `type_id` 10 AWS Account}, `region` (left out for `global`), `cloud_partition` |
//! | `metadata` | `version` 1.9.0, `product` {name, vendor_name, version}, `profiles` ["cloud"], `uid` = SHA-256 of finding uid and collection time |
//! | `remediation` | `desc` = the check's remediation, `references` = the practices' AWS guidance |
//! | `message` | the finding's message |
//!
//! Nothing needs `unmapped`. JSON escaping is serde_json's; untrusted text stays in strings.
use serde_json::{json, Value};
use std::collections::HashSet;
use std::io::{self, Write};
use wasp_checks::{Finding, Severity, Status};
use wasp_model::GLOBAL_REGION;
use wasp_pillar::Lens;
use wasp_review::diff::Diff;
use wasp_review::Review;

/// The OCSF schema version the events follow (released 2026-08-03).
pub const OCSF_VERSION: &str = "1.9.0";
pub const CLASS_UID: u32 = 2003;
pub const CATEGORY_UID: u32 = 2;
/// Who makes wasp, as `metadata.product.vendor_name`.
pub const VENDOR_NAME: &str = "wasp";

/// `--format ocsf`: the events as one JSON array.
pub struct Ocsf;

/// `--format ocsf-jsonl`: one event a line.
pub struct OcsfJsonl;

impl crate::Renderer for Ocsf {
    fn render(&self, cx: &crate::Context<'_>, out: &mut dyn Write) -> io::Result<()> {
        serde_json::to_writer_pretty(&mut *out, &events(cx.review, cx.changes)).map_err(io::Error::other)?;
        writeln!(out)
    }
}

impl crate::Renderer for OcsfJsonl {
    fn render(&self, cx: &crate::Context<'_>, out: &mut dyn Write) -> io::Result<()> {
        for event in events(cx.review, cx.changes) {
            serde_json::to_writer(&mut *out, &event).map_err(io::Error::other)?;
            writeln!(out)?;
        }
        Ok(())
    }
}

/// Identity of a finding across reviews, as the diff matches them.
type Key<'a> = (&'a str, Option<&'a str>, &'a str);

fn key(f: &Finding) -> Key<'_> {
    (f.check_id.as_str(), f.resource_arn.as_deref(), f.region.as_str())
}

/// What the changes since the previous review say of each finding.
struct History<'a> {
    already_failing: HashSet<Key<'a>>,
    fixed: HashSet<Key<'a>>,
}

impl<'a> History<'a> {
    fn new(review: &Review, changes: Option<&'a Diff>) -> Self {
        let mut history = History { already_failing: HashSet::new(), fixed: HashSet::new() };
        // Only changes that lead to this review's account count.
        if let Some(d) = changes.filter(|d| d.to.account_id == review.scope.account_id) {
            history.already_failing.extend(d.still_failing.iter().chain(&d.muted).map(key));
            history.fixed.extend(d.resolved.iter().map(key));
        }
        history
    }
}

/// The Compliance Finding events of a review, one per finding, in the review's order.
pub fn events(review: &Review, changes: Option<&Diff>) -> Vec<Value> {
    let lens = Lens::builtin();
    let standard = if review.lens.id == lens.lens.id { lens.lens.name.clone() } else { review.lens.id.clone() };
    let history = History::new(review, changes);
    review.findings.iter().map(|f| event(review, f, &standard, lens, &history)).collect()
}

fn severity(s: Severity) -> (u8, &'static str) {
    match s {
        Severity::Informational => (1, "Informational"),
        Severity::Low => (2, "Low"),
        Severity::Medium => (3, "Medium"),
        Severity::High => (4, "High"),
        Severity::Critical => (5, "Critical"),
    }
}

fn event(review: &Review, f: &Finding, standard: &str, lens: &Lens, history: &History<'_>) -> Value {
    let meta = wasp_checks::find(&f.check_id).map(|c| c.meta());
    let k = key(f);
    let (activity_id, activity) = match f.status {
        Status::Pass if history.fixed.contains(&k) => (3, "Close"),
        Status::Fail | Status::Muted if history.already_failing.contains(&k) => (2, "Update"),
        _ => (1, "Create"),
    };
    let (status_id, status) = match f.status {
        Status::Fail | Status::Skip => (1, "New"),
        Status::Muted => (3, "Suppressed"),
        Status::Pass if history.fixed.contains(&k) => (4, "Resolved"),
        Status::Pass => (99, "Passed"),
    };
    let (compliance_id, compliance_status) = match f.status {
        Status::Pass => (1, "Pass"),
        Status::Skip => (2, "Warning"),
        Status::Fail | Status::Muted => (3, "Fail"),
    };
    let (severity_id, severity_caption) = severity(f.severity);
    let title = meta.map_or(f.check_id.as_str(), |m| m.title);
    let uid = crate::finding_id::finding_id(f);
    let collected_at = review.scope.collected_at;
    let partition = review.scope.partition.as_str();
    let regional = f.region != GLOBAL_REGION;

    let mut compliance = json!({
        "control": f.check_id,
        "desc": title,
        "standards": [standard],
        "requirements": f.best_practices,
        "status_id": compliance_id,
        "status": compliance_status,
    });
    if f.status == Status::Skip {
        compliance["status_detail"] = json!(f.message);
    }

    let mut cloud = json!({
        "provider": "AWS",
        "account": {"uid": f.account_id, "type_id": 10, "type": "AWS Account"},
        "cloud_partition": partition,
    });
    if regional {
        cloud["region"] = json!(f.region);
    }

    let mut e = json!({
        "activity_id": activity_id,
        "activity_name": activity,
        "category_uid": CATEGORY_UID,
        "category_name": "Findings",
        "class_uid": CLASS_UID,
        "class_name": "Compliance Finding",
        "type_uid": CLASS_UID * 100 + activity_id,
        "type_name": format!("Compliance Finding: {activity}"),
        "time": collected_at.timestamp_millis(),
        "severity_id": severity_id,
        "severity": severity_caption,
        "status_id": status_id,
        "status": status,
        "status_code": f.status.as_str(),
        "message": f.message,
        "metadata": {
            "version": OCSF_VERSION,
            "uid": crate::finding_id::sha256_hex(&[&uid, &collected_at.to_rfc3339()]),
            "profiles": ["cloud"],
            "product": {"name": review.tool.name, "vendor_name": VENDOR_NAME, "version": review.tool.version},
        },
        "cloud": cloud,
        "finding_info": {
            "uid": uid,
            "title": title,
            "desc": f.message,
            "types": [format!("Software and Configuration Checks/Industry and Regulatory Standards/{standard}")],
        },
        "compliance": compliance,
    });
    if let Some(s) = f.suppression.as_ref().filter(|_| f.status == Status::Muted) {
        let until = s.expires.map(|d| format!(" until {d}")).unwrap_or_default();
        e["status_detail"] = json!(format!("muted by {}{until}: {}", s.rule, s.reason));
    }
    if let Some(resource) = resource(f, meta.map(|m| m.resource_kind), partition) {
        e["resources"] = json!([resource]);
    }
    if let Some(m) = meta {
        let references: Vec<&str> =
            f.best_practices.iter().filter_map(|bp| lens.best_practice(bp)).map(|(_, p)| p.url.as_str()).collect();
        let mut remediation = json!({"desc": m.remediation});
        if !references.is_empty() {
            remediation["references"] = json!(references);
        }
        e["remediation"] = remediation;
    }
    e
}

fn resource(f: &Finding, kind: Option<&str>, partition: &str) -> Option<Value> {
    let mut r = match (&f.resource_arn, &f.location) {
        (Some(arn), location) => {
            let name = match location {
                Some(loc) if !loc.logical_id.is_empty() => loc.logical_id.as_str(),
                _ => arn.rsplit(['/', ':']).find(|s| !s.is_empty()).unwrap_or(arn),
            };
            json!({"uid": arn, "name": name})
        }
        (None, Some(loc)) if !loc.logical_id.is_empty() => json!({"name": loc.logical_id}),
        _ => return None,
    };
    if let Some(kind) = kind {
        r["type"] = json!(kind);
    }
    if f.region != GLOBAL_REGION {
        r["region"] = json!(f.region);
    }
    r["cloud_partition"] = json!(partition);
    Some(r)
}
