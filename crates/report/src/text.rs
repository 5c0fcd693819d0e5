//! Text for people: readable at 100 columns, coloured only when asked.
use crate::Style;
use owo_colors::OwoColorize;
use std::io::{self, Write};
use wasp_checks::{Meta, Severity};
use wasp_pillar::{Lens, LevelOfRisk};
use wasp_review::{Coverage, PracticeReview, PracticeStatus, QuestionRisk, Review, Source};

const WIDTH: usize = 100;
/// Improvement-plan items shown in the terminal; the JSON has them all.
const PLAN_ITEMS: usize = 10;
const GAP_LINES: usize = 15;
/// Failed findings listed by name; the JSON has them all.
const FAILED_LINES: usize = 15;

impl Style {
    fn bold(&self, s: &str) -> String {
        if self.color {
            s.bold().to_string()
        } else {
            s.to_owned()
        }
    }
    fn dim(&self, s: &str) -> String {
        if self.color {
            s.dimmed().to_string()
        } else {
            s.to_owned()
        }
    }
    fn risk(&self, risk: QuestionRisk) -> String {
        let label = match risk {
            QuestionRisk::High => "HIGH",
            QuestionRisk::Medium => "MEDIUM",
            QuestionRisk::Low => "LOW",
            QuestionRisk::None => "none",
            QuestionRisk::NotAssessed => "not assessed",
        };
        let padded = format!("{label:<12}");
        if !self.color {
            return padded;
        }
        match risk {
            QuestionRisk::High => padded.red().bold().to_string(),
            QuestionRisk::Medium => padded.yellow().bold().to_string(),
            QuestionRisk::Low => padded.to_string(),
            QuestionRisk::None => padded.green().to_string(),
            QuestionRisk::NotAssessed => padded.dimmed().to_string(),
        }
    }
    /// `text` in the colour of `risk`.
    fn risk_text(&self, risk: QuestionRisk, text: &str) -> String {
        if !self.color {
            return text.to_owned();
        }
        match risk {
            QuestionRisk::High => text.red().bold().to_string(),
            QuestionRisk::Medium => text.yellow().bold().to_string(),
            _ => text.to_owned(),
        }
    }
    fn level(&self, level: LevelOfRisk) -> String {
        let label = format!("{:<6}", level.as_str().to_uppercase());
        if !self.color {
            return label;
        }
        match level {
            LevelOfRisk::High => label.red().to_string(),
            LevelOfRisk::Medium => label.yellow().to_string(),
            LevelOfRisk::Low => label.to_string(),
        }
    }
    fn severity(&self, severity: Severity) -> String {
        let label = severity.as_str();
        if !self.color {
            return label.to_owned();
        }
        match severity {
            Severity::Critical => label.magenta().bold().to_string(),
            Severity::High => label.red().to_string(),
            Severity::Medium => label.yellow().to_string(),
            _ => label.to_owned(),
        }
    }
    /// The severity label, left-aligned in `width` columns (padding outside the colour codes).
    fn severity_padded(&self, severity: Severity, width: usize) -> String {
        let pad = width.saturating_sub(severity.as_str().len());
        self.severity(severity) + &" ".repeat(pad)
    }
}

/// Cuts `text` to `max` characters, marking the cut.
fn fit(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_owned()
    } else {
        let mut cut: String = text.chars().take(max.saturating_sub(1)).collect();
        cut.push('…');
        cut
    }
}

/// Cuts `text` to `max` characters in the middle, keeping both ends (an ARN's account and id).
fn fit_middle(text: &str, max: usize) -> String {
    let count = text.chars().count();
    if count <= max {
        return text.to_owned();
    }
    let head = (max - 1) / 2;
    let tail = max - 1 - head;
    let start: String = text.chars().take(head).collect();
    let end: String = text.chars().skip(count - tail).collect();
    format!("{start}…{end}")
}

