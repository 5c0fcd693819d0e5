//! `--format markdown`: a short summary for a pull-request comment (GitHub-flavoured Markdown).
//!
//! The scope, the eleven questions and their risk, counts of practices and findings, the top of
//! the improvement plan, gaps, what changed since the previous review (when there is one), and
//! the failed findings in a collapsed table. The whole stays under [`MAX_BYTES`], below GitHub's
//! comment limit of 65,536 characters: when the failed findings do not fit, the table is cut and
//! says how many it left out; `--format json` and `--format csv` have every finding.
//!
//! An organization's review ([`organization`]) has the accounts reviewed and not, each
//! question's accounts by risk, a table of every account's risk in every question (as many
//! accounts as fit under [`MAX_BYTES`], by id; `--format csv` has them all), the accounts with
//! the most high-risk questions, and why accounts were not reviewed.
//!
//! Every string from the account or the user (ARNs, messages, labels) goes through [`escape`]:
//! it cannot end a table cell, open HTML, a link, a code span or a mention.
use std::fmt::Write as _;
use std::io::{self, Write};
use wasp_checks::{Finding, Severity, Status};
use wasp_review::diff::Diff;
use wasp_review::org::{AccountOutcome, OrgReview};
use wasp_review::{Coverage, PracticeStatus, QuestionRisk, Review, Source};

/// The most the comment takes, in bytes (so in characters too): GitHub's 65,536 less room for
/// what a CI step may add around it.
pub const MAX_BYTES: usize = 60_000;
/// Improvement-plan items shown; the JSON has them all.
const PLAN_ITEMS: usize = 10;
/// Available fixes listed; `wasp fix --list` has them all.
const FIX_ITEMS: usize = 10;
/// Characters of an untrusted string kept in a table cell.
const CELL_CHARS: usize = 160;

/// `--format markdown`.
pub struct Markdown;

impl crate::Renderer for Markdown {
    fn render(&self, cx: &crate::Context<'_>, out: &mut dyn Write) -> io::Result<()> {
        out.write_all(render(cx.review, cx.changes).as_bytes())
    }

    fn organization(&self, org: &OrgReview, _style: crate::Style, out: &mut dyn Write) -> Option<io::Result<()>> {
        Some(out.write_all(organization(org).as_bytes()))
    }
}

/// `text` made inert for GitHub-flavoured Markdown, inside a table cell or an HTML block as
/// well as in running text: punctuation that starts emphasis, code, links or ends a cell is
/// backslash-escaped; `<`, `>` and `&` become entities; line breaks and control characters
/// become spaces; bidirectional overrides are dropped; and a zero-width space breaks `@`
/// mentions, `://` and `www.` so nothing becomes a link or pings anyone.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 4);
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if rest.starts_with("://") {
            out.push_str(":&#8203;");
            rest = &rest[1..];
            continue;
        }
        if rest.get(..4).is_some_and(|w| w.eq_ignore_ascii_case("www.")) {
            out.push_str(&rest[..3]);
            out.push_str("&#8203;");
            rest = &rest[3..];
            continue;
        }
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '~' | '$' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '@' => out.push_str("@&#8203;"),
            '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => {}
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// `text` cut to `max` characters, keeping both ends (an ARN's service and its id).
fn cut_middle(text: &str, max: usize) -> String {
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

/// `text` cut to `max` characters at the end.
fn cut(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let mut s: String = text.chars().take(max - 1).collect();
    s.push('…');
    s
}

/// An identifier (a check id) as code when it is one, escaped otherwise.
fn ident(id: &str) -> String {
    let plain = !id.is_empty() && id.len() <= 80 && id.chars().all(|c| c.is_ascii_alphanumeric() || "_-.".contains(c));
    if plain {
        format!("`{id}`")
    } else {
        cell(id)
    }
}

/// Escaped and cut to fit a table cell.
fn cell(text: &str) -> String {
    escape(&cut(text, CELL_CHARS))
}

fn risk_label(risk: QuestionRisk) -> &'static str {
    match risk {
        QuestionRisk::High => "🔴 High",
        QuestionRisk::Medium => "🟠 Medium",
        QuestionRisk::Low => "🟡 Low",
        QuestionRisk::None => "🟢 None",
        QuestionRisk::NotAssessed => "⚪ Not assessed",
    }
}

