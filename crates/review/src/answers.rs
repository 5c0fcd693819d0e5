//! Answers: what people say about the practices no API shows, kept in a versioned YAML file
//! per workload, and how an answer combines with the evidence of a practice.
//!
//! ```yaml
//! version: 1
//! workload: acme-prod
//! answers:
//!   SEC10-BP07:
//!     status: implemented          # implemented | partially_implemented | not_implemented | not_applicable
//!     notes: Quarterly game days, last on 2026-10-14.
//!     evidence: [https://wiki.example.com/security/game-days]
//!     owner: secops@example.com
//!     answered: 2026-10-20
//!   SEC11-BP03:
//!     status: not_applicable
//!     reason: No software of our own is deployed in this account.
//!     answered: 2026-11-02
//! ```
use crate::{Basis, EvidenceStatus, PracticeReview, PracticeStatus};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use wasp_model::Timestamp;
use wasp_pillar::Lens;

/// The answers file format this wasp reads and writes.
pub const ANSWERS_VERSION: u32 = 1;

/// Answers older than this many days are shown as stale, unless configured otherwise.
pub const DEFAULT_MAX_AGE_DAYS: u32 = 365;

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AnswersFile {
    pub version: u32,
    /// The workload the answers are about (free text).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub workload: Option<String>,
    /// By best-practice id (`SEC10-BP07`).
    #[serde(default)]
    pub answers: BTreeMap<String, Answer>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Answer {
    pub status: AnswerStatus,
    /// Why the practice does not apply; required for `not_applicable`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    /// Links to what shows it (runbooks, tickets, reports).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<String>,
    /// Who answers for it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    /// The day the answer was given.
    pub answered: NaiveDate,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum AnswerStatus {
    Implemented,
    PartiallyImplemented,
    NotImplemented,
    NotApplicable,
}

impl AnswerStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            AnswerStatus::Implemented => "implemented",
            AnswerStatus::PartiallyImplemented => "partially_implemented",
            AnswerStatus::NotImplemented => "not_implemented",
            AnswerStatus::NotApplicable => "not_applicable",
        }
    }

    pub fn parse(text: &str) -> Option<AnswerStatus> {
        [Self::Implemented, Self::PartiallyImplemented, Self::NotImplemented, Self::NotApplicable]
            .into_iter()
            .find(|s| s.as_str() == text.trim().replace('-', "_"))
    }
}

/// An answer as the review shows it, beside the evidence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AnswerReview {
    #[serde(flatten)]
    pub answer: Answer,
    /// Days between the answer and the review.
    pub age_days: i64,
    /// Older than the configured age: to be answered again.
    pub stale: bool,
}

#[derive(Debug, thiserror::Error)]
pub enum AnswersError {
    #[error("the answers file {path} is not valid{at}: {message}")]
    Invalid { path: PathBuf, at: String, message: String },
}

impl AnswersFile {
    /// A new, empty answers file.
    pub fn new(workload: Option<String>) -> AnswersFile {
        AnswersFile { version: ANSWERS_VERSION, workload, answers: BTreeMap::new() }
    }

    /// Parses and validates an answers file; `path` only names it in errors.
    pub fn parse(text: &str, path: &Path, lens: &Lens) -> Result<AnswersFile, AnswersError> {
        let invalid = |at: Option<usize>, message: String| AnswersError::Invalid {
            path: path.to_owned(),
            at: at.map(|line| format!(" at line {line}")).unwrap_or_default(),
            message: wasp_model::excerpt(&message),
        };
        let file: AnswersFile = serde_yaml::from_str(text).map_err(|e| {
            let message = e.to_string();
            let message = message.split(" at line ").next().unwrap_or(&message).to_owned();
            invalid(e.location().map(|l| l.line()), message)
        })?;
        if file.version != ANSWERS_VERSION {
            let message = format!("version {} is not the version {ANSWERS_VERSION} this wasp reads", file.version);
            return Err(invalid(line_of(text, "version:"), message));
        }
        for (id, answer) in &file.answers {
            let at = line_of(text, &format!("{id}:"));
            if lens.best_practice(id).is_none() {
                return Err(invalid(at, format!("{id} is not a best practice of the lens (`wasp pillar` lists them)")));
            }
            if answer.status == AnswerStatus::NotApplicable
                && answer.reason.as_deref().is_none_or(|r| r.trim().is_empty())
            {
                return Err(invalid(at, format!("{id} is answered not_applicable without a reason")));
            }
        }
        Ok(file)
    }

    /// The file as YAML, in practice order.
    pub fn to_yaml(&self) -> String {
        let header = "# wasp answers: what people say about the best practices (`wasp answer` writes this file).\n";
        header.to_owned() + &serde_yaml::to_string(self).expect("answers serialise")
    }
}

