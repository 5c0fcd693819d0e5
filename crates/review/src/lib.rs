//! The review: every best practice gets a status, every question a risk, and the failures an
//! ordered improvement plan — the way the Well-Architected Tool reports a workload.

mod answers;
pub mod diff;
pub mod org;
pub mod suppress;

pub use answers::{
    Answer, AnswerReview, AnswerStatus, AnswersError, AnswersFile, ANSWERS_VERSION, DEFAULT_MAX_AGE_DAYS,
};

use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use wasp_checks::{CheckKind, Finding, Meta, Severity, Status};
use wasp_model::{CollectionStats, Gap, Inventory, Timestamp};
use wasp_pillar::{Lens, LevelOfRisk, ScopeLevel};

/// Version of the review JSON document (docs/schema/review.schema.json).
pub const REVIEW_SCHEMA_VERSION: u32 = 2;

/// A best practice's status in the review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum PracticeStatus {
    /// Established: the evidence covers the whole practice and every check passed over
    /// complete data.
    Met,
    /// A check failed.
    NotMet,
    /// The automated part holds, but it is not the whole practice (or not every check of it
    /// ran): a person must confirm the rest. Does not count as met.
    EvidenceSupports,
    /// Answered implemented (or not applicable), but a check failed: both are shown, and it
    /// counts as not met.
    Conflict,
    /// No check and no answer, or evidence incomplete (gaps, skipped checks).
    NotAssessed,
    NotApplicable,
}

impl PracticeStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            PracticeStatus::Met => "met",
            PracticeStatus::NotMet => "not_met",
            PracticeStatus::EvidenceSupports => "evidence_supports",
            PracticeStatus::Conflict => "conflict",
            PracticeStatus::NotAssessed => "not_assessed",
            PracticeStatus::NotApplicable => "not_applicable",
        }
    }

    /// Counts as established for the question's risk.
    pub fn is_established(self) -> bool {
        matches!(self, PracticeStatus::Met | PracticeStatus::NotApplicable)
    }
}

/// A question's risk, as the Well-Architected Tool reports it, plus `low` when only Low-risk
/// practices remain unestablished.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum QuestionRisk {
    High,
    Medium,
    Low,
    None,
    /// No evidence at all (the Well-Architected Tool's "unanswered").
    NotAssessed,
}

impl QuestionRisk {
    pub fn as_str(self) -> &'static str {
        match self {
            QuestionRisk::High => "high",
            QuestionRisk::Medium => "medium",
            QuestionRisk::Low => "low",
            QuestionRisk::None => "none",
            QuestionRisk::NotAssessed => "not_assessed",
        }
    }
}

/// What decided a practice's status. Answers of the questionnaire will join the evidence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    /// The automated checks.
    Evidence,
    /// A person's answer.
    Answer,
    /// Both, each shown.
    EvidenceAndAnswer,
    /// Nothing: no check judged the practice and no one answered.
    Nothing,
}

/// What the automated evidence says about one practice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum EvidenceStatus {
    /// Full scope, every check of the practice ran over complete data and passed.
    Established,
    /// Every check that ran passed over complete data, but the evidence cannot establish the
    /// whole practice (partial scope, checks left out, regions not scanned).
    Supports,
    /// A check failed.
    Contradicts,
    /// Gaps or skipped findings in what the checks read.
    Incomplete,
    /// The checks ran but found nothing to judge.
    NothingToJudge,
    /// No check ran for the practice (scope `none`, none in the catalogue yet, or left out).
    NoChecks,
}

/// The evidence behind one practice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Evidence {
    pub status: EvidenceStatus,
    /// How much of the practice automated evidence can establish at best.
    pub scope: ScopeLevel,
    /// Ids of the checks that ran for this practice.
    pub checks: Vec<String>,
    /// Ids of the practice's checks that did not run (narrowed run, service not collected).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub checks_not_run: Vec<String>,
    pub findings: FindingCounts,
    pub failing_resources: usize,
    /// The failed reads that leave the checks' evidence incomplete (`service:Operation (region)`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub incomplete_reads: Vec<String>,
    /// Evidence signals about the practice: shown beside it and to the person who answers,
    /// never deciding its status.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub signals: Vec<SignalEvidence>,
}

