//! `wasp.toml`: defaults for flags a team always passes. Flags win over the environment,
//! which wins over the file.
//!
//! ```toml
//! [scan]
//! profile = "audit"
//! regions = ["us-east-1", "eu-west-1"]   # or "all" (the default: every enabled region)
//! services = ["iam", "s3"]
//! endpoint_url = "http://127.0.0.1:5000"
//! concurrency = 16
//! timeout = 20                            # seconds a call may take, retries included
//! max_attempts = 3
//!
//! [input]
//! max_size = "256M"                       # largest snapshot (or other input) wasp reads
//!
//! [answers]
//! file = "answers.yaml"                   # what people answered (`wasp answer` writes it)
//! max_age_days = 365                      # older answers are shown as stale
//!
//! [store]
//! path = "reviews.db"                     # default: the platform's data directory
//!
//! [checks]                                # thresholds; defaults follow the cited controls
//! log_retention_min_days = 365            # CloudWatch.16
//! access_key_max_age_days = 90            # CIS 1.14, IAM.3
//! unused_credentials_days = 45            # CIS 1.12, IAM.22
//! unused_access_days = 90                 # roles and granted services (Access Analyzer's 90)
//! rds_backup_retention_min_days = 7       # RDS.11
//! permission_set_session_max_hours = 8    # wasp: one working day (AWS allows 12)
//!
//! [[suppress]]                            # mute accepted findings, kept in git and reviewed
//! check = "s3_bucket_versioning_enabled"
//! resource = "arn:aws:s3:::*-scratch"     # glob on the full ARN (optional)
//! account = "111122223333"                # optional, as region and tags
//! tags = { env = "sandbox" }
//! reason = "Scratch buckets hold nothing that needs versions."
//! expires = 2027-03-31
//! ```
use anyhow::{bail, Context, Result};
use serde::Deserialize;
use std::path::{Path, PathBuf};

