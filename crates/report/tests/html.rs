//! The HTML report as text: every section there, nothing fetched, nothing from the account
//! taken as markup, and any review — empty, odd, with changes — rendered.
mod common;
mod html_fixture;

use common::HOSTILE;
use wasp_checks::Status;
use wasp_report::{Context, ReviewFormat};
use wasp_review::diff::Diff;
use wasp_review::Review;

fn render(review: &Review, changes: Option<&Diff>) -> String {
    let mut cx = Context::new(review);
    cx.changes = changes;
    let mut out = Vec::new();
    ReviewFormat::Html.render(&cx, &mut out).expect("renders");
    String::from_utf8(out).expect("UTF-8")
}

/// Each start tag of the page: its name, lower case, and its whole text up to `>`.
fn tags(page: &str) -> Vec<(String, &str)> {
    let mut tags = Vec::new();
    let mut rest = page;
    while let Some(at) = rest.find('<') {
        rest = &rest[at + 1..];
        let end = rest.find('>').unwrap_or(rest.len());
        let tag = &rest[..end];
        let name: String = tag.chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
        if !name.is_empty() {
            tags.push((name.to_ascii_lowercase(), tag));
        }
        rest = &rest[end..];
    }
    tags
}

/// The value of an attribute in a tag's text (always double-quoted by the renderer).
fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let key = format!(" {name}=\"");
    let start = tag.find(&key)? + key.len();
    tag[start..].split('"').next()
}

#[test]
fn html_is_a_format_with_its_extension() {
    let format = ReviewFormat::parse("html").expect("html is listed");
    assert_eq!(format.extension(), "html");
}

#[test]
fn the_demo_renders_every_section() {
    let review = common::demo_review();
    let page = render(&review, None);
    assert!(page.starts_with("<!DOCTYPE html>"));
    for id in ["glance", "charts", "plan", "fixes", "practices", "findings", "gaps", "suppressions"] {
        assert!(page.contains(&format!("<section id=\"{id}\"")), "section {id}");
    }
    assert!(!page.contains("<section id=\"changes\""), "no changes section without a previous review");
    assert_eq!(page.matches("class=\"question-card ").count(), 11, "11 questions at a glance");
    assert_eq!(page.matches("<article class=\"bp ").count(), 63, "every practice");
    assert_eq!(page.matches("class=\"cell\"").count(), 63, "one heat-map cell per practice");
    assert!(page.contains("<svg class=\"heatmap\"") && page.contains("<svg class=\"sevchart\""));
    assert_eq!(page.matches("<li class=\"plan-item\">").count(), review.improvement_plan.len());
    assert_eq!(page.matches("<tr data-st=").count(), review.findings.len(), "one row per finding");
    // Filter values match the data the rows carry.
    let fails = review.findings.iter().filter(|f| f.status == Status::Fail).count();
    assert_eq!(page.matches("<tr data-st=\"fail\"").count(), fails);
    assert!(page.contains(&format!("<option value=\"fail\">FAIL ({fails})</option>")));
    // The footer: version, lens, when the evidence was collected.
    let footer = &page[page.find("<footer").expect("a footer")..];
    assert!(footer.contains(&format!("wasp {}", review.tool.version)), "{footer}");
    assert!(footer.contains(&review.lens.id) && footer.contains(&review.lens.version));
    assert!(footer.contains(&review.scope.collected_at.format("%Y-%m-%dT%H:%M:%SZ").to_string()));
    // Gaps are shown as gaps, with their reason.
    for gap in &review.gaps {
        assert!(page.contains(&gap.reason), "gap {gap:?}");
    }
}

#[test]
fn nothing_is_fetched_only_links_point_out() {
    let (review, changes) = html_fixture::with_changes(true);
    let page = render(&review, Some(&changes));
    let csp = "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';";
    assert!(page.contains(csp), "a strict policy forbids fetching");
    let mut links = 0;
    for (name, tag) in tags(&page) {
        if let Some(src) = attr(tag, "src") {
            panic!("<{name}> loads {src}: the page must not load anything");
        }
        match (name.as_str(), attr(tag, "href")) {
            ("a", Some(href)) => {
                links += 1;
                assert!(
                    href.starts_with('#') || href.starts_with("https://") || href.starts_with("http://"),
                    "link {href}"
                );
            }
            ("link", Some(href)) => assert_eq!(href, "data:,", "only the empty icon, so no favicon is fetched"),
            (_, Some(href)) if name != "a" => assert!(href.starts_with('#'), "<{name} href={href}>"),
            _ => {}
        }
        assert!(!["iframe", "img", "object", "embed", "base", "frame"].contains(&name.as_str()), "<{name}>");
    }
    assert!(links > 100, "anchors and AWS guidance links");
    let lower = page.to_ascii_lowercase();
    assert!(!lower.contains("@import") && !lower.contains("url("), "the stylesheet loads nothing");
    assert!(!lower.contains("fetch(") && !lower.contains("xmlhttprequest"), "the script loads nothing");
    assert_eq!(lower.matches("<script").count(), 1, "one inline script");
    assert_eq!(lower.matches("<style").count(), 1, "one inline style sheet");
}

