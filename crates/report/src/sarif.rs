//! `--format sarif`: the review as one SARIF 2.1.0 run, for GitHub code scanning and other
//! SARIF viewers.
//!
//! | wasp | SARIF |
//! |---|---|
//! | the tool | `tool.driver`: name `wasp`, version, `informationUri` |
//! | a check with findings | a rule: `id` = check id, `shortDescription` = title, `fullDescription` = "What it checks", `help` (text and Markdown) = remediation, best practices with their AWS guidance, the check's documentation; `defaultConfiguration.level` |
//! | severity | `level`: critical, high → `error`; medium → `warning`; low, informational → `note`. Rule property `security-severity` (GitHub's 0–10 scale): critical `9.5`, high `8.0`, medium `5.5`, low `3.0`, informational `0.0` (no security impact, so no GitHub severity band) |
//! | FAIL | a result, `kind: fail` |
//! | MUTED | a result, `kind: fail`, with one `suppressions` entry: `kind: external` (the rule lives in wasp.toml or the local store, not in the scanned files), `status: accepted`, `justification` = reason; rule id and expiry in its properties |
//! | SKIP | a result, `kind: review`, `level: none`: the check could not judge (evidence missing), so a person must — neither a pass nor a fail |
//! | PASS | omitted (a result is something to look at); counted in the run's `properties.wasp.findings` |
//! | gap (a read that failed) | a `toolExecutionNotifications` entry (level `warning`) of the run's invocation |
//! | resource | `logicalLocations[0]`: `fullyQualifiedName` = ARN, `kind: resource`, `properties` = region and account |
//! | IaC location | `physicalLocation`: `artifactLocation.uri` = the template path, `region.startLine` (and `startColumn`) = its line |
//! | no file | `physicalLocation.artifactLocation.uri` = `aws/<ARN>` (percent-encoded), described as "AWS resource, not a file": GitHub rejects a whole upload when any result lacks a physical location, and this path is stable per resource |
//! | identity | `partialFingerprints["waspFinding/v1"]` = SHA-256 of account, region, check id and ARN, stable across runs so re-uploads update the same alerts |
//! | account | `automationDetails.id` = `wasp/<partition>/<account>/`, so uploads of several accounts into one repository stay apart |
//!
//! Rule precision is `high`: checks are deterministic evaluations of collected configuration;
//! what they can get wrong is context they cannot see (compensating controls, intent).
//! Untrusted text (messages, ARNs, gap reasons) only reaches plain-text `message.text`, with
//! SARIF's placeholder braces doubled and embedded-link brackets escaped; rule Markdown is
//! built from the catalogue and the lens alone.
use percent_encoding::{utf8_percent_encode, AsciiSet, CONTROLS};
use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet};
use std::io::{self, Write};
use wasp_checks::{Finding, Meta, Severity, Status};
use wasp_model::SourceLocation;
use wasp_pillar::Lens;
use wasp_review::Review;

/// The schema the output follows (OASIS SARIF 2.1.0 with errata 01).
pub const SARIF_SCHEMA: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
/// Where to read about wasp.
pub const INFORMATION_URI: &str = "https://wasp.dev";
/// The `partialFingerprints` key of a finding's identity.
pub const FINGERPRINT_KEY: &str = "waspFinding/v1";

/// `--format sarif`.
pub struct Sarif;

impl crate::Renderer for Sarif {
    fn render(&self, cx: &crate::Context<'_>, out: &mut dyn Write) -> io::Result<()> {
        serde_json::to_writer_pretty(&mut *out, &log(cx.review)).map_err(io::Error::other)?;
        writeln!(out)
    }
}

/// The SARIF log of a review.
pub fn log(review: &Review) -> Value {
    let lens = Lens::builtin();
    let check_ids: BTreeSet<&str> = review.findings.iter().map(|f| f.check_id.as_str()).collect();
    let rule_index: BTreeMap<&str, usize> = check_ids.iter().enumerate().map(|(i, id)| (*id, i)).collect();
    let rules: Vec<Value> = check_ids.iter().map(|id| rule(id, lens)).collect();
    let results: Vec<Value> = review
        .findings
        .iter()
        .filter(|f| f.status != Status::Pass)
        .map(|f| result(f, rule_index[f.check_id.as_str()]))
        .collect();
    let counts = &review.summary.findings;
    let scope = &review.scope;
    json!({
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": review.tool.name,
                "version": review.tool.version,
                "informationUri": INFORMATION_URI,
                "rules": rules,
            }},
            "automationDetails": {"id": format!("wasp/{}/{}/", scope.partition, scope.account_id)},
            "invocations": [{
                "executionSuccessful": true,
                "toolExecutionNotifications": review.gaps.iter().map(gap).collect::<Vec<_>>(),
            }],
            "results": results,
            "properties": {"wasp": {
                "account": scope.account_id,
                "partition": scope.partition,
                "regions": scope.regions,
                "collectedAt": scope.collected_at,
                "coverage": scope.coverage,
                "leftOut": scope.left_out,
                "source": scope.source,
                "lens": review.lens,
                "findings": {"pass": counts.pass, "fail": counts.fail, "muted": counts.muted, "skip": counts.skip},
            }},
        }],
    })
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Critical | Severity::High => "error",
        Severity::Medium => "warning",
        Severity::Low | Severity::Informational => "note",
    }
}

