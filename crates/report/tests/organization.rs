//! The organization's review in every format that has a view of it: the same accounts and
//! risks in each, read back structurally, and names and reasons from the organization kept as
//! text. SARIF, OCSF and ASFF have no organization view and write nothing.
use roxmltree::{Document, Node};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::Path;
use wasp_checks::Status;
use wasp_pillar::Lens;
use wasp_report::{ReviewFormat, Style};
use wasp_review::org::{roll_up, AccountOutcome, OrgEvidence, OrgReview, OrgScope};
use wasp_review::{PracticeStatus, QuestionRisk, Summary};

const PROD: &str = "111111111111";
const SANDBOX: &str = "222222222222";
const SUSPENDED: &str = "333333333333";
const REASON: &str = "the role OrganizationAccountAccessRole could not be assumed: AccessDenied";
const FAILED_IN_PROD: usize = 12;

/// Markup, quotes, an ampersand, a table cell's end and a line that would start a new table row.
const HOSTILE: &str = "<script>alert(1)</script>\"'&|x\n| --- | <img src=x onerror=alert(2)>";
/// A cell a spreadsheet would evaluate.
const FORMULA: &str = "=HYPERLINK(\"http://evil.example\",\"x\")";
/// The columns of the organization's CSV: the six per account and question, then `scope`, the
/// organization's verdict and the account that judged it.
const CSV_COLUMNS: usize = 15;

fn questions() -> Vec<String> {
    let ids: Vec<String> = Lens::builtin().questions.iter().map(|q| q.id.clone()).collect();
    assert_eq!(ids.len(), 11, "the built-in lens has eleven questions");
    ids
}

/// The risk each account has in the question at `index` (`None` for the account not reviewed).
fn expected(account: &str, index: usize) -> QuestionRisk {
    match (account, index) {
        (PROD, 0 | 1) => QuestionRisk::High,
        (PROD, 2) => QuestionRisk::Medium,
        (PROD, 3) => QuestionRisk::Low,
        (PROD, 10) => QuestionRisk::NotAssessed, // absent from its outcome
        (SANDBOX, 5) => QuestionRisk::Low,
        (SANDBOX, 9) => QuestionRisk::NotAssessed, // present, not assessed
        (SUSPENDED, _) => QuestionRisk::NotAssessed,
        _ => QuestionRisk::None,
    }
}

fn reviewed(id: &str, name: &str, failed: usize) -> AccountOutcome {
    let mut summary = Summary::default();
    summary.findings.fail = failed;
    let questions = questions()
        .into_iter()
        .enumerate()
        .filter(|(i, _)| !(id == PROD && *i == 10))
        .map(|(i, q)| (q, expected(id, i)))
        .collect();
    AccountOutcome {
        account_id: id.into(),
        name: Some(name.into()),
        not_reviewed: None,
        summary: Some(summary),
        questions,
        practices: BTreeMap::from([("SEC01-BP01".to_owned(), PracticeStatus::NotMet)]),
        // The management account judged the organization's own policies.
        organization: if id == PROD {
            vec![OrgEvidence {
                check_id: "organizations_rcp_attached".into(),
                status: Status::Fail,
                resource_arn: Some("arn:aws:organizations::111111111111:organization/o-abc".into()),
                region: "global".into(),
                message: format!("no resource control policy is attached {name}"),
                judged_in: PROD.into(),
            }]
        } else {
            Vec::new()
        },
    }
}

/// Three accounts, given out of order: one at high risk, one nearly clean, one not reviewed.
fn org_named(prod: &str, sandbox: &str, suspended: &str, reason: &str) -> OrgReview {
    let accounts = vec![
        AccountOutcome::not_reviewed(SUSPENDED, Some(suspended.into()), reason),
        reviewed(SANDBOX, sandbox, 0),
        reviewed(PROD, prod, FAILED_IN_PROD),
    ];
    let scope = OrgScope { organizational_unit: Some("ou-ab12-cdef3456".into()), ..OrgScope::default() };
    roll_up(Lens::builtin(), scope, accounts)
}

fn org() -> OrgReview {
    org_named("Production", "Sandbox", "Suspended", REASON)
}

/// An organization whose names, reason and a question title are hostile.
fn hostile_org() -> OrgReview {
    let mut org = org_named(HOSTILE, FORMULA, HOSTILE, &format!("{HOSTILE} {REASON}"));
    org.questions[0].title = HOSTILE.to_owned();
    org
}

fn render(format: ReviewFormat, org: &OrgReview) -> String {
    let mut out = Vec::new();
    format.render_organization(org, Style::default(), &mut out).expect("an organization view").expect("renders");
    String::from_utf8(out).expect("UTF-8")
}

// ---------------------------------------------------------------------------------------------
// Which formats

#[test]
fn people_and_tool_formats_have_a_view_and_per_finding_formats_none() {
    let org = org();
    for format in ReviewFormat::ALL.iter().copied() {
        let mut out = Vec::new();
        let result = format.render_organization(&org, Style::default(), &mut out);
        if format.has_organization_view() {
            assert!(matches!(result, Some(Ok(()))), "{format} renders");
            assert!(out.len() > 200, "{format} writes the roll-up");
        } else {
            assert!(result.is_none(), "{format} has no view");
            assert!(out.is_empty(), "{format} writes nothing");
        }
    }
    for format in [ReviewFormat::Sarif, ReviewFormat::Ocsf, ReviewFormat::OcsfJsonl, ReviewFormat::Asff] {
        assert!(!format.has_organization_view(), "{format} is per finding");
    }
    for format in [
        ReviewFormat::Text,
        ReviewFormat::Json,
        ReviewFormat::Html,
        ReviewFormat::Csv,
        ReviewFormat::Junit,
        ReviewFormat::Markdown,
    ] {
        assert!(format.has_organization_view(), "{format} has a view");
    }
}