/// Wraps `text` at word boundaries to `width`, indenting continuation lines.
fn wrap(text: &str, width: usize, indent: &str) -> String {
    let mut lines = vec![String::new()];
    for word in text.split_whitespace() {
        // Lines after the first carry the indent.
        let room = if lines.len() == 1 { width } else { width.saturating_sub(indent.chars().count()) };
        let line = lines.last_mut().expect("one line");
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > room {
            lines.push(word.to_owned());
        } else {
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
    }
    lines.join(&format!("\n{indent}"))
}

/// `--format text`: the review for a terminal.
pub struct Text;

impl crate::Renderer for Text {
    fn render(&self, cx: &crate::Context<'_>, out: &mut dyn Write) -> io::Result<()> {
        review(cx.review, cx.style, out)
    }

    fn organization(
        &self,
        org: &wasp_review::org::OrgReview,
        style: Style,
        out: &mut dyn Write,
    ) -> Option<io::Result<()>> {
        Some(organization(org, style, out))
    }
}

pub fn review(review: &Review, style: Style, out: &mut dyn Write) -> io::Result<()> {
    let scope = &review.scope;
    writeln!(
        out,
        "{} {}",
        style.bold("AWS Well-Architected Security Pillar review"),
        style.dim(&format!("· {} {} · wasp {}", review.lens.id, review.lens.version, review.tool.version))
    )?;
    let regions = if scope.regions.is_empty() { "none".to_owned() } else { scope.regions.join(", ") };
    let source = match scope.source {
        Source::Live => "live evidence",
        Source::Snapshot => "snapshot evidence",
        Source::Demo => "demo evidence (a fictional account)",
        Source::Iac => "template evidence",
    };
    writeln!(
        out,
        "Account {} ({}) · {source} collected {}",
        scope.account_id,
        scope.partition,
        scope.collected_at.format("%Y-%m-%d %H:%M UTC"),
    )?;
    writeln!(out, "{}", wrap(&format!("Regions: {regions}"), WIDTH, "  "))?;
    match scope.coverage {
        Coverage::Complete => {}
        Coverage::Partial => {
            let line = format!("Scope is partial; left out: {}", scope.left_out.join("; "));
            writeln!(out, "{}", style.bold(&wrap(&line, WIDTH, "  ")))?;
        }
    }
    if !scope.thresholds.is_empty() {
        let line = format!("Thresholds changed: {}", scope.thresholds.join("; "));
        writeln!(out, "{}", wrap(&line, WIDTH, "  "))?;
    }
    writeln!(out)?;

    writeln!(out, "{}", style.bold("Questions"))?;
    for q in &review.questions {
        let count = |s| q.best_practices.iter().filter(|p| p.status == s).count();
        let mut tally = format!(
            "{}/{} met, {} not met",
            count(PracticeStatus::Met),
            q.best_practices.len(),
            count(PracticeStatus::NotMet)
        );
        for (status, label) in [(PracticeStatus::Conflict, "conflict"), (PracticeStatus::EvidenceSupports, "supported")]
        {
            if count(status) > 0 {
                tally.push_str(&format!(", {} {label}", count(status)));
            }
        }
        // id (5) + 2 + risk (12) + 1 + title + 2 + tally
        let title_room = WIDTH - 5 - 2 - 12 - 1 - 2 - tally.len();
        writeln!(
            out,
            "{}  {} {:<title_room$}  {}",
            q.id,
            style.risk(q.risk),
            fit(&q.title, title_room),
            style.dim(&tally)
        )?;
        if !q.risk_drivers.is_empty() {
            let drivers: Vec<String> = q
                .risk_drivers
                .iter()
                .filter_map(|id| q.best_practices.iter().find(|p| &p.id == id))
                .map(|p| format!("{} {}", p.id, status_label(p.status)))
                .collect();
            let line = format!("because {}", drivers.join(", "));
            writeln!(out, "       {}", style.dim(&wrap(&line, WIDTH - 7, "       ")))?;
        }
    }
    writeln!(out)?;

    let s = &review.summary;
    writeln!(
        out,
        "{} {} high-risk, {} medium-risk and {} low-risk questions; {} without risk; {} not assessed.",
        style.bold("Risk:"),
        s.high_risk_questions,
        s.medium_risk_questions,
        s.low_risk_questions,
        s.questions_without_risk,
        s.questions_not_assessed
    )?;
    let bp = &s.best_practices;
    let conflicts = if bp.conflict > 0 { format!(", {} in conflict", bp.conflict) } else { String::new() };
    let line = format!(
        "{} met, {} not met{conflicts}, {} supported, {} not assessed, {} not applicable (of {}).",
        bp.met,
        bp.not_met,
        bp.evidence_supports,
        bp.not_assessed,
        bp.not_applicable,
        bp.met + bp.not_met + bp.conflict + bp.evidence_supports + bp.not_assessed + bp.not_applicable
    );
    writeln!(out, "{} {}", style.bold("Best practices:"), wrap(&line, WIDTH - 16, "  "))?;
    let by_severity: Vec<String> = Severity::ALL
        .iter()
        .filter_map(|sev| s.failed_by_severity.get(sev).map(|n| format!("{n} {}", style.severity(*sev))))
        .collect();
    let failed = if by_severity.is_empty() { String::new() } else { format!(" ({})", by_severity.join(", ")) };
    let muted = if s.findings.muted > 0 { format!(", {} muted", s.findings.muted) } else { String::new() };
    let line = format!(
        "{} checks ran: {} failed{failed}{muted}, {} passed, {} skipped.",
        s.checks_run, s.findings.fail, s.findings.pass, s.findings.skip
    );
    writeln!(out, "{} {}", style.bold("Findings:"), wrap(&line, WIDTH - 10, "  "))?;
    let signals = &s.signals;
    if signals.pass + signals.fail + signals.muted + signals.skip > 0 {
        writeln!(
            out,
            "{} {} present, {} absent, {} unknown {}",
            style.bold("Signals:"),
            signals.pass,
            signals.fail + signals.muted,
            signals.skip,
            style.dim("(evidence for whoever answers; they decide nothing)")
        )?;
    }
    if s.answered > 0 {
        let stale = if s.stale_answers > 0 { format!(", {} of them stale", s.stale_answers) } else { String::new() };
        writeln!(out, "{} {} practice(s) answered{stale}.", style.bold("Answers:"), s.answered)?;
    }
    if let Some(calls) = s.api_calls {
        let ms = review.collection.as_ref().map_or(0, |c| c.duration_ms);
        writeln!(out, "{} {calls} API calls in {:.1} s.", style.bold("Collection:"), ms as f64 / 1000.0)?;
    }
    writeln!(out)?;

    if review.improvement_plan.is_empty() {
        writeln!(out, "{}", style.bold("Improvement plan: nothing failed."))?;
    } else {
        writeln!(
            out,
            "{} {}",
            style.bold("Improvement plan"),
            style.dim(&format!(
                "(top {} of {}; --format json has all)",
                PLAN_ITEMS.min(review.improvement_plan.len()),
                review.improvement_plan.len()
            ))
        )?;
        for item in review.improvement_plan.iter().take(PLAN_ITEMS) {
            let resources = if item.failing_resources == 1 { "resource" } else { "resources" };
            let head = format!("{} {}", item.best_practice, item.title);
            let tail = format!("{} failing {resources}", item.failing_resources);
            let room = WIDTH - 4 - 7 - 2 - tail.len();
            writeln!(
                out,
                "{:>2}. {} {:<room$}  {}",
                item.rank,
                style.level(item.level_of_risk),
                fit(&head, room),
                style.dim(&tail)
            )?;
            for check in item.checks.iter().take(3) {
                let line =
                    format!("{} ({}, {}): {}", check.id, check.severity, check.failing_resources, check.remediation);
                writeln!(out, "           {}", wrap(&line, WIDTH - 11, "             "))?;
                if let Some(fix) = &check.fix {
                    writeln!(out, "             {}", style.dim(&format!("fix: {fix}")))?;
                }
            }
        }
    }

    answers(review, style, out)?;
    person(review, style, out)?;
    suppressions(review, style, out)?;

    let failed: Vec<_> = review.findings.iter().filter(|f| f.status == wasp_checks::Status::Fail).collect();
    if !failed.is_empty() {
        writeln!(out)?;
        writeln!(
            out,
            "{} {}",
            style.bold("Failed findings"),
            style.dim(&format!("(most severe {} of {})", FAILED_LINES.min(failed.len()), failed.len()))
        )?;
        for f in failed.iter().take(FAILED_LINES) {
            let resource = f.resource_arn.as_deref().unwrap_or("(no ARN)");
            let severity = style.severity_padded(f.severity, 8);
            writeln!(out, "  {severity} {}", fit(&format!("{}: {}", f.check_id, f.message), WIDTH - 11))?;
            writeln!(out, "           {}", style.dim(&fit_middle(resource, WIDTH - 11)))?;
            if let Some(fix) = wasp_review::fix_command(&f.check_id, scope.source) {
                writeln!(out, "           {}", style.dim(&format!("fix: {fix}")))?;
            }
        }
    }
    let fixable = crate::fixable(review);
    if !fixable.is_empty() {
        let resources: usize = fixable.iter().map(|f| f.resources).sum();
        let command = if scope.source == Source::Demo { "wasp fix --demo" } else { "wasp fix" };
        let line = format!(
            "wasp can plan fixes for {} failing check(s), {resources} failing resource(s): `{command}` prints the \
             plan (`wasp fix --list` the fixes); nothing changes without --apply.",
            fixable.len()
        );
        writeln!(out)?;
        writeln!(out, "{} {}", style.bold("Fixes:"), wrap(&line, WIDTH - 7, "  "))?;
    }

    if !review.gaps.is_empty() {
        writeln!(out)?;
        writeln!(
            out,
            "{} {}",
            style.bold(&format!("Gaps: {} reads failed", review.gaps.len())),
            style.dim("(never a pass or a fail; practices whose checks read them are not assessed)")
        )?;
        for gap in review.gaps.iter().take(GAP_LINES) {
            let kind =
                serde_json::to_value(gap.kind).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default();
            let line = if gap.service == wasp_model::Service::Every {
                format!("every service {}: {kind} — {}", gap.region, gap.reason)
            } else {
                format!("{} {} {}: {kind} — {}", gap.service, gap.region, gap.operation, gap.reason)
            };
            writeln!(out, "  {}", fit(&line, WIDTH - 2))?;
        }
        if review.gaps.len() > GAP_LINES {
            writeln!(out, "  … and {} more (see --format json)", review.gaps.len() - GAP_LINES)?;
        }
    }
    Ok(())
}

fn status_label(status: PracticeStatus) -> &'static str {
    match status {
        PracticeStatus::Met => "met",
        PracticeStatus::NotMet => "not met",
        PracticeStatus::EvidenceSupports => "supported",
        PracticeStatus::Conflict => "conflict",
        PracticeStatus::NotAssessed => "not assessed",
        PracticeStatus::NotApplicable => "not applicable",
    }
}