/// GitHub's `security-severity`: a CVSS-like score whose band (critical ≥ 9.0, high ≥ 7.0,
/// medium ≥ 4.0, low ≥ 0.1) is the severity GitHub shows.
pub fn security_severity(severity: Severity) -> &'static str {
    match severity {
        Severity::Critical => "9.5",
        Severity::High => "8.0",
        Severity::Medium => "5.5",
        Severity::Low => "3.0",
        Severity::Informational => "0.0",
    }
}

/// `iam_root_mfa` → `IamRootMfa`.
fn pascal_case(id: &str) -> String {
    id.split(['_', '-'])
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut chars = w.chars();
            chars.next().map(|c| c.to_ascii_uppercase().to_string() + chars.as_str()).unwrap_or_default()
        })
        .collect()
}

/// The "What it checks" section of a check's documentation, as one paragraph.
fn what_it_checks(meta: &Meta) -> Option<String> {
    let docs = meta.docs_markdown();
    let lines = docs.lines().skip_while(|l| !l.trim_start().starts_with("### What it checks")).skip(1);
    let text: Vec<&str> =
        lines.take_while(|l| !l.trim_start().starts_with("###")).map(str::trim).filter(|l| !l.is_empty()).collect();
    (!text.is_empty()).then(|| text.join(" "))
}

/// Escapes Markdown syntax in inline text (a practice title beside its link).
fn md_inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '!') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn rule(id: &str, lens: &Lens) -> Value {
    let Some(meta) = wasp_checks::find(id).map(|c| c.meta()) else {
        // A check this wasp does not know (a review stored by another version).
        return json!({
            "id": id,
            "shortDescription": {"text": id},
            "properties": {"tags": ["security"]},
        });
    };
    let practices: Vec<(&str, Option<&wasp_pillar::BestPractice>)> =
        meta.best_practices.iter().map(|bp| (*bp, lens.best_practice(bp).map(|(_, p)| p))).collect();
    let docs = meta.docs_markdown();
    let mut text = format!("{}\n\nRemediation: {}\n\nBest practices:\n", meta.title, meta.remediation);
    let mut markdown = format!("**Remediation:** {}\n\n**Best practices**\n\n", meta.remediation);
    for (bp, practice) in &practices {
        match practice {
            Some(p) => {
                text.push_str(&format!("- {bp} {} ({})\n", p.title, p.url));
                markdown.push_str(&format!("- [{bp}]({}) {}\n", p.url, md_inline(&p.title)));
            }
            None => {
                text.push_str(&format!("- {bp}\n"));
                markdown.push_str(&format!("- {}\n", md_inline(bp)));
            }
        }
    }
    text.push_str(&format!("\n{}\n\nMore: wasp explain {}", docs.trim_end(), meta.id));
    markdown.push_str(&format!("\n{}\n\nMore: `wasp explain {}`", docs.trim_end(), meta.id));
    let mut tags = vec!["security".to_owned(), meta.service.to_string()];
    tags.extend(meta.best_practices.iter().map(|s| s.to_string()));
    let mut seen = BTreeSet::new();
    tags.retain(|t| seen.insert(t.clone()));
    json!({
        "id": meta.id,
        "name": pascal_case(meta.id),
        "shortDescription": {"text": meta.title},
        "fullDescription": {"text": what_it_checks(meta).unwrap_or_else(|| meta.title.to_owned())},
        "help": {"text": text, "markdown": markdown},
        "defaultConfiguration": {"level": level(meta.severity)},
        "properties": {
            "security-severity": security_severity(meta.severity),
            "precision": "high",
            "tags": tags,
            "severity": meta.severity,
            "equivalents": meta.equivalents,
        },
    })
}

/// Plain text for a SARIF message: braces doubled (placeholders) and `\ [ ]` escaped
/// (embedded links), so untrusted text is shown as written and never becomes a link.
pub fn message_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '{' => out.push_str("{{"),
            '}' => out.push_str("}}"),
            '\\' | '[' | ']' => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

