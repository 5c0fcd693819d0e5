//! Renders the demo review as HTML: `cargo run -p wasp-report --example render_demo -- OUT.html
//! [--hostile] [--changes] [--plain]`. `--plain` leaves out the suppression, answer and changes
//! the test fixture adds. Prints the render time on standard error.
#[path = "../tests/common/mod.rs"]
mod common;
#[path = "../tests/html_fixture/mod.rs"]
mod html_fixture;

use wasp_report::{Context, ReviewFormat};

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let out = args.iter().find(|a| !a.starts_with("--")).cloned().unwrap_or_else(|| "report.html".into());
    let flag = |name: &str| args.iter().any(|a| a == name);
    let (review, changes) = if flag("--plain") {
        (common::demo_review(), None)
    } else {
        let (review, changes) = html_fixture::with_changes(flag("--hostile"));
        (review, flag("--changes").then_some(changes))
    };
    let mut cx = Context::new(&review);
    cx.changes = changes.as_ref();
    let start = std::time::Instant::now();
    let mut page = Vec::new();
    ReviewFormat::Html.render(&cx, &mut page)?;
    let elapsed = start.elapsed();
    std::fs::write(&out, &page)?;
    eprintln!("{out}: {} bytes in {:.2} ms", page.len(), elapsed.as_secs_f64() * 1000.0);
    Ok(())
}
