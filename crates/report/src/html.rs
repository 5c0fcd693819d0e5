//! `--format html`: the review as one self-contained page — inline CSS, SVG and a little
//! script, nothing fetched — readable offline, as an email attachment, on a phone and on paper.
//! Every string from the account is escaped ([`Esc`]); the filters work without a server and
//! the page reads whole without script. An organization's review is a page of its own, in the
//! same style ([`organization`](Renderer::organization)): a heat map of every account's risk in
//! every question.

mod escape;
mod organization;

use crate::{Context, Renderer};
pub use escape::{web_link, Esc};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::{self, Write as _};
use std::io::{self, Write};
use wasp_checks::{Finding, Meta, Severity, Status};
use wasp_model::Gap;
use wasp_pillar::{Lens, LevelOfRisk, ScopeLevel};
use wasp_review::diff::Diff;
use wasp_review::suppress::RuleState;
use wasp_review::{
    AnswerReview, Basis, Coverage, EvidenceStatus, PracticeReview, PracticeStatus, QuestionReview, QuestionRisk,
    Review, Source,
};

const CSS: &str = include_str!("html/report.css");
const JS: &str = include_str!("html/report.js");

/// Nothing but the page itself: inline style and script, `data:` images, no fetch, no form.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; style-src 'unsafe-inline'; \
     script-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/// Failing resources listed under one practice; the findings table has them all.
const RESOURCES_PER_PRACTICE: usize = 25;

/// `--format html`: the review as a page for people.
pub struct Html;

impl Renderer for Html {
    fn render(&self, cx: &Context<'_>, out: &mut dyn Write) -> io::Result<()> {
        let mut page = String::with_capacity(256 * 1024);
        write_page(&mut page, cx).map_err(io::Error::other)?;
        out.write_all(page.as_bytes())
    }

    fn organization(
        &self,
        org: &wasp_review::org::OrgReview,
        _style: crate::Style,
        out: &mut dyn Write,
    ) -> Option<io::Result<()>> {
        let mut page = String::with_capacity(64 * 1024 + org.accounts.len() * 1024);
        Some(
            organization::write_page(&mut page, org)
                .map_err(io::Error::other)
                .and_then(|()| out.write_all(page.as_bytes())),
        )
    }
}

type Out = String;

/// Everything the page looks up more than once.
struct Index<'a> {
    review: &'a Review,
    lens: &'static Lens,
    /// Findings by check id, in the review's order.
    by_check: BTreeMap<&'a str, Vec<&'a Finding>>,
    /// Area id of each best practice of the review.
    area_of_practice: BTreeMap<&'a str, &'a str>,
}

impl<'a> Index<'a> {
    fn new(review: &'a Review) -> Self {
        let mut by_check: BTreeMap<&str, Vec<&Finding>> = BTreeMap::new();
        for f in &review.findings {
            by_check.entry(f.check_id.as_str()).or_default().push(f);
        }
        let area_of_practice = review
            .questions
            .iter()
            .flat_map(|q| q.best_practices.iter().map(move |p| (p.id.as_str(), q.area.as_str())))
            .collect();
        Index { review, lens: Lens::builtin(), by_check, area_of_practice }
    }

    fn area_title(&self, id: &'a str) -> &'a str {
        self.lens.areas.iter().find(|a| a.id == id).map_or(id, |a| a.title.as_str())
    }

    /// The areas in the lens's order, each with the review's questions in it; questions of an
    /// area the lens does not know come last, under their own area id.
    fn areas(&self) -> Vec<(&'a str, Vec<&'a QuestionReview>)> {
        let mut areas: Vec<(&str, Vec<&QuestionReview>)> =
            self.lens.areas.iter().map(|a| (a.id.as_str(), Vec::new())).collect();
        for q in &self.review.questions {
            match areas.iter_mut().find(|(id, _)| *id == q.area) {
                Some((_, list)) => list.push(q),
                None => areas.push((q.area.as_str(), vec![q])),
            }
        }
        areas.retain(|(_, qs)| !qs.is_empty());
        areas
    }
}

fn meta(check_id: &str) -> Option<&'static Meta> {
    wasp_checks::find(check_id).map(|c| c.meta())
}

fn service_of(f: &Finding) -> &'static str {
    meta(&f.check_id).map_or("unknown", |m| m.service.name())
}

fn write_page(h: &mut Out, cx: &Context<'_>) -> fmt::Result {
    let review = cx.review;
    let ix = Index::new(review);
    let scope = &review.scope;
    writeln!(h, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">")?;
    writeln!(h, "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")?;
    writeln!(h, "<meta http-equiv=\"Content-Security-Policy\" content=\"{CONTENT_SECURITY_POLICY}\">")?;
    writeln!(h, "<meta name=\"referrer\" content=\"no-referrer\">")?;
    writeln!(h, "<meta name=\"generator\" content=\"wasp {}\">", Esc(&review.tool.version))?;
    writeln!(h, "<link rel=\"icon\" href=\"data:,\">")?;
    writeln!(
        h,
        "<title>Security Pillar review · account {} · {}</title>",
        Esc(&scope.account_id),
        scope.collected_at.format("%Y-%m-%d")
    )?;
    writeln!(h, "<style>\n{CSS}</style>\n</head>\n<body>")?;
    writeln!(h, "<a class=\"skip\" href=\"#main\">Skip to the review</a>")?;
    header(h, review)?;
    nav(h, cx)?;
    writeln!(h, "<main id=\"main\">")?;
    glance(h, &ix, cx.changes)?;
    charts(h, &ix)?;
    plan(h, review)?;
    if review.scope.source != Source::Iac {
        fixes(h, review)?;
    }
    practices(h, &ix)?;
    findings(h, review)?;
    gaps(h, review)?;
    suppressions(h, review)?;
    if let Some(d) = cx.changes {
        changes(h, d)?;
    }
    writeln!(h, "</main>")?;
    footer(h, review)?;
    writeln!(h, "<script>\n{JS}</script>\n</body>\n</html>")
}

fn header(h: &mut Out, review: &Review) -> fmt::Result {
    let scope = &review.scope;
    let source = match scope.source {
        Source::Live => "live evidence",
        Source::Snapshot => "snapshot evidence",
        Source::Demo => "demo evidence (a fictional account)",
        Source::Iac => "template evidence",
    };
    writeln!(h, "<header class=\"top\">")?;
    writeln!(h, "<p class=\"kicker\">AWS Well-Architected Framework · Security Pillar</p>")?;
    writeln!(h, "<h1>Security review of account <span class=\"mono\">{}</span></h1>", Esc(&scope.account_id))?;
    writeln!(h, "<dl class=\"meta\">")?;
    writeln!(
        h,
        "<div><dt>Evidence</dt><dd>{source}, collected {}</dd></div>",
        scope.collected_at.format("%Y-%m-%d %H:%M UTC")
    )?;
    writeln!(h, "<div><dt>Partition</dt><dd>{}</dd></div>", Esc(&scope.partition))?;
    let regions = if scope.regions.is_empty() { "none".to_owned() } else { scope.regions.join(", ") };
    writeln!(h, "<div><dt>Regions read</dt><dd>{}</dd></div>", Esc(&regions))?;
    let s = &review.summary;
    write!(h, "<div><dt>Checks</dt><dd>{} ran", s.checks_run)?;
    if let Some(calls) = s.api_calls {
        write!(h, " · {calls} API calls")?;
    }
    writeln!(h, "</dd></div>")?;
    writeln!(h, "</dl>")?;
    if scope.coverage == Coverage::Partial {
        writeln!(
            h,
            "<div class=\"callout warn\"><strong>Partial scope.</strong> What was left out cannot establish a \
             practice:<ul>"
        )?;
        for line in &scope.left_out {
            writeln!(h, "<li>{}</li>", Esc(line))?;
        }
        writeln!(h, "</ul></div>")?;
    }
    writeln!(h, "</header>")
}