#[test]
fn the_fixture_rolls_up_as_the_formats_expect() {
    let org = org();
    assert_eq!((org.reviewed, org.not_reviewed), (2, 1));
    let ids: Vec<&str> = org.accounts.iter().map(|a| a.account_id.as_str()).collect();
    assert_eq!(ids, [PROD, SANDBOX, SUSPENDED]);
    let first = &org.questions[0].accounts;
    assert_eq!((first.high, first.none, first.not_assessed), (1, 1, 1));
    assert_eq!(org.most_at_risk.len(), 1);
    assert_eq!(org.most_at_risk[0].high_risk_questions, 2);
}

// ---------------------------------------------------------------------------------------------
// Text and JSON

#[test]
fn text_is_the_terminal_roll_up() {
    let out = render(ReviewFormat::Text, &org());
    let mut direct = Vec::new();
    wasp_report::text::organization(&org(), Style::default(), &mut direct).unwrap();
    assert_eq!(out.as_bytes(), direct, "the format delegates to text::organization");
    assert!(out.starts_with("Organization: 2 account(s) reviewed, 1 not reviewed, under ou-ab12-cdef3456"), "{out}");
    assert!(out.contains(&format!("{PROD} (Production): 2 high-risk question(s), {FAILED_IN_PROD} failed")), "{out}");
    assert!(out.contains(&format!("{SUSPENDED}: {REASON}")), "{out}");
}

#[test]
fn json_reads_back_as_the_same_review_and_fits_the_schema() {
    let org = org();
    let out = render(ReviewFormat::Json, &org);
    assert!(out.ends_with("}\n"), "newline-terminated");
    assert!(out.contains("\n  \"accounts\": ["), "pretty-printed");
    let back: OrgReview = serde_json::from_str(&out).expect("an organization's review");
    assert_eq!(back, org);

    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/schema/organization-review.schema.json");
    let schema: Value = serde_json::from_str(&std::fs::read_to_string(path).expect("the schema")).unwrap();
    let validator = jsonschema::options().build(&schema).expect("a schema");
    let doc: Value = serde_json::from_str(&out).unwrap();
    let errors: Vec<String> = validator.iter_errors(&doc).map(|e| format!("{e} at {}", e.instance_path)).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let mut broken = doc.clone();
    broken["reviewed"] = Value::from("two");
    assert!(!validator.is_valid(&broken), "the validator rejects what the schema forbids");
}

// ---------------------------------------------------------------------------------------------
// CSV

fn csv_records(out: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let mut reader = csv::ReaderBuilder::new().from_reader(out.as_bytes());
    let header = reader.headers().expect("a header").iter().map(str::to_owned).collect();
    let rows =
        reader.records().map(|r| r.expect("a record").iter().map(str::to_owned).collect::<Vec<String>>()).collect();
    (header, rows)
}

#[test]
fn csv_has_a_row_per_account_and_question_in_a_stable_order() {
    let org = org();
    let out = render(ReviewFormat::Csv, &org);
    assert!(out.contains("\r\n"), "CRLF line ends");
    let (header, rows) = csv_records(&out);
    assert_eq!(header, wasp_report::csv::ORGANIZATION_COLUMNS);
    assert_eq!(
        header[..6],
        ["account_id", "account_name", "question_id", "question_title", "risk", "not_reviewed"],
        "the first columns keep their places"
    );
    assert_eq!(header.len(), CSV_COLUMNS);
    assert_eq!(rows.len(), 3 * 11 + 1, "accounts × questions, then the organization's one verdict");
    let qs = questions();
    let mut i = 0;
    for (account, name) in [(PROD, "Production"), (SANDBOX, "Sandbox"), (SUSPENDED, "Suspended")] {
        for (qi, q) in qs.iter().enumerate() {
            let row = &rows[i];
            assert_eq!((row[0].as_str(), row[1].as_str(), row[2].as_str()), (account, name, q.as_str()), "row {i}");
            assert_eq!(row[3], org.questions[qi].title);
            assert_eq!(row[4], expected(account, qi).as_str(), "{account} {q}");
            let reason = if account == SUSPENDED { REASON } else { "" };
            assert_eq!(row[5], reason, "{account} {q}");
            assert_eq!(row[6], "account");
            assert!(row[7..].iter().all(String::is_empty), "no check on an account's row: {row:?}");
            i += 1;
        }
    }
    assert_eq!(rows[i][6..8], ["organization", "organizations_rcp_attached"], "the organization's row comes last");
    assert_eq!(rows.iter().filter(|r| r[4] == "high").count(), 2);
    assert_eq!(rows.iter().filter(|r| r[4] == "not_assessed").count(), 11 + 1 + 1);
    assert_eq!(render(ReviewFormat::Csv, &org), out, "the same review gives the same bytes");
}

