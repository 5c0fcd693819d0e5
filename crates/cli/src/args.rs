//! Command-line arguments.
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "wasp",
    version,
    about = "AWS Well-Architected Security Pillar reviews: evidence, judgement, a prioritised plan",
    long_about = None,
    max_term_width = 100
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,

    /// When to colour text output.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,

    /// Print no progress and no warnings.
    #[arg(short, long, global = true)]
    pub quiet: bool,

    /// Log every AWS call and gap to stderr (never credentials).
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    pub verbose: u8,

    /// Read defaults from this TOML file (default: ./wasp.toml when it exists).
    #[arg(long, global = true, env = "WASP_CONFIG", value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// Largest input file wasp reads, in bytes or with K, M, G (default 256M).
    #[arg(long, global = true, env = "WASP_MAX_INPUT_SIZE", value_name = "SIZE",
          value_parser = crate::config::parse_size)]
    pub max_input_size: Option<u64>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Collect an AWS account (read-only) and review it.
    Scan(ScanArgs),
    /// Review a saved snapshot, or the built-in demo account.
    Review(ReviewArgs),
    /// List the checks.
    Checks(ChecksArgs),
    /// Show everything about one check.
    Explain(ExplainArgs),
    /// Show the Security Pillar: principles, areas, questions and best practices.
    Pillar(FormatArgs),
    /// Print the least-privilege IAM policy `wasp scan` needs (JSON).
    Permissions,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    Critical,
    High,
    Medium,
    Low,
    Informational,
    None,
}

#[derive(Debug, Args)]
pub struct FormatArgs {
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

#[derive(Debug, Args)]
pub struct OutputArgs {
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,

    /// Write the review to FILE (atomically) instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Exit with 1 when a failed finding has this severity or more.
    #[arg(long, value_enum, default_value_t = FailOn::None, value_name = "SEVERITY")]
    pub fail_on: FailOn,
}

#[derive(Debug, Args)]
pub struct SelectionArgs {
    /// Only these checks (comma-separated ids).
    #[arg(long, value_delimiter = ',', value_name = "IDS")]
    pub checks: Vec<String>,
}

#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("input").required(true).args(["snapshot", "demo"])))]
pub struct ReviewArgs {
    /// A snapshot saved by `wasp scan --save-snapshot`.
    #[arg(long, value_name = "FILE")]
    pub snapshot: Option<PathBuf>,

    /// Review the built-in demo account (no AWS account needed).
    #[arg(long)]
    pub demo: bool,

    /// Only checks of these services (comma-separated).
    #[arg(long, value_delimiter = ',', value_name = "SERVICES")]
    pub services: Vec<String>,

    #[command(flatten)]
    pub selection: SelectionArgs,

    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Debug, Args)]
pub struct ScanArgs {
    /// Named profile from the shared AWS config and credentials files.
    #[arg(long, env = "AWS_PROFILE", value_name = "NAME")]
    pub profile: Option<String>,

    /// One region to scan.
    #[arg(long, value_name = "REGION", conflicts_with = "regions")]
    pub region: Option<String>,

    /// Regions to scan: r1,r2 (default: `all`, every region enabled for the account).
    #[arg(long, value_delimiter = ',', value_name = "REGIONS")]
    pub regions: Vec<String>,

    /// Only these services (comma-separated; see `wasp checks`).
    #[arg(long, value_delimiter = ',', value_name = "SERVICES")]
    pub services: Vec<String>,

    #[command(flatten)]
    pub selection: SelectionArgs,

    /// Send every call to this AWS-compatible endpoint (also AWS_ENDPOINT_URL).
    #[arg(long, env = "AWS_ENDPOINT_URL", value_name = "URL")]
    pub endpoint_url: Option<String>,

    /// Service × region units collected at once [default: 16].
    #[arg(long, value_parser = clap::value_parser!(u16).range(1..=256))]
    pub concurrency: Option<u16>,

    /// Seconds one AWS call may take, retries included, before it becomes a gap [default: 20].
    #[arg(long, value_name = "SECS", value_parser = clap::value_parser!(u64).range(1..=600))]
    pub timeout: Option<u64>,

    /// Also save the collected inventory, for `wasp review --snapshot`.
    #[arg(long, value_name = "FILE")]
    pub save_snapshot: Option<PathBuf>,

    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Debug, Args)]
pub struct ChecksArgs {
    /// Only checks of these services (comma-separated).
    #[arg(long, value_delimiter = ',', value_name = "SERVICES")]
    pub service: Vec<String>,

    /// Only checks that evidence these best practices (e.g. SEC02-BP01).
    #[arg(long, value_delimiter = ',', value_name = "IDS")]
    pub practice: Vec<String>,

    /// Only checks of this severity or more.
    #[arg(long, value_enum, value_name = "SEVERITY")]
    pub severity: Option<FailOn>,

    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// A check id, as `wasp checks` lists them.
    pub check_id: String,

    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}