fn nav(h: &mut Out, cx: &Context<'_>) -> fmt::Result {
    let review = cx.review;
    writeln!(h, "<nav class=\"toc\" aria-label=\"Sections\"><ul>")?;
    let mut items = vec![
        ("glance", "At a glance".to_owned()),
        ("charts", "Charts".to_owned()),
        ("plan", format!("Improvement plan ({})", review.improvement_plan.len())),
        ("fixes", format!("Available fixes ({})", crate::fixable(review).len())),
        ("practices", "Best practices".to_owned()),
        ("findings", format!("Findings ({})", review.findings.len())),
        ("gaps", format!("Gaps ({})", review.gaps.len())),
        ("suppressions", "Suppressions".to_owned()),
    ];
    if review.scope.source == Source::Iac {
        items.retain(|(id, _)| *id != "fixes");
    }
    if cx.changes.is_some() {
        items.push(("changes", "What changed".to_owned()));
    }
    for (id, label) in items {
        writeln!(h, "<li><a href=\"#{id}\">{}</a></li>", Esc(&label))?;
    }
    writeln!(h, "</ul></nav>")
}

// ---------------------------------------------------------------------------------------------
// Labels

fn risk_label(risk: QuestionRisk) -> &'static str {
    match risk {
        QuestionRisk::High => "High risk",
        QuestionRisk::Medium => "Medium risk",
        QuestionRisk::Low => "Low risk",
        QuestionRisk::None => "No risk",
        QuestionRisk::NotAssessed => "Not assessed",
    }
}

fn risk_badge(h: &mut Out, risk: QuestionRisk) -> fmt::Result {
    write!(h, "<span class=\"badge risk-{}\">{}</span>", risk.as_str(), risk_label(risk))
}

const STATUSES: [PracticeStatus; 6] = [
    PracticeStatus::NotMet,
    PracticeStatus::Conflict,
    PracticeStatus::NotAssessed,
    PracticeStatus::EvidenceSupports,
    PracticeStatus::Met,
    PracticeStatus::NotApplicable,
];

fn status_label(status: PracticeStatus) -> &'static str {
    match status {
        PracticeStatus::Met => "Met",
        PracticeStatus::NotMet => "Not met",
        PracticeStatus::EvidenceSupports => "Evidence supports",
        PracticeStatus::Conflict => "Conflict",
        PracticeStatus::NotAssessed => "Not assessed",
        PracticeStatus::NotApplicable => "Not applicable",
    }
}

/// A mark that tells the statuses apart without colour.
fn status_glyph(status: PracticeStatus) -> &'static str {
    match status {
        PracticeStatus::Met => "✓",
        PracticeStatus::NotMet => "✗",
        PracticeStatus::EvidenceSupports => "~",
        PracticeStatus::Conflict => "!",
        PracticeStatus::NotAssessed => "?",
        PracticeStatus::NotApplicable => "–",
    }
}

fn status_badge(h: &mut Out, status: PracticeStatus) -> fmt::Result {
    write!(
        h,
        "<span class=\"badge st-{}\"><span aria-hidden=\"true\">{}</span> {}</span>",
        status.as_str(),
        status_glyph(status),
        status_label(status)
    )
}

fn severity_label(severity: Severity) -> &'static str {
    match severity {
        Severity::Critical => "Critical",
        Severity::High => "High",
        Severity::Medium => "Medium",
        Severity::Low => "Low",
        Severity::Informational => "Info",
    }
}

fn severity_badge(h: &mut Out, severity: Severity) -> fmt::Result {
    write!(h, "<span class=\"badge sev-{}\">{}</span>", severity.as_str(), severity_label(severity))
}

fn finding_status_badge(h: &mut Out, status: Status) -> fmt::Result {
    let label = match status {
        Status::Fail => "Fail",
        Status::Muted => "Muted",
        Status::Pass => "Pass",
        Status::Skip => "Skipped",
    };
    write!(h, "<span class=\"badge fs-{}\">{label}</span>", status.as_str().to_ascii_lowercase())
}

fn level_label(level: LevelOfRisk) -> &'static str {
    match level {
        LevelOfRisk::High => "High",
        LevelOfRisk::Medium => "Medium",
        LevelOfRisk::Low => "Low",
    }
}

fn level_badge(h: &mut Out, level: LevelOfRisk) -> fmt::Result {
    write!(h, "<span class=\"lor lor-{}\">{}</span>", level.as_str(), level_label(level))
}

fn evidence_label(status: EvidenceStatus) -> &'static str {
    match status {
        EvidenceStatus::Established => "established",
        EvidenceStatus::Supports => "supports, does not establish",
        EvidenceStatus::Contradicts => "contradicts",
        EvidenceStatus::Incomplete => "incomplete",
        EvidenceStatus::NothingToJudge => "nothing to judge",
        EvidenceStatus::NoChecks => "no checks",
    }
}

fn scope_label(scope: ScopeLevel) -> &'static str {
    match scope {
        ScopeLevel::Full => "checks can cover the whole practice",
        ScopeLevel::Partial => "checks cover part of the practice",
        ScopeLevel::None => "no configuration shows it; a person must assess it",
    }
}

