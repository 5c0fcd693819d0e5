//! The HTML report in a real browser: Debian's Chromium, driven over the DevTools protocol.
//! It must show the questions, charts and plan, log no error, fetch nothing, show hostile
//! markup as text, and filter the findings; without script, on a phone and on paper it must
//! still show them all. `scripts/test-deps.sh` installs Chromium; without it these tests fail.
mod common;
mod html_fixture;

use headless_chrome::protocol::cdp::types::Event;
use headless_chrome::protocol::cdp::{Emulation, Network, Page, DOM};
use headless_chrome::{Browser, LaunchOptions, Tab};
use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use wasp_checks::{Severity, Status};
use wasp_report::{Context, ReviewFormat};
use wasp_review::diff::Diff;
use wasp_review::Review;

const CHROMIUM: &str = "/usr/bin/chromium";

/// A rendered page in a temporary directory of its own, removed when dropped.
struct PageFile {
    dir: PathBuf,
    path: PathBuf,
}

impl PageFile {
    fn new(name: &str, review: &Review, changes: Option<&Diff>) -> PageFile {
        let mut cx = Context::new(review);
        cx.changes = changes;
        let mut html = Vec::new();
        ReviewFormat::Html.render(&cx, &mut html).expect("renders");
        let dir = std::env::temp_dir().join(format!("wasp-html-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("a temporary directory");
        let path = dir.join("report.html");
        std::fs::write(&path, html).expect("the page is written");
        PageFile { dir, path }
    }

    fn url(&self) -> String {
        format!("file://{}", self.path.display())
    }
}

impl Drop for PageFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// Chromium, headless, quiet: no first-run, sync, component updates or background fetches,
/// and a fresh profile of its own (headless_chrome makes one per launch and removes it).
fn browser() -> Browser {
    assert!(
        Path::new(CHROMIUM).exists(),
        "Chromium is missing at {CHROMIUM}: run scripts/test-deps.sh (it installs Debian's chromium and \
         chromium-driver). This test does not skip."
    );
    let args: Vec<&OsStr> = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
    ]
    .iter()
    .map(OsStr::new)
    .collect();
    let options = LaunchOptions::default_builder()
        .path(Some(PathBuf::from(CHROMIUM)))
        .headless(true)
        .sandbox(false)
        .window_size(Some((1280, 900)))
        .args(args)
        .build()
        .expect("launch options");
    Browser::new(options).expect("Chromium starts")
}

/// What the page did that a report must never do: errors, exceptions, dialogs, requests.
#[derive(Default)]
struct Watch {
    problems: Vec<String>,
    requests: Vec<String>,
}

fn watch(tab: &Tab) -> Arc<Mutex<Watch>> {
    let seen = Arc::new(Mutex::new(Watch::default()));
    let sink = Arc::clone(&seen);
    tab.add_event_listener(Arc::new(move |event: &Event| {
        let mut w = sink.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        match event {
            Event::NetworkRequestWillBeSent(e) => w.requests.push(e.params.request.url.clone()),
            Event::RuntimeExceptionThrown(e) => {
                let d = &e.params.exception_details;
                w.problems.push(format!("exception: {} at {}:{}", d.text, d.line_number, d.column_number));
            }
            Event::RuntimeConsoleAPICalled(e) => {
                let kind = format!("{:?}", e.params.Type);
                if kind == "Error" || kind == "Warning" || kind == "Assert" {
                    w.problems.push(format!("console {kind}: {:?}", e.params.args));
                }
            }
            Event::LogEntryAdded(e) => {
                let level = format!("{:?}", e.params.entry.level);
                if level == "Error" || level == "Warning" {
                    w.problems.push(format!("log {level}: {}", e.params.entry.text));
                }
            }
            Event::PageJavascriptDialogOpening(e) => w.problems.push(format!("dialog: {}", e.params.message)),
            _ => {}
        }
    }))
    .expect("a listener");
    seen
}

fn open(browser: &Browser, page: &PageFile) -> (Arc<Tab>, Arc<Mutex<Watch>>) {
    let tab = browser.new_tab().expect("a tab");
    let seen = watch(&tab);
    tab.enable_log().expect("Log.enable");
    tab.enable_runtime().expect("Runtime.enable");
    tab.call_method(Network::Enable {
        max_total_buffer_size: None,
        max_resource_buffer_size: None,
        max_post_data_size: None,
        report_direct_socket_traffic: None,
        enable_durable_messages: None,
    })
    .expect("Network.enable");
    tab.navigate_to(&page.url()).expect("navigates").wait_until_navigated().expect("loads");
    (tab, seen)
}

/// Evaluates `expression` (which must produce a JSON-serialisable value) in the page.
fn eval(tab: &Tab, expression: &str) -> serde_json::Value {
    let wrapped = format!("JSON.stringify((() => {{ {expression} }})())");
    let result = tab.evaluate(&wrapped, false).unwrap_or_else(|e| panic!("{expression}: {e}"));
    let text = result.value.and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_else(|| "null".into());
    serde_json::from_str(&text).expect("JSON from the page")
}

fn count(tab: &Tab, expression: &str) -> usize {
    let value = eval(tab, expression);
    value.as_u64().unwrap_or_else(|| panic!("{expression} gave {value}")) as usize
}

/// Visible rows of the findings table, as `[severity, status, text]`.
const VISIBLE_ROWS: &str = "return [...document.querySelectorAll('#findings-table tbody tr')]
    .filter(r => r.getClientRects().length > 0)
    .map(r => [r.dataset.sev, r.dataset.st, r.textContent]);";

fn visible_rows(tab: &Tab) -> Vec<(String, String, String)> {
    let value = eval(tab, VISIBLE_ROWS);
    value
        .as_array()
        .expect("rows")
        .iter()
        .map(|r| {
            let s = |i: usize| r[i].as_str().unwrap_or_default().to_owned();
            (s(0), s(1), s(2))
        })
        .collect()
}

fn assert_quiet(seen: &Arc<Mutex<Watch>>, page: &PageFile) {
    let w = seen.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    let url = page.url();
    let other: Vec<&String> = w.requests.iter().filter(|r| **r != url).collect();
    assert!(
        w.problems.is_empty() && other.is_empty(),
        "the page logged problems {:#?} or fetched more than itself {other:#?}",
        w.problems
    );
    assert!(w.requests.contains(&url), "the page's own load is seen, so requests are recorded: {:?}", w.requests);
}

#[test]
fn the_report_works_in_chromium() {
    let (review, changes) = html_fixture::with_changes(true);
    let page = PageFile::new("main", &review, Some(&changes));
    let browser = browser();
    let (tab, seen) = open(&browser, &page);

    // The pillar at a glance, the charts, the plan.
    let visible = "r => { const b = r.getBoundingClientRect(); return b.width > 0 && b.height > 0 \
                   && getComputedStyle(r).visibility !== 'hidden'; }";
    let questions =
        count(&tab, &format!("return [...document.querySelectorAll('.question-card')].filter({visible}).length;"));
    assert_eq!(questions, 11, "11 questions visible");
    assert_eq!(count(&tab, "return document.querySelectorAll('svg.heatmap a.cell').length;"), 63);
    let chart = count(&tab, "return Math.round(document.querySelector('svg.heatmap').getBoundingClientRect().height);");
    assert!(chart > 200, "the heat map is drawn, {chart} px high");
    let bars = count(&tab, "return document.querySelectorAll('svg.sevchart rect').length;");
    assert!(bars > 7, "the severity chart has its bars, {bars} rectangles");
    let plan =
        count(&tab, &format!("return [...document.querySelectorAll('#plan .plan-item')].filter({visible}).length;"));
    assert_eq!(plan, review.improvement_plan.len(), "the improvement plan");
    assert!(plan > 0);
    let changed = count(&tab, "return document.querySelectorAll('#changes h3').length;");
    assert!(changed >= 5, "what changed, {changed} parts");

    // Hostile markup is text: no element made of it, the text there to read.
    assert_eq!(count(&tab, "return document.querySelectorAll('img').length;"), 0);
    assert_eq!(count(&tab, "return document.querySelectorAll('img[src=x]').length;"), 0);
    assert_eq!(count(&tab, "return document.scripts.length;"), 1, "only the page's own script");
    let shown = count(
        &tab,
        "return [...document.querySelectorAll('#findings-table .arn')]
            .filter(td => td.textContent.includes('<img src=x onerror=alert(1)>')).length;",
    );
    let hostile = review.findings.iter().filter(|f| matches!(f.status, Status::Fail | Status::Muted)).count();
    assert_eq!(shown, hostile, "each hostile ARN reads as text, whole");
    let attrs = "return [...document.querySelectorAll('#findings-table tr')].filter(r => r.getAttributeNames()
        .some(a => a.startsWith('on'))).length;";
    assert_eq!(count(&tab, attrs), 0, "no event-handler attribute anywhere in the table");