/// What a person still has to confirm: practices the evidence supports but cannot establish,
/// and those no evidence touched.
/// Practices where an answer and the evidence disagree, and answers to renew.
fn answers(review: &Review, style: Style, out: &mut dyn Write) -> io::Result<()> {
    let practices: Vec<&PracticeReview> = review.questions.iter().flat_map(|q| &q.best_practices).collect();
    let conflicts: Vec<&&PracticeReview> = practices.iter().filter(|p| p.status == PracticeStatus::Conflict).collect();
    if !conflicts.is_empty() {
        writeln!(out)?;
        writeln!(
            out,
            "{} {}",
            style.bold("Conflicts"),
            style.dim("(answered as done, but a check failed: counted as not met)")
        )?;
        for p in conflicts {
            let head = format!("{} {}", p.id, p.title);
            writeln!(out, "  {} {}", style.level(p.level_of_risk), fit(&head, WIDTH - 9))?;
            if let Some(a) = &p.answer {
                let who = a.answer.owner.as_deref().map(|o| format!(" by {o}")).unwrap_or_default();
                let line = format!(
                    "answered {}{who} on {}; {} failed finding(s) from {}",
                    a.answer.status.as_str().replace('_', " "),
                    a.answer.answered,
                    p.evidence.findings.fail,
                    p.evidence.checks.join(", ")
                );
                writeln!(out, "         {}", style.dim(&wrap(&line, WIDTH - 9, "         ")))?;
            }
        }
    }
    let stale: Vec<&&PracticeReview> =
        practices.iter().filter(|p| p.answer.as_ref().is_some_and(|a| a.stale)).collect();
    if !stale.is_empty() {
        writeln!(out)?;
        writeln!(
            out,
            "{} {}",
            style.bold("Stale answers"),
            style.dim("(older than the configured age; answer again)")
        )?;
        for p in stale {
            let age = p.answer.as_ref().map_or(0, |a| a.age_days);
            writeln!(out, "  {} {} ({age} days)", p.id, fit(&p.title, WIDTH - 30))?;
        }
    }
    Ok(())
}

