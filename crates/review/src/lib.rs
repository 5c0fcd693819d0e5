//! The review: every best practice gets a status, every question a risk, and the failures an
//! ordered improvement plan — the way the Well-Architected Tool reports a workload.

use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use wasp_checks::{Finding, Meta, Severity, Status};
use wasp_model::{CollectionStats, Gap, Inventory, Timestamp};
use wasp_pillar::{Lens, LevelOfRisk};

/// Version of the review JSON document (docs/schema/review.schema.json).
pub const REVIEW_SCHEMA_VERSION: u32 = 1;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PracticeStatus {
    Met,
    NotMet,
    /// No check and no answer, or evidence incomplete (gaps, skipped checks).
    NotAssessed,
    NotApplicable,
}

impl PracticeStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            PracticeStatus::Met => "met",
            PracticeStatus::NotMet => "not_met",
            PracticeStatus::NotAssessed => "not_assessed",
            PracticeStatus::NotApplicable => "not_applicable",
        }
    }
}

/// A question's risk, as the Well-Architected Tool reports it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuestionRisk {
    High,
    Medium,
    None,
    NotAssessed,
}

impl QuestionRisk {
    pub fn as_str(self) -> &'static str {
        match self {
            QuestionRisk::High => "high",
            QuestionRisk::Medium => "medium",
            QuestionRisk::None => "none",
            QuestionRisk::NotAssessed => "not_assessed",
        }
    }
}