    // The filters: shown with script, and they narrow the table.
    assert_eq!(eval(&tab, "return document.getElementById('filters').hidden;"), serde_json::json!(false));
    let all = visible_rows(&tab);
    assert_eq!(all.len(), review.findings.len(), "every row shown before filtering");
    eval(
        &tab,
        "const s = document.querySelector('#filters select[name=sev]'); s.value = 'critical';
         s.dispatchEvent(new Event('change', { bubbles: true })); return null;",
    );
    let critical = visible_rows(&tab);
    let expected = review.findings.iter().filter(|f| f.severity == Severity::Critical).count();
    assert!(expected > 0 && expected < review.findings.len(), "the demo has some critical findings");
    assert_eq!(critical.len(), expected, "the severity filter keeps the critical findings");
    assert!(critical.iter().all(|(sev, _, _)| sev == "critical"), "{critical:?}");
    let summary = eval(&tab, "return document.getElementById('shown').textContent;");
    assert_eq!(summary, serde_json::json!(format!("{expected} of {} findings", review.findings.len())));

    // Cleared, then typed text: the rows whose text holds it.
    tab.find_element("#filters button[type=reset]").expect("the clear button").click().expect("clicks");
    std::thread::sleep(std::time::Duration::from_millis(100));
    assert_eq!(visible_rows(&tab).len(), review.findings.len(), "clearing shows every row again");
    let term = "onerror";
    tab.find_element("#filters input[name=q]").expect("the text filter").click().expect("focus");
    tab.type_str(term).expect("types");
    std::thread::sleep(std::time::Duration::from_millis(100));
    let typed = visible_rows(&tab);
    assert_eq!(typed.len(), hostile, "the text filter keeps the rows whose text holds {term}");
    assert!(typed.iter().all(|(_, st, text)| (st == "fail" || st == "muted") && text.contains(term)));
    let none = eval(&tab, "return document.getElementById('no-match').hidden;");
    assert_eq!(none, serde_json::json!(true), "matches, so no 'nothing matches' note");

