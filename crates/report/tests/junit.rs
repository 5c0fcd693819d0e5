//! `--format junit`: well-formed XML whose counts match the review, hostile text kept as text.
mod common;

use common::HOSTILE;
use roxmltree::{Document, Node};
use wasp_checks::{Status, Suppression};
use wasp_report::{Context, ReviewFormat};
use wasp_review::Review;

fn render(review: &Review) -> String {
    let mut out = Vec::new();
    ReviewFormat::Junit.render(&Context::new(review), &mut out).expect("renders");
    String::from_utf8(out).expect("UTF-8")
}

fn count(review: &Review, statuses: &[Status]) -> usize {
    review.findings.iter().filter(|f| statuses.contains(&f.status)).count()
}

fn attr<'a>(node: Node<'a, '_>, name: &str) -> &'a str {
    node.attribute(name).unwrap_or_else(|| panic!("<{}> without {name}", node.tag_name().name()))
}

fn num(node: Node<'_, '_>, name: &str) -> usize {
    attr(node, name).parse().expect("a count")
}

fn elements<'a, 'i>(doc: &'a Document<'i>, tag: &str) -> Vec<Node<'a, 'i>> {
    doc.descendants().filter(|n| n.has_tag_name(tag)).collect()
}

/// The hostile review, with a control character, a muted finding and a skipped one.
fn varied_review() -> Review {
    let mut review = common::hostile_review();
    let fails: Vec<usize> =
        review.findings.iter().enumerate().filter(|(_, f)| f.status == Status::Fail).map(|(i, _)| i).collect();
    review.findings[fails[0]].message = format!("bell\u{7} escape\u{1b} nul\u{0} {HOSTILE}\nsecond line");
    let muted = &mut review.findings[fails[1]];
    muted.status = Status::Muted;
    muted.suppression = Some(Suppression {
        rule: "db:7".into(),
        reason: format!("risk accepted {HOSTILE}"),
        expires: Some("2027-01-31".parse().unwrap()),
        expired: false,
    });
    review.findings[fails[2]].status = Status::Skip;
    review
}

#[test]
fn counts_match_the_review_at_every_level() {
    for review in [common::demo_review(), varied_review()] {
        let text = render(&review);
        let doc = Document::parse(&text).expect("well-formed XML");
        let root = doc.root_element();
        assert_eq!((root.tag_name().name(), attr(root, "name")), ("testsuites", "wasp"));
        let tests = review.findings.len();
        let failures = count(&review, &[Status::Fail]);
        let skipped = count(&review, &[Status::Skip, Status::Muted]);
        assert_eq!((num(root, "tests"), num(root, "failures"), num(root, "skipped")), (tests, failures, skipped));
        assert_eq!(elements(&doc, "testcase").len(), tests);
        assert_eq!(elements(&doc, "failure").len(), failures);
        assert_eq!(elements(&doc, "skipped").len(), skipped);

        let suites = elements(&doc, "testsuite");
        let names: Vec<&str> = suites.iter().map(|s| attr(*s, "name")).collect();
        let mut checks: Vec<&str> = review.findings.iter().map(|f| f.check_id.as_str()).collect();
        checks.sort();
        checks.dedup();
        assert_eq!(names, checks, "one suite per check, in id order");
        for suite in suites {
            let cases: Vec<Node> = suite.children().filter(|n| n.has_tag_name("testcase")).collect();
            let with = |tag: &str| cases.iter().filter(|c| c.children().any(|n| n.has_tag_name(tag))).count();
            assert_eq!(num(suite, "tests"), cases.len());
            assert_eq!(num(suite, "failures"), with("failure"));
            assert_eq!(num(suite, "skipped"), with("skipped"));
            assert!(cases.iter().all(|c| attr(*c, "classname") == attr(suite, "name")));
        }
    }
}

#[test]
fn failures_carry_message_and_severity_and_passes_nothing() {
    let review = common::demo_review();
    let text = render(&review);
    let doc = Document::parse(&text).expect("well-formed XML");
    for f in &review.findings {
        let name = f.resource_arn.clone().unwrap_or_else(|| format!("account {}", f.account_id));
        let case = elements(&doc, "testcase")
            .into_iter()
            .find(|c| attr(*c, "classname") == f.check_id && attr(*c, "name") == name)
            .unwrap_or_else(|| panic!("no test case for {} {name}", f.check_id));
        if f.status == Status::Pass {
            continue;
        }
        let child = case.children().find(|n| n.is_element()).expect("a failure or skipped element");
        if f.status == Status::Fail {
            assert_eq!(child.tag_name().name(), "failure");
            assert_eq!(attr(child, "type"), f.severity.as_str());
        }
    }
    let passes = elements(&doc, "testcase").into_iter().filter(|c| !c.children().any(|n| n.is_element())).count();
    assert_eq!(passes, count(&review, &[Status::Pass]));
}

#[test]
fn hostile_text_and_control_characters_come_back_as_text() {
    let review = varied_review();
    let text = render(&review);
    assert!(!text.contains("<img"), "markup escaped");
    assert!(!text.contains('\u{7}') && !text.contains('\u{1b}') && !text.contains('\u{0}'));
    let doc = Document::parse(&text).expect("well-formed XML despite control characters");
    let failures = elements(&doc, "failure");
    let first = failures
        .iter()
        .find(|n| attr(**n, "message").starts_with("bell"))
        .expect("the failure with control characters");
    let want = format!("bell\u{FFFD} escape\u{FFFD} nul\u{FFFD} {HOSTILE}\nsecond line");
    assert_eq!(attr(*first, "message"), want, "the line break survives in the attribute");
    assert!(first.text().expect("details").starts_with(&want));
    for f in review.findings.iter().filter(|f| f.status == Status::Fail && f.message.starts_with(HOSTILE)) {
        assert!(failures.iter().any(|n| attr(*n, "message") == f.message), "{}", f.message);
    }
    let hostile_names = elements(&doc, "testcase").iter().filter(|c| attr(**c, "name").ends_with(HOSTILE)).count();
    assert!(hostile_names > 0, "hostile ARNs kept whole");
    let skipped: Vec<&str> = elements(&doc, "skipped").iter().map(|n| attr(*n, "message")).collect();
    assert!(skipped.contains(&format!("muted by db:7 until 2027-01-31: risk accepted {HOSTILE}").as_str()));
}

#[test]
fn output_does_not_depend_on_the_order_of_findings() {
    let review = varied_review();
    let mut reversed = review.clone();
    reversed.findings.reverse();
    assert_eq!(render(&review), render(&reversed));
}

#[test]
fn an_empty_review_is_an_empty_but_valid_report() {
    let mut review = common::demo_review();
    review.findings.clear();
    let text = render(&review);
    let doc = Document::parse(&text).expect("well-formed XML");
    assert_eq!(num(doc.root_element(), "tests"), 0);
    assert!(elements(&doc, "testsuite").is_empty());
}