#[test]
fn csv_quotes_hostile_names_and_neutralises_formulas() {
    let org = hostile_org();
    let out = render(ReviewFormat::Csv, &org);
    assert!(out.contains("\"<script>alert(1)</script>\"\"'&|x\n| --- |"), "quoted, quotes doubled: {out}");
    let (_, rows) = csv_records(&out);
    assert_eq!(rows.len(), 34, "a line break in a name starts no row");
    assert!(rows.iter().all(|r| r.len() == CSV_COLUMNS));
    assert_eq!(rows[0][1], HOSTILE, "the name reads back whole");
    assert_eq!(rows[0][3], HOSTILE, "so does a question's title");
    assert_eq!(rows[11][1], format!("'{FORMULA}"), "a formula is shown, not evaluated");
    assert_eq!(rows[22][5], format!("{HOSTILE} {REASON}"));
}

// ---------------------------------------------------------------------------------------------
// JUnit

fn attr<'a>(node: Node<'a, '_>, name: &str) -> &'a str {
    node.attribute(name).unwrap_or_else(|| panic!("<{}> without {name}", node.tag_name().name()))
}

fn num(node: Node<'_, '_>, name: &str) -> usize {
    attr(node, name).parse().expect("a count")
}

fn children<'a, 'i>(node: Node<'a, 'i>, tag: &str) -> Vec<Node<'a, 'i>> {
    node.children().filter(|n| n.has_tag_name(tag)).collect()
}

#[test]
fn junit_has_a_suite_per_account_and_a_case_per_question() {
    let out = render(ReviewFormat::Junit, &org());
    let doc = Document::parse(&out).expect("well-formed XML");
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "testsuites");
    let suites = children(root, "testsuite");
    let names: Vec<&str> = suites.iter().map(|s| attr(*s, "name")).collect();
    assert_eq!(names, [PROD, SANDBOX, SUSPENDED, "organization"]);

    let qs = questions();
    for suite in &suites[..2] {
        let account = attr(*suite, "name");
        let cases = children(*suite, "testcase");
        assert_eq!(cases.len(), 11, "{account}");
        for (i, case) in cases.iter().enumerate() {
            assert_eq!(attr(*case, "classname"), account);
            assert!(attr(*case, "name").starts_with(&format!("{} ", qs[i])), "{}", attr(*case, "name"));
            let failure = children(*case, "failure");
            let skipped = children(*case, "skipped");
            match expected(account, i) {
                QuestionRisk::High | QuestionRisk::Medium => {
                    let risk = expected(account, i).as_str();
                    assert_eq!(failure.len(), 1, "{account} {}", qs[i]);
                    assert_eq!(attr(failure[0], "type"), risk);
                    assert!(failure[0].text().unwrap_or_default().contains(account));
                    assert!(skipped.is_empty());
                }
                QuestionRisk::NotAssessed => assert!(failure.is_empty() && skipped.len() == 1, "{account} {}", qs[i]),
                QuestionRisk::Low | QuestionRisk::None => {
                    assert!(case.children().all(|c| !c.is_element()), "{account} {} passes", qs[i]);
                }
            }
        }
        let failures = cases.iter().filter(|c| !children(**c, "failure").is_empty()).count();
        let skipped = cases.iter().filter(|c| !children(**c, "skipped").is_empty()).count();
        assert_eq!((num(*suite, "tests"), num(*suite, "failures"), num(*suite, "skipped")), (11, failures, skipped));
        assert_eq!(num(*suite, "errors"), 0);
    }
    assert_eq!(num(suites[0], "failures"), 3, "two high and one medium");
    assert_eq!(num(suites[1], "failures"), 0);
    let property = suites[0].descendants().find(|n| n.has_tag_name("property")).expect("the account's name");
    assert_eq!((attr(property, "name"), attr(property, "value")), ("account_name", "Production"));

    let suspended = suites[2];
    let cases = children(suspended, "testcase");
    assert_eq!(cases.len(), 1);
    let error = children(cases[0], "error");
    assert_eq!(error.len(), 1);
    assert_eq!(attr(error[0], "message"), REASON);
    assert_eq!((num(suspended, "tests"), num(suspended, "errors"), num(suspended, "failures")), (1, 1, 0));

    let total = |name| suites.iter().map(|s| num(*s, name)).sum::<usize>();
    for name in ["tests", "failures", "errors", "skipped"] {
        assert_eq!(num(root, name), total(name), "root {name}");
    }
    assert_eq!(
        (num(root, "tests"), num(root, "failures"), num(root, "errors"), num(root, "skipped")),
        (23 + 1, 3 + 1, 1, 2),
        "the accounts' questions and the organization's one failed verdict"
    );
}

#[test]
fn junit_keeps_hostile_names_as_text() {
    let org = hostile_org();
    let out = render(ReviewFormat::Junit, &org);
    let doc = Document::parse(&out).expect("well-formed XML");
    assert_eq!(doc.descendants().filter(|n| n.has_tag_name("script") || n.has_tag_name("img")).count(), 0);
    let property = doc.descendants().find(|n| n.has_tag_name("property")).unwrap();
    assert_eq!(attr(property, "value"), HOSTILE, "the line break survives as a reference");
    let error = doc.descendants().find(|n| n.has_tag_name("error")).unwrap();
    assert_eq!(attr(error, "message"), format!("{HOSTILE} {REASON}"));
    let first = doc.descendants().find(|n| n.has_tag_name("testcase")).unwrap();
    assert_eq!(attr(first, "name"), format!("{} {HOSTILE}", questions()[0]));
}

