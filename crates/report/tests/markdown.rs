//! `--format markdown`: under GitHub's comment limit, inert untrusted text, changes only when given.
mod common;

use common::HOSTILE;
use wasp_checks::Status;
use wasp_report::markdown::MAX_BYTES;
use wasp_report::{Context, ReviewFormat};
use wasp_review::diff::Diff;
use wasp_review::{QuestionRisk, Review};

/// GitHub's limit for a comment, in characters.
const GITHUB_LIMIT: usize = 65_536;

/// Markdown, links, mentions, HTML and a line break that would start a new table row.
const NASTY: &str = "x|y `z` [link](https://evil.example) @octocat **b** <IMG SRC=x>\n| injected | row |\r\n\
                     ![i](x) &#60;img&#62; www.evil.example \\| trailing\\";

fn render(review: &Review, changes: Option<&Diff>) -> String {
    let mut out = Vec::new();
    let cx = Context { changes, ..Context::new(review) };
    ReviewFormat::Markdown.render(&cx, &mut out).expect("renders");
    String::from_utf8(out).expect("UTF-8")
}

/// Pipes that delimit cells: a backslash escapes the character after it, as GFM reads rows.
fn unescaped_pipes(line: &str) -> usize {
    let (mut n, mut chars) = (0, line.chars());
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                chars.next();
            }
            '|' => n += 1,
            _ => {}
        }
    }
    n
}

/// Every table: its rows have as many cell delimiters as its header, and a blank line ends it.
fn assert_tables_hold(md: &str) -> usize {
    let lines: Vec<&str> = md.lines().collect();
    let mut tables = 0;
    let mut i = 0;
    while i < lines.len() {
        if !lines[i].starts_with('|') {
            i += 1;
            continue;
        }
        tables += 1;
        let pipes = unescaped_pipes(lines[i]);
        while i < lines.len() && lines[i].starts_with('|') {
            assert_eq!(unescaped_pipes(lines[i]), pipes, "row breaks its table: {}", lines[i]);
            i += 1;
        }
        assert!(i == lines.len() || lines[i].is_empty(), "text joins the table: {:?}", lines[i]);
    }
    tables
}

fn assert_under_limit(md: &str) {
    assert!(md.len() <= MAX_BYTES, "{} bytes", md.len());
    assert!(md.chars().count() < GITHUB_LIMIT);
}

/// The demo review with `count` failed findings, cloned from its own.
fn huge_review(count: usize) -> Review {
    let mut review = common::hostile_review();
    let failed: Vec<_> = review.findings.iter().filter(|f| f.status == Status::Fail).cloned().collect();
    for i in 0..count.saturating_sub(failed.len()) {
        let mut f = failed[i % failed.len()].clone();
        if let Some(arn) = &mut f.resource_arn {
            arn.push_str(&format!("-copy{i}"));
        }
        review.findings.push(f);
    }
    review
}

#[test]
fn the_demo_fits_with_every_part() {
    let review = common::demo_review();
    let md = render(&review, None);
    assert_under_limit(&md);
    assert!(md.starts_with(&format!("## Well-Architected Security Pillar review: account {}", review.scope.account_id)));
    assert!(md.contains("coverage: complete") && md.contains("regions: "));
    for q in &review.questions {
        assert!(md.contains(&format!("| {} ", q.id)), "{} has a row", q.id);
    }
    assert!(md.contains("🔴 High"), "risk in words as well as colour");
    let unassessed = review.questions.iter().any(|q| q.risk == QuestionRisk::NotAssessed);
    assert_eq!(md.contains("⚪ Not assessed"), unassessed, "risk in words as well as colour");
    let fails = review.findings.iter().filter(|f| f.status == Status::Fail).count();
    assert!(md.contains(&format!("<summary>Failed findings ({fails})</summary>")));
    assert_eq!(
        md.lines().filter(|l| l.starts_with("| critical |") || l.starts_with("| high |")).count(),
        review
            .findings
            .iter()
            .filter(|f| f.status == Status::Fail && f.severity >= wasp_checks::Severity::High)
            .count()
    );
    assert!(md.contains("### Improvement plan (top 10 of"));
    assert_eq!(
        md.lines().filter(|l| l.split_once(". **SEC").is_some_and(|(n, _)| n.parse::<usize>().is_ok())).count(),
        10
    );
    assert!(md.contains("**Gaps:**") && md.contains("neither a pass nor a fail"));
    assert!(!md.contains("not shown"), "nothing truncated");
    assert!(!md.contains("Since the last review"));
    assert_eq!(assert_tables_hold(&md), 2);
}

#[test]
fn tens_of_thousands_of_findings_are_cut_with_a_note() {
    let review = huge_review(40_000);
    let total = review.findings.iter().filter(|f| f.status == Status::Fail).count();
    assert!(total >= 40_000);
    let md = render(&review, None);
    assert_under_limit(&md);
    let shown = md.lines().filter(|l| l.starts_with("| ") && l.contains(" | `")).count();
    assert!(shown > 50, "the table still shows the most severe ({shown})");
    assert!(md.contains(&format!("<summary>Failed findings (the {shown} most severe of {total})</summary>")));
    assert!(md.contains(&format!("{} more failed findings not shown", total - shown)));
    assert!(md.contains("`--format json` or `--format csv` lists every finding"));
    assert!(md.trim_end().ends_with("</details>"));
    assert_tables_hold(&md);
}