/// What one evidence signal saw, over the resources it looked at.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SignalEvidence {
    pub check: String,
    pub title: String,
    /// Findings that show the signal (PASS).
    pub present: usize,
    /// Findings that show its absence (FAIL, muted included).
    pub absent: usize,
    /// Findings that could not tell (SKIP).
    pub unknown: usize,
}

impl SignalEvidence {
    /// One phrase: `title: present` / `absent` / `present in 2, absent in 3` / `unknown`.
    pub fn describe(&self) -> String {
        let state = match (self.present, self.absent, self.unknown) {
            (0, 0, 0) => "nothing to look at".to_owned(),
            (p, 0, 0) if p > 0 => "present".to_owned(),
            (0, a, 0) if a > 0 => "absent".to_owned(),
            (0, 0, _) => "unknown".to_owned(),
            (p, a, u) => {
                let mut parts = vec![format!("present in {p}"), format!("absent in {a}")];
                if u > 0 {
                    parts.push(format!("unknown in {u}"));
                }
                parts.join(", ")
            }
        };
        format!("{}: {state}", self.title)
    }
}

/// Where the reviewed evidence came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    Live,
    Snapshot,
    Demo,
    Iac,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Review {
    pub schema_version: u32,
    pub tool: Tool,
    pub lens: LensRef,
    pub scope: Scope,
    pub summary: Summary,
    pub questions: Vec<QuestionReview>,
    pub findings: Vec<Finding>,
    pub gaps: Vec<Gap>,
    /// Ordered by the practice's level of risk, then its worst failing check's severity, then failing resources.
    pub improvement_plan: Vec<PlanItem>,
    /// What each suppression rule did.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub suppressions: Vec<suppress::RuleOutcome>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub collection: Option<CollectionStats>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Tool {
    pub name: String,
    pub version: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LensRef {
    pub id: String,
    pub version: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Scope {
    pub account_id: String,
    pub partition: String,
    /// The regions whose evidence was read.
    pub regions: Vec<String>,
    /// Every region enabled for the account, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled_regions: Option<Vec<String>>,
    pub source: Source,
    pub collected_at: Timestamp,
    /// `complete`, or `partial` when checks, services or regions were left out; a partial
    /// review cannot establish a practice through what it left out.
    pub coverage: Coverage,
    /// What the review left out, one line each (`--checks`, `--services`, regions).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub left_out: Vec<String>,
    /// Check thresholds that differ from the defaults (`[checks]` in wasp.toml), one line each.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub thresholds: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Coverage {
    Complete,
    Partial,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Summary {
    pub high_risk_questions: usize,
    pub medium_risk_questions: usize,
    pub low_risk_questions: usize,
    pub questions_without_risk: usize,
    pub questions_not_assessed: usize,
    pub best_practices: PracticeCounts,
    /// Findings of checks; signals are counted apart.
    pub findings: FindingCounts,
    /// Findings of evidence signals: PASS present, FAIL absent, SKIP unknown.
    #[serde(default)]
    pub signals: FindingCounts,
    /// FAIL findings of checks per severity.
    pub failed_by_severity: BTreeMap<Severity, usize>,
    pub checks_run: usize,
    pub gaps: usize,
    /// Practices with an answer, and how many of those answers are stale.
    pub answered: usize,
    pub stale_answers: usize,
    /// API calls made to collect the evidence, when it was collected live.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub api_calls: Option<u64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PracticeCounts {
    pub met: usize,
    pub not_met: usize,
    pub evidence_supports: usize,
    pub conflict: usize,
    pub not_assessed: usize,
    pub not_applicable: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FindingCounts {
    pub pass: usize,
    pub fail: usize,
    pub skip: usize,
    /// Failed findings a suppression mutes.
    #[serde(default)]
    pub muted: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct QuestionReview {
    pub id: String,
    pub title: String,
    pub area: String,
    pub risk: QuestionRisk,
    /// The practices that give the question its risk: those of the risk's level that are not
    /// established (not met, not assessed, or only supported by evidence).
    pub risk_drivers: Vec<String>,
    pub best_practices: Vec<PracticeReview>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PracticeReview {
    pub id: String,
    pub title: String,
    pub level_of_risk: LevelOfRisk,
    pub status: PracticeStatus,
    pub decided_by: Basis,
    /// Why the status is what it is, in one sentence.
    pub reason: String,
    pub evidence: Evidence,
    /// What a person answered for it, when someone did.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answer: Option<AnswerReview>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PlanItem {
    pub rank: usize,
    pub best_practice: String,
    pub title: String,
    pub question: String,
    pub level_of_risk: LevelOfRisk,
    pub failing_resources: usize,
    pub checks: Vec<PlanCheck>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PlanCheck {
    pub id: String,
    pub title: String,
    pub severity: Severity,
    pub failing_resources: usize,
    pub remediation: String,
    /// The command that plans wasp's fix of the failing resources (nothing changes until its
    /// plan is applied), when wasp has a fix for the check and the evidence is an account's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fix: Option<String>,
}

/// The command that plans wasp's fix for a check's failed findings, when there is a fix: a
/// template's findings are fixed in the template, and a demo review's command plans on the
/// demo account.
pub fn fix_command(check_id: &str, source: Source) -> Option<String> {
    wasp_respond::fixes_for(check_id).next()?;
    match source {
        Source::Iac => None,
        Source::Demo => Some(format!("wasp fix --demo {check_id}")),
        Source::Live | Source::Snapshot => Some(format!("wasp fix {check_id}")),
    }
}

type FindingsByCheck<'a> = HashMap<&'a str, Vec<&'a Finding>>;

/// What a review is built from, besides the lens and the inventory.
pub struct Inputs<'a> {
    /// Every check wasp has: a practice is established only when all of its checks ran.
    pub catalogue: &'a [&'static Meta],
    /// The checks that ran.
    pub ran: &'a [&'static Meta],
    pub findings: Vec<Finding>,
    pub source: Source,
    /// What the user's selection left out (`--checks …`, `--services …`), one line each.
    pub narrowed_by: Vec<String>,
    /// What people answered, if anyone did.
    pub answers: Option<&'a AnswersFile>,
    /// When the review is made: answers' ages are counted to it.
    pub reviewed_at: Timestamp,
    /// Answers older than this are stale.
    pub answer_max_age_days: u32,
    /// Check thresholds other than the defaults, one line each (`Settings::changed`).
    pub thresholds: Vec<String>,
    /// What the suppression rules did to the findings (applied before).
    pub suppressions: Vec<suppress::RuleOutcome>,
}

/// Builds the review of `inventory` from the findings of the checks that ran.
pub fn review(lens: &Lens, inventory: &Inventory, inputs: Inputs<'_>) -> Review {
    let Inputs {
        catalogue,
        ran,
        mut findings,
        source,
        narrowed_by,
        answers,
        reviewed_at,
        answer_max_age_days,
        thresholds,
        suppressions,
    } = inputs;
    findings.sort_by(|a, b| {
        (a.status, std::cmp::Reverse(a.severity), &a.check_id, &a.resource_arn, &a.region).cmp(&(
            b.status,
            std::cmp::Reverse(b.severity),
            &b.check_id,
            &b.resource_arn,
            &b.region,
        ))
    });
    let mut by_check: FindingsByCheck = HashMap::new();
    for f in &findings {
        by_check.entry(f.check_id.as_str()).or_default().push(f);
    }
    let every_region = inventory.covers_every_region();
    let ctx = Context { inventory, by_check: &by_check, every_region };
    let mut questions = Vec::new();
    let mut plan = Vec::new();
    for question in &lens.questions {
        let mut practices = Vec::new();
        for bp in &question.best_practices {
            let mapped = |m: &&&'static Meta| m.best_practices.contains(&bp.id.as_str());
            let (signals, checks): (Vec<&Meta>, Vec<&Meta>) =
                ran.iter().filter(mapped).copied().partition(|m| m.kind == CheckKind::Signal);
            let not_run: Vec<&str> = catalogue
                .iter()
                .filter(mapped)
                .filter(|m| m.kind == CheckKind::Check && !checks.iter().any(|c| c.id == m.id))
                .map(|m| m.id)
                .collect();
            let mut practice = assess(bp, &checks, &not_run, &ctx);
            add_signals(&mut practice, &signals, &by_check);
            if let Some(answer) = answers.and_then(|a| a.answers.get(&bp.id)) {
                answers::combine(&mut practice, answer, reviewed_at, answer_max_age_days);
            }
            if matches!(practice.status, PracticeStatus::NotMet | PracticeStatus::Conflict) {
                plan.push(plan_item(&question.id, &practice, &checks, &by_check, source));
            }
            practices.push(practice);
        }
        let (risk, risk_drivers) = question_risk(&practices);
        questions.push(QuestionReview {
            id: question.id.clone(),
            title: question.title.clone(),
            area: question.area.clone(),
            risk,
            risk_drivers,
            best_practices: practices,
        });
    }
    // Practice risk first, then the worst failing check's severity, then how much fails.
    plan.sort_by_cached_key(|item| {
        let worst = item.checks.iter().map(|c| c.severity).max();
        (
            std::cmp::Reverse(item.level_of_risk),
            std::cmp::Reverse(worst),
            std::cmp::Reverse(item.failing_resources),
            item.best_practice.clone(),
        )
    });
    for (i, item) in plan.iter_mut().enumerate() {
        item.rank = i + 1;
    }
    let mut left_out = narrowed_by;
    if !every_region {
        left_out.push(regions_left_out(inventory));
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
            enabled_regions: inventory.enabled_regions.clone(),
            source,
            collected_at: inventory.collected_at,
            coverage: if left_out.is_empty() { Coverage::Complete } else { Coverage::Partial },
            left_out,
            thresholds,
        },
        summary,
        questions,
        findings,
        gaps: inventory.gaps.clone(),
        improvement_plan: plan,
        suppressions,
        collection: inventory.collection.clone(),
    }
}

/// One line on the regions a review did not read.
fn regions_left_out(inv: &Inventory) -> String {
    match &inv.enabled_regions {
        Some(enabled) => {
            let missing: Vec<&str> = enabled.iter().filter(|r| !inv.scanned(r)).map(String::as_str).collect();
            format!(
                "regions: {} of {} enabled regions were not scanned ({})",
                missing.len(),
                enabled.len(),
                missing.join(", ")
            )
        }
        None => {
            "regions: the account's enabled regions are unknown, so whether every region was scanned is too".to_owned()
        }
    }
}

struct Context<'a> {
    inventory: &'a Inventory,
    by_check: &'a FindingsByCheck<'a>,
    every_region: bool,
}

fn count(findings: &[&Finding]) -> FindingCounts {
    let mut counts = FindingCounts::default();
    for f in findings {
        match f.status {
            Status::Pass => counts.pass += 1,
            Status::Fail => counts.fail += 1,
            Status::Skip => counts.skip += 1,
            Status::Muted => counts.muted += 1,
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

/// The status of one practice from its checks' findings, the gaps in what they read, and
/// how much of the practice the evidence can establish.
///
/// A failure is a failure whatever else is unknown; a pass counts only when nothing the checks
/// read is missing; and it is `met` only when the practice's scope is full, every check of the
/// catalogue mapped to it ran, and every region was read for the regional ones.
fn assess(bp: &wasp_pillar::BestPractice, checks: &[&Meta], not_run: &[&str], ctx: &Context<'_>) -> PracticeReview {
    let relevant: Vec<&Finding> = checks.iter().flat_map(|m| ctx.by_check.get(m.id)).flatten().copied().collect();
    let counts = count(&relevant);
    let mut incomplete_reads: Vec<String> = ctx
        .inventory
        .gaps
        .iter()
        .filter(|g| checks.iter().any(|m| m.affected_by(g)))
        .map(|g| format!("{}:{} ({})", g.service, g.operation, g.region))
        .collect();
    incomplete_reads.sort();
    incomplete_reads.dedup();
    let scope = bp.evidence_scope.level;
    let regional = checks.iter().any(|m| m.reads.iter().any(|r| !r.service.is_global()));
    let (evidence_status, reason) = if checks.is_empty() {
        let reason = if not_run.is_empty() {
            match scope {
                ScopeLevel::None => "no configuration can show this practice; a person must assess it".to_owned(),
                _ => "no automated check evidences this practice yet".to_owned(),
            }
        } else {
            format!("its checks did not run ({})", not_run.join(", "))
        };
        (EvidenceStatus::NoChecks, reason)
    } else if counts.fail > 0 {
        let reason = format!("{} failed finding(s) across {} check(s)", counts.fail, checks.len());
        (EvidenceStatus::Contradicts, reason)
    } else if !incomplete_reads.is_empty() || counts.skip > 0 {
        let reason = format!(
            "evidence incomplete: {} failed read(s) and {} skipped finding(s)",
            incomplete_reads.len(),
            counts.skip
        );
        (EvidenceStatus::Incomplete, reason)
    } else if counts.pass == 0 && counts.muted == 0 {
        (EvidenceStatus::NothingToJudge, "its checks found no resources to evaluate".to_owned())
    } else {
        let passed = format!("{} passed finding(s), none failed", counts.pass);
        let mut short = Vec::new();
        // A suppression accepts a failure; it does not fix it, so it never makes a practice met.
        if counts.muted > 0 {
            short.push(format!("{} failed finding(s) are muted by suppressions: accepted, not fixed", counts.muted));
        }
        if scope != ScopeLevel::Full {
            short.push("the checks cover only part of the practice; a person must confirm the rest".to_owned());
        }
        if !not_run.is_empty() {
            short.push(format!("{} of its checks did not run ({})", not_run.len(), not_run.join(", ")));
        }
        if regional && !ctx.every_region {
            short.push("not every enabled region was scanned".to_owned());
        }
        if short.is_empty() {
            (EvidenceStatus::Established, format!("{passed}; the checks cover the whole practice"))
        } else {
            (EvidenceStatus::Supports, format!("{passed}, but {}", short.join("; ")))
        }
    };
    let status = match evidence_status {
        EvidenceStatus::Established => PracticeStatus::Met,
        EvidenceStatus::Supports => PracticeStatus::EvidenceSupports,
        EvidenceStatus::Contradicts => PracticeStatus::NotMet,
        _ => PracticeStatus::NotAssessed,
    };
    let decided_by = if status == PracticeStatus::NotAssessed { Basis::Nothing } else { Basis::Evidence };
    PracticeReview {
        id: bp.id.clone(),
        title: bp.title.clone(),
        level_of_risk: bp.level_of_risk,
        status,
        decided_by,
        reason,
        answer: None,
        evidence: Evidence {
            status: evidence_status,
            scope,
            checks: checks.iter().map(|m| m.id.to_owned()).collect(),
            checks_not_run: not_run.iter().map(|id| (*id).to_owned()).collect(),
            findings: counts,
            failing_resources: failing_resources(&relevant),
            incomplete_reads,
            signals: Vec::new(),
        },
    }
}

/// Adds what the practice's signals saw to its evidence, and names them in its reason when no
/// check decided it.
fn add_signals(practice: &mut PracticeReview, signals: &[&Meta], by_check: &FindingsByCheck<'_>) {
    practice.evidence.signals = signals
        .iter()
        .map(|m| {
            let counts = count(by_check.get(m.id).map(Vec::as_slice).unwrap_or_default());
            SignalEvidence {
                check: m.id.to_owned(),
                title: m.title.to_owned(),
                present: counts.pass,
                absent: counts.fail + counts.muted,
                unknown: counts.skip,
            }
        })
        .collect();
    if !practice.evidence.signals.is_empty() && practice.status == PracticeStatus::NotAssessed {
        let seen: Vec<String> = practice.evidence.signals.iter().map(SignalEvidence::describe).collect();
        practice.reason = format!("{}; signals for whoever answers: {}", practice.reason, seen.join("; "));
    }
}

/// The question's risk as the Well-Architected Tool computes it, and the practices behind
/// it: `high` when a High-risk practice is not established (not met, not assessed, or only
/// supported), else `medium` likewise, else `low` when a Low-risk one is not, else `none`
/// (every practice met or not applicable). A question nothing in which has evidence or an
/// answer is not assessed.
pub fn question_risk(practices: &[PracticeReview]) -> (QuestionRisk, Vec<String>) {
    if practices.iter().all(|p| p.decided_by == Basis::Nothing) {
        return (QuestionRisk::NotAssessed, Vec::new());
    }
    for (level, risk) in [
        (LevelOfRisk::High, QuestionRisk::High),
        (LevelOfRisk::Medium, QuestionRisk::Medium),
        (LevelOfRisk::Low, QuestionRisk::Low),
    ] {
        let drivers: Vec<String> = practices
            .iter()
            .filter(|p| p.level_of_risk == level && !p.status.is_established())
            .map(|p| p.id.clone())
            .collect();
        if !drivers.is_empty() {
            return (risk, drivers);
        }
    }
    (QuestionRisk::None, Vec::new())
}

fn plan_item(
    question: &str,
    practice: &PracticeReview,
    checks: &[&Meta],
    by_check: &FindingsByCheck,
    source: Source,
) -> PlanItem {
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
                fix: fix_command(m.id, source),
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
        failing_resources: practice.evidence.failing_resources,
        checks: plan_checks,
    }
}

fn summarise(questions: &[QuestionReview], findings: &[Finding], checks_run: usize, inv: &Inventory) -> Summary {
    let mut summary = Summary { checks_run, gaps: inv.gaps.len(), ..Summary::default() };
    for q in questions {
        match q.risk {
            QuestionRisk::High => summary.high_risk_questions += 1,
            QuestionRisk::Medium => summary.medium_risk_questions += 1,
            QuestionRisk::Low => summary.low_risk_questions += 1,
            QuestionRisk::None => summary.questions_without_risk += 1,
            QuestionRisk::NotAssessed => summary.questions_not_assessed += 1,
        }
        for p in &q.best_practices {
            let c = &mut summary.best_practices;
            match p.status {
                PracticeStatus::Met => c.met += 1,
                PracticeStatus::NotMet => c.not_met += 1,
                PracticeStatus::EvidenceSupports => c.evidence_supports += 1,
                PracticeStatus::Conflict => c.conflict += 1,
                PracticeStatus::NotAssessed => c.not_assessed += 1,
                PracticeStatus::NotApplicable => c.not_applicable += 1,
            }
            if let Some(answer) = &p.answer {
                summary.answered += 1;
                summary.stale_answers += usize::from(answer.stale);
            }
        }
    }
    let (signals, checks): (Vec<&Finding>, Vec<&Finding>) = findings.iter().partition(|f| f.signal);
    summary.findings = count(&checks);
    summary.signals = count(&signals);
    for f in checks.iter().filter(|f| f.status == Status::Fail) {
        *summary.failed_by_severity.entry(f.severity).or_default() += 1;
    }
    summary.api_calls = inv.collection.as_ref().map(|c| c.api_calls_total);
    summary
}

/// Whether any failed finding of a check reaches `threshold` (signals never do).
pub fn fails_at(review: &Review, threshold: Severity) -> bool {
    review.findings.iter().any(|f| f.status == Status::Fail && !f.signal && f.severity >= threshold)
}

#[cfg(test)]
mod tests;