/// Characters left as they are in a URI path: unreserved, sub-delims, `:`, `@` and `/`.
const PATH: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'%')
    .add(b'<')
    .add(b'>')
    .add(b'?')
    .add(b'[')
    .add(b'\\')
    .add(b']')
    .add(b'^')
    .add(b'`')
    .add(b'{')
    .add(b'|')
    .add(b'}');

/// A relative URI reference for a path: each segment percent-encoded, `.` and `..` segments
/// encoded so that they name no other directory, and colons of the first segment encoded so
/// that it does not read as a URI scheme.
pub fn path_uri(path: &str) -> String {
    let segments: Vec<String> = path
        .split('/')
        .enumerate()
        .map(|(i, seg)| match seg {
            "." => "%2E".to_owned(),
            ".." => "%2E%2E".to_owned(),
            _ if i == 0 => utf8_percent_encode(seg, PATH).to_string().replace(':', "%3A"),
            _ => utf8_percent_encode(seg, PATH).to_string(),
        })
        .collect();
    segments.join("/")
}

fn physical_location(f: &Finding) -> Value {
    match &f.location {
        Some(SourceLocation { file, line, column, .. }) if !file.is_empty() => {
            let mut physical = json!({"artifactLocation": {"uri": path_uri(file)}});
            if let Some(line) = line.filter(|l| *l >= 1) {
                physical["region"] = json!({"startLine": line});
                if let Some(column) = column.filter(|c| *c >= 1) {
                    physical["region"]["startColumn"] = json!(column);
                }
            }
            physical
        }
        _ => {
            let name = f.resource_arn.clone().unwrap_or_else(|| format!("{}/{}", f.account_id, f.region));
            json!({"artifactLocation": {
                "uri": path_uri(&format!("aws/{name}")),
                "description": {"text": "AWS resource, not a file"},
            }})
        }
    }
}

fn logical_location(f: &Finding) -> Option<Value> {
    let properties = json!({"account": f.account_id, "region": f.region});
    let (name, fqn) = match (&f.resource_arn, &f.location) {
        (Some(arn), _) => (arn.rsplit(['/', ':']).find(|s| !s.is_empty()).unwrap_or(arn).to_owned(), arn.clone()),
        (None, Some(loc)) => (loc.logical_id.clone(), loc.logical_id.clone()),
        (None, None) => return None,
    };
    Some(json!({"name": name, "fullyQualifiedName": fqn, "kind": "resource", "properties": properties}))
}

fn result(f: &Finding, rule_index: usize) -> Value {
    let mut location = json!({"physicalLocation": physical_location(f)});
    if let Some(logical) = logical_location(f) {
        location["logicalLocations"] = json!([logical]);
    }
    let mut properties = json!({
        "status": f.status.as_str(),
        "severity": f.severity,
        "account": f.account_id,
        "region": f.region,
        "bestPractices": f.best_practices,
    });
    let mut result = json!({
        "ruleId": f.check_id,
        "ruleIndex": rule_index,
        "message": {"text": message_text(&f.message)},
        "locations": [location],
        "partialFingerprints": {FINGERPRINT_KEY: crate::finding_id::finding_id(f)},
    });
    match f.status {
        Status::Skip => {
            result["kind"] = json!("review");
            result["level"] = json!("none");
        }
        _ => {
            result["kind"] = json!("fail");
            result["level"] = json!(level(f.severity));
        }
    }
    if let Some(s) = &f.suppression {
        let mut detail = json!({"rule": s.rule});
        if let Some(expires) = s.expires {
            detail["expires"] = json!(expires);
        }
        if f.status == Status::Muted {
            result["suppressions"] = json!([{
                "kind": "external",
                "status": "accepted",
                "justification": s.reason,
                "properties": detail,
            }]);
        } else {
            // The suppression expired: the finding counts again, and says so.
            detail["reason"] = json!(s.reason);
            detail["expired"] = json!(s.expired);
            properties["suppression"] = detail;
        }
    }
    result["properties"] = properties;
    result
}

fn gap(g: &wasp_model::Gap) -> Value {
    let mut text = format!("Could not read {}:{} in {}: {}", g.service, g.operation, g.region, g.reason);
    if let Some(resource) = &g.resource {
        text.push_str(&format!(" (resource {resource})"));
    }
    json!({
        "level": "warning",
        "message": {"text": message_text(&text)},
        "properties": {"service": g.service, "operation": g.operation, "region": g.region, "kind": g.kind},
    })
}