fn basis_label(basis: Basis) -> &'static str {
    match basis {
        Basis::Evidence => "the automated evidence",
        Basis::Answer => "a person's answer",
        Basis::EvidenceAndAnswer => "the evidence and an answer",
        Basis::Nothing => "nothing yet",
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

// ---------------------------------------------------------------------------------------------
// At a glance

fn count_statuses(practices: &[PracticeReview]) -> BTreeMap<PracticeStatus, usize> {
    let mut counts = BTreeMap::new();
    for p in practices {
        *counts.entry(p.status).or_insert(0) += 1;
    }
    counts
}

/// A bar of one segment per practice, in order, and the counts in words.
fn practice_strip(h: &mut Out, practices: &[PracticeReview]) -> fmt::Result {
    write!(h, "<span class=\"strip\" aria-hidden=\"true\">")?;
    for p in practices {
        write!(h, "<i class=\"st-{}\" title=\"{} {}\"></i>", p.status.as_str(), Esc(&p.id), status_label(p.status))?;
    }
    write!(h, "</span>")
}

fn status_counts(h: &mut Out, counts: &BTreeMap<PracticeStatus, usize>) -> fmt::Result {
    write!(h, "<span class=\"counts\">")?;
    for status in STATUSES {
        let Some(n) = counts.get(&status).filter(|n| **n > 0) else { continue };
        write!(
            h,
            "<span class=\"cnt\"><i class=\"dot st-{}\" aria-hidden=\"true\">{}</i>{n} {}</span>",
            status.as_str(),
            status_glyph(status),
            status_label(status).to_lowercase()
        )?;
    }
    write!(h, "</span>")
}

fn glance(h: &mut Out, ix: &Index<'_>, changes: Option<&Diff>) -> fmt::Result {
    let review = ix.review;
    let s = &review.summary;
    writeln!(h, "<section id=\"glance\" aria-labelledby=\"glance-h\">")?;
    writeln!(h, "<h2 id=\"glance-h\">The pillar at a glance</h2>")?;
    writeln!(h, "<div class=\"tiles\">")?;
    for (risk, n) in [
        (QuestionRisk::High, s.high_risk_questions),
        (QuestionRisk::Medium, s.medium_risk_questions),
        (QuestionRisk::Low, s.low_risk_questions),
        (QuestionRisk::None, s.questions_without_risk),
        (QuestionRisk::NotAssessed, s.questions_not_assessed),
    ] {
        let questions = if n == 1 { "question" } else { "questions" };
        let label = match risk {
            QuestionRisk::High => format!("high-risk {questions}"),
            QuestionRisk::Medium => format!("medium-risk {questions}"),
            QuestionRisk::Low => format!("low-risk {questions}"),
            QuestionRisk::None => format!("{questions} without risk"),
            QuestionRisk::NotAssessed => format!("{questions} not assessed"),
        };
        let zero = if n == 0 { " zero" } else { "" };
        writeln!(h, "<div class=\"tile risk-{}{zero}\"><b>{n}</b><span>{label}</span></div>", risk.as_str())?;
    }
    writeln!(h, "</div>")?;

    let all: Vec<PracticeReview> = review.questions.iter().flat_map(|q| q.best_practices.iter().cloned()).collect();
    writeln!(h, "<p class=\"line\"><strong>{}:</strong> ", plural(all.len(), "best practice", "best practices"))?;
    status_counts(h, &count_statuses(&all))?;
    writeln!(h, "</p>")?;
    let f = &s.findings;
    write!(h, "<p class=\"line\"><strong>Findings:</strong> {} failed", f.fail)?;
    let by_severity: Vec<String> = Severity::ALL
        .iter()
        .filter_map(|sev| s.failed_by_severity.get(sev).map(|n| format!("{n} {}", sev.as_str())))
        .collect();
    if !by_severity.is_empty() {
        write!(h, " ({})", by_severity.join(", "))?;
    }
    writeln!(
        h,
        ", {} muted, {} passed, {} skipped · {} · {} answered{}</p>",
        f.muted,
        f.pass,
        f.skip,
        plural(s.gaps, "gap", "gaps"),
        plural(s.answered, "practice", "practices"),
        if s.stale_answers > 0 { format!(" ({} stale)", s.stale_answers) } else { String::new() }
    )?;
    if let Some(d) = changes {
        writeln!(
            h,
            "<p class=\"line\"><strong>Since {}:</strong> {} new, {} resolved, {} muted, {} unknown, {} still \
             failing · <a href=\"#changes\">what changed</a></p>",
            Esc(&d.from.label),
            d.new.len(),
            d.resolved.len(),
            d.muted.len(),
            d.unknown.len(),
            d.still_failing.len()
        )?;
    }
    status_legend(h)?;

    writeln!(h, "<div class=\"areas\">")?;
    let areas = ix.areas();
    let spans = pack_rows(&areas.iter().map(|(_, qs)| qs.len()).collect::<Vec<_>>());
    for ((area, questions), span) in areas.into_iter().zip(spans) {
        writeln!(
            h,
            "<div class=\"area q{} w{span}\"><h3>{}</h3><div class=\"qs\">",
            questions.len().min(3),
            Esc(ix.area_title(area))
        )?;
        for q in questions {
            let display = ix.lens.question(&q.id).map_or(q.id.as_str(), |lq| lq.display_id.as_str());
            writeln!(
                h,
                "<a class=\"question-card risk-{}\" href=\"#{}\" data-question=\"{}\">",
                q.risk.as_str(),
                Esc(&q.id),
                Esc(&q.id)
            )?;
            write!(h, "<span class=\"qhead\"><span class=\"qid\">{}</span>", Esc(display))?;
            risk_badge(h, q.risk)?;
            writeln!(h, "</span>")?;
            writeln!(h, "<span class=\"qtitle\">{}</span>", Esc(&q.title))?;
            practice_strip(h, &q.best_practices)?;
            status_counts(h, &count_statuses(&q.best_practices))?;
            writeln!(h, "\n</a>")?;
        }
        writeln!(h, "</div></div>")?;
    }
    writeln!(h, "</div>\n</section>")
}

/// Columns of the widest layout of the areas at a glance.
const AREA_COLUMNS: usize = 6;

/// How many of [`AREA_COLUMNS`] each area spans: one per question, rows filled in order, and
/// what a row leaves free given to its last area, so every row is full.
fn pack_rows(questions: &[usize]) -> Vec<usize> {
    let mut spans: Vec<usize> = questions.iter().map(|n| (*n).clamp(1, AREA_COLUMNS)).collect();
    let mut used = 0;
    for i in 0..spans.len() {
        if used + spans[i] > AREA_COLUMNS {
            spans[i - 1] += AREA_COLUMNS - used;
            used = 0;
        }
        used += spans[i];
    }
    if let Some(last) = spans.last_mut() {
        *last += AREA_COLUMNS - used;
    }
    spans
}

fn status_legend(h: &mut Out) -> fmt::Result {
    writeln!(h, "<details class=\"legend\"><summary>What the statuses mean</summary><dl>")?;
    for (status, text) in [
        (PracticeStatus::Met, "the checks cover the whole practice and every one passed over complete data"),
        (PracticeStatus::NotMet, "a check failed (or someone answered not implemented)"),
        (PracticeStatus::Conflict, "answered as done, but a check failed: counted as not met"),
        (
            PracticeStatus::EvidenceSupports,
            "what the checks see holds, but it is not the whole practice: a person must confirm the rest",
        ),
        (
            PracticeStatus::NotAssessed,
            "no check and no answer, or the evidence is incomplete (failed reads, skipped checks): never a pass",
        ),
        (PracticeStatus::NotApplicable, "answered not applicable, with a reason"),
    ] {
        write!(h, "<div><dt>")?;
        status_badge(h, status)?;
        writeln!(h, "</dt><dd>{text}</dd></div>")?;
    }
    writeln!(
        h,
        "</dl><p>A question's risk is that of its most important practice not established (AWS's level of \
         risk: high, medium, low); <em>not assessed</em> when nothing in it has evidence or an answer.</p></details>"
    )
}

// ---------------------------------------------------------------------------------------------
// Charts

/// Fill of a heat-map cell and whether its text is light.
fn status_fill(status: PracticeStatus) -> (&'static str, bool) {
    match status {
        PracticeStatus::Met => ("#1b7e5a", true),
        PracticeStatus::NotMet => ("#c4470a", true),
        PracticeStatus::EvidenceSupports => ("#8ecbe8", false),
        PracticeStatus::Conflict => ("#cc79a7", false),
        PracticeStatus::NotAssessed => ("#e4e4e7", false),
        PracticeStatus::NotApplicable => ("#ffffff", false),
    }
}

fn severity_fill(severity: Severity) -> (&'static str, bool) {
    match severity {
        Severity::Critical => ("#6b1d45", true),
        Severity::High => ("#c4470a", true),
        Severity::Medium => ("#e69f00", false),
        Severity::Low => ("#f0e442", false),
        Severity::Informational => ("#b8b8be", false),
    }
}

fn risk_fill(risk: QuestionRisk) -> (&'static str, bool) {
    match risk {
        QuestionRisk::High => ("#c4470a", true),
        QuestionRisk::Medium => ("#e69f00", false),
        QuestionRisk::Low => ("#f0e442", false),
        QuestionRisk::None => ("#1b7e5a", true),
        QuestionRisk::NotAssessed => ("#e4e4e7", false),
    }
}

fn text_fill(light: bool) -> &'static str {
    if light {
        "#ffffff"
    } else {
        "#1d1d22"
    }
}

fn charts(h: &mut Out, ix: &Index<'_>) -> fmt::Result {
    writeln!(h, "<section id=\"charts\" aria-labelledby=\"charts-h\">")?;
    writeln!(h, "<h2 id=\"charts-h\">Charts</h2>")?;
    writeln!(h, "<div class=\"charts\">")?;
    writeln!(h, "<figure class=\"chart\">")?;
    heat_map(h, ix.review)?;
    writeln!(
        h,
        "<figcaption>Each best practice by question, marked by its status (✓ met, ~ evidence supports, \
         ✗ not met, ! conflict, ? not assessed, – not applicable); the question's risk at the right. \
         Select a cell for the practice.</figcaption></figure>"
    )?;
    writeln!(h, "<figure class=\"chart\">")?;
    severity_chart(h, ix)?;
    writeln!(
        h,
        "<figcaption>Failed findings by severity in each area of the pillar (muted findings are not \
         counted; a finding that evidences practices of two areas counts in both).</figcaption></figure>"
    )?;
    writeln!(h, "</div>\n</section>")
}