// ---------------------------------------------------------------------------------------------
// Markdown

/// The cells of a table row: split at pipes that no backslash escapes.
fn cells(line: &str) -> Vec<String> {
    let mut cells = vec![String::new()];
    let mut backslashes = 0;
    for c in line.chars() {
        if c == '|' && backslashes % 2 == 0 {
            cells.push(String::new());
        } else {
            cells.last_mut().unwrap().push(c);
        }
        backslashes = if c == '\\' { backslashes + 1 } else { 0 };
    }
    // The leading and trailing pipes leave an empty first and last cell.
    assert!(cells.first().is_some_and(|c| c.is_empty()) && cells.last().is_some_and(|c| c.trim().is_empty()), "{line}");
    cells[1..cells.len() - 1].iter().map(|c| c.trim().to_owned()).collect()
}

/// The table whose header line starts with `head`: its rows after the rule, each as cells.
fn table(md: &str, head: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let mut lines = md.lines().skip_while(|l| !l.starts_with(head));
    let header = cells(lines.next().unwrap_or_else(|| panic!("a table under {head}: {md}")));
    let rule = cells(lines.next().expect("the rule"));
    assert!(rule.iter().all(|c| c.trim_matches(':') == "---"), "{rule:?}");
    assert_eq!(rule.len(), header.len());
    let rows: Vec<Vec<String>> = lines.take_while(|l| l.starts_with('|')).map(cells).collect();
    (header, rows)
}

#[test]
fn markdown_has_the_questions_the_accounts_and_the_reasons() {
    let org = org();
    let md = render(ReviewFormat::Markdown, &org);
    assert!(md.starts_with("## Well-Architected Security Pillar review: organization\n"));
    assert!(md.contains("2 accounts reviewed, 1 not reviewed · organizational unit ou-ab12-cdef3456"), "{md}");
    assert!(md.len() <= wasp_report::markdown::MAX_BYTES);

    let (header, rows) = table(&md, "| Question |");
    assert_eq!(header.len(), 6);
    assert_eq!(rows.len(), 11);
    assert!(rows[0][0].starts_with(&questions()[0]));
    assert_eq!(&rows[0][1..], ["1", "0", "0", "1", "1"], "SEC01: high, medium, low, none, not assessed");

    let (header, rows) = table(&md, "| Account |");
    assert_eq!(header.len(), 12, "the account and eleven questions");
    assert_eq!(header[1], format!("`{}`", questions()[0]));
    assert_eq!(rows.len(), 3);
    assert!(rows.iter().all(|r| r.len() == 12), "{rows:?}");
    assert_eq!(rows[0][0], format!("`{PROD}` (Production)"));
    for (i, cell) in rows[0][1..].iter().enumerate() {
        let word = match expected(PROD, i) {
            QuestionRisk::High => "High",
            QuestionRisk::Medium => "Medium",
            QuestionRisk::Low => "Low",
            QuestionRisk::None => "None",
            QuestionRisk::NotAssessed => "Not assessed",
        };
        assert!(cell.ends_with(word), "{i}: {cell}");
    }
    assert!(rows[2][0].contains("*not reviewed*"));
    assert!(rows[2][1..].iter().all(|c| c == "—"));

    let most = md.split("### Most at risk").nth(1).expect("most at risk");
    assert!(
        most.contains(&format!("1. `{PROD}` (Production): 2 high-risk questions, {FAILED_IN_PROD} failed findings"))
    );
    assert!(!most.split("###").next().unwrap().contains(SANDBOX), "only accounts with a high-risk question");
    let not_reviewed = md.split("### Not reviewed (1)").nth(1).expect("not reviewed");
    assert!(not_reviewed.contains(&format!("- `{SUSPENDED}` (Suspended): {REASON}")), "{not_reviewed}");
}

#[test]
fn markdown_stays_under_the_comment_limit_for_a_large_organization() {
    let accounts: Vec<AccountOutcome> = (0..3000)
        .map(|i| {
            let id = format!("{:012}", 100_000_000_000u64 + i);
            if i % 10 == 0 {
                AccountOutcome::not_reviewed(id, Some(format!("account {i}")), REASON)
            } else {
                let mut a = reviewed(PROD, &format!("account {i}"), i as usize);
                a.account_id = id;
                a
            }
        })
        .collect();
    let org = roll_up(Lens::builtin(), OrgScope::default(), accounts);
    let md = render(ReviewFormat::Markdown, &org);
    assert!(md.len() <= wasp_report::markdown::MAX_BYTES, "{} bytes", md.len());
    let (_, rows) = table(&md, "| Account |");
    assert!(rows.len() > 100, "as many accounts as fit: {}", rows.len());
    assert!(md.contains(&format!("{} more accounts not shown", 3000 - rows.len())), "says how many it left out");
    assert!(md.contains("### Most at risk") && md.contains("### Not reviewed (300)"), "the tail is kept");
    assert!(md.contains("…and 275 more: `--format json` has every reason."));
}

