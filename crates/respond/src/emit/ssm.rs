//! An SSM Automation document: each call of each step one `aws:executeAwsApi` step, which
//! aborts the run when it fails. The one generator of Automation, for the standalone document
//! and for the document CloudFormation and Terraform declare.
use super::{call_text, comments, emittable, left_out_lines, one_line, preamble, regions, title, undo};
use crate::plan::{references, Call, Plan, Step, SELF};
use serde_json::{json, Map, Value};
use std::collections::{BTreeMap, BTreeSet};

/// The longest step name Automation accepts.
const MAX_NAME: usize = 128;

/// The document with comments, for `wasp fix --emit ssm-automation`: one region (Automation
/// makes its calls in the region it runs in), so a plan across regions is refused.
pub(crate) fn standalone(plan: &Plan) -> Result<String, String> {
    let e = emittable(plan);
    let regions = regions(&e.steps);
    if regions.len() > 1 {
        return Err(format!(
            "an Automation document runs in one region, and the plan has steps in {}; plan one region at a time with --region",
            regions.join(", ")
        ));
    }
    if e.steps.is_empty() {
        return Err(nothing_to_emit(plan));
    }
    let region = regions.first().map_or("any region", String::as_str);
    let mut lines = preamble(plan, "an SSM Automation document");
    lines.push(String::new());
    lines.push(format!("Run it in {region}:"));
    lines.push(
        "  aws ssm create-document --name wasp-fix --document-type Automation --document-format YAML --content file://THIS_FILE"
            .to_owned(),
    );
    lines.push(
        "  aws ssm start-automation-execution --document-name wasp-fix --parameters AutomationAssumeRole=ROLE_ARN"
            .to_owned(),
    );
    lines.push("Each step's undo calls are in the document's description.".to_owned());
    let left = left_out_lines(plan, &e.left_out);
    if !left.is_empty() {
        lines.push(String::new());
        lines.extend(left);
    }
    let doc = automation(plan, &e.steps, None);
    Ok(comments(&lines, "") + &super::yaml::to_yaml(&doc, 0))
}

/// Why there is no document: nothing in the plan can be applied.
pub(crate) fn nothing_to_emit(plan: &Plan) -> String {
    let blocked = plan.steps.len();
    if blocked == 0 {
        "the plan has no step, so there is nothing to emit".to_owned()
    } else {
        format!("each of the plan's {blocked} step(s) is blocked (see the plan), so there is nothing to emit")
    }
}

/// The Automation document of `steps` (in plan order, all able to run in one region), as data.
/// `why` says, in the description, why these steps are in a document rather than a template.
pub(crate) fn automation(plan: &Plan, steps: &[&Step], why: Option<&str>) -> Value {
    let names = step_names(steps);
    // The call producing each output a call uses: for `{{STEP.X}}` the last call of STEP, for
    // `{{self.X}}` the call just before in the same step (calls of a step run in order).
    let producer = |step: &Step, i: usize, from: &str| -> Option<(String, usize)> {
        if from == SELF {
            return Some((step.name.clone(), i.checked_sub(1)?));
        }
        let source = steps.iter().find(|s| s.name == from)?;
        Some((source.name.clone(), source.calls.len().checked_sub(1)?))
    };
    let mut outputs: BTreeMap<(String, usize), BTreeSet<String>> = BTreeMap::new();
    for step in steps {
        for (i, call) in step.calls.iter().enumerate() {
            for reference in references(&call.params) {
                if let Some((from, path)) = reference.split_once('.') {
                    if let Some(at) = producer(step, i, from) {
                        outputs.entry(at).or_default().insert(path.to_owned());
                    }
                }
            }
        }
    }
    let mut main = Vec::new();
    for step in steps {
        let n = step.calls.len();
        for (i, call) in step.calls.iter().enumerate() {
            let description = match n {
                1 => title(step),
                _ => format!("{} (call {} of {n})", title(step), i + 1),
            };
            let rewrite = |key: &str| -> Option<String> {
                let (from, path) = key.split_once('.')?;
                let at = producer(step, i, from)?;
                Some(format!("{{{{ {}.{} }}}}", names.get(&at)?, output_name(path)))
            };
            let mut entry = json!({
                "name": names[&(step.name.clone(), i)],
                "description": description,
                "action": "aws:executeAwsApi",
                "onFailure": "Abort",
                "inputs": inputs(call, &rewrite),
            });
            if let Some(paths) = outputs.get(&(step.name.clone(), i)) {
                entry["outputs"] = Value::Array(
                    paths
                        .iter()
                        .map(|p| json!({"Name": output_name(p), "Selector": format!("$.{p}"), "Type": "String"}))
                        .collect(),
                );
            }
            main.push(entry);
        }
    }
    json!({
        "description": description(plan, steps, why),
        "schemaVersion": "0.3",
        "assumeRole": "{{ AutomationAssumeRole }}",
        "parameters": {
            "AutomationAssumeRole": {
                "type": "String",
                "description": "The role Automation assumes to make the changes; it needs the policy of `wasp permissions --respond`.",
                "default": ""
            }
        },
        "mainSteps": main,
    })
}