/// What the suppression rules did: active ones, expired ones whose findings count again, and
/// rules that matched nothing.
fn suppressions(review: &Review, style: Style, out: &mut dyn Write) -> io::Result<()> {
    use wasp_review::suppress::RuleState;
    if review.suppressions.is_empty() {
        return Ok(());
    }
    writeln!(out)?;
    writeln!(out, "{}", style.bold("Suppressions"))?;
    for rule in &review.suppressions {
        let until = rule.expires.map(|d| format!(" until {d}")).unwrap_or_default();
        let line = match (rule.state, rule.matched) {
            (RuleState::Active, 0) => {
                format!("{} ({}{until}) matched nothing in this review", rule.rule, rule.check_id)
            }
            (RuleState::Active, n) => {
                format!("{} ({}{until}) mutes {n} finding(s): {}", rule.rule, rule.check_id, rule.reason)
            }
            (RuleState::Expired, n) => format!(
                "{} ({}) expired after {}; its {n} finding(s) count again",
                rule.rule,
                rule.check_id,
                rule.expires.map(|d| d.to_string()).unwrap_or_default()
            ),
        };
        writeln!(out, "  {}", wrap(&line, WIDTH - 2, "    "))?;
    }
    Ok(())
}

fn person(review: &Review, style: Style, out: &mut dyn Write) -> io::Result<()> {
    let practices: Vec<&PracticeReview> = review.questions.iter().flat_map(|q| &q.best_practices).collect();
    let supported: Vec<&&PracticeReview> =
        practices.iter().filter(|p| p.status == PracticeStatus::EvidenceSupports).collect();
    let unassessed = practices.iter().filter(|p| p.status == PracticeStatus::NotAssessed).count();
    if supported.is_empty() && unassessed == 0 {
        return Ok(());
    }
    writeln!(out)?;
    writeln!(
        out,
        "{} {}",
        style.bold("Needs a person"),
        style.dim("(the checks passed but cover only part of these; confirm the rest)")
    )?;
    for p in &supported {
        let head = format!("{} {}", p.id, p.title);
        writeln!(out, "  {} {}", style.level(p.level_of_risk), fit(&head, WIDTH - 9))?;
    }
    if unassessed > 0 {
        let line = format!(
            "{unassessed} more practice(s) have no complete automated evidence and need a person's assessment \
             (--format json gives the reason for each)."
        );
        writeln!(out, "  {}", style.dim(&wrap(&line, WIDTH - 2, "  ")))?;
    }
    Ok(())
}

