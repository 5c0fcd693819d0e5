//! A plan: the exact API calls wasp would make, each step with the state it expects to find.
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use wasp_model::Timestamp;

/// In a call or rollback call, `{{self.Output}}` is an output of the step's own (earlier) calls.
pub const SELF: &str = "self";

/// Bumped when a plan written by an older wasp can no longer be applied by this one.
pub const PLAN_SCHEMA_VERSION: u32 = 1;

/// What `wasp fix` or `wasp respond` intends to do, before anything is done.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    pub schema_version: u32,
    /// `fix`, or the playbook's id.
    pub kind: PlanKind,
    /// The account every step acts in; `--apply` refuses credentials of another account.
    pub account_id: String,
    pub partition: String,
    pub created_at: Timestamp,
    /// Where the observed state came from: `live`, `snapshot` or `demo`.
    pub evidence: String,
    /// The playbook's target, for a playbook.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<String>,
    pub steps: Vec<Step>,
    /// Failing findings wasp has no step for, and why.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unplanned: Vec<Unplanned>,
    /// The incident a playbook's plan belongs to: it tags what the playbook creates and names
    /// the incident record.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub incident_id: Option<String>,
    /// Where the evidence of the target is kept (trails, flow logs, access logs, volumes).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence_locations: Vec<EvidenceLocation>,
    /// What a playbook looked at and found needs no step, or what it cannot do, one sentence each.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

/// One place evidence of an incident's target is kept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EvidenceLocation {
    /// `cloudtrail_s3`, `cloudtrail_logs`, `cloudtrail_event_history`, `flow_logs`,
    /// `s3_access_logs`, `log_group`, `ebs_volume` or `ebs_snapshot`.
    pub kind: String,
    /// An `s3://` URL, an ARN, a log group or a resource id.
    pub location: String,
    /// What it holds and where it comes from.
    pub detail: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum PlanKind {
    Fix,
    Playbook(String),
}

/// One change to one resource.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Step {
    /// Unique in the plan; later calls refer to an earlier call's output as
    /// `{{STEP_NAME.Output}}`.
    pub name: String,
    /// The declared action ([`crate::Action`]) this step performs.
    pub action: String,
    /// The finding's check, for a fix.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub check_id: Option<String>,
    pub resource: String,
    pub region: String,
    /// One sentence: what changes.
    pub summary: String,
    /// The read `--apply` repeats before writing; its answer, reduced by the action, must equal
    /// `current`, or the step is skipped as changed since the plan.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub probe: Option<Call>,
    /// The state observed when planning, as the action describes it (`null`: not configured).
    pub current: Value,
    /// The state after the step.
    pub intended: Value,
    /// The writes, in order.
    pub calls: Vec<Call>,
    /// The calls that undo the step, in order; empty when it cannot be undone by a call.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rollback: Vec<Call>,
    /// Why the step cannot be applied yet (e.g. a parameter it needs); applying skips it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub blocked: Option<String>,
}

/// One AWS API call, named as AWS names it, with its parameters in the API's own shape (the
/// shape the AWS CLI's `--cli-input-json` and SSM Automation's `aws:executeAwsApi` take).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Call {
    /// The service as the SDKs name it: `s3`, `s3control`, `ec2`, `iam` …
    pub service: String,
    /// The operation, e.g. `PutPublicAccessBlock`.
    pub operation: String,
    #[serde(default)]
    pub params: Value,
}

impl Call {
    pub fn new(service: &str, operation: &str, params: Value) -> Self {
        Call { service: service.to_owned(), operation: operation.to_owned(), params }
    }

    /// `service:Operation`, the IAM action it needs in most services.
    pub fn iam_action(&self) -> String {
        format!("{}:{}", iam_prefix(&self.service), self.operation)
    }
}

/// The IAM prefix of an SDK service name.
pub fn iam_prefix(service: &str) -> &str {
    match service {
        "s3control" => "s3",
        "accessanalyzer" => "access-analyzer",
        "config" => "config",
        other => other,
    }
}

/// A failing finding the plan has no step for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Unplanned {
    pub check_id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resource: Option<String>,
    pub region: String,
    pub reason: String,
}

/// Why a plan file cannot be applied.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum PlanError {
    #[error("the plan is not a wasp plan: {0}")]
    Parse(String),
    #[error("the plan has schema version {found}; this wasp applies version {PLAN_SCHEMA_VERSION}; plan again")]
    Version { found: u32 },
    #[error("step '{step}' uses action '{action}', which this wasp does not know")]
    UnknownAction { step: String, action: String },
    #[error("step '{step}' calls {call}, which action '{action}' does not declare")]
    UndeclaredCall { step: String, action: String, call: String },
    #[error("two steps are named '{0}'")]
    DuplicateStep(String),
    #[error("step '{step}' refers to '{reference}', which no earlier step produces")]
    DanglingReference { step: String, reference: String },
}

