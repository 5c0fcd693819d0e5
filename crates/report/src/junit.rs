//! `--format junit`: the findings as JUnit XML, for CI dashboards.
//!
//! `<testsuites name="wasp">` holds one `<testsuite>` per check that reported findings (named
//! by the check id, in id order), and each suite one `<testcase>` per finding: `classname` is
//! the check id, `name` the resource ARN (or `account ID` when the finding names none), with
//! `file` and `line` when a template declares the resource. A FAIL carries
//! `<failure message="…" type="SEVERITY">` with the details in its text; a SKIP is
//! `<skipped>` with why the check could not judge; a MUTED finding is `<skipped>` too, with the
//! suppression's reason, since an accepted failure is not a pass; a PASS has no child.
//!
//! An organization's review has one `<testsuite>` per account (named by the account id, in id
//! order, with an `account_name` property when the organization names it), and each suite one
//! `<testcase>` per question (`classname` the account id, `name` the question's id and title):
//! a high or medium risk is a `<failure type="high|medium">`, a question not assessed is
//! `<skipped>`, low and no risk pass. An account that was not reviewed has a single `review`
//! test case with an `<error type="not_reviewed">` saying why.
//!
//! The organization's own evidence (its SCPs and RCPs, delegated administrators, organization
//! trail …), judged once for the whole organization, follows as one more suite, named
//! `organization`, when there is any: one `<testcase>` per verdict (`classname`
//! `organization`, `name` the check id, with the region in brackets for a regional verdict), in
//! the order of [`ORGANIZATION_CHECKS`](wasp_review::org::ORGANIZATION_CHECKS). A FAIL carries
//! `<failure message="…" type="SEVERITY">` with the details in its text, a SKIP or MUTED verdict
//! is `<skipped>` with its message, a PASS has no failure; every case's `<system-out>` gives
//! its status, message, region, resource and the account whose evidence gave it.
//!
//! Characters XML 1.0 forbids (most control characters) are replaced by U+FFFD; line breaks
//! and tabs in attributes are written as character references, so they survive parsing.
use quick_xml::escape::escape;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use quick_xml::Writer;
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::io::{self, Write};
use wasp_checks::{Finding, Status};
use wasp_review::org::{AccountOutcome, OrgEvidence, OrgReview};
use wasp_review::{QuestionRisk, Review};

/// `--format junit`.
pub struct Junit;

impl crate::Renderer for Junit {
    fn render(&self, cx: &crate::Context<'_>, out: &mut dyn Write) -> io::Result<()> {
        review(cx.review, out)
    }

    fn organization(&self, org: &OrgReview, _style: crate::Style, out: &mut dyn Write) -> Option<io::Result<()>> {
        Some(organization(org, out))
    }
}

/// Whether XML 1.0 allows `c` in a document (Rust strings hold no surrogates).
fn allowed(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// `text` with every character XML 1.0 forbids replaced by U+FFFD.
pub fn clean(text: &str) -> Cow<'_, str> {
    if text.chars().all(allowed) {
        text.into()
    } else {
        text.chars().map(|c| if allowed(c) { c } else { '\u{FFFD}' }).collect::<String>().into()
    }
}

/// An attribute value, escaped, with whitespace a parser would normalise kept as references.
fn attr(text: &str) -> String {
    escape(clean(text)).replace('\n', "&#10;").replace('\r', "&#13;").replace('\t', "&#9;")
}

/// Element text, escaped, with carriage returns kept as references.
fn text(text: &str) -> String {
    escape(clean(text)).replace('\r', "&#13;")
}

fn start<'a>(name: &'a str, attrs: &'a [(&'a str, String)]) -> BytesStart<'a> {
    let mut e = BytesStart::new(name);
    for (key, value) in attrs {
        e.push_attribute((key.as_bytes(), value.as_bytes()));
    }
    e
}

#[derive(Default)]
struct Counts {
    tests: usize,
    failures: usize,
    errors: usize,
    skipped: usize,
}

impl Counts {
    fn of<'a>(findings: impl IntoIterator<Item = &'a &'a Finding>) -> Counts {
        let mut c = Counts::default();
        for f in findings {
            c.tests += 1;
            match f.status {
                Status::Fail => c.failures += 1,
                Status::Skip | Status::Muted => c.skipped += 1,
                Status::Pass => {}
            }
        }
        c
    }

    fn attrs(&self, name: &str) -> Vec<(&'static str, String)> {
        vec![
            ("name", attr(name)),
            ("tests", self.tests.to_string()),
            ("failures", self.failures.to_string()),
            ("errors", self.errors.to_string()),
            ("skipped", self.skipped.to_string()),
        ]
    }
}