/// What changed between two reviews, as a short changelog.
pub fn diff(d: &wasp_review::diff::Diff, style: Style, out: &mut dyn Write) -> io::Result<()> {
    writeln!(
        out,
        "{} {}",
        style.bold(&format!("Changes from review {} to review {}", d.from.label, d.to.label)),
        style.dim(&format!(
            "({} → {})",
            d.from.collected_at.format("%Y-%m-%d %H:%M"),
            d.to.collected_at.format("%Y-%m-%d %H:%M")
        ))
    )?;
    if d.is_empty() {
        return writeln!(out, "  nothing changed; {} finding(s) still fail", d.still_failing.len());
    }
    let mut counts = format!("  {} new failure(s), {} resolved", d.new.len(), d.resolved.len());
    if !d.muted.is_empty() {
        counts.push_str(&format!(", {} muted", d.muted.len()));
    }
    if !d.unknown.is_empty() {
        counts.push_str(&format!(", {} no longer judged", d.unknown.len()));
    }
    writeln!(out, "{counts}, {} still failing", d.still_failing.len())?;
    let unknown: Vec<(&wasp_checks::Finding, String)> =
        d.unknown.iter().map(|u| (&u.finding, format!("unknown: {}", u.why))).collect();
    fn listed(list: &[wasp_checks::Finding]) -> Vec<(&wasp_checks::Finding, String)> {
        list.iter().map(|f| (f, f.message.clone())).collect()
    }
    for (label, list) in
        [("new", listed(&d.new)), ("resolved", listed(&d.resolved)), ("muted", listed(&d.muted)), ("unknown", unknown)]
    {
        for (f, message) in list.iter().take(FAILED_LINES) {
            // The resource on a line of its own, whole: it is what a reader looks for.
            let resource = f.resource_arn.as_deref().unwrap_or("(no ARN)");
            let line = format!("{label:<8} {} {}: {message}", style.severity_padded(f.severity, 8), f.check_id);
            writeln!(out, "  {}", fit(&line, WIDTH - 2))?;
            writeln!(out, "                    {resource}")?;
        }
        if list.len() > FAILED_LINES {
            writeln!(out, "  … and {} more {label} (see --format json)", list.len() - FAILED_LINES)?;
        }
    }
    for c in &d.risk_changes {
        writeln!(out, "  {} risk {} → {}", c.question, c.from.as_str(), c.to.as_str())?;
    }
    for c in &d.practice_changes {
        let line = format!("{} {}: {} → {}", c.id, c.title, status_label(c.from), status_label(c.to));
        writeln!(out, "  {}", fit(&line, WIDTH - 2))?;
    }
    if !d.gaps_opened.is_empty() || !d.gaps_closed.is_empty() {
        writeln!(out, "  gaps: {} opened, {} closed", d.gaps_opened.len(), d.gaps_closed.len())?;
    }
    Ok(())
}

