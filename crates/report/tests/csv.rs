//! `--format csv`: parses back, documented columns, neutralised formulas, stable order.
mod common;

use common::HOSTILE;
use wasp_checks::{Status, Suppression};
use wasp_model::SourceLocation;
use wasp_report::csv::COLUMNS;
use wasp_report::{Context, ReviewFormat};
use wasp_review::Review;

fn render(review: &Review) -> String {
    let mut out = Vec::new();
    ReviewFormat::Csv.render(&Context::new(review), &mut out).expect("renders");
    String::from_utf8(out).expect("UTF-8")
}

fn parse(text: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header = reader.headers().expect("a header").iter().map(str::to_owned).collect();
    let rows = reader.records().map(|r| r.expect("a valid record").iter().map(str::to_owned).collect()).collect();
    (header, rows)
}

fn col(name: &str) -> usize {
    COLUMNS.iter().position(|c| *c == name).unwrap_or_else(|| panic!("no column {name}"))
}

/// The hostile review, plus a muted finding, a skipped one, and one from a template.
fn varied_review() -> Review {
    let mut review = common::hostile_review();
    let fails: Vec<usize> =
        review.findings.iter().enumerate().filter(|(_, f)| f.status == Status::Fail).map(|(i, _)| i).collect();
    let muted = &mut review.findings[fails[0]];
    muted.status = Status::Muted;
    muted.suppression = Some(Suppression {
        rule: "wasp.toml:1".into(),
        reason: format!("accepted, \"for now\"\n{HOSTILE}"),
        expires: Some("2027-01-31".parse().unwrap()),
        expired: false,
    });
    let skipped = &mut review.findings[fails[1]];
    skipped.status = Status::Skip;
    let iac = &mut review.findings[fails[2]];
    iac.location = Some(SourceLocation {
        file: "stacks/app.yaml".into(),
        line: Some(42),
        column: None,
        logical_id: "Bucket".into(),
    });
    review
}

#[test]
fn header_is_the_documented_columns_and_every_finding_is_one_row() {
    let review = common::demo_review();
    let text = render(&review);
    let (header, rows) = parse(&text);
    assert_eq!(header, COLUMNS);
    assert_eq!(rows.len(), review.findings.len());
    assert!(rows.iter().all(|r| r.len() == COLUMNS.len()));
    let status = col("status");
    for s in [Status::Pass, Status::Fail, Status::Skip, Status::Muted] {
        let want = review.findings.iter().filter(|f| f.status == s).count();
        assert_eq!(rows.iter().filter(|r| r[status] == s.as_str()).count(), want, "{s:?}");
    }
    assert!(text.starts_with("account_id,region,check_id,") && text.contains("\r\n"), "RFC 4180 line ends");
    // Check metadata and the lens fill in what a finding does not carry.
    let first_fail = rows.iter().find(|r| r[status] == "FAIL").expect("a failure");
    assert!(!first_fail[col("check_title")].is_empty() && !first_fail[col("service")].is_empty());
    assert!(first_fail[col("questions")].starts_with("SEC"), "{:?}", first_fail[col("questions")]);
    assert_eq!(first_fail[col("collected_at")], review.scope.collected_at.format("%Y-%m-%dT%H:%M:%SZ").to_string());
}

#[test]
fn hostile_strings_survive_the_round_trip() {
    let review = varied_review();
    let (_, rows) = parse(&render(&review));
    assert_eq!(rows.len(), review.findings.len());
    let (arn, message) = (col("resource_arn"), col("message"));
    for f in review.findings.iter().filter(|f| f.message.contains(HOSTILE)) {
        let row = rows
            .iter()
            .find(|r| {
                r[message] == f.message
                    && r[arn] == f.resource_arn.clone().unwrap_or_default()
                    && r[col("check_id")] == f.check_id
            })
            .unwrap_or_else(|| panic!("no row for {} {}", f.check_id, f.message));
        assert_eq!(row[col("region")], f.region);
    }
    let muted = rows.iter().find(|r| r[col("status")] == "MUTED").expect("the muted row");
    assert_eq!(muted[col("suppression_reason")], format!("accepted, \"for now\"\n{HOSTILE}"));
    assert_eq!(muted[col("suppression_expires")], "2027-01-31");
    assert_eq!(muted[col("suppression_expired")], "false");
    let iac = rows.iter().find(|r| !r[col("source_file")].is_empty()).expect("the template row");
    assert_eq!((iac[col("source_file")].as_str(), iac[col("source_line")].as_str()), ("stacks/app.yaml", "42"));
    assert_eq!(iac[col("source_logical_id")], "Bucket");
    let plain = rows.iter().filter(|r| r[col("status")] == "PASS").all(|r| {
        r[col("suppression_reason")].is_empty() && r[col("source_file")].is_empty() && r[col("source_line")].is_empty()
    });
    assert!(plain, "columns that do not apply stay empty");
}

#[test]
fn cells_that_would_start_a_formula_get_a_leading_quote() {
    let mut review = common::demo_review();
    let formulas = ["=HYPERLINK(\"http://x\",\"y\")", "+1", "-1+2", "@SUM(A1)", "\tTAB", "\rCR"];
    for (f, formula) in review.findings.iter_mut().zip(formulas) {
        f.message = formula.to_owned();
        f.resource_arn = Some(format!("={formula}"));
    }
    review.findings[0].region = "-cmd".into();
    let (_, rows) = parse(&render(&review));
    for formula in formulas {
        assert!(rows.iter().any(|r| r[col("message")] == format!("'{formula}")), "{formula:?} neutralised");
        assert!(rows.iter().any(|r| r[col("resource_arn")] == format!("'={formula}")));
    }
    assert!(rows.iter().any(|r| r[col("region")] == "'-cmd"));
    for cell in rows.iter().flatten() {
        assert!(!cell.starts_with(['=', '+', '-', '@', '\t', '\r']), "formula left in {cell:?}");
    }
}

#[test]
fn rows_are_sorted_whatever_order_the_review_holds() {
    let review = varied_review();
    let mut reversed = review.clone();
    reversed.findings.reverse();
    let text = render(&review);
    assert_eq!(text, render(&reversed));
    let (_, rows) = parse(&text);
    let order = ["FAIL", "MUTED", "PASS", "SKIP"];
    let ranks: Vec<usize> =
        rows.iter().map(|r| order.iter().position(|s| *s == r[col("status")]).expect("a status")).collect();
    assert!(ranks.windows(2).all(|w| w[0] <= w[1]), "grouped by status in order");
}

#[test]
fn an_empty_review_is_a_header_alone() {
    let mut review = common::demo_review();
    review.findings.clear();
    let text = render(&review);
    let (header, rows) = parse(&text);
    assert_eq!((header.len(), rows.len()), (COLUMNS.len(), 0));
    assert_eq!(text.lines().count(), 1);
}