fn case_name(f: &Finding) -> String {
    f.resource_arn.clone().unwrap_or_else(|| format!("account {}", f.account_id))
}

/// The text of a `<failure>`: what failed, where, and what to do.
fn failure_details(f: &Finding) -> String {
    let mut lines = vec![f.message.clone()];
    lines.push(format!("resource: {}", case_name(f)));
    lines.push(format!("region: {}", f.region));
    lines.push(format!("best practices: {}", f.best_practices.join(", ")));
    if let Some(loc) = &f.location {
        let line = loc.line.map(|n| format!(":{n}")).unwrap_or_default();
        lines.push(format!("declared in: {}{line} ({})", loc.file, loc.logical_id));
    }
    if let Some(meta) = wasp_checks::find(&f.check_id).map(|c| c.meta()) {
        lines.push(format!("remediation: {}", meta.remediation));
    }
    if let Some(s) = f.suppression.as_ref().filter(|s| s.expired) {
        let until = s.expires.map(|d| format!(" on {d}")).unwrap_or_default();
        lines.push(format!("suppression {} expired{until}: {}", s.rule, s.reason));
    }
    lines.join("\n")
}

fn muted_message(f: &Finding) -> String {
    match &f.suppression {
        Some(s) => {
            let until = s.expires.map(|d| format!(" until {d}")).unwrap_or_default();
            format!("muted by {}{until}: {}", s.rule, s.reason)
        }
        None => "muted by a suppression".to_owned(),
    }
}

fn testcase<W: Write>(w: &mut Writer<W>, f: &Finding) -> io::Result<()> {
    let mut attrs = vec![("classname", attr(&f.check_id)), ("name", attr(&case_name(f)))];
    if let Some(loc) = &f.location {
        attrs.push(("file", attr(&loc.file)));
        if let Some(line) = loc.line {
            attrs.push(("line", line.to_string()));
        }
    }
    let case = start("testcase", &attrs);
    let child = match f.status {
        Status::Pass => None,
        Status::Fail => Some(("failure", vec![("message", attr(&f.message)), ("type", attr(f.severity.as_str()))])),
        Status::Skip => Some(("skipped", vec![("message", attr(&f.message))])),
        Status::Muted => Some(("skipped", vec![("message", attr(&muted_message(f)))])),
    };
    let Some((name, child_attrs)) = child else {
        return w.write_event(Event::Empty(case));
    };
    w.write_event(Event::Start(case))?;
    if f.status == Status::Fail {
        w.write_event(Event::Start(start(name, &child_attrs)))?;
        w.write_event(Event::Text(BytesText::from_escaped(text(&failure_details(f)))))?;
        w.write_event(Event::End(BytesEnd::new(name)))?;
    } else {
        w.write_event(Event::Empty(start(name, &child_attrs)))?;
    }
    w.write_event(Event::End(BytesEnd::new("testcase")))
}

/// Writes the review's findings as JUnit XML.
pub fn review(review: &Review, out: &mut dyn Write) -> io::Result<()> {
    let mut by_check: BTreeMap<&str, Vec<&Finding>> = BTreeMap::new();
    for f in &review.findings {
        by_check.entry(f.check_id.as_str()).or_default().push(f);
    }
    for findings in by_check.values_mut() {
        findings.sort_by_cached_key(|f| (case_name(f), f.region.clone(), f.status, f.message.clone()));
    }
    let timestamp = review.scope.collected_at.format("%Y-%m-%dT%H:%M:%S").to_string();
    let mut w = Writer::new_with_indent(out, b' ', 2);
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    let root = Counts::of(by_check.values().flatten()).attrs("wasp");
    w.write_event(Event::Start(start("testsuites", &root)))?;
    for (check, findings) in &by_check {
        let mut attrs = Counts::of(findings).attrs(check);
        attrs.push(("timestamp", timestamp.clone()));
        w.write_event(Event::Start(start("testsuite", &attrs)))?;
        for f in findings {
            testcase(&mut w, f)?;
        }
        w.write_event(Event::End(BytesEnd::new("testsuite")))?;
    }
    w.write_event(Event::End(BytesEnd::new("testsuites")))?;
    writeln!(w.into_inner())
}

