//! The organization's review: one compact outcome per account (its review is written out and
//! dropped, so memory stays flat in the number of accounts) and a roll-up per question and
//! practice.
use crate::{LensRef, PracticeStatus, QuestionRisk, Review, Summary, Tool};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use wasp_pillar::{Lens, LevelOfRisk};

pub const ORG_REVIEW_SCHEMA_VERSION: u32 = 1;

/// What became of one account of the organization.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AccountOutcome {
    pub account_id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Why the account has no review (its role could not be assumed, it is suspended, its
    /// snapshot is missing); `None` when it was reviewed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_reviewed: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<Summary>,
    /// Each question's risk, by question id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub questions: BTreeMap<String, QuestionRisk>,
    /// Each practice's status, by practice id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub practices: BTreeMap<String, PracticeStatus>,
}

impl AccountOutcome {
    /// The compact outcome of a review: the summary, question risks and practice statuses.
    pub fn reviewed(review: &Review, name: Option<String>) -> Self {
        let questions = review.questions.iter().map(|q| (q.id.clone(), q.risk)).collect();
        let practices =
            review.questions.iter().flat_map(|q| &q.best_practices).map(|p| (p.id.clone(), p.status)).collect();
        AccountOutcome {
            account_id: review.scope.account_id.clone(),
            name,
            not_reviewed: None,
            summary: Some(review.summary.clone()),
            questions,
            practices,
        }
    }

    /// An account the run could not review, and why.
    pub fn not_reviewed(account_id: impl Into<String>, name: Option<String>, reason: impl Into<String>) -> Self {
        AccountOutcome {
            account_id: account_id.into(),
            name,
            not_reviewed: Some(reason.into()),
            summary: None,
            questions: BTreeMap::new(),
            practices: BTreeMap::new(),
        }
    }

    fn high_risk_questions(&self) -> usize {
        self.questions.values().filter(|r| **r == QuestionRisk::High).count()
    }
}

/// How many accounts are at each risk for one question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RiskCounts {
    pub high: usize,
    pub medium: usize,
    pub low: usize,
    pub none: usize,
    /// Reviewed accounts whose question has no evidence or answer, plus accounts not reviewed.
    pub not_assessed: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct QuestionRollup {
    pub id: String,
    pub title: String,
    pub accounts: RiskCounts,
}

/// How many accounts have each status for one practice.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PracticeRollup {
    pub id: String,
    pub title: String,
    pub level_of_risk: Option<LevelOfRisk>,
    pub met: usize,
    pub not_met: usize,
    pub evidence_supports: usize,
    pub conflict: usize,
    /// Not assessed in a reviewed account, or the account was not reviewed.
    pub not_assessed: usize,
    pub not_applicable: usize,
}

/// Which part of the organization a run reviewed.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OrgScope {
    /// The account whose credentials listed the organization, when a scan listed it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub caller_account: Option<String>,
    /// The organizational unit the run was limited to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organizational_unit: Option<String>,
    /// `I/N` when the run was one shard of N.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shard: Option<String>,
    /// Accounts expected (listed by the scan or named by the shards' manifests) but without a
    /// review: their questions count as not assessed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub missing_accounts: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OrgReview {
    pub schema_version: u32,
    pub tool: Tool,
    pub lens: LensRef,
    pub scope: OrgScope,
    /// Accounts reviewed, and accounts that could not be.
    pub reviewed: usize,
    pub not_reviewed: usize,
    pub questions: Vec<QuestionRollup>,
    pub practices: Vec<PracticeRollup>,
    /// Reviewed accounts with at least one high-risk question, most first (ties by id).
    pub most_at_risk: Vec<AccountRisk>,
    /// Every account, sorted by id.
    pub accounts: Vec<AccountOutcome>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AccountRisk {
    pub account_id: String,
    pub high_risk_questions: usize,
    pub failed_findings: usize,
}