fn heat_map(h: &mut Out, review: &Review) -> fmt::Result {
    const LABEL: f64 = 64.0;
    const RISK: f64 = 112.0;
    const CELL_W: f64 = 62.0;
    const CELL_H: f64 = 34.0;
    const GAP: f64 = 4.0;
    const TOP: f64 = 22.0;
    let columns = review.questions.iter().map(|q| q.best_practices.len()).max().unwrap_or(0).max(1);
    let width = LABEL + columns as f64 * (CELL_W + GAP) + RISK;
    let height = TOP + review.questions.len().max(1) as f64 * (CELL_H + GAP);
    writeln!(
        h,
        "<svg class=\"heatmap\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-labelledby=\"hm-t\" \
         xmlns=\"http://www.w3.org/2000/svg\" font-family=\"system-ui, sans-serif\">"
    )?;
    writeln!(h, "<title id=\"hm-t\">Best-practice status by question</title>")?;
    for c in 0..columns {
        let x = LABEL + c as f64 * (CELL_W + GAP) + CELL_W / 2.0;
        writeln!(
            h,
            "<text x=\"{x}\" y=\"14\" text-anchor=\"middle\" font-size=\"11\" fill=\"#5b5b66\">BP{:02}</text>",
            c + 1
        )?;
    }
    writeln!(
        h,
        "<text x=\"{}\" y=\"14\" text-anchor=\"middle\" font-size=\"11\" fill=\"#5b5b66\">Risk</text>",
        width - RISK / 2.0
    )?;
    for (row, q) in review.questions.iter().enumerate() {
        let y = TOP + row as f64 * (CELL_H + GAP);
        let mid = y + CELL_H / 2.0 + 4.0;
        writeln!(
            h,
            "<a href=\"#{}\"><text x=\"0\" y=\"{mid}\" font-size=\"13\" font-weight=\"600\" fill=\"#1d1d22\">{}</text></a>",
            Esc(&q.id),
            Esc(&q.id)
        )?;
        for (col, p) in q.best_practices.iter().enumerate() {
            let x = LABEL + col as f64 * (CELL_W + GAP);
            let (fill, light) = status_fill(p.status);
            let stroke = if p.status == PracticeStatus::NotApplicable || p.status == PracticeStatus::NotAssessed {
                " stroke=\"#8a8a94\" stroke-dasharray=\"3 2\""
            } else {
                ""
            };
            let short = p.id.rsplit('-').next().unwrap_or(&p.id);
            writeln!(
                h,
                "<a href=\"#{id}\" class=\"cell\"><title>{id} {title}: {label}</title>\
                 <rect x=\"{x}\" y=\"{y}\" width=\"{CELL_W}\" height=\"{CELL_H}\" rx=\"4\" fill=\"{fill}\"{stroke}/>\
                 <text x=\"{tx}\" y=\"{mid}\" text-anchor=\"middle\" font-size=\"12\" fill=\"{tf}\">{glyph} {short}</text></a>",
                id = Esc(&p.id),
                title = Esc(&p.title),
                label = status_label(p.status),
                tx = x + CELL_W / 2.0,
                tf = text_fill(light),
                glyph = status_glyph(p.status),
                short = Esc(short),
            )?;
        }
        let (fill, light) = risk_fill(q.risk);
        let x = width - RISK + 8.0;
        let stroke =
            if q.risk == QuestionRisk::NotAssessed { " stroke=\"#8a8a94\" stroke-dasharray=\"3 2\"" } else { "" };
        writeln!(
            h,
            "<rect x=\"{x}\" y=\"{y}\" width=\"{}\" height=\"{CELL_H}\" rx=\"{}\" fill=\"{fill}\"{stroke}/>\
             <text x=\"{}\" y=\"{mid}\" text-anchor=\"middle\" font-size=\"12\" font-weight=\"600\" fill=\"{}\">{}</text>",
            RISK - 8.0,
            CELL_H / 2.0,
            x + (RISK - 8.0) / 2.0,
            text_fill(light),
            risk_label(q.risk)
        )?;
    }
    writeln!(h, "</svg>")
}

fn severity_chart(h: &mut Out, ix: &Index<'_>) -> fmt::Result {
    let areas = ix.areas();
    // Failed findings per area and severity; a finding counts once per area it evidences.
    let mut counts: BTreeMap<&str, BTreeMap<Severity, usize>> = BTreeMap::new();
    for f in ix.review.findings.iter().filter(|f| f.status == Status::Fail) {
        let touched: BTreeSet<&str> =
            f.best_practices.iter().filter_map(|bp| ix.area_of_practice.get(bp.as_str()).copied()).collect();
        for area in touched {
            *counts.entry(area).or_default().entry(f.severity).or_insert(0) += 1;
        }
    }
    let total = |area: &str| counts.get(area).map_or(0, |m| m.values().sum::<usize>());
    let max = areas.iter().map(|(a, _)| total(a)).max().unwrap_or(0).max(1);
    const LABEL: f64 = 230.0;
    const BAR: f64 = 480.0;
    const ROW: f64 = 34.0;
    const TOP: f64 = 36.0;
    let width = LABEL + BAR + 56.0;
    let height = TOP + areas.len().max(1) as f64 * ROW + 4.0;
    writeln!(
        h,
        "<svg class=\"sevchart\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-labelledby=\"sv-t\" \
         xmlns=\"http://www.w3.org/2000/svg\" font-family=\"system-ui, sans-serif\">"
    )?;
    writeln!(h, "<title id=\"sv-t\">Failed findings by severity and area</title>")?;
    // The legend, in severity order.
    let mut lx = LABEL;
    for sev in Severity::ALL {
        let (fill, _) = severity_fill(sev);
        writeln!(
            h,
            "<rect x=\"{lx}\" y=\"6\" width=\"14\" height=\"14\" rx=\"3\" fill=\"{fill}\" stroke=\"#8a8a94\" stroke-width=\"0.5\"/>\
             <text x=\"{}\" y=\"18\" font-size=\"12\" fill=\"#1d1d22\">{}</text>",
            lx + 19.0,
            severity_label(sev)
        )?;
        lx += 24.0 + severity_label(sev).len() as f64 * 7.5;
    }
    for (row, (area, _)) in areas.iter().enumerate() {
        let y = TOP + row as f64 * ROW;
        let mid = y + 16.0;
        writeln!(
            h,
            "<text x=\"{}\" y=\"{mid}\" text-anchor=\"end\" font-size=\"13\" fill=\"#1d1d22\">{}</text>",
            LABEL - 10.0,
            Esc(ix.area_title(area))
        )?;
        writeln!(h, "<rect x=\"{LABEL}\" y=\"{}\" width=\"{BAR}\" height=\"22\" fill=\"#f3f3f5\" rx=\"3\"/>", y + 1.0)?;
        let mut x = LABEL;
        for sev in Severity::ALL {
            let n = counts.get(area).and_then(|m| m.get(&sev)).copied().unwrap_or(0);
            if n == 0 {
                continue;
            }
            let w = BAR * n as f64 / max as f64;
            let (fill, light) = severity_fill(sev);
            write!(
                h,
                "<g><title>{}: {n} failed {}</title><rect x=\"{x:.1}\" y=\"{}\" width=\"{w:.1}\" height=\"22\" fill=\"{fill}\"/>",
                Esc(ix.area_title(area)),
                sev.as_str(),
                y + 1.0
            )?;
            if w >= 22.0 {
                write!(
                    h,
                    "<text x=\"{:.1}\" y=\"{mid}\" text-anchor=\"middle\" font-size=\"12\" fill=\"{}\">{n}</text>",
                    x + w / 2.0,
                    text_fill(light)
                )?;
            }
            writeln!(h, "</g>")?;
            x += w;
        }
        let n = total(area);
        writeln!(
            h,
            "<text x=\"{:.1}\" y=\"{mid}\" font-size=\"13\" font-weight=\"600\" fill=\"#1d1d22\">{n}</text>",
            x + 6.0
        )?;
    }
    writeln!(h, "</svg>")
}