/// The file wasp looks for in the working directory when `--config` is not given.
pub const DEFAULT_FILE: &str = "wasp.toml";

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    #[serde(default)]
    pub scan: ScanConfig,
    #[serde(default)]
    pub input: InputConfig,
    #[serde(default)]
    pub answers: AnswersConfig,
    #[serde(default)]
    pub store: StoreConfig,
    #[serde(default)]
    pub suppress: Vec<SuppressConfig>,
    /// Check thresholds.
    #[serde(default)]
    pub checks: wasp_checks::Settings,
    /// The file this came from, for labels and messages.
    #[serde(skip)]
    pub path: Option<PathBuf>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnswersConfig {
    pub file: Option<PathBuf>,
    pub max_age_days: Option<u32>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StoreConfig {
    pub path: Option<PathBuf>,
}

/// One `[[suppress]]` rule of the file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SuppressConfig {
    pub check: String,
    pub resource: Option<String>,
    pub account: Option<String>,
    pub region: Option<String>,
    #[serde(default)]
    pub tags: std::collections::BTreeMap<String, String>,
    pub reason: String,
    pub expires: Option<toml::value::Datetime>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScanConfig {
    pub profile: Option<String>,
    pub regions: Option<Regions>,
    pub services: Option<Vec<String>>,
    pub endpoint_url: Option<String>,
    pub concurrency: Option<u16>,
    pub timeout: Option<u64>,
    pub max_attempts: Option<u32>,
}

/// `regions = "all"` or a list of names.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub enum Regions {
    Keyword(String),
    List(Vec<String>),
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InputConfig {
    pub max_size: Option<String>,
}

impl Config {
    /// The configuration in effect: `--config FILE` (or `WASP_CONFIG`), else `./wasp.toml`
    /// when it exists, else none.
    pub fn load(explicit: Option<&Path>) -> Result<Config> {
        let path: PathBuf = match explicit {
            Some(path) => path.to_owned(),
            None if Path::new(DEFAULT_FILE).is_file() => PathBuf::from(DEFAULT_FILE),
            None => return Ok(Config::default()),
        };
        let text = wasp_model::read_limited(&path, 1 << 20)
            .with_context(|| format!("cannot read the configuration {}", path.display()))?;
        let mut config = Config::parse(&text, &path)?;
        // Paths in the file are relative to its folder, wherever wasp runs.
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            for file in [&mut config.answers.file, &mut config.store.path].into_iter().flatten() {
                if file.is_relative() {
                    *file = dir.join(&*file);
                }
            }
        }
        config.path = Some(path);
        Ok(config)
    }

    /// The file's suppression rules, labelled `FILE#N` (the N-th `[[suppress]]`), checked: a known check id, a reason,
    /// an expiry that is a plain date.
    pub fn suppression_rules(&self) -> Result<Vec<wasp_review::suppress::Rule>> {
        let file = self.path.as_deref().map_or_else(|| DEFAULT_FILE.to_owned(), |p| p.display().to_string());
        self.suppress
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let label = format!("{file}#{}", i + 1);
                if wasp_checks::find(&s.check).is_none() {
                    bail!("{label}: unknown check '{}' in [[suppress]]", wasp_model::excerpt(&s.check));
                }
                if s.reason.trim().is_empty() {
                    bail!("{label}: a suppression needs a reason");
                }
                let expires = match &s.expires {
                    None => None,
                    Some(d) => match (d.date, d.time) {
                        (Some(date), None) => chrono::NaiveDate::from_ymd_opt(
                            i32::from(date.year),
                            u32::from(date.month),
                            u32::from(date.day),
                        ),
                        _ => None,
                    }
                    .map(Some)
                    .with_context(|| format!("{label}: expires must be a date such as 2027-03-31, not {d}"))?,
                };
                Ok(wasp_review::suppress::Rule {
                    label,
                    check_id: s.check.clone(),
                    resource: s.resource.clone(),
                    account: s.account.clone(),
                    region: s.region.clone(),
                    tags: s.tags.clone(),
                    reason: s.reason.clone(),
                    expires,
                })
            })
            .collect()
    }

    fn parse(text: &str, path: &Path) -> Result<Config> {
        let config: Config = toml::from_str(text).map_err(|e| {
            let at = e.span().map(|span| {
                let line = text[..span.start.min(text.len())].matches('\n').count() + 1;
                format!(" at line {line}")
            });
            anyhow::anyhow!(
                "the configuration {} is not valid{}: {}",
                path.display(),
                at.unwrap_or_default(),
                wasp_model::excerpt(e.message())
            )
        })?;
        if let Some(0) = config.scan.timeout {
            bail!("the configuration {}: scan.timeout must be at least 1 second", path.display());
        }
        if let Err(e) = config.checks.validate() {
            bail!("the configuration {}: checks.{e}", path.display());
        }
        Ok(config)
    }
}