/// The first line of `text` that starts with `key` once indented, 1-based.
fn line_of(text: &str, key: &str) -> Option<usize> {
    text.lines().position(|l| l.trim_start().starts_with(key)).map(|i| i + 1)
}

/// Combines a practice's evidence with its answer. An answer can establish what evidence
/// only supports, or settle what evidence cannot show; it never overrules a failing check:
/// that is a conflict, which counts as not met.
pub(crate) fn combine(practice: &mut PracticeReview, answer: &Answer, reviewed_at: Timestamp, max_age_days: u32) {
    use AnswerStatus as A;
    use EvidenceStatus as E;
    let age_days = (reviewed_at.date_naive() - answer.answered).num_days();
    let stale = age_days > i64::from(max_age_days);
    let said = answer.status.as_str().replace('_', " ");
    let (status, decided_by, reason) = match (practice.evidence.status, answer.status) {
        (E::Contradicts, A::NotImplemented) => {
            (PracticeStatus::NotMet, Basis::EvidenceAndAnswer, format!("{}; answered {said}", practice.reason))
        }
        (E::Contradicts, _) => (
            PracticeStatus::Conflict,
            Basis::EvidenceAndAnswer,
            format!("conflict: answered {said}, but the evidence says not met ({})", practice.reason),
        ),
        (E::Established, A::Implemented) => {
            (PracticeStatus::Met, Basis::EvidenceAndAnswer, format!("{}; answered implemented", practice.reason))
        }
        (E::Supports, A::Implemented) => (
            PracticeStatus::Met,
            Basis::EvidenceAndAnswer,
            "answered implemented, and every check of it passed".to_owned(),
        ),
        (_, A::Implemented) => {
            (PracticeStatus::Met, Basis::Answer, format!("answered implemented ({})", practice.reason))
        }
        (_, A::NotApplicable) => (
            PracticeStatus::NotApplicable,
            Basis::Answer,
            format!("answered not applicable: {}", answer.reason.as_deref().unwrap_or_default()),
        ),
        (_, A::PartiallyImplemented | A::NotImplemented) => {
            (PracticeStatus::NotMet, Basis::Answer, format!("answered {said} ({})", practice.reason))
        }
    };
    practice.status = status;
    practice.decided_by = decided_by;
    practice.reason = if stale { format!("{reason}; the answer is {age_days} days old (stale)") } else { reason };
    practice.answer = Some(AnswerReview { answer: answer.clone(), age_days, stale });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<AnswersFile, AnswersError> {
        AnswersFile::parse(text, Path::new("answers.yaml"), Lens::builtin())
    }

    #[test]
    fn a_full_file_parses_and_round_trips() {
        let text = "version: 1\nworkload: acme\nanswers:\n  SEC10-BP07:\n    status: implemented\n    notes: game days\n    evidence: [https://wiki/gd]\n    owner: secops\n    answered: 2026-10-20\n  SEC11-BP03:\n    status: not_applicable\n    reason: no code of ours\n    answered: 2026-11-02\n";
        let file = parse(text).unwrap();
        assert_eq!(file.answers["SEC10-BP07"].status, AnswerStatus::Implemented);
        assert_eq!(file.answers["SEC10-BP07"].evidence, ["https://wiki/gd"]);
        let again = parse(&file.to_yaml()).unwrap();
        assert_eq!(again, file);
    }

    #[test]
    fn mistakes_name_the_line() {
        let err = parse("version: 1\nanswers:\n  SEC99-BP01:\n    status: implemented\n    answered: 2026-01-01\n")
            .unwrap_err()
            .to_string();
        assert_eq!(err, "the answers file answers.yaml is not valid at line 3: SEC99-BP01 is not a best practice of the lens (`wasp pillar` lists them)");
        let err = parse("version: 1\nanswers:\n  SEC01-BP07:\n    status: not_applicable\n    answered: 2026-01-01\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains("line 3") && err.contains("without a reason"), "{err}");
        let err = parse("version: 1\nanswers:\n  SEC01-BP07:\n    status: done\n    answered: 2026-01-01\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains("line 4") && err.contains("unknown variant `done`"), "{err}");
        let err = parse("version: 2\n").unwrap_err().to_string();
        assert!(err.contains("line 1") && err.contains("version 2"), "{err}");
        let err = parse("version: 1\nanswers:\n  SEC01-BP07:\n    status: implemented\n    answered: yesterday\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains("line 5"), "{err}");
        assert!(parse("version: 1\nbogus: 1\n").unwrap_err().to_string().contains("unknown field `bogus`"));
    }

    #[test]
    fn statuses_parse_with_dashes_or_underscores() {
        assert_eq!(AnswerStatus::parse("partially-implemented"), Some(AnswerStatus::PartiallyImplemented));
        assert_eq!(AnswerStatus::parse("not_applicable"), Some(AnswerStatus::NotApplicable));
        assert_eq!(AnswerStatus::parse("yes"), None);
    }
}
