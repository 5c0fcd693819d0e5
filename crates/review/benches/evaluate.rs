//! Evaluation speed: every check and the review over a large synthetic inventory.
//!
//! `cargo bench -p wasp-review` prints the median of several runs; results go in
//! docs/benchmarks.md.
use std::time::{Duration, Instant};
use wasp_checks::Selection;
use wasp_pillar::Lens;
use wasp_review::Source;

mod synthetic;

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn main() {
    let inv = synthetic::inventory();
    let resources: usize = inv.resource_counts().values().sum();
    let selection = Selection::default();
    let ran: Vec<_> = selection.applicable(&inv).map(|c| c.meta()).collect();
    let lens = Lens::builtin();
    // `WASP_BENCH_CHECK=id`: that check alone, once, and nothing else (for profiling).
    if let Ok(id) = std::env::var("WASP_BENCH_CHECK") {
        let one = Selection { check_ids: vec![id.clone()], ..Selection::default() };
        let start = Instant::now();
        let findings = wasp_checks::run(&inv, &one, &wasp_checks::Settings::default());
        println!("{id}: {} findings in {:.1} ms", findings.len(), start.elapsed().as_secs_f64() * 1e3);
        return;
    }
    // `WASP_BENCH_SLOWEST=N`: each check alone, once, and the N slowest.
    if let Some(n) = std::env::var("WASP_BENCH_SLOWEST").ok().and_then(|v| v.parse::<usize>().ok()) {
        let mut times: Vec<(Duration, &str)> = ran
            .iter()
            .map(|meta| {
                let one = Selection { check_ids: vec![meta.id.to_owned()], ..Selection::default() };
                let start = Instant::now();
                std::hint::black_box(wasp_checks::run(&inv, &one, &wasp_checks::Settings::default()));
                (start.elapsed(), meta.id)
            })
            .collect();
        times.sort_by(|a, b| b.cmp(a));
        for (time, id) in times.iter().take(n) {
            println!("{:>10.1} ms  {id}", time.as_secs_f64() * 1e3);
        }
    }
    let (mut check_times, mut review_times) = (Vec::new(), Vec::new());
    let mut findings_count = 0;
    for _ in 0..7 {
        let start = Instant::now();
        let findings = wasp_checks::run(&inv, &selection, &wasp_checks::Settings::default());
        check_times.push(start.elapsed());
        findings_count = findings.len();
        let start = Instant::now();
        let catalogue: Vec<_> = wasp_checks::CHECKS.iter().map(|c| c.meta()).collect();
        let inputs = wasp_review::Inputs {
            catalogue: &catalogue,
            ran: &ran,
            findings,
            source: Source::Snapshot,
            narrowed_by: Vec::new(),
            answers: None,
            reviewed_at: inv.collected_at,
            answer_max_age_days: wasp_review::DEFAULT_MAX_AGE_DAYS,
            thresholds: Vec::new(),
            suppressions: Vec::new(),
        };
        let review = wasp_review::review(lens, &inv, inputs);
        review_times.push(start.elapsed());
        std::hint::black_box(review);
    }
    println!(
        "evaluate: {resources} resources, {} checks, {findings_count} findings: checks {:.1} ms, review {:.1} ms (median of 7)",
        ran.len(),
        median(check_times).as_secs_f64() * 1e3,
        median(review_times).as_secs_f64() * 1e3,
    );
}