fn risk_word(risk: QuestionRisk) -> &'static str {
    match risk {
        QuestionRisk::NotAssessed => "not assessed",
        other => other.as_str(),
    }
}

const STATUSES: [(PracticeStatus, &str); 6] = [
    (PracticeStatus::Met, "met"),
    (PracticeStatus::NotMet, "not met"),
    (PracticeStatus::Conflict, "in conflict"),
    (PracticeStatus::EvidenceSupports, "supported"),
    (PracticeStatus::NotAssessed, "not assessed"),
    (PracticeStatus::NotApplicable, "not applicable"),
];

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The review as a Markdown comment, under [`MAX_BYTES`].
pub fn render(review: &Review, changes: Option<&Diff>) -> String {
    let mut head = String::new();
    summary(review, &mut head);
    if let Some(d) = changes {
        since(d, &mut head);
    }
    // The parts above are bounded for the built-in lens (eleven questions, ten plan items,
    // counts); the findings table takes what room is left.
    findings(review, &mut head);
    if head.len() > MAX_BYTES {
        cut_to_limit(&mut head);
    }
    head
}

/// Cuts a comment that is still too long (a review with far more questions than the lens has)
/// at a line break, closing what it leaves open.
fn cut_to_limit(md: &mut String) {
    let note = "\n*Cut to stay under GitHub's comment limit: `--format json` has the whole review.*\n";
    let mut end = MAX_BYTES - note.len() - "\n</details>\n".len();
    while !md.is_char_boundary(end) {
        end -= 1;
    }
    end = md[..end].rfind('\n').map_or(0, |i| i + 1);
    md.truncate(end);
    md.push_str(note);
    if md.matches("<details>").count() > md.matches("</details>").count() {
        md.push_str("\n</details>\n");
    }
}