/// `wasp checks`: one line per check.
pub fn checks(checks: &[&Meta], style: Style, out: &mut dyn Write) -> io::Result<()> {
    let id_width = checks.iter().map(|m| m.id.len()).max().unwrap_or(0);
    for meta in checks {
        let severity = style.severity_padded(meta.severity, 13);
        let practices = meta.best_practices.join(",");
        writeln!(out, "{:<id_width$}  {severity}{:<14}  {}", meta.id, meta.service.name(), practices)?;
    }
    writeln!(out, "{}", style.dim(&format!("{} checks", checks.len())))
}

/// `wasp explain`: everything about one check.
pub fn explain(meta: &Meta, lens: &Lens, style: Style, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "{} — {}", style.bold(meta.id), meta.title)?;
    writeln!(
        out,
        "Severity: {}   Service: {}   Resource: {}",
        style.severity(meta.severity),
        meta.service,
        meta.resource_kind
    )?;
    writeln!(out, "Best practices:")?;
    for id in meta.best_practices {
        let title = lens.best_practice(id).map_or("(unknown)", |(_, bp)| bp.title.as_str());
        writeln!(out, "  {id} {title}")?;
    }
    let eq = &meta.equivalents;
    for (label, ids) in
        [("Prowler", eq.prowler), ("Security Hub", eq.security_hub), ("AWS Config", eq.config_rule), ("CIS", eq.cis)]
    {
        if !ids.is_empty() {
            writeln!(out, "{label}: {}", ids.join(", "))?;
        }
    }
    let reads: Vec<String> = meta.reads.iter().map(|r| format!("{}:{}", r.service, r.operation)).collect();
    writeln!(out, "{}", wrap(&format!("Reads: {}", reads.join(", ")), WIDTH, "  "))?;
    writeln!(out, "Remediation: {}", meta.remediation)?;
    writeln!(out)?;
    writeln!(out, "{}", meta.docs_markdown().trim_end())
}