#[test]
fn hostile_markup_is_shown_as_text() {
    let (review, changes) = html_fixture::with_changes(true);
    let page = render(&review, Some(&changes));
    assert!(!page.contains("<img src=x"), "hostile markup got through");
    assert!(page.contains("&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;&lt;/script&gt;"));
    assert_eq!(
        page.matches("onerror").count(),
        page.matches("&lt;img src=x onerror=alert(1)&gt;").count(),
        "every onerror is inside escaped text"
    );
    assert_eq!(page.matches("</script>").count(), 1, "only the page's own script ends");
    assert!(!page.contains("href=\"javascript:"), "a person's evidence link is not made a script link");
    assert!(page.contains("javascript:alert(1)"), "but it is shown");
    // Where else hostile text went: the suppression, the answer, the label of the earlier review.
    assert!(page.contains("until the migration &lt;img src=x"), "the suppression's reason");
    assert!(page.contains("secops@example.com &lt;img src=x"), "the answer's owner");
    assert!(page.contains("r-1 &lt;img src=x"), "the label of the earlier review");
    assert!(!page.contains(HOSTILE));
}

#[test]
fn hostile_values_are_escaped_inside_attributes_too() {
    let mut review = common::demo_review();
    for f in &mut review.findings {
        f.region = "eu-west-1\" onmouseover=\"alert(1)".to_owned();
    }
    let page = render(&review, None);
    assert!(!page.contains("\" onmouseover=\""), "a region broke out of its attribute");
    assert!(page.contains("data-reg=\"eu-west-1&quot; onmouseover=&quot;alert(1)\""));
    assert!(page.contains("<option value=\"eu-west-1&quot; onmouseover=&quot;alert(1)\">"));
}

#[test]
fn an_empty_review_renders_and_says_so() {
    let mut review = common::demo_review();
    review.findings.clear();
    review.improvement_plan.clear();
    review.gaps.clear();
    review.suppressions.clear();
    let page = render(&review, None);
    assert!(page.contains("No check reported a finding."));
    assert!(page.contains("Nothing failed"));
    assert!(page.contains("Every read succeeded."));
    assert!(page.contains("No suppression rule applied"));
    assert!(!page.contains("id=\"filters\""), "no filters without findings");
    assert!(page.ends_with("</html>\n"));
}

#[test]
fn a_review_without_questions_or_regions_renders() {
    let mut review = common::demo_review();
    review.questions.clear();
    review.scope.regions.clear();
    review.scope.account_id = String::new();
    for f in &mut review.findings {
        f.best_practices.clear();
        f.resource_arn = None;
        f.check_id = "not_a_check_of_this_wasp".into();
        f.message = "\u{0}\u{7}\u{202e}é".into();
    }
    let page = render(&review, None);
    assert!(page.contains("<svg class=\"heatmap\""));
    assert!(page.contains("data-svc=\"unknown\""));
    assert!(page.ends_with("</html>\n"));
}

#[test]
fn changes_are_shown_new_resolved_muted_unknown_and_still_failing() {
    let (review, changes) = html_fixture::with_changes(false);
    assert_eq!(changes.new.len(), 2, "{changes:#?}");
    assert_eq!(changes.muted.len(), 1);
    assert_eq!(changes.unknown.len(), 1);
    assert!(!changes.resolved.is_empty() && !changes.still_failing.is_empty());
    assert!(!changes.practice_changes.is_empty() && !changes.risk_changes.is_empty());
    assert_eq!(changes.gaps_closed.len(), 1);
    let page = render(&review, Some(&changes));
    let section = &page[page.find("<section id=\"changes\"").expect("a changes section")..];
    assert!(section.contains("<b>2</b><span>new failures</span>"));
    assert!(section.contains("<b>1</b><span>muted</span>"));
    assert!(section.contains("<h3>New failures (2)</h3>"));
    assert!(section.contains(&format!("<h3>Resolved ({})</h3>", changes.resolved.len())));
    assert!(section.contains("<h3>Unknown (1)</h3>") && section.contains("Unknown: ap-south-1 was not scanned"));
    assert!(section.contains(&format!("<h3>Still failing ({})</h3>", changes.still_failing.len())));
    assert!(section.contains("<h3>Question risk</h3>") && section.contains("<h3>Best-practice status</h3>"));
    assert!(section.contains("<h3>Gaps closed (1)</h3>"));
    assert!(page.contains("<a href=\"#changes\">What changed</a>"), "listed in the navigation");
    // Muted and answered are shown as what they are.
    assert!(page.contains("<span class=\"badge fs-muted\">Muted</span>"));
    assert!(page.contains("stale: answer again"));
    assert!(page.contains("conflict: a check failed, counted as not met"), "the demo's SEC02-BP01 conflicts");
    assert!(page.contains("<article class=\"bp st-not_applicable\" id=\"SEC11-BP03\">"));
    assert!(page.contains("Reason: No software of our own is deployed in this account."));
}