fn summary(review: &Review, md: &mut String) {
    let scope = &review.scope;
    let source = match scope.source {
        Source::Live => "live evidence",
        Source::Snapshot => "a snapshot",
        Source::Demo => "demo evidence (a fictional account)",
        Source::Iac => "templates (infrastructure as code)",
    };
    let regions =
        if scope.regions.is_empty() { "none".to_owned() } else { escape(&cut(&scope.regions.join(", "), 600)) };
    let coverage = match scope.coverage {
        Coverage::Complete => "complete".to_owned(),
        Coverage::Partial => format!("**partial**, left out: {}", escape(&cut(&scope.left_out.join("; "), 600))),
    };
    let _ = writeln!(md, "## Well-Architected Security Pillar review: account {}", escape(&cut(&scope.account_id, 64)));
    let _ = writeln!(md);
    let _ = writeln!(
        md,
        "From {source}, collected {} · regions: {regions} · coverage: {coverage} · lens {} {} · wasp {}",
        scope.collected_at.format("%Y-%m-%d %H:%M UTC"),
        escape(&cut(&review.lens.id, 64)),
        escape(&cut(&review.lens.version, 32)),
        escape(&cut(&review.tool.version, 32)),
    );
    let _ = writeln!(md);

    let _ = writeln!(md, "| Question | Risk | Best practices |");
    let _ = writeln!(md, "| --- | --- | --- |");
    for q in &review.questions {
        let tally: Vec<String> = STATUSES
            .iter()
            .filter_map(|(status, label)| {
                let n = q.best_practices.iter().filter(|p| p.status == *status).count();
                (n > 0).then(|| format!("{n} {label}"))
            })
            .collect();
        let _ = writeln!(
            md,
            "| {} {} | {} | {} (of {}) |",
            cell(&q.id),
            cell(&q.title),
            risk_label(q.risk),
            tally.join(", "),
            q.best_practices.len()
        );
    }
    let _ = writeln!(md);

    let s = &review.summary;
    let _ = writeln!(
        md,
        "**Questions:** {} high risk, {} medium, {} low, {} without risk, {} not assessed.",
        s.high_risk_questions,
        s.medium_risk_questions,
        s.low_risk_questions,
        s.questions_without_risk,
        s.questions_not_assessed
    );
    let bp = &s.best_practices;
    let total = bp.met + bp.not_met + bp.conflict + bp.evidence_supports + bp.not_assessed + bp.not_applicable;
    let _ = writeln!(
        md,
        "**Best practices ({total}):** {} met · {} not met · {} in conflict · {} supported by evidence, \
         a person must confirm the rest · {} not assessed · {} not applicable.",
        bp.met, bp.not_met, bp.conflict, bp.evidence_supports, bp.not_assessed, bp.not_applicable
    );
    let by_severity: Vec<String> = Severity::ALL
        .iter()
        .map(|sev| format!("{} {sev}", s.failed_by_severity.get(sev).copied().unwrap_or(0)))
        .collect();
    let _ = writeln!(
        md,
        "**Findings** from {}: {} failed ({}) · {} muted (accepted, not fixed) · {} passed · {} skipped \
         (could not be judged).",
        plural(s.checks_run, "check", "checks"),
        s.findings.fail,
        by_severity.join(", "),
        s.findings.muted,
        s.findings.pass,
        s.findings.skip
    );
    let _ = writeln!(md);
    if s.gaps == 0 {
        let _ = writeln!(md, "**Gaps:** none, every read succeeded.");
    } else {
        let _ = writeln!(
            md,
            "**Gaps:** {} failed. A gap is neither a pass nor a fail: the practices whose checks needed \
             the missing data are not assessed until the read succeeds.",
            plural(s.gaps, "read", "reads")
        );
    }
    let _ = writeln!(md);

    if review.improvement_plan.is_empty() {
        let _ = writeln!(md, "### Improvement plan\n\nNothing failed.\n");
    } else {
        let shown = PLAN_ITEMS.min(review.improvement_plan.len());
        let _ = writeln!(md, "### Improvement plan (top {shown} of {})\n", review.improvement_plan.len());
        for item in review.improvement_plan.iter().take(PLAN_ITEMS) {
            let checks: Vec<String> = item
                .checks
                .iter()
                .take(3)
                .map(|c| match &c.fix {
                    Some(fix) => format!("{} ({}, {}; fix: `{fix}`)", ident(&c.id), c.severity, c.failing_resources),
                    None => format!("{} ({}, {})", ident(&c.id), c.severity, c.failing_resources),
                })
                .collect();
            let _ = writeln!(
                md,
                "{}. **{}** {}: {} risk, {}; checks: {}",
                item.rank,
                escape(&cut(&item.best_practice, 32)),
                escape(&cut(&item.title, 200)),
                item.level_of_risk.as_str(),
                plural(item.failing_resources, "failing resource", "failing resources"),
                checks.join(", ")
            );
        }
        let _ = writeln!(md);
    }
    let fixable = crate::fixable(review);
    if !fixable.is_empty() {
        let shown = FIX_ITEMS.min(fixable.len());
        let _ = writeln!(md, "### Available fixes ({shown} of {})\n", fixable.len());
        for f in fixable.iter().take(FIX_ITEMS) {
            let _ = writeln!(
                md,
                "- `{}`: {} ({})",
                f.command,
                escape(f.title),
                plural(f.resources, "failing resource", "failing resources")
            );
        }
        let _ = writeln!(md, "\nEach prints a plan; nothing changes without `--apply`.\n");
    }
}

