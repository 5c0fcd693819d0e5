//! The lens: the Security Pillar's design principles, areas, questions and best practices.
//!
//! The data lives in `lenses/*.yaml`; a new lens version is a new data file.

use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::sync::OnceLock;

const BUILTIN: &str = include_str!("../lenses/wellarchitected-security-2024-06-27.yaml");

/// AWS's level of risk exposed when a best practice is not established.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum LevelOfRisk {
    Low,
    Medium,
    High,
}

impl LevelOfRisk {
    pub fn as_str(self) -> &'static str {
        match self {
            LevelOfRisk::Low => "low",
            LevelOfRisk::Medium => "medium",
            LevelOfRisk::High => "high",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LensInfo {
    pub id: String,
    pub version: String,
    pub name: String,
    /// The lens alias the Well-Architected Tool uses for these questions.
    pub wa_tool_lens_alias: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DesignPrinciple {
    pub id: String,
    pub title: String,
    pub summary: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Area {
    pub id: String,
    pub title: String,
    pub questions: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// `SEC01` …
    pub id: String,
    /// `SEC 1` …, as AWS prints it.
    pub display_id: String,
    pub title: String,
    pub area: String,
    pub wa_tool_question_id: String,
    pub url: String,
    pub best_practices: Vec<BestPractice>,
}

/// How much of a best practice automated evidence can establish.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum ScopeLevel {
    /// The checks mapped to it can establish the whole practice, for what the APIs show.
    Full,
    /// Checks show part of it; the rest needs a person.
    Partial,
    /// No configuration evidences it: only a person can say.
    None,
}

impl ScopeLevel {
    pub fn as_str(self) -> &'static str {
        match self {
            ScopeLevel::Full => "full",
            ScopeLevel::Partial => "partial",
            ScopeLevel::None => "none",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EvidenceScope {
    pub level: ScopeLevel,
    /// One line: why the automated evidence reaches that far.
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BestPractice {
    /// `SEC01-BP01` …
    pub id: String,
    pub title: String,
    pub level_of_risk: LevelOfRisk,
    pub evidence_scope: EvidenceScope,
    pub wa_tool_choice_id: String,
    pub url: String,
    /// One line in the project's own words.
    pub summary: String,
    /// Hints at the evidence an account can show for this practice.
    #[serde(default)]
    pub evidence: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Lens {
    pub lens: LensInfo,
    pub design_principles: Vec<DesignPrinciple>,
    pub areas: Vec<Area>,
    pub questions: Vec<Question>,
}

#[derive(Debug, thiserror::Error)]
pub enum LensError {
    #[error("lens data is not valid: {0}")]
    Parse(#[from] serde_yaml::Error),
    #[error("lens data is inconsistent: {0}")]
    Invalid(String),
}

impl Lens {
    /// The lens compiled into wasp.
    pub fn builtin() -> &'static Lens {
        static LENS: OnceLock<Lens> = OnceLock::new();
        LENS.get_or_init(|| Lens::from_yaml(BUILTIN).expect("the built-in lens is validated by tests"))
    }

    /// Parses and validates a lens data file.
    pub fn from_yaml(text: &str) -> Result<Lens, LensError> {
        let lens: Lens = serde_yaml::from_str(text)?;
        lens.validate()?;
        Ok(lens)
    }

    fn validate(&self) -> Result<(), LensError> {
        let bad = |m: String| Err(LensError::Invalid(m));
        let mut seen = HashSet::new();
        for q in &self.questions {
            if !seen.insert(q.id.as_str()) {
                return bad(format!("question {} appears twice", q.id));
            }
            if !self.areas.iter().any(|a| a.id == q.area && a.questions.contains(&q.id)) {
                return bad(format!("question {} is not listed by its area {}", q.id, q.area));
            }
            if q.best_practices.is_empty() {
                return bad(format!("question {} has no best practice", q.id));
            }
            for bp in &q.best_practices {
                if !bp.id.starts_with(&format!("{}-BP", q.id)) {
                    return bad(format!("best practice {} is filed under {}", bp.id, q.id));
                }
                if !seen.insert(bp.id.as_str()) {
                    return bad(format!("best practice {} appears twice", bp.id));
                }
                if bp.evidence_scope.reason.trim().is_empty() {
                    return bad(format!("best practice {} gives no reason for its evidence scope", bp.id));
                }
            }
        }
        for a in &self.areas {
            for qid in &a.questions {
                if self.question(qid).is_none() {
                    return bad(format!("area {} lists unknown question {qid}", a.id));
                }
            }
        }
        Ok(())
    }

    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }

    /// Every best practice with its question, in lens order.
    pub fn best_practices(&self) -> impl Iterator<Item = (&Question, &BestPractice)> {
        self.questions.iter().flat_map(|q| q.best_practices.iter().map(move |bp| (q, bp)))
    }

    pub fn best_practice(&self, id: &str) -> Option<(&Question, &BestPractice)> {
        self.best_practices().find(|(_, bp)| bp.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_lens_has_the_pillar_shape() {
        let lens = Lens::builtin();
        assert_eq!(lens.lens.id, "wellarchitected-security");
        assert_eq!(lens.lens.version, "2024-06-27");
        assert_eq!(lens.design_principles.len(), 7);
        assert_eq!(lens.areas.len(), 7);
        assert_eq!(lens.questions.len(), 11);
        assert_eq!(lens.best_practices().count(), 63);
        let per_question: Vec<usize> = lens.questions.iter().map(|q| q.best_practices.len()).collect();
        assert_eq!(per_question, [8, 6, 9, 4, 4, 5, 4, 4, 3, 8, 8]);
    }

    #[test]
    fn levels_of_risk_match_aws() {
        let lens = Lens::builtin();
        let count = |r| lens.best_practices().filter(|(_, bp)| bp.level_of_risk == r).count();
        assert_eq!((count(LevelOfRisk::High), count(LevelOfRisk::Medium), count(LevelOfRisk::Low)), (30, 28, 5));
        let risk = |id| lens.best_practice(id).unwrap().1.level_of_risk;
        assert_eq!(risk("SEC01-BP02"), LevelOfRisk::High);
        assert_eq!(risk("SEC04-BP01"), LevelOfRisk::High);
        assert_eq!(risk("SEC11-BP08"), LevelOfRisk::Low);
    }

    #[test]
    fn every_practice_has_an_evidence_scope() {
        let lens = Lens::builtin();
        let count = |l| lens.best_practices().filter(|(_, bp)| bp.evidence_scope.level == l).count();
        assert_eq!(count(ScopeLevel::Full) + count(ScopeLevel::Partial) + count(ScopeLevel::None), 63);
        assert_eq!(lens.best_practice("SEC01-BP02").unwrap().1.evidence_scope.level, ScopeLevel::Full);
        assert_eq!(lens.best_practice("SEC11-BP01").unwrap().1.evidence_scope.level, ScopeLevel::None);
        for (_, bp) in lens.best_practices() {
            assert!(bp.evidence_scope.reason.len() <= 120, "{}: the reason is one line", bp.id);
        }
    }

    #[test]
    fn inconsistent_lens_data_is_refused() {
        let broken = BUILTIN.replacen("- id: SEC01-BP02", "- id: SEC02-BP99", 1);
        let err = Lens::from_yaml(&broken).unwrap_err();
        assert!(err.to_string().contains("SEC02-BP99 is filed under SEC01"), "{err}");
        assert!(Lens::from_yaml("lens: [").is_err());
    }
}