#[test]
fn markdown_breaks_no_table_with_hostile_names() {
    let md = render(ReviewFormat::Markdown, &hostile_org());
    assert!(!md.contains('<'), "no markup: {md}");
    assert!(!md.contains("| --- | &lt;"), "the hostile rule stays inside its cell");
    let (_, rows) = table(&md, "| Question |");
    assert_eq!(rows.len(), 11);
    assert!(rows.iter().all(|r| r.len() == 6), "{rows:?}");
    let (_, rows) = table(&md, "| Account |");
    assert_eq!(rows.len(), 3, "a line break in a name starts no row");
    assert!(rows.iter().all(|r| r.len() == 12), "{rows:?}");
    assert!(rows[0][0].contains("&lt;script&gt;alert(1)&lt;/script&gt;\"'&amp;\\|x \\| --- \\|"), "{}", rows[0][0]);
    let reasons = md.split("### Not reviewed").nth(1).unwrap();
    assert_eq!(reasons.lines().filter(|l| l.starts_with("- ")).count(), 1, "{reasons}");
}

// ---------------------------------------------------------------------------------------------
// HTML

/// The text between `start` and the next `end` after it.
fn between<'a>(text: &'a str, start: &str, end: &str) -> &'a str {
    let from = text.find(start).unwrap_or_else(|| panic!("{start} in the page")) + start.len();
    let len = text[from..].find(end).unwrap_or_else(|| panic!("{end} after {start}"));
    &text[from..from + len]
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

/// The heat map's cells of one row: (class, title, text).
fn heat_cells(row: &str) -> Vec<(String, String, String)> {
    row.split("<td class=\"hm ")
        .skip(1)
        .map(|cell| {
            let class = cell.split('"').next().unwrap().to_owned();
            let title = between(cell, "title=\"", "\"").to_owned();
            let text = between(cell, ">", "</td>").to_owned();
            (class, title, text)
        })
        .collect()
}

#[test]
fn html_heat_map_has_a_row_per_account_and_a_labelled_cell_per_question() {
    let org = org();
    let page = render(ReviewFormat::Html, &org);
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert!(page.contains(&format!(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"{}\">",
        wasp_report::html::CONTENT_SECURITY_POLICY
    )));
    assert!(!tags(&page).iter().any(|(name, _)| name == "script"), "no script");
    for id in ["glance", "heatmap", "most-at-risk", "not-reviewed"] {
        assert!(page.contains(&format!("<section id=\"{id}\"")), "section {id}");
    }

    let map = between(&page, "<table class=\"orgmap\">", "</table>");
    let head = between(map, "<thead>", "</thead>");
    let columns: Vec<&str> =
        head.split("</abbr>").filter_map(|c| c.rsplit('>').next()).filter(|c| !c.is_empty()).collect();
    assert_eq!(columns, questions(), "a column per question, in order");
    let title = wasp_report::html::Esc(&org.questions[0].title);
    assert!(head.contains(&format!("<abbr title=\"{title}\">{}</abbr>", questions()[0])), "{head}");

    let body = between(map, "<tbody>", "</tbody>");
    let rows: Vec<&str> = body.split("<tr ").skip(1).collect();
    assert_eq!(rows.len(), 3, "one row per account");
    for (row, (account, name)) in
        rows.iter().zip([(PROD, "Production"), (SANDBOX, "Sandbox"), (SUSPENDED, "Suspended")])
    {
        assert!(row.contains(&format!("<th scope=\"row\" class=\"mono\">{account}</th>")), "{row}");
        assert!(row.contains(&format!("<td class=\"name\">{name}</td>")), "{row}");
    }
    for (row, account) in rows.iter().zip([PROD, SANDBOX]) {
        let cells = heat_cells(row);
        assert_eq!(cells.len(), 11, "{account}");
        for (i, (class, title, text)) in cells.iter().enumerate() {
            let risk = expected(account, i);
            assert_eq!(class, &format!("risk-{}", risk.as_str()), "{account} {i}");
            let word = match risk {
                QuestionRisk::High => "High",
                QuestionRisk::Medium => "Medium",
                QuestionRisk::Low => "Low",
                QuestionRisk::None => "None",
                QuestionRisk::NotAssessed => "Not assessed",
            };
            assert_eq!(text, word, "the risk in words, not only in colour");
            assert!(title.starts_with(&format!("{account} · {}: ", questions()[i])), "{title}");
        }
    }
    assert!(heat_cells(rows[2]).is_empty(), "an account not reviewed has no risk cells");
    assert!(rows[2].contains(&format!("colspan=\"11\"><strong>Not reviewed:</strong> {REASON}</td>")), "{}", rows[2]);

    let foot = between(map, "<tfoot>", "</tfoot>");
    let totals: Vec<&str> = foot.split("<td>").skip(1).map(|c| c.split("</td>").next().unwrap()).collect();
    assert_eq!(totals.len(), 11, "a total per question");
    let words = |cell: &str| -> Vec<String> {
        cell.split("<br>").map(|part| part.rsplit("</i>").next().unwrap().to_owned()).collect()
    };
    assert_eq!(words(totals[0]), ["1 high", "1 none", "1 not assessed"]);
    assert_eq!(words(totals[2]), ["1 medium", "1 none", "1 not assessed"]);
    assert_eq!(words(totals[9]), ["1 none", "2 not assessed"]);

    let most = between(&page, "<section id=\"most-at-risk\"", "</section>");
    assert_eq!(most.matches("<tr><td class=\"num\">").count(), 1, "only the account with high-risk questions");
    assert!(most.contains(&format!("<a href=\"#account-{PROD}\">{PROD}</a></td><td>Production</td>")), "{most}");
    assert!(most.contains(&format!("<td class=\"num\">2</td><td class=\"num\">{FAILED_IN_PROD}</td>")));
    let not_reviewed = between(&page, "<section id=\"not-reviewed\"", "</section>");
    assert!(not_reviewed.contains(&format!("<td class=\"mono\">{SUSPENDED}</td><td>Suspended</td><td>{REASON}</td>")));
    assert!(!not_reviewed.contains(PROD));
}