#[test]
fn output_is_deterministic_and_small() {
    let (review, changes) = html_fixture::with_changes(true);
    let first = render(&review, Some(&changes));
    assert_eq!(first, render(&review, Some(&changes)));
    // The demo fails on purpose almost everywhere wasp looks, so its page is the largest.
    assert!(first.len() < 640 * 1024, "the demo report is {} bytes", first.len());
}

#[test]
fn a_partial_scope_is_said_and_long_lists_are_cut_with_a_pointer() {
    let mut review = common::demo_review();
    review.scope.coverage = wasp_review::Coverage::Partial;
    review.scope.left_out = vec![format!("--services s3 {HOSTILE}")];
    let first = review.findings.iter().find(|f| f.status == Status::Fail).expect("a failure").clone();
    for i in 0..40 {
        let arn = format!("{}-copy-{i}", first.resource_arn.clone().unwrap_or_default());
        review.findings.push(wasp_checks::Finding { resource_arn: Some(arn), ..first.clone() });
    }
    let page = render(&review, None);
    assert!(page.contains("<strong>Partial scope.</strong>"));
    assert!(page.contains("<li>--services s3 &lt;img src=x"));
    assert!(page.contains("more: see <a href=\"#findings\">the findings</a>"), "a practice lists at most 25");
    assert!(page.contains("-copy-39"), "every copy is in the findings table");
}

#[test]
fn available_fixes_list_each_failing_check_wasp_can_fix_with_its_command() {
    let review = common::hostile_review();
    let page = render(&review, None);
    let section = &page[page.find("<section id=\"fixes\"").expect("a fixes section")..];
    let section = &section[..section.find("</section>").unwrap()];
    let fixable = wasp_report::fixable(&review);
    assert!(!fixable.is_empty());
    assert_eq!(section.matches("<tr><td><code>wasp fix --demo ").count(), fixable.len(), "{section}");
    // The demo's open security group: the ingress fix, with its count of failing groups.
    let sg =
        fixable.iter().find(|f| f.check_id == "ec2_security_group_admin_ports_restricted").expect("a fixable SG check");
    let failing = review.findings.iter().filter(|f| f.check_id == sg.check_id && f.status == Status::Fail).count();
    assert_eq!(sg.resources, failing);
    assert!(section.contains(&format!(
        "<tr><td><code>wasp fix --demo ec2_security_group_admin_ports_restricted</code></td><td>{}</td><td class=\"num\">{failing}</td></tr>",
        wasp_report::html::Esc(sg.title)
    )));
    assert!(page.contains(&format!("<a href=\"#fixes\">Available fixes ({})</a>", fixable.len())));
    // Each failed finding of such a check shows the command; passes and unfixable checks do not.
    let rows: Vec<&str> = page.split("<tr data-st=").skip(1).collect();
    let with_command = rows.iter().filter(|r| r.contains("<br><code>wasp fix --demo ")).count();
    let expected =
        review.findings.iter().filter(|f| f.status == Status::Fail && wasp_respond_has_fix(&f.check_id)).count();
    assert_eq!(with_command, expected);
    // Nothing from the account reaches the section unescaped.
    assert!(!section.contains("<img") && !section.contains("</script>"));

    // A template's review has no account to fix: no section, no commands.
    let mut template = review.clone();
    template.scope.source = wasp_review::Source::Iac;
    template.improvement_plan.iter_mut().flat_map(|i| &mut i.checks).for_each(|c| c.fix = None);
    let page = render(&template, None);
    assert!(!page.contains("<section id=\"fixes\"") && !page.contains("wasp fix"), "no fixes for templates");
}

fn wasp_respond_has_fix(check: &str) -> bool {
    wasp_review::fix_command(check, wasp_review::Source::Live).is_some()
}
