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
        Config::parse(&text, &path)
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
    fn sizes_take_suffixes() {
        assert_eq!(parse_size("1024"), Ok(1024));
        assert_eq!(parse_size("2K"), Ok(2048));
        assert_eq!(parse_size("1g"), Ok(1 << 30));
        assert!(parse_size("0").is_err() && parse_size("lots").is_err() && parse_size("99999999999999G").is_err());
    }
}
