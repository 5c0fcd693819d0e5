//! Checks every template under the given paths, as `wasp iac` does, and prints counts:
//! `cargo run --release -p wasp-iac --example iac_bench -- DIR`.
use std::path::PathBuf;
use wasp_checks::{Selection, Settings, Status};
use wasp_iac::{check_files, discover, Checked, Options};

fn main() {
    let paths: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    let files = discover(&paths);
    let results = check_files(&files, &Options::default(), &Selection::default(), &Settings::default());
    let (mut templates, mut fail, mut total) = (0, 0, 0);
    for (_, c) in &results {
        if let Checked::Template(_, e) = c {
            templates += 1;
            total += e.findings.len();
            fail += e.findings.iter().filter(|f| f.status == Status::Fail).count();
        }
    }
    println!("{templates} templates, {total} findings, {fail} failed");
}