fn since(d: &Diff, md: &mut String) {
    let _ = writeln!(md, "### Since the last review\n");
    let mut counts = format!(
        "Compared with review {} (collected {}): **{}** new, **{}** resolved, **{}** still failing",
        escape(&cut(&d.from.label, 64)),
        d.from.collected_at.format("%Y-%m-%d %H:%M UTC"),
        d.new.len(),
        d.resolved.len(),
        d.still_failing.len()
    );
    if !d.muted.is_empty() {
        let _ = write!(counts, ", {} muted", d.muted.len());
    }
    if !d.unknown.is_empty() {
        let _ = write!(counts, ", {} no longer judged (unknown, not resolved)", d.unknown.len());
    }
    let _ = writeln!(md, "{counts}.");
    let _ = writeln!(md);
    if d.risk_changes.is_empty() {
        let _ = writeln!(md, "No question changed risk.");
    } else {
        let changes: Vec<String> = d
            .risk_changes
            .iter()
            .take(20)
            .map(|c| format!("{} {} → {}", escape(&cut(&c.question, 32)), risk_word(c.from), risk_word(c.to)))
            .collect();
        let _ = writeln!(md, "Risk changes: {}.", changes.join("; "));
    }
    if !d.practice_changes.is_empty() || !d.gaps_opened.is_empty() || !d.gaps_closed.is_empty() {
        let _ = writeln!(
            md,
            "{} changed status; gaps: {} opened, {} closed.",
            plural(d.practice_changes.len(), "practice", "practices"),
            d.gaps_opened.len(),
            d.gaps_closed.len()
        );
    }
    let _ = writeln!(md);
}

fn row(f: &Finding, source: Source) -> String {
    let resource = f.resource_arn.clone().unwrap_or_else(|| format!("account {}", f.account_id));
    let check = match wasp_review::fix_command(&f.check_id, source) {
        Some(fix) => format!("{} (fix: `{fix}`)", ident(&f.check_id)),
        None => ident(&f.check_id),
    };
    format!(
        "| {} | {} | {} | {} | {} |\n",
        f.severity,
        check,
        escape(&cut_middle(&resource, CELL_CHARS)),
        cell(&f.region),
        cell(&f.message)
    )
}

/// The failed findings, collapsed, as many as fit in what is left of [`MAX_BYTES`].
fn findings(review: &Review, md: &mut String) {
    let mut failed: Vec<&Finding> = review.findings.iter().filter(|f| f.status == Status::Fail).collect();
    if failed.is_empty() {
        let _ = writeln!(md, "No failed findings.");
        return;
    }
    failed.sort_by(|a, b| {
        (std::cmp::Reverse(a.severity), &a.check_id, &a.resource_arn, &a.region, &a.message).cmp(&(
            std::cmp::Reverse(b.severity),
            &b.check_id,
            &b.resource_arn,
            &b.region,
            &b.message,
        ))
    });
    let header = "| Severity | Check | Resource | Region | Message |\n| --- | --- | --- | --- | --- |\n";
    let close = "\n</details>\n";
    // The longest a summary line and a truncation note can be (counts have at most 20 digits).
    let reserve = 2 * 200 + header.len() + close.len();
    let room = MAX_BYTES.saturating_sub(md.len() + reserve);
    let mut rows = String::new();
    let mut shown = 0;
    for f in &failed {
        let line = row(f, review.scope.source);
        if rows.len() + line.len() > room {
            break;
        }
        rows.push_str(&line);
        shown += 1;
    }
    let total = failed.len();
    let summary = if shown == total {
        format!("Failed findings ({total})")
    } else {
        format!("Failed findings (the {shown} most severe of {total})")
    };
    let _ = writeln!(md, "<details>\n<summary>{summary}</summary>\n");
    if shown > 0 {
        md.push_str(header);
        md.push_str(&rows);
    }
    if shown < total {
        let _ = writeln!(
            md,
            "\n{} not shown to stay under GitHub's comment limit: `--format json` or `--format csv` \
             lists every finding.",
            plural(total - shown, "more failed finding", "more failed findings")
        );
    }
    md.push_str(close);
}

/// Accounts listed as most at risk, and as not reviewed; the JSON has them all.
const ORG_MOST_AT_RISK: usize = 10;
const ORG_NOT_REVIEWED: usize = 25;
/// Characters of an account's name kept in the accounts table.
const NAME_CHARS: usize = 60;

