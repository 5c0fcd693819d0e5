//! What changed between two reviews: findings that are new, resolved or still failing
//! (matched by check, resource and region), practices whose status changed, questions whose
//! risk changed, gaps opened and closed.
//!
//! A failure is *resolved* only when the later review shows it: the check passed for the
//! resource, or it ran over complete data of the resource's region and no longer reports it
//! (the resource is gone). A failure the later review muted is listed as muted; one it could
//! not judge (the check did not run or skipped, a read it needs failed, the region was not
//! scanned) is listed as unknown, never as resolved.
use crate::{PracticeStatus, QuestionRisk, Review};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use wasp_checks::{Finding, Status};
use wasp_model::{Gap, Timestamp};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Diff {
    pub from: Side,
    pub to: Side,
    /// Failing in `to`, not in `from`.
    pub new: Vec<Finding>,
    /// Failing in `from`, shown fixed or gone by `to` (as `from` had them).
    pub resolved: Vec<Finding>,
    /// Failing in `from`, muted by a suppression in `to` (as `to` has them).
    #[serde(default)]
    pub muted: Vec<Finding>,
    /// Failing in `from`, and `to` cannot tell (as `from` had them, with why).
    #[serde(default)]
    pub unknown: Vec<Unknown>,
    /// Failing in both (as `to` has them).
    pub still_failing: Vec<Finding>,
    pub practice_changes: Vec<PracticeChange>,
    pub risk_changes: Vec<RiskChange>,
    pub gaps_opened: Vec<Gap>,
    pub gaps_closed: Vec<Gap>,
}

/// One of the two reviews compared.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Side {
    /// How the user named it: a review id, a milestone, `last`.
    pub label: String,
    pub account_id: String,
    pub collected_at: Timestamp,
}

/// A failure the later review cannot judge.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Unknown {
    pub finding: Finding,
    pub why: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PracticeChange {
    pub id: String,
    pub title: String,
    pub from: PracticeStatus,
    pub to: PracticeStatus,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RiskChange {
    pub question: String,
    pub from: QuestionRisk,
    pub to: QuestionRisk,
}

impl Diff {
    /// Nothing changed.
    pub fn is_empty(&self) -> bool {
        self.new.is_empty()
            && self.resolved.is_empty()
            && self.muted.is_empty()
            && self.unknown.is_empty()
            && self.practice_changes.is_empty()
            && self.risk_changes.is_empty()
            && self.gaps_opened.is_empty()
            && self.gaps_closed.is_empty()
    }
}

type Key<'a> = (&'a str, Option<&'a str>, &'a str);

fn key(f: &Finding) -> Key<'_> {
    (f.check_id.as_str(), f.resource_arn.as_deref(), f.region.as_str())
}

fn failing(review: &Review) -> BTreeMap<Key<'_>, &Finding> {
    review.findings.iter().filter(|f| f.status == Status::Fail).map(|f| (key(f), f)).collect()
}

/// Why review `b`, which does not report `f`, cannot say it is fixed; `None` when it can.
fn cannot_tell(b: &Review, f: &Finding) -> Option<String> {
    let practices = || b.questions.iter().flat_map(|q| &q.best_practices);
    let ran = practices().any(|p| p.evidence.checks.iter().any(|c| c == &f.check_id));
    if !ran {
        return Some(format!("{} did not run", f.check_id));
    }
    let global = f.region == wasp_model::GLOBAL_REGION;
    if !global && !b.scope.regions.contains(&f.region) {
        return Some(format!("{} was not scanned", f.region));
    }
    let Some(check) = wasp_checks::find(&f.check_id) else {
        return Some(format!("this wasp does not know {}", f.check_id));
    };
    let gap = b.gaps.iter().find(|g| {
        check.meta().affected_by(g) && (g.region == f.region || g.region == wasp_model::GLOBAL_REGION || global)
    });
    gap.map(|g| format!("the read {}:{} ({}) failed", g.service, g.operation, g.region))
}

/// What changed from review `a` (labelled `a_label`) to review `b`.
pub fn diff(a: &Review, a_label: &str, b: &Review, b_label: &str) -> Diff {
    let (before, after) = (failing(a), failing(b));
    let new = after.iter().filter(|(k, _)| !before.contains_key(*k)).map(|(_, f)| (*f).clone()).collect();
    let (mut resolved, mut muted, mut unknown) = (Vec::new(), Vec::new(), Vec::new());
    let in_b: BTreeMap<Key<'_>, &Finding> = b.findings.iter().map(|f| (key(f), f)).collect();
    for (k, f) in before.iter().filter(|(k, _)| !after.contains_key(*k)) {
        match in_b.get(k).map(|later| later.status) {
            Some(Status::Pass) => resolved.push((*f).clone()),
            Some(Status::Muted) => muted.push(in_b[k].clone()),
            Some(Status::Skip) => unknown.push(Unknown {
                finding: (*f).clone(),
                why: format!("{} could not judge it in review {b_label}", f.check_id),
            }),
            // Failing in `b` means it is in `after`, which was filtered out above.
            Some(Status::Fail) => {}
            None => match cannot_tell(b, f) {
                Some(why) => unknown.push(Unknown { finding: (*f).clone(), why }),
                None => resolved.push((*f).clone()),
            },
        }
    }
    let still_failing = after.iter().filter(|(k, _)| before.contains_key(*k)).map(|(_, f)| (*f).clone()).collect();
    let statuses = |r: &Review| -> BTreeMap<String, (String, PracticeStatus)> {
        r.questions
            .iter()
            .flat_map(|q| &q.best_practices)
            .map(|p| (p.id.clone(), (p.title.clone(), p.status)))
            .collect()
    };
    let (was, is) = (statuses(a), statuses(b));
    let practice_changes = is
        .iter()
        .filter_map(|(id, (title, to))| {
            let from = was.get(id)?.1;
            (from != *to).then(|| PracticeChange { id: id.clone(), title: title.clone(), from, to: *to })
        })
        .collect();
    let risks =
        |r: &Review| -> BTreeMap<String, QuestionRisk> { r.questions.iter().map(|q| (q.id.clone(), q.risk)).collect() };
    let (was, is) = (risks(a), risks(b));
    let risk_changes = is
        .iter()
        .filter_map(|(q, to)| {
            let from = *was.get(q)?;
            (from != *to).then(|| RiskChange { question: q.clone(), from, to: *to })
        })
        .collect();
    let gaps =
        |r: &Review| -> BTreeSet<Gap> { r.gaps.iter().cloned().map(|g| Gap { reason: String::new(), ..g }).collect() };
    let (was, is) = (gaps(a), gaps(b));
    let full = |r: &Review, g: &Gap| -> Gap {
        r.gaps
            .iter()
            .find(|x| Gap { reason: String::new(), ..(*x).clone() } == *g)
            .cloned()
            .unwrap_or_else(|| g.clone())
    };
    let gaps_opened = is.difference(&was).map(|g| full(b, g)).collect();
    let gaps_closed = was.difference(&is).map(|g| full(a, g)).collect();
    let side = |r: &Review, label: &str| Side {
        label: label.to_owned(),
        account_id: r.scope.account_id.clone(),
        collected_at: r.scope.collected_at,
    };
    Diff {
        from: side(a, a_label),
        to: side(b, b_label),
        new,
        resolved,
        muted,
        unknown,
        still_failing,
        practice_changes,
        risk_changes,
        gaps_opened,
        gaps_closed,
    }
}
