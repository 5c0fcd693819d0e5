//! Infrastructure as code read into the same [`Inventory`] the live checks read, so one check
//! judges an account and a template alike.
//!
//! - [`load`] reads one file: a CloudFormation template (JSON or YAML, SAM included) becomes a
//!   [`Unit`]: an inventory whose resources carry their [`SourceLocation`], plus what could not
//!   be judged.
//! - [`evaluate`] runs the checks that are meaningful for templates ([`applies_to_templates`])
//!   and turns their verdicts into findings about the template: no invented ARNs, unresolved
//!   values named in SKIP messages, inline `# wasp:ignore CHECK_ID reason` comments applied.
//!
//! Conventions of a template inventory (see `docs` of [`Options`]):
//! - The template is judged on its own: account-level settings it cannot see (S3 Block
//!   Public Access of the account, EBS encryption by default, the account's IMDS defaults)
//!   are taken as not configured; a Terraform module's `aws_s3_account_public_access_block`
//!   is read as the account's.
//! - An attribute the template leaves out takes the documented CloudFormation/AWS default.
//! - A value that cannot be resolved statically is `None`, with a [`GapKind::Unresolved`] gap
//!   naming the expression, so checks SKIP with that reason.
//! - Resources whose name the template does not fix get a *synthetic* ARN built from the
//!   logical id (listed in [`Unit::synthetic_arns`]); findings never show it.

mod build;
pub mod cfn;
mod ignore;
pub mod locate;
mod run;
pub mod tf;

pub use build::SERVICES;
pub use ignore::InlineIgnore;
pub use run::{applies_to_templates, evaluate, template_checks, Evaluated, PROVIDED_READS};

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use wasp_model::{Inventory, SourceLocation};

/// The account id `AWS::AccountId` resolves to unless `--account-id` is given: the template's
/// own account, whatever it will be.
pub const PLACEHOLDER_ACCOUNT: &str = "000000000000";

/// Largest template read, in bytes.
pub const MAX_TEMPLATE_BYTES: u64 = 16 << 20;

/// How templates are read.
#[derive(Debug, Clone)]
pub struct Options {
    /// `--parameter Key=Value`: CloudFormation parameter values over their defaults.
    pub parameters: BTreeMap<String, String>,
    /// `--var k=v`: Terraform variable values over tfvars and defaults (root modules).
    pub vars: BTreeMap<String, String>,
    /// `AWS::Region`.
    pub region: String,
    /// `AWS::AccountId`.
    pub account_id: String,
    /// Largest file read, in bytes.
    pub max_bytes: u64,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            parameters: BTreeMap::new(),
            vars: BTreeMap::new(),
            region: "us-east-1".to_owned(),
            account_id: PLACEHOLDER_ACCOUNT.to_owned(),
            max_bytes: MAX_TEMPLATE_BYTES,
        }
    }
}

/// What kind of template a file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Format {
    CloudFormationJson,
    CloudFormationYaml,
    /// A directory of `.tf` files (one module, with the local modules it calls).
    TerraformHcl,
    /// `terraform show -json` of a plan.
    TerraformPlan,
}

impl Format {
    pub fn as_str(self) -> &'static str {
        match self {
            Format::CloudFormationJson => "cloudformation-json",
            Format::CloudFormationYaml => "cloudformation-yaml",
            Format::TerraformHcl => "terraform",
            Format::TerraformPlan => "terraform-plan",
        }
    }
}

/// A resource the checks of one kind cannot judge, and why (e.g. a security group rule whose
/// port is a parameter without a value): every applicable check of that kind SKIPs it.
#[derive(Debug, Clone, PartialEq)]
pub struct Unjudged {
    /// A check's `resource_kind` (`ec2_security_group` …).
    pub resource_kind: &'static str,
    pub location: SourceLocation,
    pub reason: String,
}