fn account_label(a: &AccountOutcome) -> String {
    match &a.name {
        Some(name) => format!("{} ({})", ident(&a.account_id), escape(&cut(name, NAME_CHARS))),
        None => ident(&a.account_id),
    }
}

/// The organization's review as a Markdown comment, under [`MAX_BYTES`].
pub fn organization(org: &OrgReview) -> String {
    let mut md = String::new();
    org_summary(org, &mut md);
    let tail = org_tail(org);
    let room = MAX_BYTES.saturating_sub(md.len() + tail.len() + 400);
    org_accounts(org, room, &mut md);
    md.push_str(&tail);
    if md.len() > MAX_BYTES {
        cut_to_limit(&mut md);
    }
    md
}

fn org_summary(org: &OrgReview, md: &mut String) {
    let _ = writeln!(md, "## Well-Architected Security Pillar review: organization\n");
    let mut line =
        format!("{} reviewed, {} not reviewed", plural(org.reviewed, "account", "accounts"), org.not_reviewed);
    if let Some(ou) = &org.scope.organizational_unit {
        let _ = write!(line, " · organizational unit {}", escape(&cut(ou, 64)));
    }
    if let Some(shard) = &org.scope.shard {
        let _ = write!(line, " · shard {}", escape(&cut(shard, 32)));
    }
    let _ = writeln!(
        md,
        "{line} · lens {} {} · wasp {}\n",
        escape(&cut(&org.lens.id, 64)),
        escape(&cut(&org.lens.version, 32)),
        escape(&cut(&org.tool.version, 32))
    );
    let missing = &org.scope.missing_accounts;
    if !missing.is_empty() {
        let _ = writeln!(
            md,
            "**Missing:** {} expected but without a review, so not assessed: {}\n",
            plural(missing.len(), "account is", "accounts are"),
            escape(&cut(&missing.join(", "), 600))
        );
    }
    let _ = writeln!(
        md,
        "| Question | {} | {} | {} | {} | {} |",
        risk_label(QuestionRisk::High),
        risk_label(QuestionRisk::Medium),
        risk_label(QuestionRisk::Low),
        risk_label(QuestionRisk::None),
        risk_label(QuestionRisk::NotAssessed)
    );
    let _ = writeln!(md, "| --- | ---: | ---: | ---: | ---: | ---: |");
    for q in &org.questions {
        let c = &q.accounts;
        let _ = writeln!(
            md,
            "| {} {} | {} | {} | {} | {} | {} |",
            cell(&q.id),
            cell(&q.title),
            c.high,
            c.medium,
            c.low,
            c.none,
            c.not_assessed
        );
    }
    let _ = writeln!(md, "\nEach question's accounts by risk; an account not reviewed counts as not assessed.\n");
    if !org.organization.is_empty() {
        let _ = writeln!(md, "### The organization itself\n");
        let _ = writeln!(md, "| Status | Check | Finding | Judged in |");
        let _ = writeln!(md, "| --- | --- | --- | --- |");
        for e in org.organization.iter().take(100) {
            let _ = writeln!(
                md,
                "| {} | {} | {} | {} |",
                e.status.as_str(),
                ident(&e.check_id),
                cell(&e.message),
                cell(&e.judged_in)
            );
        }
        let _ = writeln!(md);
    }
}

