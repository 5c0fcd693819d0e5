//! Writing results: standard output, or files replaced atomically.
use anyhow::{Context, Result};
use std::io::{self, BufWriter, Write};
use std::path::Path;

pub fn to_stdout(render: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> Result<()> {
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    render(&mut out)?;
    out.flush()?;
    Ok(())
}

/// Writes to a temporary file beside `path`, then renames it over `path`: readers see the old
/// file or the new one, never half of one.
pub fn to_file_atomically(path: &Path, render: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut file = tempfile::NamedTempFile::new_in(dir)
        .with_context(|| format!("cannot write {}: cannot create a file in {}", path.display(), dir.display()))?;
    {
        let mut out = BufWriter::new(file.as_file_mut());
        render(&mut out).with_context(|| format!("cannot write {}", path.display()))?;
        out.flush().with_context(|| format!("cannot write {}", path.display()))?;
    }
    file.as_file().sync_all().with_context(|| format!("cannot write {}", path.display()))?;
    file.persist(path).with_context(|| format!("cannot write {}", path.display()))?;
    Ok(())
}

/// One place a review is written: a format and a file, or standard output (`path` is `None`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Destination {
    pub format: wasp_report::ReviewFormat,
    pub path: Option<std::path::PathBuf>,
}

/// The destinations of `--format` and `--output`, checked before any work: known formats, at
/// most one standard output, no file twice, folders that exist. No `--output` is standard
/// output in `--format`.
pub fn destinations(args: &crate::args::OutputArgs) -> Result<Vec<Destination>> {
    use wasp_report::ReviewFormat;
    if args.outputs.is_empty() {
        return Ok(vec![Destination { format: args.format, path: None }]);
    }
    let mut plan: Vec<Destination> = Vec::new();
    for spec in &args.outputs {
        let (format, path) = match spec.split_once(':') {
            Some((name, path)) if looks_like_format(name) => match ReviewFormat::parse(name) {
                Some(format) => (format, path),
                None => {
                    let names: Vec<&str> = ReviewFormat::ALL.iter().map(|f| f.name()).collect();
                    anyhow::bail!(
                        "unknown format '{}' in --output {}; formats: {} (write ./{} for a file of that name)",
                        wasp_model::excerpt(name),
                        wasp_model::excerpt(spec),
                        names.join(", "),
                        wasp_model::excerpt(spec)
                    );
                }
            },
            _ => (args.format, spec.as_str()),
        };
        if path.is_empty() {
            anyhow::bail!("--output {} names no file; use - for standard output", wasp_model::excerpt(spec));
        }
        let path = (path != "-").then(|| std::path::PathBuf::from(path));
        if let Some(p) = &path {
            if p.is_dir() {
                anyhow::bail!("cannot write {}: it is a folder", p.display());
            }
            let dir = match p.parent() {
                Some(d) if !d.as_os_str().is_empty() => d,
                _ => Path::new("."),
            };
            if !dir.is_dir() {
                anyhow::bail!("cannot write {}: the folder {} does not exist", p.display(), dir.display());
            }
        }
        if let Some(earlier) = plan.iter().find(|d| d.path == path) {
            match &path {
                None => anyhow::bail!(
                    "only one --output can go to standard output (-), and {} already does",
                    earlier.format
                ),
                Some(p) => anyhow::bail!("--output names {} twice", p.display()),
            }
        }
        plan.push(Destination { format, path });
    }
    Ok(plan)
}

/// `html` in `html:report.html`, not `C` in `C:\…` nor a folder in `./a:b`.
fn looks_like_format(name: &str) -> bool {
    name.len() > 1 && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}