// ---------------------------------------------------------------------------------------------
// Improvement plan

fn plan(h: &mut Out, review: &Review) -> fmt::Result {
    writeln!(h, "<section id=\"plan\" aria-labelledby=\"plan-h\">")?;
    writeln!(h, "<h2 id=\"plan-h\">Improvement plan</h2>")?;
    if review.improvement_plan.is_empty() {
        writeln!(h, "<p class=\"empty\">Nothing failed: no practice is not met.</p>\n</section>")?;
        return Ok(());
    }
    writeln!(
        h,
        "<p class=\"note\">The practices not met, the most important first (AWS's level of risk, then failing \
         resources). Fix the checks listed under each.</p>"
    )?;
    writeln!(h, "<ol class=\"plan\">")?;
    for item in &review.improvement_plan {
        writeln!(h, "<li class=\"plan-item\">")?;
        write!(h, "<div class=\"plan-head\"><span class=\"rank\">{}</span>", item.rank)?;
        level_badge(h, item.level_of_risk)?;
        writeln!(
            h,
            "<a href=\"#{}\"><span class=\"mono\">{}</span> {}</a><span class=\"fr\">{}</span></div>",
            Esc(&item.best_practice),
            Esc(&item.best_practice),
            Esc(&item.title),
            Esc(&plural(item.failing_resources, "failing resource", "failing resources"))
        )?;
        if !item.checks.is_empty() {
            writeln!(h, "<ul class=\"plan-checks\">")?;
            for c in &item.checks {
                write!(h, "<li>")?;
                severity_badge(h, c.severity)?;
                write!(
                    h,
                    " <span class=\"mono\">{}</span> <span class=\"sub\">({})</span><br>{}",
                    Esc(&c.id),
                    Esc(&plural(c.failing_resources, "resource", "resources")),
                    Esc(&c.remediation)
                )?;
                if let Some(fix) = &c.fix {
                    write!(h, "<br><code>{}</code>", Esc(fix))?;
                }
                writeln!(h, "</li>")?;
            }
            writeln!(h, "</ul>")?;
        }
        writeln!(h, "</li>")?;
    }
    writeln!(h, "</ol>\n</section>")
}

// ---------------------------------------------------------------------------------------------
// Available fixes

fn fixes(h: &mut Out, review: &Review) -> fmt::Result {
    writeln!(h, "<section id=\"fixes\" aria-labelledby=\"fixes-h\">")?;
    writeln!(h, "<h2 id=\"fixes-h\">Available fixes</h2>")?;
    let fixable = crate::fixable(review);
    if fixable.is_empty() {
        writeln!(h, "<p class=\"empty\">No failing check has a fix in wasp.</p>\n</section>")?;
        return Ok(());
    }
    writeln!(
        h,
        "<p class=\"note\">wasp can plan a fix for these failing checks. Each command prints a plan: the exact API \
         calls for each failing resource, its state now and after, and the calls that undo them. Nothing changes \
         without <code>--apply</code>; <code>--emit</code> writes the plan as Terraform, CloudFormation or an SSM \
         Automation document.</p>"
    )?;
    writeln!(
        h,
        "<div class=\"tablewrap\"><table class=\"fixes\"><thead><tr><th>Command</th><th>Fix</th>\
         <th>Failing resources</th></tr></thead><tbody>"
    )?;
    for f in &fixable {
        writeln!(
            h,
            "<tr><td><code>{}</code></td><td>{}</td><td class=\"num\">{}</td></tr>",
            Esc(&f.command),
            Esc(f.title),
            f.resources
        )?;
    }
    writeln!(h, "</tbody></table></div>\n</section>")
}

// ---------------------------------------------------------------------------------------------
// Best practices

fn practices(h: &mut Out, ix: &Index<'_>) -> fmt::Result {
    writeln!(h, "<section id=\"practices\" aria-labelledby=\"practices-h\">")?;
    writeln!(h, "<h2 id=\"practices-h\">Every best practice</h2>")?;
    for (area, questions) in ix.areas() {
        writeln!(h, "<h3 class=\"area-h\">{}</h3>", Esc(ix.area_title(area)))?;
        for q in questions {
            question(h, ix, q)?;
        }
    }
    writeln!(h, "</section>")
}

fn question(h: &mut Out, ix: &Index<'_>, q: &QuestionReview) -> fmt::Result {
    let lq = ix.lens.question(&q.id);
    let display = lq.map_or(q.id.as_str(), |lq| lq.display_id.as_str());
    writeln!(h, "<section class=\"question risk-{}\" id=\"{}\">", q.risk.as_str(), Esc(&q.id))?;
    write!(h, "<h4 class=\"question-h\"><span class=\"qid\">{}</span> {} ", Esc(display), Esc(&q.title))?;
    risk_badge(h, q.risk)?;
    writeln!(h, "</h4>")?;
    write!(h, "<p class=\"sub\">")?;
    if q.risk_drivers.is_empty() {
        write!(h, "No practice drives a risk.")?;
    } else {
        write!(h, "Risk from ")?;
        for (i, id) in q.risk_drivers.iter().enumerate() {
            if i > 0 {
                write!(h, ", ")?;
            }
            write!(h, "<a href=\"#{}\">{}</a>", Esc(id), Esc(id))?;
        }
        write!(h, ".")?;
    }
    if let Some(url) = lq.map(|lq| lq.url.as_str()).and_then(web_link) {
        write!(h, " <a href=\"{}\" rel=\"noopener noreferrer\">AWS guidance</a>", Esc(url))?;
    }
    writeln!(h, "</p>")?;
    for p in &q.best_practices {
        practice(h, ix, p)?;
    }
    writeln!(h, "</section>")
}