/// A size in bytes, with an optional `K`, `M` or `G` suffix (powers of 1024).
pub fn parse_size(text: &str) -> Result<u64, String> {
    let text = text.trim();
    let (number, scale) = match text.char_indices().last() {
        Some((i, 'K' | 'k')) => (&text[..i], 1u64 << 10),
        Some((i, 'M' | 'm')) => (&text[..i], 1 << 20),
        Some((i, 'G' | 'g')) => (&text[..i], 1 << 30),
        _ => (text, 1),
    };
    number.trim().parse::<u64>().ok().and_then(|n| n.checked_mul(scale)).filter(|n| *n > 0).ok_or_else(|| {
        format!("invalid size '{}' (expected bytes, or a number with K, M or G)", wasp_model::excerpt(text))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_file_parses() {
        let text = r#"
            [scan]
            profile = "audit"
            regions = ["us-east-1"]
            services = ["iam"]
            concurrency = 8
            timeout = 5
            [input]
            max_size = "64M"
        "#;
        let config = Config::parse(text, Path::new("wasp.toml")).unwrap();
        assert_eq!(config.scan.profile.as_deref(), Some("audit"));
        assert!(matches!(config.scan.regions, Some(Regions::List(ref l)) if l == &["us-east-1"]));
        assert_eq!(config.scan.timeout, Some(5));
        assert_eq!(parse_size(config.input.max_size.as_deref().unwrap()), Ok(64 << 20));
        let all = Config::parse("[scan]\nregions = \"all\"\n", Path::new("w.toml")).unwrap();
        assert!(matches!(all.scan.regions, Some(Regions::Keyword(ref k)) if k == "all"));
    }

    #[test]
    fn mistakes_are_one_sentence_with_the_line() {
        let err = Config::parse("[scan]\nconcurency = 8\n", Path::new("wasp.toml")).unwrap_err().to_string();
        assert!(
            err.starts_with("the configuration wasp.toml is not valid at line 2: unknown field `concurency`"),
            "{err}"
        );
        let err = Config::parse("[scan]\ntimeout = 0\n", Path::new("wasp.toml")).unwrap_err().to_string();
        assert!(err.contains("at least 1 second"), "{err}");
        let err = Config::parse("[scan\n", Path::new("wasp.toml")).unwrap_err().to_string();
        assert!(err.contains("line 1"), "{err}");
    }

    #[test]
    fn suppressions_are_read_and_checked() {
        let text = "[[suppress]]\ncheck = \"s3_bucket_versioning_enabled\"\nresource = \"arn:aws:s3:::*-scratch\"\ntags = { env = \"sandbox\" }\nreason = \"scratch\"\nexpires = 2027-03-31\n";
        let mut config = Config::parse(text, Path::new("wasp.toml")).unwrap();
        config.path = Some(PathBuf::from("wasp.toml"));
        let rules = config.suppression_rules().unwrap();
        assert_eq!(rules[0].label, "wasp.toml#1");
        assert_eq!(rules[0].expires, chrono::NaiveDate::from_ymd_opt(2027, 3, 31));
        assert_eq!(rules[0].tags["env"], "sandbox");
        let bad = Config::parse(&text.replace("2027-03-31", "2027-13-01"), Path::new("wasp.toml")).unwrap_err();
        assert!(bad.to_string().contains("line 6"), "{bad}");
        let unknown =
            Config::parse(&text.replace("s3_bucket_versioning_enabled", "nope"), Path::new("wasp.toml")).unwrap();
        assert!(unknown.suppression_rules().unwrap_err().to_string().contains("unknown check 'nope'"));
        let stamp = Config::parse(&text.replace("2027-03-31", "2027-03-31T10:00:00Z"), Path::new("wasp.toml")).unwrap();
        assert!(stamp.suppression_rules().unwrap_err().to_string().contains("must be a date"));
    }

    #[test]
    fn paths_in_the_file_are_relative_to_its_folder() {
        let dir = tempfile::tempdir().unwrap();
        let team = dir.path().join("team");
        std::fs::create_dir(&team).unwrap();
        let file = team.join("wasp.toml");
        std::fs::write(&file, "[answers]\nfile = \"answers.yaml\"\n[store]\npath = \"/var/wasp/reviews.db\"\n")
            .unwrap();
        let config = Config::load(Some(&file)).unwrap();
        assert_eq!(config.answers.file, Some(team.join("answers.yaml")));
        assert_eq!(config.store.path, Some(PathBuf::from("/var/wasp/reviews.db")), "absolute paths stay");
    }

    #[test]
    fn sizes_take_suffixes() {
        assert_eq!(parse_size("1024"), Ok(1024));
        assert_eq!(parse_size("2K"), Ok(2048));
        assert_eq!(parse_size("1g"), Ok(1 << 30));
        assert!(parse_size("0").is_err() && parse_size("lots").is_err() && parse_size("99999999999999G").is_err());
    }
}