#[test]
fn html_escapes_every_string_from_the_organization() {
    let org = hostile_org();
    let page = render(ReviewFormat::Html, &org);
    let names: Vec<String> = tags(&page).into_iter().map(|(name, _)| name).collect();
    assert!(!names.iter().any(|n| n == "script" || n == "img"), "no tag from a name: {names:?}");
    for (_, tag) in tags(&page) {
        // Attribute values are double-quoted, so what lies outside quotes is names.
        let outside: String = tag.split('"').step_by(2).collect();
        assert!(!outside.contains(" on"), "no event handler: <{tag}>");
    }
    assert!(!page.contains("<script>alert(1)"));
    let escaped = "&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;|x\n| --- | &lt;img src=x onerror=alert(2)&gt;";
    assert!(page.contains(&format!("<td class=\"name\">{escaped}</td>")), "the name as text");
    assert!(page.contains(&format!("<abbr title=\"{escaped}\">")), "a question's title, in an attribute");
    assert!(page.contains(&format!("<strong>Not reviewed:</strong> {escaped} {REASON}</td>")), "the reason");
    assert!(page.contains("<td class=\"name\">=HYPERLINK(&quot;http://evil.example&quot;,&quot;x&quot;)</td>"));
    let map = between(&page, "<table class=\"orgmap\">", "</table>");
    assert_eq!(between(map, "<tbody>", "</tbody>").matches("<tr ").count(), 3, "still a row per account");
}

#[test]
fn the_organizations_own_evidence_is_shown_once_in_every_view_that_reads() {
    let org = org();
    assert_eq!(org.organization.len(), 1);
    for format in
        [ReviewFormat::Text, ReviewFormat::Markdown, ReviewFormat::Html, ReviewFormat::Json, ReviewFormat::Csv]
    {
        let out = render(format, &org);
        assert_eq!(out.matches("organizations_rcp_attached").count(), 1, "{format}: {out}");
        assert!(out.contains("no resource control policy is attached"), "{format}");
    }
    // Hostile text in a finding stays text.
    let html = render(ReviewFormat::Html, &hostile_org());
    assert!(!html.contains("<script>alert(1)"), "escaped");
}

// ---------------------------------------------------------------------------------------------
// The organization's own evidence in CSV and JUnit

fn verdict(check: &str, status: Status, region: &str, message: &str, judged_in: &str) -> OrgEvidence {
    let resource = if region == "global" {
        "arn:aws:organizations::111111111111:organization/o-abc".to_owned()
    } else {
        format!("arn:aws:guardduty:{region}:{judged_in}:detector")
    };
    OrgEvidence {
        check_id: check.into(),
        status,
        resource_arn: Some(resource),
        region: region.into(),
        message: message.into(),
        judged_in: judged_in.into(),
    }
}

/// The fixture's organization, whose management account judged more of the organization (a
/// pass, a skip and two regional verdicts besides the failed RCP, given out of order) and whose
/// sandbox judged it too, in words that must not show: the roll-up keeps one account's view.
fn org_with_evidence(message: &str) -> OrgReview {
    let mut prod = reviewed(PROD, "Production", FAILED_IN_PROD);
    prod.organization.extend([
        verdict("guardduty_centrally_managed", Status::Pass, "us-east-1", "managed by 111111111111", PROD),
        verdict("organizations_custom_scp_attached", Status::Skip, "global", message, PROD),
        verdict("guardduty_centrally_managed", Status::Fail, "eu-west-1", "not managed, \"standalone\"", PROD),
        verdict("organizations_all_features_enabled", Status::Pass, "global", "all features enabled", PROD),
    ]);
    let mut sandbox = reviewed(SANDBOX, "Sandbox", 0);
    sandbox.organization =
        vec![verdict("organizations_all_features_enabled", Status::Fail, "global", "seen from the sandbox", SANDBOX)];
    let accounts = vec![AccountOutcome::not_reviewed(SUSPENDED, Some("Suspended".into()), REASON), sandbox, prod];
    roll_up(Lens::builtin(), OrgScope::default(), accounts)
}

/// The verdicts the renderers must show: check, status, region, in `ORGANIZATION_CHECKS` order.
const VERDICTS: [(&str, &str, &str); 5] = [
    ("organizations_all_features_enabled", "PASS", "global"),
    ("organizations_custom_scp_attached", "SKIP", "global"),
    ("organizations_rcp_attached", "FAIL", "global"),
    ("guardduty_centrally_managed", "FAIL", "eu-west-1"),
    ("guardduty_centrally_managed", "PASS", "us-east-1"),
];

fn csv_column(name: &str) -> usize {
    let columns = wasp_report::csv::ORGANIZATION_COLUMNS;
    columns.iter().position(|c| *c == name).unwrap_or_else(|| panic!("no column {name}"))
}

