//! Applying a plan through the AWS SDK: the caller's account is the plan's, each step's probe
//! is read again and must show the state planned from, then its calls run in order. A failure
//! stops the run and the journal lists the rollback of what was done.
mod calls;

pub use calls::{CallError, Executor, Identity};

use crate::plan::{references, resolve, Call, Plan, Step, SELF};
use serde::Serialize;
use serde_json::Value;
use std::collections::BTreeMap;
use wasp_model::Timestamp;

/// What happened to one step.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum Outcome {
    /// Every call succeeded.
    Applied { requests: Vec<Request> },
    /// Not attempted: blocked, declined, or the resource changed since the plan.
    Skipped { reason: String },
    /// A call failed; `requests` are the calls that succeeded before it.
    Failed { requests: Vec<Request>, error: String },
    /// After a failure, the run stopped before this step.
    NotRun,
}

/// One call made, as AWS acknowledged it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Request {
    pub service: String,
    pub operation: String,
    pub params: Value,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
    #[serde(skip_serializing_if = "Value::is_null")]
    pub output: Value,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct JournalEntry {
    pub step: String,
    pub action: String,
    pub resource: String,
    pub region: String,
    #[serde(flatten)]
    pub outcome: Outcome,
    pub at: Timestamp,
}

/// The record of an `--apply`: who did what, when, with which request ids, and how to undo it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Journal {
    pub account_id: String,
    /// The identity that made the calls (`sts:GetCallerIdentity`).
    pub identity: String,
    pub started_at: Timestamp,
    pub finished_at: Timestamp,
    pub entries: Vec<JournalEntry>,
    /// The calls that undo what was done, latest first; empty when nothing was changed.
    pub rollback: Vec<Call>,
    /// Set when a step failed: the run stopped there.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stopped: Option<String>,
}

impl Journal {
    pub fn applied(&self) -> usize {
        self.entries.iter().filter(|e| matches!(e.outcome, Outcome::Applied { .. })).count()
    }
    pub fn failed(&self) -> bool {
        self.stopped.is_some()
    }
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("a journal serialises") + "\n"
    }
}

/// Why a plan cannot be applied at all.
#[derive(Debug, thiserror::Error)]
pub enum ApplyError {
    #[error(transparent)]
    Plan(#[from] crate::PlanError),
    #[error("the plan is for account {plan}, but the credentials are of account {caller}; plan again with these credentials")]
    WrongAccount { plan: String, caller: String },
    #[error("{0}")]
    Identity(String),
}

/// What the confirmation callback answers for a step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Confirm {
    Yes,
    No,
    /// Stop here; run no further step.
    Quit,
}

/// Applies `plan` with the executor's credentials. `confirm` is asked before each step that
/// would change something (answer [`Confirm::Yes`] always for `--yes`).
pub async fn apply(
    exec: &Executor,
    plan: &Plan,
    confirm: &mut dyn FnMut(&Step) -> Confirm,
) -> Result<Journal, ApplyError> {
    plan.verify()?;
    let me = exec.identity().await.map_err(|e| ApplyError::Identity(e.to_string()))?;
    if me.account != plan.account_id {
        return Err(ApplyError::WrongAccount { plan: plan.account_id.clone(), caller: me.account });
    }
    let started_at = chrono::Utc::now();
    let mut outputs: BTreeMap<String, Value> = BTreeMap::new();
    let mut entries = Vec::new();
    let mut undo: Vec<Vec<Call>> = Vec::new();
    let mut stopped = None;
    for step in &plan.steps {
        let outcome = if stopped.is_some() {
            Outcome::NotRun
        } else {
            let outcome = run_step(exec, step, &mut outputs, confirm).await;
            match &outcome {
                Outcome::Applied { requests } => undo.push(rollback_of(step, requests, &outputs)),
                Outcome::Failed { requests, error } => {
                    undo.push(rollback_of(step, requests, &outputs));
                    stopped = Some(format!("step {} failed: {error}", step.name));
                }
                Outcome::Skipped { reason } if reason == QUIT => stopped = Some("stopped at the user's request".into()),
                _ => {}
            }
            outcome
        };
        entries.push(JournalEntry {
            step: step.name.clone(),
            action: step.action.clone(),
            resource: step.resource.clone(),
            region: step.region.clone(),
            outcome,
            at: chrono::Utc::now(),
        });
    }
    Ok(Journal {
        account_id: plan.account_id.clone(),
        identity: me.arn,
        started_at,
        finished_at: chrono::Utc::now(),
        entries,
        rollback: undo.into_iter().rev().flatten().collect(),
        stopped,
    })
}