#[test]
fn hostile_strings_stay_text() {
    let mut review = common::hostile_review();
    review.scope.account_id = NASTY.into();
    review.scope.regions.push(NASTY.into());
    review.questions[0].title = NASTY.into();
    review.improvement_plan[0].title = NASTY.into();
    // As many hostile failures as fit under the limit, so none is cut from the table.
    let mut kept = 0;
    review.findings.retain(|f| {
        kept += usize::from(f.status == Status::Fail);
        f.status != Status::Fail || kept <= 40
    });
    for f in review.findings.iter_mut().filter(|f| f.status == Status::Fail) {
        f.message = format!("{NASTY} {}", f.message);
        f.resource_arn = Some(format!("{NASTY}{HOSTILE}"));
        f.region = NASTY.into();
        f.check_id = NASTY.into();
    }
    let before = common::demo_review();
    let mut diff = wasp_review::diff::diff(&before, NASTY, &review, "now");
    diff.from.label = NASTY.into();
    let md = render(&review, Some(&diff));
    assert_under_limit(&md);
    assert!(!md.to_lowercase().contains("<img"), "no raw HTML");
    for (i, _) in md.match_indices('<') {
        let tag = ["<details>", "</details>", "<summary>", "</summary>"];
        assert!(tag.iter().any(|t| md[i..].starts_with(t)), "raw `<` at {i}: {}", &md[i..(i + 30).min(md.len())]);
    }
    assert!(!md.contains("@octocat"), "mention neutralised");
    assert!(!md.contains("://") && !md.to_lowercase().contains("www.evil"), "no autolink");
    let unescaped_brackets =
        md.lines().map(|l| l.replace("\\\\", "").replace("\\[", "")).filter(|l| l.contains('[')).count();
    assert_eq!(unescaped_brackets, 0, "no link or image syntax");
    let rows = md.lines().filter(|l| l.contains("injected")).count();
    let fails = review.findings.iter().filter(|f| f.status == Status::Fail).count();
    assert!(!md.contains("not shown") && rows > fails, "hostile text is shown, not dropped ({rows} lines)");
    assert_tables_hold(&md);
}

#[test]
fn changes_appear_only_when_given() {
    let before = common::demo_review();
    let mut after = before.clone();
    let fixed = after.findings.iter().position(|f| f.status == Status::Fail).expect("a failure");
    let broken = after.findings.iter().position(|f| f.status == Status::Pass && f.resource_arn.is_some()).unwrap();
    after.findings[fixed].status = Status::Pass;
    after.findings[broken].status = Status::Fail;
    after.questions[10].risk = QuestionRisk::Low;
    let diff = wasp_review::diff::diff(&before, "r1", &after, "r2");
    assert_eq!((diff.new.len(), diff.resolved.len()), (1, 1));

    assert!(!render(&after, None).contains("Since the last review"));
    let md = render(&after, Some(&diff));
    assert_under_limit(&md);
    assert!(md.contains("### Since the last review"));
    let still = diff.still_failing.len();
    assert!(md.contains(&format!("**1** new, **1** resolved, **{still}** still failing")), "{md}");
    let was = serde_json::to_value(before.questions[10].risk).unwrap().as_str().unwrap().replace('_', " ");
    assert!(md.contains(&format!("SEC11 {was} → low")), "{md}");
}

#[test]
fn a_review_with_far_more_questions_than_the_lens_is_cut_too() {
    let mut review = common::hostile_review();
    let question = review.questions[0].clone();
    review.questions = vec![question; 5_000];
    let md = render(&review, None);
    assert_under_limit(&md);
    assert!(md.contains("Cut to stay under GitHub's comment limit"));
    assert_tables_hold(&md);
}

#[test]
fn an_empty_review_renders() {
    let mut review = common::demo_review();
    review.findings.clear();
    review.improvement_plan.clear();
    review.questions.clear();
    let md = render(&review, None);
    assert!(md.contains("No failed findings.") && md.contains("Nothing failed."));
    assert_tables_hold(&md);
}

#[test]
fn fixable_failures_name_the_command_that_plans_their_fix() {
    let review = common::demo_review();
    let md = render(&review, None);
    let fixable = wasp_report::fixable(&review);
    let top = &fixable[0];
    assert!(md.contains(&format!("### Available fixes ({} of {})", fixable.len().min(10), fixable.len())), "{md}");
    assert!(md.contains(&format!("- `{}`: ", top.command)), "{md}");
    // In the findings table, beside the check, for each failed finding of a fixable check.
    let fixable_rows = review
        .findings
        .iter()
        .filter(|f| f.status == Status::Fail && wasp_review::fix_command(&f.check_id, review.scope.source).is_some())
        .count();
    assert_eq!(md.matches(" (fix: `wasp fix --demo ").count(), fixable_rows);
    assert_tables_hold(&md);
    assert!(md.len() <= MAX_BYTES);
}
