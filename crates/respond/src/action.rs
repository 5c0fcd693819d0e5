//! The declaration every write wasp can make carries, once, beside its planning code.
use crate::plan::{Call, Step};
use serde::Serialize;
use serde_json::Value;
use wasp_checks::Finding;
use wasp_model::Inventory;

/// Whether a step can be undone, and how.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", content = "how", rename_all = "snake_case")]
pub enum Reversible {
    /// The rollback calls restore the earlier state exactly.
    Yes,
    /// The rollback calls restore most of it; the text says what they cannot.
    Partly(&'static str),
    /// No call undoes it; the text says why that is acceptable.
    No(&'static str),
}

/// Whether an action remediates findings or is a step of an incident playbook.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ActionKind {
    Fix,
    Playbook,
}

/// One write wasp can make: what it changes, the calls it may make (nothing else is ever
/// called for it), the IAM permissions they need, and how it is undone.
#[derive(Debug, Serialize)]
pub struct Action {
    pub id: &'static str,
    pub kind: ActionKind,
    pub title: &'static str,
    /// What changes in the account, in one or two sentences.
    pub changes: &'static str,
    /// Every `service:Operation` the action's steps, probes and rollbacks may call.
    pub calls: &'static [&'static str],
    /// The IAM actions those calls need.
    pub permissions: &'static [&'static str],
    pub reversible: Reversible,
    /// The checks whose failed findings it resolves (a fix's).
    pub remediates: &'static [&'static str],
    /// Parameters the user may (or must) give with `--param NAME=VALUE`.
    pub params: &'static [Param],
    /// Plans a fix's step for one failed finding of a check in `remediates`.
    #[serde(skip)]
    pub plan: Option<PlanFn>,
    /// Reduces the probe's answer to the state `current` describes.
    #[serde(skip)]
    pub observe: fn(&Value, &Step) -> Value,
}

/// How a fix plans its step for one failed finding.
pub type PlanFn = fn(&PlanContext<'_>, &Finding) -> Result<Step, String>;

/// A parameter of an action.
#[derive(Debug, Serialize)]
pub struct Param {
    pub name: &'static str,
    pub help: &'static str,
    /// Without it the step is planned but blocked.
    pub required: bool,
}

impl Action {
    /// Whether the action may make this call.
    pub fn declares(&self, call: &Call) -> bool {
        self.calls.iter().any(|c| c.split_once(':') == Some((call.service.as_str(), call.operation.as_str())))
    }

    /// The parameter's value, if given.
    pub fn param<'a>(&self, cx: &'a PlanContext<'_>, name: &str) -> Option<&'a str> {
        cx.params.iter().find(|(k, _)| k == &format!("{}.{name}", self.id) || k == name).map(|(_, v)| v.as_str())
    }
}

/// What planning reads: the inventory the findings came from, and `--param` values.
pub struct PlanContext<'a> {
    pub inventory: &'a Inventory,
    /// The thresholds the findings were judged with.
    pub settings: &'a wasp_checks::Settings,
    /// `NAME=VALUE` or `ACTION.NAME=VALUE`.
    pub params: &'a [(String, String)],
}