    // Both together: critical and "onerror" are the critical failures.
    eval(
        &tab,
        "const s = document.querySelector('#filters select[name=sev]'); s.value = 'critical';
         s.dispatchEvent(new Event('change', { bubbles: true })); return null;",
    );
    let both = review
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Critical && matches!(f.status, Status::Fail | Status::Muted))
        .count();
    assert_eq!(visible_rows(&tab).len(), both);

    // On paper every row is there again and the filters are not.
    tab.call_method(Emulation::SetEmulatedMedia { media: Some("print".into()), features: None }).expect("print media");
    assert_eq!(visible_rows(&tab).len(), review.findings.len(), "print shows every row");
    let form = eval(&tab, "return getComputedStyle(document.getElementById('filters')).display;");
    assert_eq!(form, serde_json::json!("none"), "print hides the filters");
    let dark = "return [...document.querySelectorAll('body, main, main > section, nav, header, footer, th, td')]
        .map(e => getComputedStyle(e).backgroundColor).filter(c => {
          const m = c.match(/\\d+(\\.\\d+)?/g); if (!m) return false;
          const [r, g, b, a] = m.map(Number); return (a === undefined || a > 0) && (r + g + b) / 3 < 128; }).length;";
    assert_eq!(count(&tab, dark), 0, "no dark backgrounds on paper");
    tab.call_method(Emulation::SetEmulatedMedia { media: Some(String::new()), features: None }).expect("screen");

    assert_quiet(&seen, &page);
}

