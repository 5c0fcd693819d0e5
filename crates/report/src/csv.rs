//! `--format csv`: one row per finding, every status, for spreadsheets and scripts.
//!
//! RFC 4180: comma-separated, CRLF line ends, a header row of [`COLUMNS`] in that order, and
//! fields quoted (with doubled quotes) only when they hold a comma, a quote or a line break.
//! UTF-8 without a byte-order mark.
//!
//! Against formula injection (OWASP, "CSV Injection"): any cell that starts with `=`, `+`, `-`,
//! `@`, a tab or a carriage return gets a leading `'`, so a spreadsheet shows it as text instead
//! of evaluating it. Resource names, tags and messages come from the reviewed account, so this
//! applies to every cell; wasp's own values never start with those characters.
//!
//! Rows are sorted by status (FAIL, MUTED, PASS, SKIP), severity (most severe first), check,
//! resource, region, account and message, whatever order the review holds them in.
//!
//! An organization's review is one table of [`ORGANIZATION_COLUMNS`], under the same rules, with
//! two kinds of row told apart by the `scope` column:
//!
//! - `account`: one row per account and question (accounts by id, questions in the lens's
//!   order), with the account's risk in the question;
//! - `organization`: then one row per verdict about the organization itself (its SCPs and
//!   RCPs, delegated administrators, organization trail …), judged once for the whole
//!   organization and not repeated per account: the check, its status, the message and the
//!   account whose evidence gave it (`judged_in`), in the order of
//!   [`ORGANIZATION_CHECKS`](wasp_review::org::ORGANIZATION_CHECKS). `account_id` and the
//!   other account and question columns are empty on these rows, as the check columns are on
//!   account rows.
//!
//! Filtering on `scope` gives either table alone; an organization without such evidence (no
//! account could read its policies) has account rows only.
use std::collections::BTreeMap;
use std::io::{self, Write};
use wasp_checks::Finding;
use wasp_review::org::OrgReview;
use wasp_review::Review;

/// The columns, in order. A new column is added at the end, so scripts reading by position keep
/// working.
///
/// - `account_id`, `region`, `check_id`, `check_title`, `service`, `severity`, `status`
///   (`PASS`, `FAIL`, `SKIP` or `MUTED`), `resource_arn` (empty when the finding has none),
///   `message`;
/// - `best_practices`, `questions`: the practice ids the check evidences and their question
///   ids, each list joined with `;`;
/// - `suppression_rule`, `suppression_reason`, `suppression_expires` (`YYYY-MM-DD`, or empty
///   when it never expires), `suppression_expired` (`true` when the rule lapsed and the finding
///   counts again as FAIL): empty when no suppression applies;
/// - `source_file`, `source_line`, `source_logical_id`: where a template declares the
///   resource, for reviews of infrastructure as code; empty otherwise;
/// - `collected_at`: when the evidence was read (RFC 3339, UTC), the same on every row.
pub const COLUMNS: &[&str] = &[
    "account_id",
    "region",
    "check_id",
    "check_title",
    "service",
    "severity",
    "status",
    "resource_arn",
    "message",
    "best_practices",
    "questions",
    "suppression_rule",
    "suppression_reason",
    "suppression_expires",
    "suppression_expired",
    "source_file",
    "source_line",
    "source_logical_id",
    "collected_at",
];

/// What starts a formula in common spreadsheets (OWASP's list).
const FORMULA_START: &[char] = &['=', '+', '-', '@', '\t', '\r'];

/// `cell` as a spreadsheet shows it literally: prefixed with `'` when it would start a formula.
pub fn neutralise(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.starts_with(FORMULA_START) {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}

/// `--format csv`.
pub struct Csv;

impl crate::Renderer for Csv {
    fn render(&self, cx: &crate::Context<'_>, out: &mut dyn Write) -> io::Result<()> {
        review(cx.review, out)
    }

    fn organization(&self, org: &OrgReview, _style: crate::Style, out: &mut dyn Write) -> Option<io::Result<()>> {
        Some(organization(org, out))
    }
}

fn sort_key(f: &Finding) -> impl Ord + '_ {
    (
        f.status,
        std::cmp::Reverse(f.severity),
        f.check_id.as_str(),
        f.resource_arn.as_deref(),
        f.region.as_str(),
        f.account_id.as_str(),
        f.message.as_str(),
    )
}