/// Where the reviewed evidence came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    Live,
    Snapshot,
    Demo,
    Iac,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Review {
    pub schema_version: u32,
    pub tool: Tool,
    pub lens: LensRef,
    pub scope: Scope,
    pub summary: Summary,
    pub questions: Vec<QuestionReview>,
    pub findings: Vec<Finding>,
    pub gaps: Vec<Gap>,
    pub improvement_plan: Vec<PlanItem>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub collection: Option<CollectionStats>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tool {
    pub name: String,
    pub version: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LensRef {
    pub id: String,
    pub version: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Scope {
    pub account_id: String,
    pub partition: String,
    pub regions: Vec<String>,
    pub source: Source,
    pub collected_at: Timestamp,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Summary {
    pub high_risk_questions: usize,
    pub medium_risk_questions: usize,
    pub questions_without_risk: usize,
    pub questions_not_assessed: usize,
    pub best_practices: PracticeCounts,
    pub findings: FindingCounts,
    /// FAIL findings per severity.
    pub failed_by_severity: BTreeMap<Severity, usize>,
    pub checks_run: usize,
    pub gaps: usize,
    /// API calls made to collect the evidence, when it was collected live.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub api_calls: Option<u64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct PracticeCounts {
    pub met: usize,
    pub not_met: usize,
    pub not_assessed: usize,
    pub not_applicable: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct FindingCounts {
    pub pass: usize,
    pub fail: usize,
    pub skip: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionReview {
    pub id: String,
    pub title: String,
    pub area: String,
    pub risk: QuestionRisk,
    pub best_practices: Vec<PracticeReview>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PracticeReview {
    pub id: String,
    pub title: String,
    pub level_of_risk: LevelOfRisk,
    pub status: PracticeStatus,
    /// Why the status is what it is, in one sentence.
    pub reason: String,
    /// Ids of the checks that ran for this practice.
    pub checks: Vec<String>,
    pub findings: FindingCounts,
    pub failing_resources: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanItem {
    pub rank: usize,
    pub best_practice: String,
    pub title: String,
    pub question: String,
    pub level_of_risk: LevelOfRisk,
    pub failing_resources: usize,
    pub checks: Vec<PlanCheck>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanCheck {
    pub id: String,
    pub title: String,
    pub severity: Severity,
    pub failing_resources: usize,
    pub remediation: String,
}

type FindingsByCheck<'a> = HashMap<&'a str, Vec<&'a Finding>>;

/// Builds the review of `inventory` from the findings of the checks in `ran`.
pub fn review(
    lens: &Lens,
    inventory: &Inventory,
    ran: &[&'static Meta],
    mut findings: Vec<Finding>,
    source: Source,
) -> Review {
    findings.sort_by(|a, b| {
        (a.status, std::cmp::Reverse(a.severity), &a.check_id, &a.resource_arn, &a.region).cmp(&(
            b.status,
            std::cmp::Reverse(b.severity),
            &b.check_id,
            &b.resource_arn,
            &b.region,
        ))
    });
    let mut by_check: HashMap<&str, Vec<&Finding>> = HashMap::new();
    for f in &findings {
        by_check.entry(f.check_id.as_str()).or_default().push(f);
    }
    let mut questions = Vec::new();
    let mut plan = Vec::new();
    for question in &lens.questions {
        let mut practices = Vec::new();
        for bp in &question.best_practices {
            let checks: Vec<&Meta> =
                ran.iter().copied().filter(|m| m.best_practices.contains(&bp.id.as_str())).collect();
            let practice = assess(bp, &checks, &by_check, &inventory.gaps);
            if practice.status == PracticeStatus::NotMet {
                plan.push(plan_item(&question.id, &practice, &checks, &by_check));
            }
            practices.push(practice);
        }
        questions.push(QuestionReview {
            id: question.id.clone(),
            title: question.title.clone(),
            area: question.area.clone(),
            risk: question_risk(&practices),
            best_practices: practices,
        });
    }
    plan.sort_by(|a, b| {
        (std::cmp::Reverse(a.level_of_risk), std::cmp::Reverse(a.failing_resources), &a.best_practice).cmp(&(
            std::cmp::Reverse(b.level_of_risk),
            std::cmp::Reverse(b.failing_resources),
            &b.best_practice,
        ))
    });
    for (i, item) in plan.iter_mut().enumerate() {
        item.rank = i + 1;
    }
    let summary = summarise(&questions, &findings, ran.len(), inventory);
    Review {
        schema_version: REVIEW_SCHEMA_VERSION,
        tool: Tool { name: "wasp".into(), version: env!("CARGO_PKG_VERSION").into() },
        lens: LensRef { id: lens.lens.id.clone(), version: lens.lens.version.clone() },
        scope: Scope {
            account_id: inventory.account_id.clone(),
            partition: inventory.partition.clone(),
            regions: inventory.regions.clone(),
            source,
            collected_at: inventory.collected_at,
        },
        summary,
        questions,
        findings,
        gaps: inventory.gaps.clone(),
        improvement_plan: plan,
        collection: inventory.collection.clone(),
    }
}

fn count(findings: &[&Finding]) -> FindingCounts {
    let mut counts = FindingCounts::default();
    for f in findings {
        match f.status {
            Status::Pass => counts.pass += 1,
            Status::Fail => counts.fail += 1,
            Status::Skip => counts.skip += 1,
        }
    }
    counts
}

fn failing_resources(findings: &[&Finding]) -> usize {
    findings
        .iter()
        .filter(|f| f.status == Status::Fail)
        .map(|f| (f.resource_arn.as_deref(), f.region.as_str()))
        .collect::<BTreeSet<_>>()
        .len()
}

/// The status of one practice from its checks' findings and the gaps of the services they read.
///
/// A failure is a failure whatever else is unknown; a pass counts only when nothing the checks
/// needed is missing.
fn assess(
    bp: &wasp_pillar::BestPractice,
    checks: &[&Meta],
    by_check: &FindingsByCheck,
    gaps: &[Gap],
) -> PracticeReview {
    let relevant: Vec<&Finding> = checks.iter().flat_map(|m| by_check.get(m.id)).flatten().copied().collect();
    let counts = count(&relevant);
    let services: BTreeSet<&str> = checks.iter().flat_map(|m| m.reads.iter().copied()).collect();
    let gap_count = gaps.iter().filter(|g| services.iter().any(|s| g.affects(s))).count();
    let (status, reason) = if checks.is_empty() {
        (PracticeStatus::NotAssessed, "no automated check evidences this practice".to_owned())
    } else if counts.fail > 0 {
        (PracticeStatus::NotMet, format!("{} failed finding(s) across {} check(s)", counts.fail, checks.len()))
    } else if gap_count > 0 || counts.skip > 0 {
        (
            PracticeStatus::NotAssessed,
            format!("evidence incomplete: {gap_count} gap(s) and {} skipped finding(s)", counts.skip),
        )
    } else if counts.pass > 0 {
        (PracticeStatus::Met, format!("{} passed finding(s), none failed", counts.pass))
    } else {
        (PracticeStatus::NotAssessed, "its checks found no resources to evaluate".to_owned())
    };
    PracticeReview {
        id: bp.id.clone(),
        title: bp.title.clone(),
        level_of_risk: bp.level_of_risk,
        status,
        reason,
        checks: checks.iter().map(|m| m.id.to_owned()).collect(),
        findings: counts,
        failing_resources: failing_resources(&relevant),
    }
}

/// High if a High-risk practice is not met, else Medium if a Medium-risk one is not met, else
/// none; not assessed when no practice of the question could be assessed.
pub fn question_risk(practices: &[PracticeReview]) -> QuestionRisk {
    let not_met = |level| practices.iter().any(|p| p.status == PracticeStatus::NotMet && p.level_of_risk == level);
    if not_met(LevelOfRisk::High) {
        QuestionRisk::High
    } else if not_met(LevelOfRisk::Medium) {
        QuestionRisk::Medium
    } else if practices.iter().all(|p| matches!(p.status, PracticeStatus::NotAssessed | PracticeStatus::NotApplicable))
    {
        QuestionRisk::NotAssessed
    } else {
        QuestionRisk::None
    }
}

fn plan_item(question: &str, practice: &PracticeReview, checks: &[&Meta], by_check: &FindingsByCheck) -> PlanItem {
    let mut plan_checks: Vec<PlanCheck> = checks
        .iter()
        .filter_map(|m| {
            let failing = by_check.get(m.id).map_or(0, |mine| failing_resources(mine));
            (failing > 0).then(|| PlanCheck {
                id: m.id.to_owned(),
                title: m.title.to_owned(),
                severity: m.severity,
                failing_resources: failing,
                remediation: m.remediation.to_owned(),
            })
        })
        .collect();
    plan_checks.sort_by(|a, b| {
        (std::cmp::Reverse(a.severity), std::cmp::Reverse(a.failing_resources), &a.id).cmp(&(
            std::cmp::Reverse(b.severity),
            std::cmp::Reverse(b.failing_resources),
            &b.id,
        ))
    });
    PlanItem {
        rank: 0,
        best_practice: practice.id.clone(),
        title: practice.title.clone(),
        question: question.to_owned(),
        level_of_risk: practice.level_of_risk,
        failing_resources: practice.failing_resources,
        checks: plan_checks,
    }
}

fn summarise(questions: &[QuestionReview], findings: &[Finding], checks_run: usize, inv: &Inventory) -> Summary {
    let mut summary = Summary { checks_run, gaps: inv.gaps.len(), ..Summary::default() };
    for q in questions {
        match q.risk {
            QuestionRisk::High => summary.high_risk_questions += 1,
            QuestionRisk::Medium => summary.medium_risk_questions += 1,
            QuestionRisk::None => summary.questions_without_risk += 1,
            QuestionRisk::NotAssessed => summary.questions_not_assessed += 1,
        }
        for p in &q.best_practices {
            let c = &mut summary.best_practices;
            match p.status {
                PracticeStatus::Met => c.met += 1,
                PracticeStatus::NotMet => c.not_met += 1,
                PracticeStatus::NotAssessed => c.not_assessed += 1,
                PracticeStatus::NotApplicable => c.not_applicable += 1,
            }
        }
    }
    summary.findings = count(&findings.iter().collect::<Vec<_>>());
    for f in findings.iter().filter(|f| f.status == Status::Fail) {
        *summary.failed_by_severity.entry(f.severity).or_default() += 1;
    }
    summary.api_calls = inv.collection.as_ref().map(|c| c.api_calls_total);
    summary
}

/// Whether any failed finding reaches `threshold`.
pub fn fails_at(review: &Review, threshold: Severity) -> bool {
    review.findings.iter().any(|f| f.status == Status::Fail && f.severity >= threshold)
}

#[cfg(test)]
mod tests;
