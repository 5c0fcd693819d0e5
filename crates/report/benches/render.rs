//! Rendering speed: every review format over the review of a large synthetic inventory.
//!
//! `cargo bench -p wasp-report` prints the median of several runs per format, with the output's
//! size; results go in docs/benchmarks.md.
use std::time::{Duration, Instant};
use wasp_checks::Selection;
use wasp_pillar::Lens;
use wasp_report::{Context, ReviewFormat};
use wasp_review::Source;

#[path = "../../review/benches/synthetic.rs"]
mod synthetic;

/// Counts what a renderer writes without keeping it.
struct Count(usize);

impl std::io::Write for Count {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0 += buf.len();
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn main() {
    let inv = synthetic::inventory();
    let selection = Selection::default();
    let ran: Vec<_> = selection.applicable(&inv).map(|c| c.meta()).collect();
    let catalogue: Vec<_> = wasp_checks::CHECKS.iter().map(|c| c.meta()).collect();
    let inputs = wasp_review::Inputs {
        catalogue: &catalogue,
        ran: &ran,
        findings: wasp_checks::run(&inv, &selection, &wasp_checks::Settings::default()),
        source: Source::Snapshot,
        narrowed_by: Vec::new(),
        answers: None,
        reviewed_at: inv.collected_at,
        answer_max_age_days: wasp_review::DEFAULT_MAX_AGE_DAYS,
        thresholds: Vec::new(),
        suppressions: Vec::new(),
    };
    let review = wasp_review::review(Lens::builtin(), &inv, inputs);
    let cx = Context::new(&review);
    println!("render: {} findings", review.findings.len());
    for format in ReviewFormat::ALL {
        let mut samples: Vec<Duration> = Vec::new();
        let mut size = 0;
        for _ in 0..5 {
            let mut out = Count(0);
            let start = Instant::now();
            format.render(&cx, &mut out).expect("rendering to a counter cannot fail");
            samples.push(start.elapsed());
            size = out.0;
        }
        samples.sort();
        println!(
            "{:>11}: {:>8.1} ms, {:>7.1} MB (median of 5)",
            format.name(),
            samples[2].as_secs_f64() * 1e3,
            size as f64 / 1e6
        );
    }
}