/// The rows of one review, in [`COLUMNS`] order.
fn rows(review: &Review) -> Vec<[String; COLUMNS.len()]> {
    let question_of: BTreeMap<&str, &str> = review
        .questions
        .iter()
        .flat_map(|q| q.best_practices.iter().map(move |p| (p.id.as_str(), q.id.as_str())))
        .collect();
    let collected_at = review.scope.collected_at.format("%Y-%m-%dT%H:%M:%SZ").to_string();
    let mut findings: Vec<&Finding> = review.findings.iter().collect();
    findings.sort_by(|a, b| sort_key(a).cmp(&sort_key(b)));
    findings
        .into_iter()
        .map(|f| {
            let meta = wasp_checks::find(&f.check_id).map(|c| c.meta());
            let mut questions: Vec<&str> = Vec::new();
            for q in f.best_practices.iter().filter_map(|bp| question_of.get(bp.as_str())) {
                if !questions.contains(q) {
                    questions.push(q);
                }
            }
            let s = f.suppression.as_ref();
            let loc = f.location.as_ref();
            [
                f.account_id.clone(),
                f.region.clone(),
                f.check_id.clone(),
                meta.map_or_else(String::new, |m| m.title.to_owned()),
                meta.map_or_else(String::new, |m| m.service.name().to_owned()),
                f.severity.as_str().to_owned(),
                f.status.as_str().to_owned(),
                f.resource_arn.clone().unwrap_or_default(),
                f.message.clone(),
                f.best_practices.join(";"),
                questions.join(";"),
                s.map_or_else(String::new, |s| s.rule.clone()),
                s.map_or_else(String::new, |s| s.reason.clone()),
                s.and_then(|s| s.expires).map_or_else(String::new, |d| d.to_string()),
                s.map_or_else(String::new, |s| s.expired.to_string()),
                loc.map_or_else(String::new, |l| l.file.clone()),
                loc.and_then(|l| l.line).map_or_else(String::new, |n| n.to_string()),
                loc.map_or_else(String::new, |l| l.logical_id.clone()),
                collected_at.clone(),
            ]
        })
        .collect()
}

/// Writes the review's findings as CSV.
pub fn review(review: &Review, out: &mut dyn Write) -> io::Result<()> {
    let mut w = ::csv::WriterBuilder::new().terminator(::csv::Terminator::CRLF).from_writer(out);
    w.write_record(COLUMNS)?;
    for row in rows(review) {
        w.write_record(row.iter().map(|cell| neutralise(cell).into_owned()))?;
    }
    w.flush()
}

/// The columns of an organization's review, in order. A new column is added at the end, so
/// scripts reading by position keep working.
///
/// - `account_id`, `account_name` (empty when the organization gave none);
/// - `question_id`, `question_title`;
/// - `risk`: `high`, `medium`, `low`, `none` or `not_assessed` (also for every question of an
///   account that was not reviewed);
/// - `not_reviewed`: why the account has no review, empty when it has one;
/// - `scope`: `account` for the rows above (one per account and question), `organization` for
///   a verdict about the organization itself, whose account and question columns are empty;
/// - `check_id`, `check_title`, `severity`, `status` (`PASS`, `FAIL`, `SKIP` or `MUTED`),
///   `region`, `resource_arn`, `message`: the organization's verdict, as in [`COLUMNS`];
/// - `judged_in`: the account whose evidence gave the verdict.
///
/// The check columns and `judged_in` are empty on `account` rows.
pub const ORGANIZATION_COLUMNS: &[&str] = &[
    "account_id",
    "account_name",
    "question_id",
    "question_title",
    "risk",
    "not_reviewed",
    "scope",
    "check_id",
    "check_title",
    "severity",
    "status",
    "region",
    "resource_arn",
    "message",
    "judged_in",
];

/// The rows of an organization's review, in [`ORGANIZATION_COLUMNS`] order: the accounts'
/// rows, then the organization's.
fn organization_rows(org: &OrgReview) -> Vec<[&str; ORGANIZATION_COLUMNS.len()]> {
    let evidence = crate::organization_evidence(org);
    let mut rows = Vec::with_capacity(org.accounts.len() * org.questions.len() + evidence.len());
    for a in crate::accounts_by_id(org) {
        for q in &org.questions {
            rows.push([
                a.account_id.as_str(),
                a.name.as_deref().unwrap_or_default(),
                q.id.as_str(),
                q.title.as_str(),
                crate::account_risk(a, &q.id).as_str(),
                a.not_reviewed.as_deref().unwrap_or_default(),
                "account",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
            ]);
        }
    }
    for e in evidence {
        let meta = wasp_checks::find(&e.check_id).map(|c| c.meta());
        rows.push([
            "",
            "",
            "",
            "",
            "",
            "",
            "organization",
            e.check_id.as_str(),
            meta.map_or("", |m| m.title),
            meta.map_or("", |m| m.severity.as_str()),
            e.status.as_str(),
            e.region.as_str(),
            e.resource_arn.as_deref().unwrap_or_default(),
            e.message.as_str(),
            e.judged_in.as_str(),
        ]);
    }
    rows
}

/// Writes the organization's review as CSV: each account's risk in each question, then the
/// organization's own verdicts.
pub fn organization(org: &OrgReview, out: &mut dyn Write) -> io::Result<()> {
    let mut w = ::csv::WriterBuilder::new().terminator(::csv::Terminator::CRLF).from_writer(out);
    w.write_record(ORGANIZATION_COLUMNS)?;
    for row in organization_rows(org) {
        w.write_record(row.iter().map(|cell| neutralise(cell).into_owned()))?;
    }
    w.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_that_start_a_formula_are_prefixed_and_others_kept() {
        for cell in ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"] {
            assert_eq!(neutralise(cell), format!("'{cell}"));
        }
        for cell in ["", "arn:aws:s3:::b", "a=1", "'quoted", " =1"] {
            assert_eq!(neutralise(cell), cell);
        }
    }
}