/// One template read into an inventory.
#[derive(Debug, Clone)]
pub struct Unit {
    pub path: PathBuf,
    pub format: Format,
    pub inventory: Inventory,
    /// ARNs made up from logical ids because the template does not fix them.
    pub synthetic_arns: BTreeSet<String>,
    pub unjudged: Vec<Unjudged>,
    pub ignores: Vec<InlineIgnore>,
    /// Resources of types wasp does not model yet, by type, with their count.
    pub unsupported: BTreeMap<String, usize>,
    /// How many resources the template declares (conditions aside).
    pub resources: usize,
    /// Where each top-level property of each resource is: (logical id, property) → position.
    pub key_positions: BTreeMap<(String, String), locate::Pos>,
}

/// A template that could not be parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    pub file: String,
    pub line: Option<u32>,
    pub column: Option<u32>,
    pub message: String,
}

impl std::fmt::Display for ParseError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (self.line, self.column) {
            (Some(l), Some(c)) => write!(f, "{}:{l}:{c}: {}", self.file, self.message),
            (Some(l), None) => write!(f, "{}:{l}: {}", self.file, self.message),
            _ => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

/// What reading one file gave.
#[derive(Debug, Clone)]
pub enum Outcome {
    Template(Box<Unit>),
    /// Not a template wasp reads (a README, a Kubernetes manifest …), with why.
    NotTemplate(String),
    Malformed(ParseError),
}

/// Reads one file and, when it is a template, builds its inventory.
pub fn load(path: &Path, opts: &Options) -> Outcome {
    let display = path.display().to_string();
    let text = match wasp_model::read_limited(path, opts.max_bytes) {
        Ok(text) => text,
        Err(e) => {
            return Outcome::Malformed(ParseError {
                file: display,
                line: None,
                column: None,
                message: wasp_model::error_chain(&e),
            })
        }
    };
    load_text(&display, &text, opts)
}

/// [`load`] on text already read; `file` is how locations name it.
pub fn load_text(file: &str, text: &str, opts: &Options) -> Outcome {
    if tf::plan::looks_like_plan(text) {
        return match tf::plan::resources(file, text) {
            Ok(resources) => Outcome::Template(Box::new(tf::build::build(
                Path::new(file),
                Format::TerraformPlan,
                &resources,
                &opts.region,
                &opts.account_id,
            ))),
            Err(e) => Outcome::Malformed(e),
        };
    }
    match cfn::detect(file, text) {
        cfn::Detected::No(why) => Outcome::NotTemplate(why),
        cfn::Detected::Yes(format) => match cfn::parse(file, text, format) {
            Ok(doc) => Outcome::Template(Box::new(build::cloudformation(file, text, format, &doc, opts))),
            Err(e) => Outcome::Malformed(e),
        },
    }
}

/// What checking one file gave.
#[derive(Debug, Clone)]
pub enum Checked {
    Template(Box<Unit>, Evaluated),
    NotTemplate(String),
    Malformed(ParseError),
}

/// Loads and checks files in parallel (rayon), in the order given. The `.tf` files of one
/// directory are one Terraform module, read together; every other file is read alone.
pub fn check_files(
    files: &[PathBuf],
    opts: &Options,
    selection: &wasp_checks::Selection,
    settings: &wasp_checks::Settings,
) -> Vec<(PathBuf, Checked)> {
    use rayon::prelude::*;
    let mut jobs: Vec<(PathBuf, Vec<PathBuf>)> = Vec::new();
    let mut tf_dirs: BTreeMap<PathBuf, Vec<PathBuf>> = BTreeMap::new();
    for f in files {
        if f.extension().is_some_and(|e| e == "tf") {
            tf_dirs.entry(f.parent().map(Path::to_path_buf).unwrap_or_default()).or_default().push(f.clone());
        } else if f.extension().is_none_or(|e| e != "tfvars") {
            jobs.push((f.clone(), Vec::new()));
        }
    }
    jobs.extend(tf_dirs);
    let run = |unit: Unit| {
        let evaluated = evaluate(&unit, selection, settings);
        Checked::Template(Box::new(unit), evaluated)
    };
    let mut results: Vec<(PathBuf, Checked)> = jobs
        .par_iter()
        .flat_map_iter(|(path, tf_files)| {
            if tf_files.is_empty() {
                let checked = match load(path, opts) {
                    Outcome::Template(unit) => run(*unit),
                    Outcome::NotTemplate(why) => Checked::NotTemplate(why),
                    Outcome::Malformed(e) => Checked::Malformed(e),
                };
                vec![(path.clone(), checked)]
            } else {
                let (resources, errors) = tf::hcl_source::load_dir(path, tf_files, &opts.vars, opts.max_bytes);
                let mut out: Vec<(PathBuf, Checked)> =
                    errors.into_iter().map(|e| (PathBuf::from(&e.file), Checked::Malformed(e))).collect();
                let parsed = tf_files.len() > out.len();
                if parsed {
                    let mut unit =
                        tf::build::build(path, Format::TerraformHcl, &resources, &opts.region, &opts.account_id);
                    unit.ignores = terraform_ignores(tf_files, &resources, opts.max_bytes);
                    out.push((path.clone(), run(unit)));
                }
                out
            }
        })
        .collect();
    results.sort_by(|a, b| a.0.cmp(&b.0));
    results
}

/// `# wasp:ignore` comments of `.tf` files, each assigned to the resource block it is in or
/// just above.
fn terraform_ignores(files: &[PathBuf], resources: &[tf::TfResource], max_bytes: u64) -> Vec<InlineIgnore> {
    let mut out = Vec::new();
    for f in files {
        let Ok(text) = wasp_model::read_limited(f, max_bytes) else { continue };
        let lines: Vec<&str> = text.lines().collect();
        let display = f.display().to_string();
        let starts: Vec<(u32, &str)> = resources
            .iter()
            .filter(|r| r.location.file == display)
            .filter_map(|r| r.location.line.map(|l| (l, r.address.as_str())))
            .collect();
        for mut i in ignore::scan(&lines) {
            let above = starts.iter().filter(|(l, _)| *l > i.line).min_by_key(|(l, _)| *l).filter(|(l, _)| {
                lines[i.line as usize..(*l as usize - 1)]
                    .iter()
                    .all(|x| x.trim().is_empty() || x.trim_start().starts_with('#'))
            });
            let inside = starts.iter().filter(|(l, _)| *l <= i.line).max_by_key(|(l, _)| *l);
            i.logical_id = above.or(inside).map(|(_, a)| a.split('[').next().unwrap_or(a).to_owned());
            out.push(i);
        }
    }
    out
}

/// A one-line excerpt of an expression, for messages.
pub(crate) fn cfn_excerpt(text: &str) -> String {
    wasp_model::excerpt(text)
}

/// The files under `paths` (directories walked, hidden entries and `.terraform` left out),
/// sorted, each once.
pub fn discover(paths: &[PathBuf]) -> Vec<PathBuf> {
    let mut out = BTreeSet::new();
    for path in paths {
        walk(path, 0, &mut out);
    }
    out.into_iter().collect()
}

/// Directory depth walked at most.
const MAX_WALK_DEPTH: usize = 32;

fn walk(path: &Path, depth: usize, out: &mut BTreeSet<PathBuf>) {
    if depth > MAX_WALK_DEPTH {
        return;
    }
    let Ok(meta) = std::fs::metadata(path) else {
        // Reported by `load` as unreadable.
        out.insert(path.to_path_buf());
        return;
    };
    if meta.is_file() {
        out.insert(path.to_path_buf());
        return;
    }
    let Ok(entries) = std::fs::read_dir(path) else { return };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with('.') || name == "node_modules" {
            continue;
        }
        let child = entry.path();
        if entry.file_type().is_ok_and(|t| t.is_symlink()) {
            continue;
        }
        walk(&child, depth + 1, out);
    }
}
