//! Plans as code, for teams that apply changes through their own pipelines: an SSM Automation
//! document, a CloudFormation template or a Terraform configuration.
//!
//! One rule for the three: a step that is a whole resource the language declares (a GuardDuty
//! detector, a bucket's public access block in Terraform …) becomes that resource; a step that
//! changes a resource the template does not own (a KMS key's rotation, a security group's
//! rules, an existing detector …) goes into an SSM Automation document that the template
//! declares and the user runs, built by [`ssm`] alone. Blocked steps, and steps needing the
//! output of one, are left out and named in a comment with what they need. Each step's
//! rollback is written beside it, never run.
//!
//! Neither Automation nor a template re-reads a resource before changing it, as
//! `wasp fix --apply` does: the comments say so, and a plan is best emitted just before use.
mod cloudformation;
mod ssm;
mod terraform;
mod yaml;

use crate::plan::{references, Call, Plan, PlanKind, Step};
use crate::Reversible;
use std::collections::BTreeSet;
use wasp_model::GLOBAL_REGION;

/// The template languages a plan can be written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Emit {
    CloudFormation,
    Terraform,
    SsmAutomation,
}

/// The plan as a template; an error says, in one sentence, why it cannot be expressed.
pub fn render(kind: Emit, plan: &Plan) -> Result<String, String> {
    match kind {
        Emit::SsmAutomation => ssm::standalone(plan),
        Emit::CloudFormation => cloudformation::template(plan),
        Emit::Terraform => terraform::configuration(plan),
    }
}

/// The steps a template can hold, and those it leaves out with why.
struct Emittable<'a> {
    steps: Vec<&'a Step>,
    left_out: Vec<(&'a Step, String)>,
}

/// Steps that are not blocked and use no output of a step left out, in plan order.
fn emittable(plan: &Plan) -> Emittable<'_> {
    let mut out = Emittable { steps: Vec::new(), left_out: Vec::new() };
    for step in &plan.steps {
        if let Some(why) = &step.blocked {
            out.left_out.push((step, why.clone()));
            continue;
        }
        let missing = uses(step).into_iter().find(|from| out.left_out.iter().any(|(s, _)| &s.name == from));
        match missing {
            Some(from) => out.left_out.push((step, format!("needs the output of step {from}, which is left out"))),
            None => out.steps.push(step),
        }
    }
    out
}

/// The earlier steps whose outputs a step's calls use (not its own: `{{self.X}}`).
fn uses(step: &Step) -> BTreeSet<String> {
    step.calls
        .iter()
        .flat_map(|c| references(&c.params))
        .filter_map(|r| r.split('.').next().map(str::to_owned))
        .filter(|from| from != crate::plan::SELF)
        .collect()
}

/// Steps whose outputs a later step uses: they stay with it in the Automation document.
fn used_by_others(steps: &[&Step]) -> BTreeSet<String> {
    steps.iter().flat_map(|s| uses(s)).collect()
}

/// Whether a step must go to the Automation document because it passes or takes an output.
fn linked(step: &Step, used: &BTreeSet<String>) -> bool {
    used.contains(&step.name) || !uses(step).is_empty()
}

/// The regions the steps act in, sorted, without `global`.
fn regions(steps: &[&Step]) -> Vec<String> {
    let set: BTreeSet<&str> = steps.iter().map(|s| s.region.as_str()).filter(|r| *r != GLOBAL_REGION).collect();
    set.into_iter().map(str::to_owned).collect()
}

/// A region of the partition for steps that act in none (IAM, the account's S3 settings).
fn home_region(partition: &str) -> &'static str {
    match partition {
        "aws-us-gov" => "us-gov-west-1",
        "aws-cn" => "cn-north-1",
        _ => "us-east-1",
    }
}

/// Text fit for a one-line comment: control characters (a newline would end the comment)
/// become spaces.
fn one_line(text: &str) -> String {
    text.chars().map(|c| if c.is_control() { ' ' } else { c }).collect()
}

/// `service Operation {params}`.
fn call_text(call: &Call) -> String {
    one_line(&crate::text::call_line(call))
}

fn what(plan: &Plan) -> String {
    match &plan.kind {
        PlanKind::Fix => "wasp fix plan".to_owned(),
        PlanKind::Playbook(id) => format!("wasp playbook {id}"),
    }
}

/// The first comment lines of every template: what it is, from when, and what it does not do.
fn preamble(plan: &Plan, language: &str) -> Vec<String> {
    vec![
        format!(
            "{} for account {} ({}) as {language}, planned {} from {} evidence.",
            what(plan),
            plan.account_id,
            plan.partition,
            plan.created_at.format("%Y-%m-%d %H:%M UTC"),
            plan.evidence
        ),
        "Review it before use. Unlike `wasp fix --apply`, it does not re-read a resource before changing".to_owned(),
        "it: emit it again if the account may have changed since.".to_owned(),
    ]
}

/// A step named for people: `s1 (check_id): summary`.
fn title(step: &Step) -> String {
    let check = step.check_id.as_deref().map(|c| format!(" ({c})")).unwrap_or_default();
    one_line(&format!("{}{check}: {}", step.name, step.summary))
}

/// How the step is undone: its rollback calls, or why there are none.
fn undo(step: &Step) -> Vec<String> {
    let mut lines: Vec<String> = step.rollback.iter().map(|c| format!("undo: {}", call_text(c))).collect();
    match crate::action(&step.action).map(|a| a.reversible) {
        Some(Reversible::Partly(why)) => lines.push(format!("undo is partial: {why}")),
        Some(Reversible::No(why)) if step.rollback.is_empty() => lines.push(format!("cannot be undone: {why}")),
        _ => {}
    }
    lines
}

/// Comment lines naming the steps left out and the failed findings not planned.
fn left_out_lines(plan: &Plan, left_out: &[(&Step, String)]) -> Vec<String> {
    let mut lines = Vec::new();
    if !left_out.is_empty() {
        lines.push(format!("Left out ({}):", left_out.len()));
        for (step, why) in left_out {
            lines.push(format!("  {} — {}", title(step), one_line(why)));
        }
    }
    if !plan.unplanned.is_empty() {
        lines.push(format!("Not planned ({}):", plan.unplanned.len()));
        for u in &plan.unplanned {
            let resource = u.resource.as_deref().unwrap_or("-");
            lines.push(one_line(&format!("  {} {resource} ({}): {}", u.check_id, u.region, u.reason)));
        }
    }
    lines
}

/// Lines as `#` comments.
fn comments(lines: &[String], indent: &str) -> String {
    lines.iter().map(|l| if l.is_empty() { format!("{indent}#\n") } else { format!("{indent}# {l}\n") }).collect()
}

/// Why a step goes to the Automation document when the language has no resource for it.
const NOT_OWNED: &str = "it changes a resource the template does not own";