/// `wasp pillar`: the lens as an outline.
pub fn pillar(lens: &Lens, style: Style, out: &mut dyn Write) -> io::Result<()> {
    writeln!(
        out,
        "{} {}",
        style.bold(&lens.lens.name),
        style.dim(&format!("({} {})", lens.lens.id, lens.lens.version))
    )?;
    writeln!(out)?;
    writeln!(out, "{}", style.bold("Design principles"))?;
    for p in &lens.design_principles {
        writeln!(out, "  {}", p.title)?;
    }
    for area in &lens.areas {
        writeln!(out)?;
        writeln!(out, "{}", style.bold(&area.title))?;
        for qid in &area.questions {
            let Some(q) = lens.question(qid) else { continue };
            writeln!(out, "  {} {}", style.bold(&q.id), fit(&q.title, WIDTH - 9))?;
            for bp in &q.best_practices {
                let scope = format!("{:<8}", bp.evidence_scope.level.as_str());
                writeln!(
                    out,
                    "    {} {} {} {}",
                    bp.id,
                    style.level(bp.level_of_risk),
                    style.dim(&scope),
                    fit(&bp.title, WIDTH - 32)
                )?;
            }
        }
    }
    let total = lens.best_practices().count();
    writeln!(out)?;
    let footer = format!(
        "{} questions, {total} best practices; after the level of risk, how much of each practice automated \
         evidence can establish (full, partial, none).",
        lens.questions.len()
    );
    writeln!(out, "{}", style.dim(&wrap(&footer, WIDTH, "")))
}