impl Plan {
    /// Reads a plan file and checks it can be applied by this wasp: every step's action is
    /// declared, every call is one its action declares, names are unique and references point
    /// backwards.
    pub fn from_json(text: &str) -> Result<Plan, PlanError> {
        let plan: Plan = serde_json::from_str(text).map_err(|e| PlanError::Parse(e.to_string()))?;
        plan.verify()?;
        Ok(plan)
    }

    pub fn verify(&self) -> Result<(), PlanError> {
        if self.schema_version != PLAN_SCHEMA_VERSION {
            return Err(PlanError::Version { found: self.schema_version });
        }
        let mut seen: Vec<&str> = Vec::new();
        for step in &self.steps {
            if seen.contains(&step.name.as_str()) {
                return Err(PlanError::DuplicateStep(step.name.clone()));
            }
            let action = crate::action(&step.action)
                .ok_or_else(|| PlanError::UnknownAction { step: step.name.clone(), action: step.action.clone() })?;
            // Rollback and calls may name what their own step's earlier calls produced; the probe not.
            let own_allowed = step.rollback.len() + step.calls.len();
            for (i, call) in step.rollback.iter().chain(&step.calls).chain(&step.probe).enumerate() {
                if !action.declares(call) {
                    return Err(PlanError::UndeclaredCall {
                        step: step.name.clone(),
                        action: step.action.clone(),
                        call: format!("{}:{}", call.service, call.operation),
                    });
                }
                for reference in references(&call.params) {
                    let from = reference.split('.').next().unwrap_or_default();
                    let own = i < own_allowed && from == SELF;
                    if !own && !seen.contains(&from) {
                        return Err(PlanError::DanglingReference { step: step.name.clone(), reference });
                    }
                }
            }
            seen.push(&step.name);
        }
        Ok(())
    }

    /// Steps that would change something.
    pub fn actionable(&self) -> impl Iterator<Item = &Step> {
        self.steps.iter().filter(|s| s.blocked.is_none())
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("a plan serialises") + "\n"
    }
}

/// Every `{{STEP.Output}}` reference in a call's parameters.
pub fn references(params: &Value) -> Vec<String> {
    let mut out = Vec::new();
    walk_strings(params, &mut |s| {
        let mut rest = s;
        while let Some(start) = rest.find("{{") {
            let Some(len) = rest[start..].find("}}") else { break };
            out.push(rest[start + 2..start + len].trim().to_owned());
            rest = &rest[start + len + 2..];
        }
    });
    out
}

fn walk_strings(value: &Value, f: &mut dyn FnMut(&str)) {
    match value {
        Value::String(s) => f(s),
        Value::Array(items) => items.iter().for_each(|v| walk_strings(v, f)),
        Value::Object(map) => map.values().for_each(|v| walk_strings(v, f)),
        _ => {}
    }
}

/// Replaces each `{{STEP.Output}}` with the output an earlier call produced; a string that is
/// exactly one reference takes the output's JSON value (a list stays a list).
pub fn resolve(params: &Value, lookup: &dyn Fn(&str) -> Option<Value>) -> Result<Value, String> {
    Ok(match params {
        Value::String(s) => {
            let trimmed = s.trim();
            if trimmed.starts_with("{{") && trimmed.ends_with("}}") && trimmed.matches("{{").count() == 1 {
                let key = trimmed[2..trimmed.len() - 2].trim();
                return lookup(key).ok_or_else(|| format!("no earlier step produced '{key}'"));
            }
            let mut text = s.clone();
            for key in references(params) {
                let value = lookup(&key).ok_or_else(|| format!("no earlier step produced '{key}'"))?;
                let value = value.as_str().map(str::to_owned).unwrap_or_else(|| value.to_string());
                text = text.replace(&format!("{{{{{key}}}}}"), &value);
            }
            Value::String(text)
        }
        Value::Array(items) => Value::Array(items.iter().map(|v| resolve(v, lookup)).collect::<Result<_, _>>()?),
        Value::Object(map) => {
            Value::Object(map.iter().map(|(k, v)| Ok((k.clone(), resolve(v, lookup)?))).collect::<Result<_, String>>()?)
        }
        other => other.clone(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn references_are_found_and_resolved_keeping_json_values() {
        let params = json!({"Groups": ["{{quarantine.GroupId}}"], "Description": "for {{i.InstanceId}} now"});
        // In the order of the JSON object, which depends on serde_json's `preserve_order`.
        let mut found = references(&params);
        found.sort();
        assert_eq!(found, ["i.InstanceId", "quarantine.GroupId"]);
        let lookup = |k: &str| match k {
            "quarantine.GroupId" => Some(json!("sg-1")),
            "i.InstanceId" => Some(json!("i-9")),
            _ => None,
        };
        assert_eq!(resolve(&params, &lookup).unwrap(), json!({"Groups": ["sg-1"], "Description": "for i-9 now"}));
        assert!(resolve(&json!("{{missing.X}}"), &lookup).unwrap_err().contains("missing.X"));
    }
}
