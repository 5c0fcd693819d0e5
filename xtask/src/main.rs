//! Project automation, run as `cargo xtask <task>`.

mod docs;

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::{fs, io};

const USAGE: &str = "usage: cargo xtask docs [--check]\n\n  docs          regenerate the generated docs: docs/checks/, coverage, permissions, fixes, schemas\n  docs --check  fail if they are stale";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let result = match args.as_slice() {
        ["docs"] => write_docs(&workspace_root()),
        ["docs", "--check"] => check_docs(&workspace_root()),
        _ => Err(USAGE.to_string()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("{message}");
            ExitCode::FAILURE
        }
    }
}

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("xtask lives in the workspace root").to_path_buf()
}

fn generated() -> docs::Docs {
    let metas: Vec<_> = wasp_checks::CHECKS.iter().map(|c| c.meta()).collect();
    docs::generate(&metas, wasp_pillar::Lens::builtin())
}

/// Markdown files in the checks directory that generation no longer produces.
fn extra_files(root: &Path, docs: &docs::Docs) -> io::Result<Vec<String>> {
    let dir = match fs::read_dir(root.join(docs::CHECKS_DIR)) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(vec![]),
        dir => dir?,
    };
    let mut extra = vec![];
    for entry in dir {
        let name = entry?.file_name().to_string_lossy().into_owned();
        let path = format!("{}/{name}", docs::CHECKS_DIR);
        if name.ends_with(".md") && !docs.contains_key(&path) {
            extra.push(path);
        }
    }
    extra.sort();
    Ok(extra)
}

/// What differs between the generated docs and the files on disk, one line per file.
fn stale(root: &Path, docs: &docs::Docs) -> io::Result<Vec<String>> {
    let mut problems = vec![];
    for (path, content) in docs {
        match fs::read_to_string(root.join(path)) {
            Ok(on_disk) if on_disk == *content => {}
            Ok(_) => problems.push(format!("{path} is stale")),
            Err(e) if e.kind() == io::ErrorKind::NotFound => problems.push(format!("{path} is missing")),
            Err(e) => return Err(e),
        }
    }
    for path in extra_files(root, docs)? {
        problems.push(format!("{path} is not generated any more (no such check)"));
    }
    Ok(problems)
}

fn check_docs(root: &Path) -> Result<(), String> {
    let problems = stale(root, &generated()).map_err(|e| format!("cannot read the docs: {e}"))?;
    if problems.is_empty() {
        return Ok(());
    }
    Err(format!(
        "generated docs are out of date:\n  {}\nrun `cargo xtask docs` to regenerate them",
        problems.join("\n  ")
    ))
}

fn write_docs(root: &Path) -> Result<(), String> {
    let docs = generated();
    let fail = |path: &str, e: io::Error| format!("cannot write {path}: {e}");
    for path in extra_files(root, &docs).map_err(|e| fail(docs::CHECKS_DIR, e))? {
        fs::remove_file(root.join(&path)).map_err(|e| fail(&path, e))?;
        println!("removed {path}");
    }
    let mut changed = 0;
    for (path, content) in &docs {
        let file = root.join(path);
        if fs::read_to_string(&file).ok().as_deref() != Some(content.as_str()) {
            fs::create_dir_all(file.parent().expect("docs live in a directory")).map_err(|e| fail(path, e))?;
            fs::write(&file, content).map_err(|e| fail(path, e))?;
            changed += 1;
        }
    }
    println!("{} docs files, {changed} updated", docs.len());
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn docs_are_fresh() {
        let problems = stale(&workspace_root(), &generated()).expect("the docs are readable");
        assert!(problems.is_empty(), "docs are stale, run `cargo xtask docs`:\n  {}", problems.join("\n  "));
    }

    #[test]
    fn stale_missing_and_extra_files_are_named() {
        let root = std::env::temp_dir().join(format!("wasp-xtask-{}", std::process::id()));
        let _ = fs::remove_dir_all(&root);
        let docs: docs::Docs = [("docs/checks/a.md", "a\n"), ("docs/checks/b.md", "b\n"), ("docs/coverage.md", "c\n")]
            .into_iter()
            .map(|(p, c)| (p.to_string(), c.to_string()))
            .collect();
        fs::create_dir_all(root.join(docs::CHECKS_DIR)).unwrap();
        for (path, content) in [("docs/checks/a.md", "a\n"), ("docs/checks/b.md", "old\n"), ("docs/checks/gone.md", "")]
        {
            fs::write(root.join(path), content).unwrap();
        }
        let problems = stale(&root, &docs).unwrap();
        fs::remove_dir_all(&root).unwrap();
        assert_eq!(
            problems,
            [
                "docs/checks/b.md is stale",
                "docs/coverage.md is missing",
                "docs/checks/gone.md is not generated any more (no such check)"
            ]
        );
    }
}