const QUIT: &str = "stopped at the user's request";

async fn run_step(
    exec: &Executor,
    step: &Step,
    outputs: &mut BTreeMap<String, Value>,
    confirm: &mut dyn FnMut(&Step) -> Confirm,
) -> Outcome {
    if let Some(why) = &step.blocked {
        return Outcome::Skipped { reason: format!("blocked: {why}") };
    }
    let action = crate::action(&step.action).expect("verified plan");
    if let Some(probe) = &step.probe {
        let answer = match exec.call(&step.region, probe).await {
            Ok((answer, _)) => answer,
            Err(e) => return Outcome::Skipped { reason: format!("could not read the resource again: {e}") },
        };
        let now = (action.observe)(&answer, step);
        if now != step.current {
            return Outcome::Skipped {
                reason: format!("changed since the plan: planned from {}, now {now}", step.current),
            };
        }
    }
    // A step that needs the output of a step not applied (skipped or declined) cannot run.
    for reference in step.calls.iter().flat_map(|c| references(&c.params)) {
        let from = reference.split('.').next().unwrap_or_default();
        if from != SELF && !outputs.contains_key(from) {
            return Outcome::Skipped { reason: format!("needs {reference}, and step {from} was not applied") };
        }
    }
    match confirm(step) {
        Confirm::Yes => {}
        Confirm::No => return Outcome::Skipped { reason: "declined".into() },
        Confirm::Quit => return Outcome::Skipped { reason: QUIT.into() },
    }
    let mut requests = Vec::new();
    let mut own = Value::Object(Default::default());
    for call in &step.calls {
        // `{{self.X}}`: an output of this step's earlier calls.
        let lookup = |key: &str| match key.split_once('.') {
            Some((SELF, rest)) => lookup_in(&own, rest),
            _ => lookup(outputs, key),
        };
        let params = match resolve(&call.params, &lookup) {
            Ok(p) => p,
            Err(e) => return Outcome::Failed { requests, error: e },
        };
        let resolved = Call { params, ..call.clone() };
        match exec.call(&step.region, &resolved).await {
            Ok((output, request_id)) => {
                if let (Value::Object(mine), Value::Object(out)) = (&mut own, &output) {
                    mine.extend(out.clone());
                }
                requests.push(Request {
                    service: call.service.clone(),
                    operation: call.operation.clone(),
                    params: resolved.params,
                    request_id,
                    output,
                });
            }
            Err(e) => {
                outputs.insert(step.name.clone(), own);
                return Outcome::Failed { requests, error: e.to_string() };
            }
        }
    }
    outputs.insert(step.name.clone(), own);
    Outcome::Applied { requests }
}

fn lookup(outputs: &BTreeMap<String, Value>, key: &str) -> Option<Value> {
    let (step, path) = key.split_once('.')?;
    lookup_in(outputs.get(step)?, path)
}

fn lookup_in(mut v: &Value, path: &str) -> Option<Value> {
    for part in path.split('.') {
        v = v.get(part)?;
    }
    Some(v.clone())
}

/// The rollback calls of a step whose `requests` succeeded: all of them when every call did,
/// none when none did. A partly applied step lists its whole rollback, which restores the
/// state planned from.
fn rollback_of(step: &Step, requests: &[Request], outputs: &BTreeMap<String, Value>) -> Vec<Call> {
    if requests.is_empty() {
        return Vec::new();
    }
    let own = |key: &str| match key.split_once('.') {
        Some((SELF, rest)) => lookup(outputs, &format!("{}.{rest}", step.name)),
        _ => lookup(outputs, key),
    };
    step.rollback
        .iter()
        .map(|c| Call { params: resolve(&c.params, &own).unwrap_or_else(|_| c.params.clone()), ..c.clone() })
        .collect()
}
