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
    /// Verdicts about the organization as a whole found in this account's review (see
    /// [`ORGANIZATION_CHECKS`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub organization: Vec<OrgEvidence>,
}

/// Checks whose subject is the organization rather than the account that reads it: its
/// policies (SCPs, RCPs, tag, AI opt-out and declarative policies), its feature set, its
/// delegated administrators, the organization trail and the central management of GuardDuty,
/// Security Hub and Config. The roll-up shows each verdict once, not once per account.
pub const ORGANIZATION_CHECKS: &[&str] = &[
    "organizations_all_features_enabled",
    "organizations_custom_scp_attached",
    "organizations_rcp_attached",
    "organizations_tag_policy_attached",
    "organizations_ai_opt_out_policy_attached",
    "organizations_declarative_policy_attached",
    "organizations_security_services_delegated_admin",
    "cloudtrail_organization_trail_enabled",
    "guardduty_centrally_managed",
    "securityhub_centrally_managed",
    "config_organization_aggregator_configured",
];

/// One verdict about the organization, and the account whose evidence gave it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OrgEvidence {
    pub check_id: String,
    pub status: wasp_checks::Status,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resource_arn: Option<String>,
    pub region: String,
    pub message: String,
    /// The account whose review judged it.
    pub judged_in: String,
}

impl AccountOutcome {
    /// The compact outcome of a review: the summary, question risks and practice statuses.
    pub fn reviewed(review: &Review, name: Option<String>) -> Self {
        let questions = review.questions.iter().map(|q| (q.id.clone(), q.risk)).collect();
        let practices =
            review.questions.iter().flat_map(|q| &q.best_practices).map(|p| (p.id.clone(), p.status)).collect();
        // Only verdicts: an account that could not read the organization's policies says
        // nothing about them.
        let organization = review
            .findings
            .iter()
            .filter(|f| ORGANIZATION_CHECKS.contains(&f.check_id.as_str()))
            .filter(|f| matches!(f.status, wasp_checks::Status::Pass | wasp_checks::Status::Fail))
            .map(|f| OrgEvidence {
                check_id: f.check_id.clone(),
                status: f.status,
                resource_arn: f.resource_arn.clone(),
                region: f.region.clone(),
                message: f.message.clone(),
                judged_in: review.scope.account_id.clone(),
            })
            .collect();
        AccountOutcome {
            account_id: review.scope.account_id.clone(),
            name,
            not_reviewed: None,
            summary: Some(review.summary.clone()),
            questions,
            practices,
            organization,
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
            organization: Vec::new(),
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
    /// The organization's own evidence ([`ORGANIZATION_CHECKS`]), judged once: from the
    /// caller's account when its review has it, else from the first account (by id) that does.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub organization: Vec<OrgEvidence>,
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
    // One account's view of the organization: the caller's (the management account or a
    // delegated administrator) when it has one, else the first by id that has one.
    let source = accounts
        .iter()
        .position(|a| Some(&a.account_id) == scope.caller_account.as_ref() && !a.organization.is_empty())
        .or_else(|| accounts.iter().position(|a| !a.organization.is_empty()));
    let mut organization = source.map(|i| accounts[i].organization.clone()).unwrap_or_default();
    // The accounts keep none: the roll-up shows each verdict once.
    for account in &mut accounts {
        account.organization.clear();
    }
    organization.sort_by(|a, b| {
        let order = |id: &str| ORGANIZATION_CHECKS.iter().position(|c| *c == id);
        (order(&a.check_id), &a.resource_arn, &a.region).cmp(&(order(&b.check_id), &b.resource_arn, &b.region))
    });
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
        organization,
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
            organization: Vec::new(),
        }
    }

    fn evidence(check: &str, status: wasp_checks::Status, account: &str) -> OrgEvidence {
        OrgEvidence {
            check_id: check.into(),
            status,
            resource_arn: Some("arn:aws:organizations::111111111111:organization/o-1".into()),
            region: "global".into(),
            message: format!("seen from {account}"),
            judged_in: account.into(),
        }
    }

    #[test]
    fn organization_checks_are_checks() {
        for id in ORGANIZATION_CHECKS {
            assert!(wasp_checks::find(id).is_some(), "{id}");
        }
    }

    #[test]
    fn the_organizations_own_evidence_is_shown_once() {
        use wasp_checks::Status;
        let mut management = outcome("111111111111", &[], 0);
        management.organization = vec![
            evidence("organizations_rcp_attached", Status::Fail, "111111111111"),
            evidence("organizations_all_features_enabled", Status::Pass, "111111111111"),
        ];
        let mut member = outcome("222222222222", &[], 0);
        member.organization = vec![evidence("organizations_all_features_enabled", Status::Pass, "222222222222")];
        let org = roll_up(Lens::builtin(), OrgScope::default(), vec![member.clone(), management.clone()]);
        let seen: Vec<(&str, &str)> =
            org.organization.iter().map(|e| (e.check_id.as_str(), e.judged_in.as_str())).collect();
        assert_eq!(
            seen,
            [("organizations_all_features_enabled", "111111111111"), ("organizations_rcp_attached", "111111111111")]
        );
        assert!(org.accounts.iter().all(|a| a.organization.is_empty()), "shown once, not per account");
        // The caller's own view wins.
        let scope = OrgScope { caller_account: Some("222222222222".into()), ..OrgScope::default() };
        let org = roll_up(Lens::builtin(), scope, vec![member, management]);
        let seen: Vec<&str> = org.organization.iter().map(|e| e.judged_in.as_str()).collect();
        assert_eq!(seen, ["222222222222"]);
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