/// The organization's review for a terminal: accounts reviewed, each question's accounts by
/// risk, the accounts with the most high-risk questions, and the accounts not reviewed.
pub fn organization(org: &wasp_review::org::OrgReview, style: Style, out: &mut dyn Write) -> io::Result<()> {
    writeln!(
        out,
        "{} {} account(s) reviewed, {} not reviewed{}{}",
        style.bold("Organization:"),
        org.reviewed,
        org.not_reviewed,
        org.scope.organizational_unit.as_deref().map(|ou| format!(", under {ou}")).unwrap_or_default(),
        org.scope.shard.as_deref().map(|s| format!(", shard {s}")).unwrap_or_default()
    )?;
    if !org.scope.missing_accounts.is_empty() {
        let line = format!(
            "{} expected account(s) have no snapshot: {}",
            org.scope.missing_accounts.len(),
            org.scope.missing_accounts.join(", ")
        );
        writeln!(out, "{}", wrap(&line, WIDTH, "  "))?;
    }
    writeln!(out)?;
    writeln!(out, "{}", style.bold("Questions: accounts by risk"))?;
    writeln!(
        out,
        "  {:<6} {:>5} {:>7} {:>5} {:>5} {:>13}  title",
        "", "high", "medium", "low", "none", "not assessed"
    )?;
    for q in &org.questions {
        let c = &q.accounts;
        let high = format!("{:>5}", c.high);
        let high = if c.high > 0 { style.risk_text(QuestionRisk::High, &high) } else { high };
        writeln!(
            out,
            "  {:<6} {high} {:>7} {:>5} {:>5} {:>13}  {}",
            q.id,
            c.medium,
            c.low,
            c.none,
            c.not_assessed,
            fit(&q.title, WIDTH.saturating_sub(48))
        )?;
    }
    if !org.most_at_risk.is_empty() {
        writeln!(out)?;
        writeln!(out, "{}", style.bold("Accounts with the most high-risk questions"))?;
        for a in org.most_at_risk.iter().take(10) {
            let name = org
                .accounts
                .iter()
                .find(|o| o.account_id == a.account_id)
                .and_then(|o| o.name.as_deref())
                .map(|n| format!(" ({})", fit(n, 30)))
                .unwrap_or_default();
            writeln!(
                out,
                "  {}{name}: {} high-risk question(s), {} failed finding(s)",
                a.account_id, a.high_risk_questions, a.failed_findings
            )?;
        }
    }
    if !org.organization.is_empty() {
        writeln!(out)?;
        writeln!(out, "{} {}", style.bold("The organization itself"), style.dim("(judged once, not per account)"))?;
        for e in &org.organization {
            let line = format!("{} {}: {} (from {})", e.status.as_str(), e.check_id, e.message, e.judged_in);
            writeln!(out, "  {}", wrap(&line, WIDTH - 2, "    "))?;
        }
    }
    let failed: Vec<_> = org.accounts.iter().filter(|a| a.not_reviewed.is_some()).collect();
    if !failed.is_empty() {
        writeln!(out)?;
        writeln!(out, "{} {}", style.bold("Not reviewed"), style.dim("(their questions count as not assessed)"))?;
        for a in failed {
            let line = format!("{}: {}", a.account_id, a.not_reviewed.as_deref().unwrap_or_default());
            writeln!(out, "  {}", wrap(&line, WIDTH - 2, "    "))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapped_lines_with_their_indent_stay_within_the_width() {
        let text = "Scope is partial; left out: services not collected: elbv2, elb, cloudfront, wafv2, shield, \
                    apigateway, route53, networkfirewall, ecr, ecs, eks, codebuild, codeartifact, ssm, inspector";
        let wrapped = wrap(text, 40, "    ");
        assert!(wrapped.lines().count() > 2, "{wrapped}");
        assert!(wrapped.lines().all(|l| l.chars().count() <= 40), "{wrapped}");
        assert!(wrapped.lines().skip(1).all(|l| l.starts_with("    ")), "{wrapped}");
        assert_eq!(wrapped.split_whitespace().collect::<Vec<_>>(), text.split_whitespace().collect::<Vec<_>>());
    }

    #[test]
    fn long_text_is_cut_to_width_at_the_end_or_in_the_middle() {
        assert_eq!(fit("abcdef", 6), "abcdef");
        assert_eq!(fit("abcdefgh", 6), "abcde…");
        let arn = "arn:aws:ec2:eu-west-1:111122223333:security-group/sg-0123456789abcdef0";
        let cut = fit_middle(arn, 40);
        assert_eq!(cut.chars().count(), 40);
        assert!(cut.starts_with("arn:aws:ec2:") && cut.ends_with("sg-0123456789abcdef0"), "{cut}");
    }

    #[test]
    fn wrapping_keeps_words_whole() {
        assert_eq!(wrap("one two three four", 9, "  "), "one two\n  three\n  four");
    }
}