/// Rolls the accounts' outcomes up into the organization's review.
pub fn roll_up(lens: &Lens, scope: OrgScope, mut accounts: Vec<AccountOutcome>) -> OrgReview {
    accounts.sort_by(|a, b| a.account_id.cmp(&b.account_id));
    accounts.dedup_by(|a, b| a.account_id == b.account_id);
    let questions = lens
        .questions
        .iter()
        .map(|q| {
            let mut counts = RiskCounts::default();
            for account in &accounts {
                match account.questions.get(&q.id) {
                    Some(QuestionRisk::High) => counts.high += 1,
                    Some(QuestionRisk::Medium) => counts.medium += 1,
                    Some(QuestionRisk::Low) => counts.low += 1,
                    Some(QuestionRisk::None) => counts.none += 1,
                    Some(QuestionRisk::NotAssessed) | None => counts.not_assessed += 1,
                }
            }
            QuestionRollup { id: q.id.clone(), title: q.title.clone(), accounts: counts }
        })
        .collect();
    let practices = lens
        .best_practices()
        .map(|(_, bp)| {
            let mut roll = PracticeRollup {
                id: bp.id.clone(),
                title: bp.title.clone(),
                level_of_risk: Some(bp.level_of_risk),
                ..PracticeRollup::default()
            };
            for account in &accounts {
                match account.practices.get(&bp.id) {
                    Some(PracticeStatus::Met) => roll.met += 1,
                    Some(PracticeStatus::NotMet) => roll.not_met += 1,
                    Some(PracticeStatus::EvidenceSupports) => roll.evidence_supports += 1,
                    Some(PracticeStatus::Conflict) => roll.conflict += 1,
                    Some(PracticeStatus::NotApplicable) => roll.not_applicable += 1,
                    Some(PracticeStatus::NotAssessed) | None => roll.not_assessed += 1,
                }
            }
            roll
        })
        .collect();
    let mut most_at_risk: Vec<AccountRisk> = accounts
        .iter()
        .filter(|a| a.high_risk_questions() > 0)
        .map(|a| AccountRisk {
            account_id: a.account_id.clone(),
            high_risk_questions: a.high_risk_questions(),
            failed_findings: a.summary.as_ref().map_or(0, |s| s.findings.fail),
        })
        .collect();
    most_at_risk.sort_by(|a, b| {
        (std::cmp::Reverse(a.high_risk_questions), std::cmp::Reverse(a.failed_findings), &a.account_id).cmp(&(
            std::cmp::Reverse(b.high_risk_questions),
            std::cmp::Reverse(b.failed_findings),
            &b.account_id,
        ))
    });
    let not_reviewed = accounts.iter().filter(|a| a.not_reviewed.is_some()).count();
    OrgReview {
        schema_version: ORG_REVIEW_SCHEMA_VERSION,
        tool: Tool { name: "wasp".into(), version: env!("CARGO_PKG_VERSION").into() },
        lens: LensRef { id: lens.lens.id.clone(), version: lens.lens.version.clone() },
        scope,
        reviewed: accounts.len() - not_reviewed,
        not_reviewed,
        questions,
        practices,
        most_at_risk,
        accounts,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outcome(id: &str, risks: &[(&str, QuestionRisk)], failed: usize) -> AccountOutcome {
        let mut summary = Summary::default();
        summary.findings.fail = failed;
        AccountOutcome {
            account_id: id.into(),
            name: None,
            not_reviewed: None,
            summary: Some(summary),
            questions: risks.iter().map(|(q, r)| ((*q).to_owned(), *r)).collect(),
            practices: BTreeMap::from([("SEC01-BP01".to_owned(), PracticeStatus::NotMet)]),
        }
    }

    #[test]
    fn accounts_roll_up_per_question_and_the_riskiest_come_first() {
        let lens = Lens::builtin();
        let q1 = lens.questions[0].id.clone();
        let q2 = lens.questions[1].id.clone();
        let accounts = vec![
            outcome("333333333333", &[(&q1, QuestionRisk::High), (&q2, QuestionRisk::High)], 1),
            outcome("111111111111", &[(&q1, QuestionRisk::High), (&q2, QuestionRisk::None)], 9),
            outcome("222222222222", &[(&q1, QuestionRisk::Medium)], 0),
            AccountOutcome::not_reviewed("444444444444", None, "the role could not be assumed"),
        ];
        let org = roll_up(lens, OrgScope::default(), accounts);
        assert_eq!((org.reviewed, org.not_reviewed), (3, 1));
        let first = &org.questions[0].accounts;
        assert_eq!((first.high, first.medium, first.not_assessed), (2, 1, 1));
        let second = &org.questions[1].accounts;
        assert_eq!((second.high, second.none, second.not_assessed), (1, 1, 2));
        let ids: Vec<&str> = org.most_at_risk.iter().map(|a| a.account_id.as_str()).collect();
        assert_eq!(ids, ["333333333333", "111111111111"], "two high questions before one, then failures");
        let bp = org.practices.iter().find(|p| p.id == "SEC01-BP01").unwrap();
        assert_eq!((bp.not_met, bp.not_assessed), (3, 1), "an account not reviewed is not assessed");
        assert_eq!(org.accounts[0].account_id, "111111111111", "accounts sorted by id");
    }
}