/// The table of every account's risk in every question, as many rows as `room` bytes take.
fn org_accounts(org: &OrgReview, room: usize, md: &mut String) {
    let accounts = crate::accounts_by_id(org);
    let _ = writeln!(md, "### Accounts by question\n");
    if accounts.is_empty() {
        let _ = writeln!(md, "No accounts.\n");
        return;
    }
    let mut header = String::from("| Account |");
    let mut rule = String::from("| --- |");
    for q in &org.questions {
        let _ = write!(header, " {} |", ident(&q.id));
        rule.push_str(" --- |");
    }
    let mut rows = String::new();
    let mut shown = 0;
    for a in &accounts {
        // An account not reviewed says so, its cells empty; the reason is below.
        let note = if a.not_reviewed.is_some() { " · *not reviewed*" } else { "" };
        let mut line = format!("| {}{note} |", account_label(a));
        for q in &org.questions {
            if a.not_reviewed.is_some() {
                line.push_str(" — |");
            } else {
                let _ = write!(line, " {} |", risk_label(crate::account_risk(a, &q.id)));
            }
        }
        line.push('\n');
        if header.len() + rule.len() + rows.len() + line.len() > room {
            break;
        }
        rows.push_str(&line);
        shown += 1;
    }
    if shown > 0 {
        let _ = writeln!(md, "{header}\n{rule}");
        md.push_str(&rows);
        md.push('\n');
    }
    if shown < accounts.len() {
        let _ = writeln!(
            md,
            "{} not shown to stay under GitHub's comment limit: `--format csv` lists every account.\n",
            plural(accounts.len() - shown, "more account", "more accounts")
        );
    }
}

/// The accounts most at risk and those not reviewed, bounded.
fn org_tail(org: &OrgReview) -> String {
    let mut md = String::new();
    let name_of = |id: &str| org.accounts.iter().find(|a| a.account_id == id);
    let _ = writeln!(md, "### Most at risk\n");
    if org.most_at_risk.is_empty() {
        let _ = writeln!(md, "No account has a high-risk question.\n");
    } else {
        for (i, r) in org.most_at_risk.iter().take(ORG_MOST_AT_RISK).enumerate() {
            let label = name_of(&r.account_id).map_or_else(|| ident(&r.account_id), account_label);
            let _ = writeln!(
                md,
                "{}. {label}: {}, {}",
                i + 1,
                plural(r.high_risk_questions, "high-risk question", "high-risk questions"),
                plural(r.failed_findings, "failed finding", "failed findings")
            );
        }
        if org.most_at_risk.len() > ORG_MOST_AT_RISK {
            let _ = writeln!(md, "\n…and {} more.", org.most_at_risk.len() - ORG_MOST_AT_RISK);
        }
        md.push('\n');
    }
    let failed: Vec<&AccountOutcome> =
        crate::accounts_by_id(org).into_iter().filter(|a| a.not_reviewed.is_some()).collect();
    if !failed.is_empty() {
        let _ = writeln!(md, "### Not reviewed ({})\n", failed.len());
        for a in failed.iter().take(ORG_NOT_REVIEWED) {
            let reason = a.not_reviewed.as_deref().unwrap_or_default();
            let _ = writeln!(md, "- {}: {}", account_label(a), escape(&cut(reason, 300)));
        }
        if failed.len() > ORG_NOT_REVIEWED {
            let _ = writeln!(md, "\n…and {} more: `--format json` has every reason.", failed.len() - ORG_NOT_REVIEWED);
        }
        md.push('\n');
    }
    md
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_neutralises_markup_links_and_mentions() {
        assert_eq!(escape("a|b"), "a\\|b");
        assert_eq!(escape("\\|"), "\\\\\\|");
        assert_eq!(escape("<img src=x>"), "&lt;img src=x&gt;");
        assert_eq!(escape("[x](y) *b* _i_ `c` ~s~ $m$"), "\\[x\\](y) \\*b\\* \\_i\\_ \\`c\\` \\~s\\~ \\$m\\$");
        assert_eq!(escape("@octocat"), "@&#8203;octocat");
        assert_eq!(escape("https://x WWW.y"), "https:&#8203;//x WWW&#8203;.y");
        assert_eq!(escape("a\nb\rc\u{202E}d"), "a b cd");
        assert_eq!(escape("&lt;"), "&amp;lt;");
    }

    #[test]
    fn cuts_keep_length_and_ends() {
        assert_eq!(cut("abcdef", 4), "abc…");
        assert_eq!(cut_middle("abcdefghij", 5), "ab…ij");
        assert_eq!(cut_middle("abc", 5), "abc");
    }
}