#[test]
fn csv_lists_the_organizations_verdicts_once_after_the_accounts() {
    let org = org_with_evidence("access denied, so the policies could not be read");
    assert_eq!(org.organization.len(), VERDICTS.len());
    let out = render(ReviewFormat::Csv, &org);
    let (header, rows) = csv_records(&out);
    assert_eq!(header.len(), CSV_COLUMNS);
    assert_eq!(
        header[6..],
        ["scope", "check_id", "check_title", "severity", "status", "region", "resource_arn", "message", "judged_in"]
    );
    assert!(rows.iter().all(|r| r.len() == CSV_COLUMNS), "one table shape");
    let col = csv_column;
    let (accounts, organization): (Vec<&Vec<String>>, Vec<&Vec<String>>) =
        rows.iter().partition(|r| r[col("scope")] == "account");
    assert_eq!(accounts.len(), 3 * 11, "the accounts' rows are unchanged in number");
    assert!(organization.iter().all(|r| r[col("scope")] == "organization"), "no third kind of row");
    assert!(rows[..33].iter().all(|r| r[col("scope")] == "account"), "the accounts first, the organization after");

    let seen: Vec<(&str, &str, &str)> = organization
        .iter()
        .map(|r| (r[col("check_id")].as_str(), r[col("status")].as_str(), r[col("region")].as_str()))
        .collect();
    assert_eq!(seen, VERDICTS, "each verdict once, in the organization checks' order");
    for row in &organization {
        assert_eq!(row[col("judged_in")], PROD, "from the account whose view the roll-up keeps");
        assert!(row[..6].iter().all(String::is_empty), "about no account or question: {row:?}");
        let meta = wasp_checks::find(&row[col("check_id")]).expect("a check").meta();
        assert_eq!(
            (row[col("check_title")].as_str(), row[col("severity")].as_str()),
            (meta.title, meta.severity.as_str())
        );
        assert!(row[col("resource_arn")].starts_with("arn:aws:"));
    }
    let message = |check: &str, region: &str| {
        let row = organization.iter().find(|r| r[col("check_id")] == check && r[col("region")] == region).unwrap();
        row[col("message")].clone()
    };
    assert_eq!(
        message("organizations_custom_scp_attached", "global"),
        "access denied, so the policies could not be read"
    );
    assert_eq!(message("guardduty_centrally_managed", "eu-west-1"), "not managed, \"standalone\"");
    assert_eq!(message("organizations_rcp_attached", "global"), "no resource control policy is attached Production");
    assert!(!out.contains("seen from the sandbox"), "one account's view, not every account's");
    assert_eq!(out.matches("organizations_rcp_attached").count(), 1, "once, not per account");

    let mut reversed = org.clone();
    reversed.organization.reverse();
    assert_eq!(render(ReviewFormat::Csv, &reversed), out, "whatever order the review holds");
}

#[test]
fn csv_without_the_organizations_evidence_has_the_account_rows_alone() {
    let with = org();
    let mut without = org();
    without.organization.clear();
    let (header, rows) = csv_records(&render(ReviewFormat::Csv, &without));
    assert_eq!(header, wasp_report::csv::ORGANIZATION_COLUMNS, "the same header: scripts read one shape");
    assert_eq!(rows.len(), 3 * 11);
    assert!(rows.iter().all(|r| r[6] == "account" && r[7..].iter().all(String::is_empty)));
    let (_, with_rows) = csv_records(&render(ReviewFormat::Csv, &with));
    assert_eq!(rows, with_rows[..33], "the accounts' rows do not depend on the organization's");
}

#[test]
fn csv_keeps_hostile_verdicts_whole_and_neutralises_formulas() {
    let hostile = format!("{HOSTILE}, \"quoted\",\r\nnext line");
    let mut org = org_with_evidence(&hostile);
    org.organization.push(verdict("organizations_tag_policy_attached", Status::Fail, "global", FORMULA, PROD));
    let out = render(ReviewFormat::Csv, &org);
    let (_, rows) = csv_records(&out);
    assert_eq!(rows.len(), 33 + VERDICTS.len() + 1, "line breaks and commas in a message start no row or cell");
    assert!(rows.iter().all(|r| r.len() == CSV_COLUMNS));
    let col = csv_column;
    let of = |check: &str| rows.iter().find(|r| r[col("check_id")] == check).unwrap_or_else(|| panic!("{check}"));
    assert_eq!(of("organizations_custom_scp_attached")[col("message")], hostile, "the message reads back whole");
    assert_eq!(of("organizations_tag_policy_attached")[col("message")], format!("'{FORMULA}"), "shown, not evaluated");
    assert!(out.contains("\"<script>alert(1)</script>\"\"'&|x\n| --- |"), "quoted, quotes doubled");
}

fn organization_suite<'a, 'i>(doc: &'a Document<'i>) -> Option<Node<'a, 'i>> {
    children(doc.root_element(), "testsuite").into_iter().find(|s| attr(*s, "name") == "organization")
}