/// The document's description (Markdown): what it does, and how to undo each step.
fn description(plan: &Plan, steps: &[&Step], why: Option<&str>) -> String {
    let calls: usize = steps.iter().map(|s| s.calls.len()).sum();
    let mut text = format!(
        "{} for account {}, planned {} from {} evidence: {} step(s), {calls} API call(s). Review before running: \
         it does not re-read a resource before changing it, as `wasp fix --apply` does.",
        super::what(plan),
        plan.account_id,
        plan.created_at.format("%Y-%m-%d %H:%M UTC"),
        plan.evidence,
        steps.len()
    );
    if let Some(why) = why {
        text.push_str("\n\n");
        text.push_str(why);
    }
    text.push_str("\n\nTo undo, make each step's undo calls, the last step first:");
    for step in steps {
        let undo = undo(step);
        let undo = if undo.is_empty() { "nothing to undo".to_owned() } else { undo.join("; ") };
        text.push_str(&format!("\n- {}: {undo}", title(step)));
    }
    text
}

/// `aws:executeAwsApi` inputs: the service, the operation and the call's parameters, with
/// each reference to an earlier output in Automation's own syntax.
fn inputs(call: &Call, rewrite: &dyn Fn(&str) -> Option<String>) -> Value {
    let mut inputs = Map::new();
    inputs.insert("Service".into(), json!(call.service));
    inputs.insert("Api".into(), json!(call.operation));
    if let Value::Object(params) = &call.params {
        for (k, v) in params {
            inputs.insert(k.clone(), rewrite_references(v, rewrite));
        }
    }
    Value::Object(inputs)
}

fn rewrite_references(value: &Value, rewrite: &dyn Fn(&str) -> Option<String>) -> Value {
    match value {
        Value::String(s) => {
            let mut text = s.clone();
            for key in references(value) {
                if let Some(new) = rewrite(&key) {
                    text = text.replace(&format!("{{{{{key}}}}}", key = key), &new);
                }
            }
            Value::String(text)
        }
        Value::Array(items) => Value::Array(items.iter().map(|v| rewrite_references(v, rewrite)).collect()),
        Value::Object(map) => {
            Value::Object(map.iter().map(|(k, v)| (k.clone(), rewrite_references(v, rewrite))).collect())
        }
        other => other.clone(),
    }
}

/// An output's name: its path with every other character than letters and digits an `_`.
fn output_name(path: &str) -> String {
    path.chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '_' }).collect()
}

/// A unique Automation step name per (plan step, call index): letters, digits, `_` and `-`,
/// at most 128 characters.
fn step_names(steps: &[&Step]) -> BTreeMap<(String, usize), String> {
    let mut taken = BTreeSet::new();
    let mut names = BTreeMap::new();
    for step in steps {
        let base: String = step
            .name
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() || c == '_' || c == '-' { c } else { '_' })
            .take(MAX_NAME - 12)
            .collect();
        for i in 0..step.calls.len() {
            let mut name = format!("{base}_{}", i + 1);
            let mut k = 1;
            while taken.contains(&name) {
                k += 1;
                name = format!("{base}_{}_{k}", i + 1);
            }
            taken.insert(name.clone());
            names.insert((step.name.clone(), i), name);
        }
    }
    names
}

/// The one line a template's comment gives a step that went to the document.
pub(crate) fn placed(step: &Step, why: &str) -> String {
    one_line(&format!(
        "{} — {why}; calls: {}",
        title(step),
        step.calls.iter().map(call_text).collect::<Vec<_>>().join("; ")
    ))
}