fn practice(h: &mut Out, ix: &Index<'_>, p: &PracticeReview) -> fmt::Result {
    let lbp = ix.lens.best_practice(&p.id).map(|(_, bp)| bp);
    writeln!(h, "<article class=\"bp st-{}\" id=\"{}\">", p.status.as_str(), Esc(&p.id))?;
    write!(h, "<div class=\"bp-head\"><span class=\"mono bp-id\">{}</span> <h5>{}</h5>", Esc(&p.id), Esc(&p.title))?;
    status_badge(h, p.status)?;
    level_badge(h, p.level_of_risk)?;
    writeln!(h, "</div>")?;
    let e = &p.evidence;
    let two = if e.checks.is_empty() { "" } else { " two" };
    writeln!(h, "<div class=\"bp-body{two}\"><div class=\"bp-main\">")?;
    write!(h, "<p class=\"summary\">")?;
    if let Some(summary) = lbp.map(|bp| bp.summary.as_str()).filter(|s| !s.is_empty()) {
        write!(h, "{} ", Esc(summary))?;
    }
    if let Some(url) = lbp.map(|bp| bp.url.as_str()).and_then(web_link) {
        write!(h, "<a href=\"{}\" rel=\"noopener noreferrer\">AWS guidance</a>", Esc(url))?;
    }
    writeln!(h, "</p>")?;
    writeln!(
        h,
        "<p class=\"why\"><strong>Why:</strong> {} <span class=\"sub\">(decided by {})</span></p>",
        Esc(&p.reason),
        basis_label(p.decided_by)
    )?;
    writeln!(h, "<dl class=\"facts\">")?;
    writeln!(
        h,
        "<div><dt>Evidence</dt><dd>{} · scope {}: {}</dd></div>",
        evidence_label(e.status),
        e.scope.as_str(),
        scope_label(e.scope)
    )?;
    let c = &e.findings;
    if !e.checks.is_empty() {
        writeln!(
            h,
            "<div><dt>Findings</dt><dd>{} failed · {} passed · {} skipped · {} muted · {}</dd></div>",
            c.fail,
            c.pass,
            c.skip,
            c.muted,
            plural(e.failing_resources, "failing resource", "failing resources")
        )?;
    }
    if !e.checks_not_run.is_empty() {
        writeln!(h, "<div><dt>Checks not run</dt><dd class=\"mono\">{}</dd></div>", Esc(&e.checks_not_run.join(", ")))?;
    }
    if !e.incomplete_reads.is_empty() {
        write!(h, "<div><dt>Incomplete reads</dt><dd><ul class=\"plain\">")?;
        for r in &e.incomplete_reads {
            write!(h, "<li class=\"mono\">{}</li>", Esc(r))?;
        }
        writeln!(h, "</ul></dd></div>")?;
    }
    if !e.signals.is_empty() {
        write!(h, "<div><dt>Signals</dt><dd><ul class=\"plain\">")?;
        for signal in &e.signals {
            write!(h, "<li>{} <span class=\"sub mono\">{}</span></li>", Esc(&signal.describe()), Esc(&signal.check))?;
        }
        writeln!(h, "</ul><span class=\"sub\">evidence for whoever answers; signals decide nothing</span></dd></div>")?;
    }
    if let Some(a) = &p.answer {
        answer(h, p, a)?;
    }
    writeln!(h, "</dl></div>")?;
    if !e.checks.is_empty() {
        writeln!(h, "<div class=\"bp-checks\">")?;
        practice_checks(h, ix, p)?;
        writeln!(h, "</div>")?;
    }
    writeln!(h, "</div></article>")
}

fn answer(h: &mut Out, p: &PracticeReview, a: &AnswerReview) -> fmt::Result {
    let ans = &a.answer;
    write!(h, "<div><dt>Answer</dt><dd><strong>{}</strong>", ans.status.as_str().replace('_', " "))?;
    if let Some(owner) = &ans.owner {
        write!(h, " · owner {}", Esc(owner))?;
    }
    write!(h, " · answered {} ({})", ans.answered, plural(a.age_days.max(0) as usize, "day ago", "days ago"))?;
    if a.stale {
        write!(h, " <span class=\"flag\">stale: answer again</span>")?;
    }
    if p.status == PracticeStatus::Conflict {
        write!(h, " <span class=\"flag\">conflict: a check failed, counted as not met</span>")?;
    }
    if let Some(reason) = &ans.reason {
        write!(h, "<br>Reason: {}", Esc(reason))?;
    }
    if let Some(notes) = &ans.notes {
        write!(h, "<br>Notes: {}", Esc(notes))?;
    }
    if !ans.evidence.is_empty() {
        write!(h, "<br>Evidence: ")?;
        for (i, link) in ans.evidence.iter().enumerate() {
            if i > 0 {
                write!(h, ", ")?;
            }
            match web_link(link) {
                Some(url) => write!(h, "<a href=\"{}\" rel=\"noopener noreferrer\">{}</a>", Esc(url), Esc(link))?,
                None => write!(h, "<span class=\"mono\">{}</span>", Esc(link))?,
            }
        }
    }
    writeln!(h, "</dd></div>")
}

fn practice_checks(h: &mut Out, ix: &Index<'_>, p: &PracticeReview) -> fmt::Result {
    writeln!(h, "<div class=\"tablewrap\"><table class=\"checks\"><thead><tr><th>Check</th><th>Severity</th><th>Fail</th><th>Pass</th><th>Skip</th><th>Muted</th></tr></thead><tbody>")?;
    let mut failing: Vec<&Finding> = Vec::new();
    for id in &p.evidence.checks {
        let found = ix.by_check.get(id.as_str()).map_or(&[][..], |v| v.as_slice());
        let n = |s: Status| found.iter().filter(|f| f.status == s).count();
        let m = meta(id);
        write!(h, "<tr><td><span class=\"mono\">{}</span>", Esc(id))?;
        if let Some(m) = m {
            write!(h, "<br><span class=\"sub\">{}</span>", Esc(m.title))?;
        }
        write!(h, "</td><td>")?;
        if let Some(m) = m {
            severity_badge(h, m.severity)?;
        }
        writeln!(
            h,
            "</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
            n(Status::Fail),
            n(Status::Pass),
            n(Status::Skip),
            n(Status::Muted)
        )?;
        failing.extend(found.iter().filter(|f| f.status == Status::Fail));
    }
    writeln!(h, "</tbody></table></div>")?;
    if failing.is_empty() {
        return Ok(());
    }
    writeln!(h, "<p class=\"fail-h\">Failing resources</p><ul class=\"failing\">")?;
    for f in failing.iter().take(RESOURCES_PER_PRACTICE) {
        write!(h, "<li>")?;
        severity_badge(h, f.severity)?;
        writeln!(
            h,
            " <span class=\"arn\">{}</span> <span class=\"sub\">{} · {}</span><br><span class=\"msg\">{}</span></li>",
            Esc(f.resource_arn.as_deref().unwrap_or("(no ARN)")),
            Esc(&f.region),
            Esc(&f.check_id),
            Esc(&f.message)
        )?;
    }
    if failing.len() > RESOURCES_PER_PRACTICE {
        writeln!(
            h,
            "<li class=\"sub\">… and {} more: see <a href=\"#findings\">the findings</a>.</li>",
            failing.len() - RESOURCES_PER_PRACTICE
        )?;
    }
    writeln!(h, "</ul>")
}

// ---------------------------------------------------------------------------------------------
// Findings