#[test]
fn junit_has_an_organization_suite_with_a_case_per_verdict() {
    let org = org_with_evidence("access denied, so the policies could not be read");
    let out = render(ReviewFormat::Junit, &org);
    let doc = Document::parse(&out).expect("well-formed XML");
    let root = doc.root_element();
    let suites = children(root, "testsuite");
    let names: Vec<&str> = suites.iter().map(|s| attr(*s, "name")).collect();
    assert_eq!(names, [PROD, SANDBOX, SUSPENDED, "organization"], "one suite for the organization, after the accounts");
    let suite = organization_suite(&doc).unwrap();
    let cases = children(suite, "testcase");
    let seen: Vec<&str> = cases.iter().map(|c| attr(*c, "name")).collect();
    assert_eq!(
        seen,
        [
            "organizations_all_features_enabled",
            "organizations_custom_scp_attached",
            "organizations_rcp_attached",
            "guardduty_centrally_managed (eu-west-1)",
            "guardduty_centrally_managed (us-east-1)"
        ],
        "a case per verdict, the region naming a regional one"
    );
    assert!(cases.iter().all(|c| attr(*c, "classname") == "organization"));
    for (case, (check, status, region)) in cases.iter().zip(VERDICTS) {
        let failure = children(*case, "failure");
        let skipped = children(*case, "skipped");
        match status {
            "FAIL" => {
                assert_eq!((failure.len(), skipped.len()), (1, 0), "{check}");
                let severity = wasp_checks::find(check).unwrap().meta().severity.as_str();
                assert_eq!(attr(failure[0], "type"), severity);
                let details = failure[0].text().unwrap();
                assert!(details.contains(&format!("judged in account {PROD} (Production)")), "{details}");
                assert!(details.contains("remediation: "), "{details}");
            }
            "SKIP" => {
                assert_eq!((failure.len(), skipped.len()), (0, 1), "{check}");
                assert_eq!(attr(skipped[0], "message"), "access denied, so the policies could not be read");
            }
            _ => assert!(failure.is_empty() && skipped.is_empty(), "{check} passes"),
        }
        let system_out = children(*case, "system-out");
        assert_eq!(system_out.len(), 1, "{check}");
        let text = system_out[0].text().unwrap();
        assert!(text.starts_with(&format!("{status} {check}: ")), "{text}");
        assert!(text.contains(&format!("judged in account {PROD} (Production)")), "the source account: {text}");
        assert!(text.contains(&format!("region: {region}")), "{text}");
    }
    let rcp = cases.iter().find(|c| attr(**c, "name") == "organizations_rcp_attached").unwrap();
    assert_eq!(attr(children(*rcp, "failure")[0], "message"), "no resource control policy is attached Production");
    assert!(!out.contains("seen from the sandbox"), "one account's view, not every account's");
    assert_eq!(
        (num(suite, "tests"), num(suite, "failures"), num(suite, "errors"), num(suite, "skipped")),
        (5, 2, 0, 1)
    );
    assert_eq!(
        (num(root, "tests"), num(root, "failures"), num(root, "errors"), num(root, "skipped")),
        (23 + 5, 3 + 2, 1, 2 + 1),
        "the root counts the organization's cases too"
    );
    let mut reversed = org.clone();
    reversed.organization.reverse();
    assert_eq!(render(ReviewFormat::Junit, &reversed), out, "whatever order the review holds");
}

#[test]
fn junit_without_the_organizations_evidence_has_no_organization_suite() {
    let mut org = org();
    org.organization.clear();
    let out = render(ReviewFormat::Junit, &org);
    let doc = Document::parse(&out).expect("well-formed XML");
    assert!(organization_suite(&doc).is_none());
    let root = doc.root_element();
    let names: Vec<&str> = children(root, "testsuite").iter().map(|s| attr(*s, "name")).collect();
    assert_eq!(names, [PROD, SANDBOX, SUSPENDED]);
    assert_eq!((num(root, "tests"), num(root, "failures"), num(root, "errors"), num(root, "skipped")), (23, 3, 1, 2));
    assert!(!out.contains("system-out"));
}

#[test]
fn junit_keeps_hostile_verdicts_as_text() {
    let hostile = format!("{HOSTILE} & <b>bold</b>\r\nnext");
    let mut org = org_with_evidence(&hostile);
    org.organization.push(verdict("organizations_tag_policy_attached", Status::Fail, "global", &hostile, PROD));
    let out = render(ReviewFormat::Junit, &org);
    let doc = Document::parse(&out).expect("well-formed XML");
    let tags = ["script", "img", "b"];
    assert_eq!(doc.descendants().filter(|n| tags.iter().any(|t| n.has_tag_name(*t))).count(), 0, "no markup");
    let suite = organization_suite(&doc).unwrap();
    let case = |name: &str| {
        let cases = children(suite, "testcase");
        cases.into_iter().find(|c| attr(*c, "name") == name).unwrap_or_else(|| panic!("{name}"))
    };
    let skipped = children(case("organizations_custom_scp_attached"), "skipped");
    assert_eq!(attr(skipped[0], "message"), hostile, "line breaks survive in an attribute");
    let failed = case("organizations_tag_policy_attached");
    let failure = children(failed, "failure");
    assert_eq!(attr(failure[0], "message"), hostile);
    assert!(failure[0].text().unwrap().starts_with(&format!("FAIL organizations_tag_policy_attached: {hostile}\n")));
    let text = children(failed, "system-out")[0].text().unwrap();
    assert!(text.starts_with(&format!("FAIL organizations_tag_policy_attached: {hostile}\n")), "{text}");
    assert_eq!(num(suite, "tests"), VERDICTS.len() + 1);
}
