//! Output formats. Every review format is one file holding one [`Renderer`], listed once in
//! [`formats!`]; each writes to any `io::Write`, so tests, files and standard output share code.
//! Renderers read the review (and what changed since an earlier one) and never call AWS.
//!
//! A format that can show an organization's roll-up ([`OrgReview`]: many accounts, each
//! question's risk in each) also implements [`Renderer::organization`]; the others (SARIF, OCSF,
//! ASFF: one record per finding, and each account's findings live in its own review) keep the
//! default, `None`, and [`ReviewFormat::has_organization_view`] says so.

pub mod asff;
pub mod csv;
mod finding_id;
pub mod html;
pub mod json;
pub mod junit;
pub mod markdown;
pub mod ocsf;
pub mod sarif;
pub mod text;

use std::collections::{BTreeMap, BTreeSet};
use std::io::{self, Write};
use std::sync::OnceLock;
use wasp_review::diff::Diff;
use wasp_review::org::{AccountOutcome, OrgEvidence, OrgReview, OrgScope};
use wasp_review::{QuestionRisk, Review};

/// Whether text output is coloured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Style {
    pub color: bool,
}

/// What a renderer reads.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    pub review: &'a Review,
    /// What changed since the previous review of the same scope, when the store has one.
    pub changes: Option<&'a Diff>,
    /// Colour, for terminal formats.
    pub style: Style,
}

impl<'a> Context<'a> {
    pub fn new(review: &'a Review) -> Self {
        Context { review, changes: None, style: Style::default() }
    }
}

/// One output format of a review.
pub trait Renderer: Sync {
    fn render(&self, cx: &Context<'_>, out: &mut dyn Write) -> io::Result<()>;

    /// The organization's review in this format, or `None`, having written nothing, when the
    /// format has no organization view (the default).
    fn organization(&self, _org: &OrgReview, _style: Style, _out: &mut dyn Write) -> Option<io::Result<()>> {
        None
    }
}

/// Declares the review formats: variant, name on the command line, renderer, file extension,
/// and a line of help. Adding a format is one module and one line here.
macro_rules! formats {
    ($($variant:ident, $name:literal, $module:ident::$renderer:ident, $ext:literal, $help:literal;)+) => {
        /// A review output format.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum ReviewFormat {
            $(#[doc = $help] $variant,)+
        }

        impl ReviewFormat {
            pub const ALL: &'static [ReviewFormat] = &[$(ReviewFormat::$variant,)+];

            /// Its name on the command line.
            pub fn name(self) -> &'static str {
                match self { $(ReviewFormat::$variant => $name,)+ }
            }

            pub fn help(self) -> &'static str {
                match self { $(ReviewFormat::$variant => $help,)+ }
            }

            /// The usual file extension, without the dot.
            pub fn extension(self) -> &'static str {
                match self { $(ReviewFormat::$variant => $ext,)+ }
            }

            pub fn renderer(self) -> &'static dyn Renderer {
                match self { $(ReviewFormat::$variant => &$module::$renderer,)+ }
            }

            /// The source file whose module comment documents the format.
            pub fn source_file(self) -> &'static str {
                match self { $(ReviewFormat::$variant => concat!("crates/report/src/", stringify!($module), ".rs"),)+ }
            }
        }
    };
}

formats! {
    Text, "text", text::Text, "txt", "for people in a terminal";
    Json, "json", json::Json, "json", "the review as data (docs/schema/review.schema.json)";
    Html, "html", html::Html, "html", "one self-contained page to read, share and print";
    Sarif, "sarif", sarif::Sarif, "sarif", "SARIF 2.1.0, for GitHub code scanning and other SARIF viewers";
    Ocsf, "ocsf", ocsf::Ocsf, "json", "OCSF 1.9.0 Compliance Finding events, as one JSON array";
    OcsfJsonl, "ocsf-jsonl", ocsf::OcsfJsonl, "jsonl", "OCSF 1.9.0 Compliance Finding events, one a line";
    Asff, "asff", asff::Asff, "json", "the findings in the AWS Security Finding Format, for Security Hub";
    Csv, "csv", csv::Csv, "csv", "one row per finding (every status) for spreadsheets and scripts";
    Junit, "junit", junit::Junit, "xml", "JUnit XML for CI dashboards: a suite per check, a test case per finding";
    Markdown, "markdown", markdown::Markdown, "md", "a short summary for a pull-request comment";
}

impl ReviewFormat {
    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|f| f.name() == name)
    }

    /// Whether it is meant for a terminal (coloured when standard output is one).
    pub fn is_terminal_text(self) -> bool {
        self == ReviewFormat::Text
    }

    pub fn render(self, cx: &Context<'_>, out: &mut dyn Write) -> io::Result<()> {
        self.renderer().render(cx, out)
    }

    /// Writes the organization's review in this format; `None` (nothing written) when the format
    /// has no organization view.
    pub fn render_organization(self, org: &OrgReview, style: Style, out: &mut dyn Write) -> Option<io::Result<()>> {
        self.renderer().organization(org, style, out)
    }

    /// Whether the format can show an organization's review. Asked of the renderer itself (an
    /// organization without accounts, rendered into `io::sink`), so each format says it in one
    /// place: its [`Renderer::organization`].
    pub fn has_organization_view(self) -> bool {
        static EMPTY: OnceLock<OrgReview> = OnceLock::new();
        let empty = EMPTY
            .get_or_init(|| wasp_review::org::roll_up(wasp_pillar::Lens::builtin(), OrgScope::default(), Vec::new()));
        self.render_organization(empty, Style::default(), &mut io::sink()).is_some()
    }
}