/// A window `width` by `height` CSS pixels; a phone's (`mobile`) at twice the density.
fn metrics(width: u32, height: u32, mobile: bool) -> Emulation::SetDeviceMetricsOverride {
    Emulation::SetDeviceMetricsOverride {
        width,
        height,
        device_scale_factor: if mobile { 2.0 } else { 1.0 },
        mobile,
        scale: None,
        screen_width: None,
        screen_height: None,
        position_x: None,
        position_y: None,
        dont_set_visible_size: None,
        screen_orientation: None,
        viewport: None,
        display_feature: None,
        device_posture: None,
    }
}

#[test]
fn the_report_reads_on_a_phone_and_without_script() {
    let (review, changes) = html_fixture::with_changes(true);
    let page = PageFile::new("phone", &review, Some(&changes));
    let browser = browser();

    // A phone: nothing wider than the screen.
    let tab = browser.new_tab().expect("a tab");
    tab.call_method(metrics(390, 844, true)).expect("phone metrics");
    tab.navigate_to(&page.url()).expect("navigates").wait_until_navigated().expect("loads");
    let width = count(&tab, "return document.documentElement.scrollWidth;");
    assert!(width <= 390, "the page is {width} px wide on a 390 px phone");
    let cards = count(
        &tab,
        "return [...document.querySelectorAll('.question-card')]
        .filter(c => c.getBoundingClientRect().width > 300).length;",
    );
    assert_eq!(cards, 11, "question cards take the phone's width");

    // Without script: the filters stay hidden and every finding is listed and laid out. Asked
    // through the DOM domain, which needs no script in the page.
    let tab = browser.new_tab().expect("a tab");
    tab.call_method(Emulation::SetScriptExecutionDisabled { value: true }).expect("no script");
    tab.navigate_to(&page.url()).expect("navigates").wait_until_navigated().expect("loads");
    let root = tab.get_document().expect("the document").node_id;
    let all = |selector: &str| {
        tab.call_method(DOM::QuerySelectorAll { node_id: root, selector: selector.into() }).expect(selector).node_ids
    };
    let rows = all("#findings-table tbody tr");
    assert_eq!(rows.len(), review.findings.len());
    assert_eq!(all("#filters[hidden]").len(), 1, "the filters are hidden without script");
    // The last row has a box: none is hidden (each DevTools call takes a while; one is enough).
    let last = rows.last().copied();
    let model = DOM::GetBoxModel { node_id: last, backend_node_id: None, object_id: None };
    assert!(tab.call_method(model).is_ok_and(|b| b.model.height > 0), "the last row is laid out without script");
    assert_eq!(all(".question-card").len(), 11);
}

/// Writes `docs/img/report.png`, the README's picture of the demo report:
/// `cargo nextest run -p wasp-report --run-ignored only readme_screenshot`.
#[test]
#[ignore = "writes docs/img/report.png; run on purpose"]
fn readme_screenshot() {
    let (review, changes) = html_fixture::with_changes(false);
    let page = PageFile::new("shot", &review, Some(&changes));
    let browser = browser();
    let tab = browser.new_tab().expect("a tab");
    tab.call_method(metrics(1280, 2000, false)).expect("a tall window");
    tab.navigate_to(&page.url()).expect("navigates").wait_until_navigated().expect("loads");
    let png = tab.capture_screenshot(Page::CaptureScreenshotFormatOption::Png, None, None, true).expect("a screenshot");
    let out = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/img/report.png");
    std::fs::create_dir_all(out.parent().expect("a directory")).expect("docs/img");
    std::fs::write(&out, png).expect("the screenshot is written");
}
