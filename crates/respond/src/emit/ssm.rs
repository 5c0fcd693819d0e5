//! An SSM Automation document: each call of each step an `aws:executeAwsApi` step.
use crate::plan::{Call, Plan};
use serde_json::{json, Map, Value};

/// Automation step names allow letters, digits, `_` and `-`.
fn step_name(step: &str, i: usize) -> String {
    format!("{step}_{}", i + 1)
}

fn input(call: &Call) -> Value {
    let mut inputs = Map::new();
    inputs.insert("Service".into(), json!(call.service));
    inputs.insert("Api".into(), json!(call.operation));
    if let Value::Object(params) = &call.params {
        for (k, v) in params {
            inputs.insert(k.clone(), v.clone());
        }
    }
    Value::Object(inputs)
}

/// One document for the plan's one region (Automation runs its API calls in the region it is
/// started in); a plan across regions is refused with the regions named.
pub fn document(plan: &Plan) -> Result<String, String> {
    let mut regions: Vec<&str> = plan.actionable().map(|s| s.region.as_str()).filter(|r| *r != "global").collect();
    regions.sort_unstable();
    regions.dedup();
    if regions.len() > 1 {
        return Err(format!(
            "an Automation document runs in one region, and the plan has steps in {}; plan one region at a time with --region",
            regions.join(", ")
        ));
    }
    let mut steps = Vec::new();
    for step in plan.actionable() {
        for (i, call) in step.calls.iter().enumerate() {
            steps.push(json!({
                "name": step_name(&step.name, i),
                "description": step.summary,
                "action": "aws:executeAwsApi",
                "inputs": input(call),
            }));
        }
    }
    let doc = json!({
        "description": format!("wasp fix plan for account {} ({} step(s)); review before running.", plan.account_id, plan.actionable().count()),
        "schemaVersion": "0.3",
        "assumeRole": "{{ AutomationAssumeRole }}",
        "parameters": {
            "AutomationAssumeRole": {
                "type": "String",
                "description": "The role Automation assumes to make the changes (needs `wasp permissions --respond`).",
                "default": ""
            }
        },
        "mainSteps": steps,
    });
    serde_yaml::to_string(&doc).map_err(|e| e.to_string())
}
