//! From a review's failed findings to a plan of fixes.
use crate::action::PlanContext;
use crate::fixes::{fixes_for, plan_with};
use crate::plan::{Plan, PlanKind, Step, Unplanned, PLAN_SCHEMA_VERSION};
use wasp_checks::policy::glob_match;
use wasp_checks::{Finding, Settings, Status};
use wasp_model::Inventory;

/// Which findings to fix.
#[derive(Debug, Default, Clone)]
pub struct FixFilter {
    /// Check ids; empty = every check that has a fix.
    pub checks: Vec<String>,
    /// Globs on the resource ARN (`*` any run, `?` one character); empty = every resource.
    pub resources: Vec<String>,
}

impl FixFilter {
    fn wants(&self, f: &Finding) -> bool {
        (self.checks.is_empty() || self.checks.iter().any(|c| c == &f.check_id))
            && (self.resources.is_empty()
                || f.resource_arn.as_deref().is_some_and(|arn| self.resources.iter().any(|g| glob_match(g, arn))))
    }
}

/// Plans one step per failed finding that has a fix (several findings needing the same change
/// share one step), and lists the failed findings it cannot plan, with the reason.
pub fn plan_fixes(
    inventory: &Inventory,
    findings: &[Finding],
    filter: &FixFilter,
    params: &[(String, String)],
    settings: &Settings,
    evidence: &str,
) -> Plan {
    let cx = PlanContext { inventory, params, settings };
    let mut steps: Vec<Step> = Vec::new();
    let mut unplanned = Vec::new();
    let failed = findings.iter().filter(|f| f.status == Status::Fail && !f.signal && filter.wants(f));
    for finding in failed {
        let not_planned = |reason: String| Unplanned {
            check_id: finding.check_id.clone(),
            resource: finding.resource_arn.clone(),
            region: finding.region.clone(),
            reason,
        };
        let Some(action) = fixes_for(&finding.check_id).next() else {
            unplanned.push(not_planned("wasp has no fix for this check; its remediation says what to do".into()));
            continue;
        };
        match plan_with(action, &cx, finding) {
            Err(reason) => unplanned.push(not_planned(reason)),
            Ok(mut step) => {
                step.action = action.id.to_owned();
                step.check_id = Some(finding.check_id.clone());
                let same = steps
                    .iter_mut()
                    .find(|s| s.action == step.action && s.resource == step.resource && s.region == step.region);
                match same {
                    // The same change again (another check of the same resource): one step.
                    Some(existing) if existing.calls == step.calls => {}
                    Some(existing) if action.id == "ec2_restrict_internet_ingress" => merge_ingress(existing, step),
                    _ => steps.push(step),
                }
            }
        }
    }
    for (i, step) in steps.iter_mut().enumerate() {
        step.name = format!("s{}", i + 1);
    }
    Plan {
        schema_version: PLAN_SCHEMA_VERSION,
        kind: PlanKind::Fix,
        account_id: inventory.account_id.clone(),
        partition: inventory.partition.clone(),
        created_at: chrono::Utc::now(),
        evidence: evidence.to_owned(),
        target: None,
        steps,
        unplanned,
        incident_id: None,
        evidence_locations: Vec::new(),
        notes: Vec::new(),
    }
}

/// Two checks want rules of one security group revoked: one step revoking both sets.
fn merge_ingress(into: &mut Step, other: Step) {
    let mut rules = into.current.as_array().cloned().unwrap_or_default();
    for rule in other.current.as_array().into_iter().flatten() {
        if !rules.contains(rule) {
            rules.push(rule.clone());
        }
    }
    for call in into.calls.iter_mut().chain(into.rollback.iter_mut()) {
        call.params["IpPermissions"] = serde_json::Value::Array(rules.clone());
    }
    into.summary = format!("{}; {}", into.summary, other.summary.split_once(": ").map_or("", |(_, r)| r));
    into.current = serde_json::Value::Array(rules);
}