fn findings(h: &mut Out, review: &Review) -> fmt::Result {
    writeln!(h, "<section id=\"findings\" aria-labelledby=\"findings-h\">")?;
    writeln!(h, "<h2 id=\"findings-h\">Findings</h2>")?;
    if review.findings.is_empty() {
        writeln!(h, "<p class=\"empty\">No check reported a finding.</p>\n</section>")?;
        return Ok(());
    }
    let mut severities: BTreeMap<Severity, usize> = BTreeMap::new();
    let mut services: BTreeMap<&str, usize> = BTreeMap::new();
    let mut regions: BTreeMap<&str, usize> = BTreeMap::new();
    let mut statuses: BTreeMap<Status, usize> = BTreeMap::new();
    for f in &review.findings {
        *severities.entry(f.severity).or_insert(0) += 1;
        *services.entry(service_of(f)).or_insert(0) += 1;
        *regions.entry(f.region.as_str()).or_insert(0) += 1;
        *statuses.entry(f.status).or_insert(0) += 1;
    }
    writeln!(h, "<form id=\"filters\" class=\"filters\" hidden role=\"search\" aria-label=\"Filter the findings\">")?;
    let select = |h: &mut Out, name: &str, label: &str, options: Vec<(String, String, usize)>| -> fmt::Result {
        writeln!(h, "<label>{label}<select name=\"{name}\"><option value=\"\">All</option>")?;
        for (value, text, n) in options {
            writeln!(h, "<option value=\"{}\">{} ({n})</option>", Esc(&value), Esc(&text))?;
        }
        writeln!(h, "</select></label>")
    };
    select(
        h,
        "st",
        "Status",
        statuses.iter().map(|(s, n)| (s.as_str().to_ascii_lowercase(), s.as_str().to_owned(), *n)).collect(),
    )?;
    select(
        h,
        "sev",
        "Severity",
        Severity::ALL
            .iter()
            .filter_map(|s| severities.get(s).map(|n| (s.as_str().to_owned(), severity_label(*s).to_owned(), *n)))
            .collect(),
    )?;
    select(h, "svc", "Service", services.iter().map(|(s, n)| ((*s).to_owned(), (*s).to_owned(), *n)).collect())?;
    select(h, "reg", "Region", regions.iter().map(|(s, n)| ((*s).to_owned(), (*s).to_owned(), *n)).collect())?;
    writeln!(
        h,
        "<label class=\"grow\">Text<input type=\"search\" name=\"q\" placeholder=\"ARN, check, message…\" \
         autocomplete=\"off\"></label>"
    )?;
    writeln!(h, "<button type=\"reset\">Clear</button>")?;
    writeln!(h, "<output id=\"shown\" aria-live=\"polite\"></output>")?;
    writeln!(h, "</form>")?;
    writeln!(h, "<div class=\"tablewrap\"><table id=\"findings-table\" class=\"findings\">")?;
    writeln!(h, "{FINDING_COLUMNS}<thead><tr><th>Result</th><th>Check</th><th>Resource</th><th>Message</th></tr></thead>\n<tbody>")?;
    for f in &review.findings {
        finding_row(h, f, review.scope.source)?;
    }
    writeln!(h, "</tbody></table></div>")?;
    writeln!(h, "<p id=\"no-match\" class=\"empty\" hidden>No finding matches these filters.</p>")?;
    writeln!(h, "</section>")
}

/// The columns of every findings table: result, check, resource, message.
const FINDING_COLUMNS: &str =
    "<colgroup><col class=\"c-res\"><col class=\"c-chk\"><col class=\"c-arn\"><col></colgroup>";

fn finding_row(h: &mut Out, f: &Finding, source: Source) -> fmt::Result {
    let service = service_of(f);
    write!(
        h,
        "<tr data-st=\"{}\" data-sev=\"{}\" data-svc=\"{}\" data-reg=\"{}\"><td>",
        f.status.as_str().to_ascii_lowercase(),
        f.severity.as_str(),
        Esc(service),
        Esc(&f.region)
    )?;
    finding_status_badge(h, f.status)?;
    write!(h, " ")?;
    severity_badge(h, f.severity)?;
    write!(h, "</td>")?;
    let fix = if f.status == Status::Fail { wasp_review::fix_command(&f.check_id, source) } else { None };
    finding_cells(h, f, Some(service), None, fix.as_deref())?;
    writeln!(h, "</tr>")
}

/// Check, resource and message cells of a finding: the command that plans its fix under the
/// check, the service beside the region when given, and a note (why the finding is unknown)
/// under the message.
fn finding_cells(
    h: &mut Out,
    f: &Finding,
    service: Option<&str>,
    note: Option<&str>,
    fix: Option<&str>,
) -> fmt::Result {
    write!(h, "<td><span class=\"mono\">{}</span>", Esc(&f.check_id))?;
    if let Some(fix) = fix {
        write!(h, "<br><code>{}</code>", Esc(fix))?;
    }
    if !f.best_practices.is_empty() {
        write!(h, "<br><span class=\"sub\">")?;
        for (i, bp) in f.best_practices.iter().enumerate() {
            if i > 0 {
                write!(h, " ")?;
            }
            write!(h, "<a href=\"#{}\">{}</a>", Esc(bp), Esc(bp))?;
        }
        write!(h, "</span>")?;
    }
    write!(
        h,
        "</td><td><span class=\"arn\">{}</span><br><span class=\"sub\">{}",
        Esc(f.resource_arn.as_deref().unwrap_or("(no ARN)")),
        Esc(&f.region)
    )?;
    if let Some(service) = service {
        write!(h, " · {}", Esc(service))?;
    }
    write!(h, "</span>")?;
    if let Some(loc) = &f.location {
        let line = loc.line.map(|l| format!(":{l}")).unwrap_or_default();
        write!(h, "<br><span class=\"sub\">{}{} ({})</span>", Esc(&loc.file), line, Esc(&loc.logical_id))?;
    }
    write!(h, "</td><td>{}", Esc(&f.message))?;
    if let Some(s) = &f.suppression {
        let until = s.expires.map(|d| format!(" until {d}")).unwrap_or_default();
        let what = if s.expired { "rule expired, counts again" } else { "muted by" };
        write!(h, "<br><span class=\"sub\">{what} {}{}: {}</span>", Esc(&s.rule), Esc(&until), Esc(&s.reason))?;
    }
    if let Some(note) = note {
        write!(h, "<br><span class=\"sub\">Unknown: {}</span>", Esc(note))?;
    }
    write!(h, "</td>")
}

// ---------------------------------------------------------------------------------------------
// Gaps, suppressions, changes

fn gap_kind(gap: &Gap) -> String {
    serde_json::to_value(gap.kind).ok().and_then(|v| v.as_str().map(|s| s.replace('_', " "))).unwrap_or_default()
}

fn gap_table(h: &mut Out, gaps: &[Gap]) -> fmt::Result {
    writeln!(
        h,
        "<div class=\"tablewrap\"><table class=\"gaps\"><thead><tr><th>Service</th><th>Region</th><th>Operation</th>\
         <th>Kind</th><th>Reason</th></tr></thead><tbody>"
    )?;
    for g in gaps {
        let service =
            if g.service == wasp_model::Service::Every { "every service".to_owned() } else { g.service.to_string() };
        write!(
            h,
            "<tr><td>{}</td><td>{}</td><td class=\"mono\">{}</td><td>{}</td><td>{}",
            Esc(&service),
            Esc(&g.region),
            Esc(&g.operation),
            Esc(&gap_kind(g)),
            Esc(&g.reason)
        )?;
        if let Some(r) = &g.resource {
            write!(h, "<br><span class=\"arn\">{}</span>", Esc(r))?;
        }
        writeln!(h, "</td></tr>")?;
    }
    writeln!(h, "</tbody></table></div>")
}

fn gaps(h: &mut Out, review: &Review) -> fmt::Result {
    writeln!(h, "<section id=\"gaps\" aria-labelledby=\"gaps-h\">")?;
    writeln!(h, "<h2 id=\"gaps-h\">Gaps</h2>")?;
    if review.gaps.is_empty() {
        writeln!(h, "<p class=\"empty\">Every read succeeded.</p>\n</section>")?;
        return Ok(());
    }
    writeln!(
        h,
        "<p class=\"note\">{} failed. A gap is never a pass nor a fail: the practices whose checks needed the \
         data are not assessed.</p>",
        plural(review.gaps.len(), "read", "reads")
    )?;
    gap_table(h, &review.gaps)?;
    writeln!(h, "</section>")
}