/// A failing check wasp has a fix for: `wasp fix CHECK_ID` plans it.
pub struct Fixable<'a> {
    pub check_id: &'a str,
    pub severity: wasp_checks::Severity,
    /// Distinct failing resources (by ARN and region).
    pub resources: usize,
    /// What the fix does, as its action's title says.
    pub title: &'static str,
    /// The command that plans it.
    pub command: String,
}

/// The failing checks of the review that wasp can fix, the most severe and widespread first;
/// none for a template's review (its fixes go into the template).
pub fn fixable(review: &Review) -> Vec<Fixable<'_>> {
    // Per check: the worst severity, and the failing (resource, region) pairs.
    type Failing<'r> = (wasp_checks::Severity, BTreeSet<(Option<&'r str>, &'r str)>);
    let mut by_check: BTreeMap<&str, Failing<'_>> = BTreeMap::new();
    for f in review.findings.iter().filter(|f| f.status == wasp_checks::Status::Fail && !f.signal) {
        let entry = by_check.entry(&f.check_id).or_insert_with(|| (f.severity, Default::default()));
        entry.0 = entry.0.max(f.severity);
        entry.1.insert((f.resource_arn.as_deref(), f.region.as_str()));
    }
    let mut out: Vec<Fixable> = by_check
        .into_iter()
        .filter_map(|(check_id, (severity, resources))| {
            let command = wasp_review::fix_command(check_id, review.scope.source)?;
            let title = wasp_respond::fixes_for(check_id).next()?.title;
            Some(Fixable { check_id, severity, resources: resources.len(), title, command })
        })
        .collect();
    out.sort_by(|a, b| {
        (std::cmp::Reverse(a.severity), std::cmp::Reverse(a.resources), a.check_id).cmp(&(
            std::cmp::Reverse(b.severity),
            std::cmp::Reverse(b.resources),
            b.check_id,
        ))
    });
    out
}

/// An account's risk in a question of the organization's review: not assessed when the account
/// was not reviewed or has no risk for the question.
pub(crate) fn account_risk(account: &AccountOutcome, question: &str) -> QuestionRisk {
    match account.not_reviewed {
        Some(_) => QuestionRisk::NotAssessed,
        None => account.questions.get(question).copied().unwrap_or(QuestionRisk::NotAssessed),
    }
}

/// The organization's accounts by id (as `roll_up` leaves them, whatever order a reader holds).
pub(crate) fn accounts_by_id(org: &OrgReview) -> Vec<&AccountOutcome> {
    let mut accounts: Vec<&AccountOutcome> = org.accounts.iter().collect();
    accounts.sort_by(|a, b| a.account_id.cmp(&b.account_id));
    accounts
}

/// The organization's own evidence in `roll_up`'s order (the checks as
/// [`ORGANIZATION_CHECKS`](wasp_review::org::ORGANIZATION_CHECKS) lists them, then resource and
/// region), whatever order a reader holds; ties broken by status, message and source account.
pub(crate) fn organization_evidence(org: &OrgReview) -> Vec<&OrgEvidence> {
    fn key(e: &OrgEvidence) -> impl Ord + '_ {
        let order = wasp_review::org::ORGANIZATION_CHECKS.iter().position(|c| *c == e.check_id);
        (
            order.unwrap_or(usize::MAX),
            e.check_id.as_str(),
            e.resource_arn.as_deref(),
            e.region.as_str(),
            e.status,
            e.message.as_str(),
            e.judged_in.as_str(),
        )
    }
    let mut evidence: Vec<&OrgEvidence> = org.organization.iter().collect();
    evidence.sort_by(|a, b| key(a).cmp(&key(b)));
    evidence
}

impl std::fmt::Display for ReviewFormat {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_names_are_unique_and_parse_back() {
        for f in ReviewFormat::ALL {
            assert_eq!(ReviewFormat::parse(f.name()), Some(*f));
            assert_eq!(ReviewFormat::ALL.iter().filter(|g| g.name() == f.name()).count(), 1);
            assert!(!f.help().is_empty() && !f.extension().is_empty());
        }
        assert_eq!(ReviewFormat::parse("pdf"), None);
    }

    #[test]
    fn per_finding_formats_have_no_organization_view() {
        use ReviewFormat::*;
        let with: Vec<ReviewFormat> = ReviewFormat::ALL.iter().copied().filter(|f| f.has_organization_view()).collect();
        assert_eq!(with, [Text, Json, Html, Csv, Junit, Markdown]);
    }
}