/// What an account's question becomes: a failure (type, message), a skip (message), or a pass.
enum Outcome {
    Failure(&'static str, String),
    Skipped(&'static str),
    Pass,
}

fn question_outcome(risk: QuestionRisk) -> Outcome {
    match risk {
        QuestionRisk::High => Outcome::Failure("high", "high risk".to_owned()),
        QuestionRisk::Medium => Outcome::Failure("medium", "medium risk".to_owned()),
        QuestionRisk::NotAssessed => Outcome::Skipped("not assessed: no evidence or answer decides the question"),
        QuestionRisk::Low | QuestionRisk::None => Outcome::Pass,
    }
}

fn account_counts(org: &OrgReview, a: &AccountOutcome) -> Counts {
    if a.not_reviewed.is_some() {
        return Counts { tests: 1, errors: 1, ..Counts::default() };
    }
    let mut c = Counts::default();
    for q in &org.questions {
        c.tests += 1;
        match question_outcome(crate::account_risk(a, &q.id)) {
            Outcome::Failure(..) => c.failures += 1,
            Outcome::Skipped(_) => c.skipped += 1,
            Outcome::Pass => {}
        }
    }
    c
}

fn account_suite<W: Write>(w: &mut Writer<W>, org: &OrgReview, a: &AccountOutcome, counts: &Counts) -> io::Result<()> {
    w.write_event(Event::Start(start("testsuite", &counts.attrs(&a.account_id))))?;
    if let Some(name) = &a.name {
        w.write_event(Event::Start(BytesStart::new("properties")))?;
        w.write_event(Event::Empty(start("property", &[("name", "account_name".to_owned()), ("value", attr(name))])))?;
        w.write_event(Event::End(BytesEnd::new("properties")))?;
    }
    let account = match &a.name {
        Some(name) => format!("{} ({name})", a.account_id),
        None => a.account_id.clone(),
    };
    if let Some(reason) = &a.not_reviewed {
        let case = [("classname", attr(&a.account_id)), ("name", "review".to_owned())];
        w.write_event(Event::Start(start("testcase", &case)))?;
        let error = [("message", attr(reason)), ("type", "not_reviewed".to_owned())];
        w.write_event(Event::Start(start("error", &error)))?;
        let details = format!("account {account} was not reviewed: {reason}");
        w.write_event(Event::Text(BytesText::from_escaped(text(&details))))?;
        w.write_event(Event::End(BytesEnd::new("error")))?;
        w.write_event(Event::End(BytesEnd::new("testcase")))?;
        return w.write_event(Event::End(BytesEnd::new("testsuite")));
    }
    for q in &org.questions {
        let case_attrs = [("classname", attr(&a.account_id)), ("name", attr(&format!("{} {}", q.id, q.title)))];
        let case = start("testcase", &case_attrs);
        match question_outcome(crate::account_risk(a, &q.id)) {
            Outcome::Pass => w.write_event(Event::Empty(case))?,
            Outcome::Skipped(message) => {
                w.write_event(Event::Start(case))?;
                w.write_event(Event::Empty(start("skipped", &[("message", attr(message))])))?;
                w.write_event(Event::End(BytesEnd::new("testcase")))?;
            }
            Outcome::Failure(kind, message) => {
                w.write_event(Event::Start(case))?;
                let failure = [("message", attr(&message)), ("type", kind.to_owned())];
                w.write_event(Event::Start(start("failure", &failure)))?;
                let details = format!("{} {}: {message} in account {account}", q.id, q.title);
                w.write_event(Event::Text(BytesText::from_escaped(text(&details))))?;
                w.write_event(Event::End(BytesEnd::new("failure")))?;
                w.write_event(Event::End(BytesEnd::new("testcase")))?;
            }
        }
    }
    w.write_event(Event::End(BytesEnd::new("testsuite")))
}

/// The name of the suite that holds the organization's own evidence.
pub const ORGANIZATION_SUITE: &str = "organization";

fn organization_counts(evidence: &[&OrgEvidence]) -> Counts {
    let mut c = Counts::default();
    for e in evidence {
        c.tests += 1;
        match e.status {
            Status::Fail => c.failures += 1,
            Status::Skip | Status::Muted => c.skipped += 1,
            Status::Pass => {}
        }
    }
    c
}

/// A verdict's test case name: the check id, and the region when the verdict is regional.
fn evidence_case_name(e: &OrgEvidence) -> String {
    if e.region.is_empty() || e.region == wasp_model::GLOBAL_REGION {
        e.check_id.clone()
    } else {
        format!("{} ({})", e.check_id, e.region)
    }
}

/// What a verdict says and where it comes from, one fact a line.
fn evidence_details(org: &OrgReview, e: &OrgEvidence) -> String {
    let name = org.accounts.iter().find(|a| a.account_id == e.judged_in).and_then(|a| a.name.as_deref());
    let account = match name {
        Some(name) => format!("{} ({name})", e.judged_in),
        None => e.judged_in.clone(),
    };
    let mut lines = vec![format!("{} {}: {}", e.status.as_str(), e.check_id, e.message)];
    lines.push(format!("judged in account {account}, for the whole organization"));
    lines.push(format!("region: {}", e.region));
    if let Some(arn) = &e.resource_arn {
        lines.push(format!("resource: {arn}"));
    }
    lines.join("\n")
}

fn organization_suite<W: Write>(
    w: &mut Writer<W>,
    org: &OrgReview,
    evidence: &[&OrgEvidence],
    counts: &Counts,
) -> io::Result<()> {
    w.write_event(Event::Start(start("testsuite", &counts.attrs(ORGANIZATION_SUITE))))?;
    for e in evidence {
        let case_attrs = [("classname", attr(ORGANIZATION_SUITE)), ("name", attr(&evidence_case_name(e)))];
        w.write_event(Event::Start(start("testcase", &case_attrs)))?;
        let details = evidence_details(org, e);
        match e.status {
            Status::Pass => {}
            Status::Fail => {
                let meta = wasp_checks::find(&e.check_id).map(|c| c.meta());
                let severity = meta.map_or("", |m| m.severity.as_str());
                let failure = [("message", attr(&e.message)), ("type", attr(severity))];
                w.write_event(Event::Start(start("failure", &failure)))?;
                let mut body = details.clone();
                if let Some(meta) = meta {
                    body.push_str(&format!("\nremediation: {}", meta.remediation));
                }
                w.write_event(Event::Text(BytesText::from_escaped(text(&body))))?;
                w.write_event(Event::End(BytesEnd::new("failure")))?;
            }
            Status::Skip | Status::Muted => {
                w.write_event(Event::Empty(start("skipped", &[("message", attr(&e.message))])))?;
            }
        }
        w.write_event(Event::Start(BytesStart::new("system-out")))?;
        w.write_event(Event::Text(BytesText::from_escaped(text(&details))))?;
        w.write_event(Event::End(BytesEnd::new("system-out")))?;
        w.write_event(Event::End(BytesEnd::new("testcase")))?;
    }
    w.write_event(Event::End(BytesEnd::new("testsuite")))
}

/// Writes the organization's review as JUnit XML: a suite per account, a case per question, and
/// a suite of the organization's own verdicts when it has any.
pub fn organization(org: &OrgReview, out: &mut dyn Write) -> io::Result<()> {
    let accounts = crate::accounts_by_id(org);
    let evidence = crate::organization_evidence(org);
    let counts: Vec<Counts> = accounts.iter().map(|a| account_counts(org, a)).collect();
    let org_counts = organization_counts(&evidence);
    let mut total = Counts::default();
    for c in counts.iter().chain([&org_counts]) {
        total.tests += c.tests;
        total.failures += c.failures;
        total.errors += c.errors;
        total.skipped += c.skipped;
    }
    let mut w = Writer::new_with_indent(out, b' ', 2);
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    w.write_event(Event::Start(start("testsuites", &total.attrs("wasp organization"))))?;
    for (a, c) in accounts.iter().zip(&counts) {
        account_suite(&mut w, org, a, c)?;
    }
    if !evidence.is_empty() {
        organization_suite(&mut w, org, &evidence, &org_counts)?;
    }
    w.write_event(Event::End(BytesEnd::new("testsuites")))?;
    writeln!(w.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forbidden_characters_are_replaced_and_allowed_ones_kept() {
        assert_eq!(clean("a\u{0}b\u{1b}c\u{FFFE}"), "a\u{FFFD}b\u{FFFD}c\u{FFFD}");
        assert!(matches!(clean("tab\tline\nok é 😀"), Cow::Borrowed(_)));
        assert_eq!(attr("a\nb<\"&"), "a&#10;b&lt;&quot;&amp;");
    }
}