fn suppressions(h: &mut Out, review: &Review) -> fmt::Result {
    writeln!(h, "<section id=\"suppressions\" aria-labelledby=\"suppressions-h\">")?;
    writeln!(h, "<h2 id=\"suppressions-h\">Suppressions</h2>")?;
    let noted: Vec<&Finding> = review.findings.iter().filter(|f| f.suppression.is_some()).collect();
    if review.suppressions.is_empty() && noted.is_empty() {
        writeln!(h, "<p class=\"empty\">No suppression rule applied: every failure counts.</p>\n</section>")?;
        return Ok(());
    }
    writeln!(
        h,
        "<p class=\"note\">A suppression accepts a failure until it expires; it does not fix it. Muted findings \
         never make a practice met.</p>"
    )?;
    if !review.suppressions.is_empty() {
        writeln!(
            h,
            "<div class=\"tablewrap\"><table><thead><tr><th>Rule</th><th>Check</th><th>State</th><th>Matched</th>\
             <th>Expires</th><th>Reason</th></tr></thead><tbody>"
        )?;
        for r in &review.suppressions {
            let state = match (r.state, r.matched) {
                (RuleState::Active, 0) => "active, matched nothing",
                (RuleState::Active, _) => "active",
                (RuleState::Expired, _) => "expired: its findings count again",
            };
            writeln!(
                h,
                "<tr><td class=\"mono\">{}</td><td class=\"mono\">{}</td><td>{state}</td><td class=\"num\">{}</td>\
                 <td>{}</td><td>{}</td></tr>",
                Esc(&r.rule),
                Esc(&r.check_id),
                r.matched,
                r.expires.map_or_else(|| "never".to_owned(), |d| d.to_string()),
                Esc(&r.reason)
            )?;
        }
        writeln!(h, "</tbody></table></div>")?;
    }
    if !noted.is_empty() {
        writeln!(h, "<h3>Muted findings, and those whose rule expired</h3>")?;
        finding_list(h, &noted.iter().map(|f| (*f, None)).collect::<Vec<_>>())?;
    }
    writeln!(h, "</section>")
}

/// A finding, and why it is unknown when it is.
type Noted<'a> = (&'a Finding, Option<&'a str>);

/// A compact table of findings, each with an optional note (why it is unknown).
fn finding_list(h: &mut Out, list: &[Noted<'_>]) -> fmt::Result {
    writeln!(
        h,
        "<div class=\"tablewrap\"><table class=\"flist\">{FINDING_COLUMNS}<thead><tr><th>Severity</th><th>Check</th>\
         <th>Resource</th><th>Message</th></tr></thead><tbody>"
    )?;
    for (f, note) in list {
        write!(h, "<tr><td>")?;
        severity_badge(h, f.severity)?;
        write!(h, "</td>")?;
        finding_cells(h, f, None, *note, None)?;
        writeln!(h, "</tr>")?;
    }
    writeln!(h, "</tbody></table></div>")
}

fn changes(h: &mut Out, d: &Diff) -> fmt::Result {
    writeln!(h, "<section id=\"changes\" aria-labelledby=\"changes-h\">")?;
    writeln!(h, "<h2 id=\"changes-h\">What changed</h2>")?;
    writeln!(
        h,
        "<p class=\"note\">From review <strong>{}</strong> ({}) to review <strong>{}</strong> ({}).</p>",
        Esc(&d.from.label),
        d.from.collected_at.format("%Y-%m-%d %H:%M UTC"),
        Esc(&d.to.label),
        d.to.collected_at.format("%Y-%m-%d %H:%M UTC")
    )?;
    writeln!(h, "<div class=\"tiles\">")?;
    for (class, n, label) in [
        ("new", d.new.len(), "new failures"),
        ("resolved", d.resolved.len(), "resolved"),
        ("muted", d.muted.len(), "muted"),
        ("unknown", d.unknown.len(), "can no longer tell"),
        ("still", d.still_failing.len(), "still failing"),
    ] {
        writeln!(h, "<div class=\"tile ch-{class}\"><b>{n}</b><span>{label}</span></div>")?;
    }
    writeln!(h, "</div>")?;
    if d.is_empty() {
        writeln!(h, "<p class=\"empty\">Nothing changed.</p>")?;
    }
    let sections: [(&str, &str, Vec<Noted<'_>>); 5] = [
        ("New failures", "", d.new.iter().map(|f| (f, None)).collect()),
        (
            "Resolved",
            "shown passing, or gone from a region read in full",
            d.resolved.iter().map(|f| (f, None)).collect(),
        ),
        ("Muted since", "accepted by a suppression, not fixed", d.muted.iter().map(|f| (f, None)).collect()),
        (
            "Unknown",
            "failing before; the later review cannot judge them, so they are not counted as resolved",
            d.unknown.iter().map(|u| (&u.finding, Some(u.why.as_str()))).collect(),
        ),
        ("Still failing", "", d.still_failing.iter().map(|f| (f, None)).collect()),
    ];
    for (title, note, list) in sections {
        if list.is_empty() {
            continue;
        }
        writeln!(h, "<h3>{title} ({})</h3>", list.len())?;
        if !note.is_empty() {
            writeln!(h, "<p class=\"sub\">{note}</p>")?;
        }
        // What still fails is in the findings too: folded, opened for print.
        let folded = title == "Still failing";
        if folded {
            writeln!(h, "<details class=\"fold\"><summary>Show the {} still failing</summary>", list.len())?;
        }
        finding_list(h, &list)?;
        if folded {
            writeln!(h, "</details>")?;
        }
    }
    if !d.risk_changes.is_empty() {
        writeln!(h, "<h3>Question risk</h3><ul class=\"moves\">")?;
        for c in &d.risk_changes {
            write!(h, "<li><a href=\"#{}\">{}</a> ", Esc(&c.question), Esc(&c.question))?;
            risk_badge(h, c.from)?;
            write!(h, " → ")?;
            risk_badge(h, c.to)?;
            writeln!(h, "</li>")?;
        }
        writeln!(h, "</ul>")?;
    }
    if !d.practice_changes.is_empty() {
        writeln!(h, "<h3>Best-practice status</h3><ul class=\"moves\">")?;
        for c in &d.practice_changes {
            write!(h, "<li><a class=\"mono\" href=\"#{}\">{}</a> {} ", Esc(&c.id), Esc(&c.id), Esc(&c.title))?;
            status_badge(h, c.from)?;
            write!(h, " → ")?;
            status_badge(h, c.to)?;
            writeln!(h, "</li>")?;
        }
        writeln!(h, "</ul>")?;
    }
    if !d.gaps_opened.is_empty() {
        writeln!(h, "<h3>Gaps opened ({})</h3>", d.gaps_opened.len())?;
        gap_table(h, &d.gaps_opened)?;
    }
    if !d.gaps_closed.is_empty() {
        writeln!(h, "<h3>Gaps closed ({})</h3>", d.gaps_closed.len())?;
        gap_table(h, &d.gaps_closed)?;
    }
    writeln!(h, "</section>")
}

fn footer(h: &mut Out, review: &Review) -> fmt::Result {
    writeln!(
        h,
        "<footer class=\"foot\">{} {} · lens {} {} · evidence collected {} · account {}</footer>",
        Esc(&review.tool.name),
        Esc(&review.tool.version),
        Esc(&review.lens.id),
        Esc(&review.lens.version),
        review.scope.collected_at.format("%Y-%m-%dT%H:%M:%SZ"),
        Esc(&review.scope.account_id)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn areas_fill_whole_rows() {
        // The pillar's seven areas: 1, 2, 1, 2 | 3, 1, 1 (+1 to the last).
        assert_eq!(pack_rows(&[1, 2, 1, 2, 3, 1, 1]), vec![1, 2, 1, 2, 3, 1, 2]);
        assert_eq!(pack_rows(&[4, 4]), vec![6, 6]);
        assert_eq!(pack_rows(&[9]), vec![6]);
        assert_eq!(pack_rows(&[0, 1]), vec![1, 5]);
        assert_eq!(pack_rows(&[]), Vec::<usize>::new());
        for spans in [pack_rows(&[1, 2, 3, 4, 5, 6, 1]), pack_rows(&[3, 3, 3])] {
            let mut used = 0;
            for span in spans {
                assert!(used + span <= AREA_COLUMNS);
                used = (used + span) % AREA_COLUMNS;
            }
            assert_eq!(used, 0, "every row full");
        }
    }
}
