//! Plans as text for a terminal.
use crate::plan::{Call, Plan, PlanKind};
use crate::Reversible;
use std::fmt::Write;

/// One line per call: `service Operation {params}`.
pub fn call_line(call: &Call) -> String {
    format!("{} {} {}", call.service, call.operation, call.params)
}

pub fn plan(plan: &Plan) -> String {
    let mut out = String::new();
    let what = match &plan.kind {
        PlanKind::Fix => "fixes".to_owned(),
        PlanKind::Playbook(id) => format!("playbook {id}"),
    };
    let _ = writeln!(
        out,
        "Plan of {what} for account {} ({} evidence, {})",
        plan.account_id,
        plan.evidence,
        plan.created_at.format("%Y-%m-%d %H:%M UTC")
    );
    if let Some(target) = &plan.target {
        let _ = writeln!(out, "Target: {target}");
    }
    if let Some(id) = &plan.incident_id {
        let _ = writeln!(out, "Incident: {id}");
    }
    let blocked = plan.steps.iter().filter(|s| s.blocked.is_some()).count();
    let _ = writeln!(
        out,
        "{} step(s){}; nothing changes without --apply.\n",
        plan.steps.len(),
        if blocked > 0 { format!(", {blocked} blocked") } else { String::new() }
    );
    for (i, step) in plan.steps.iter().enumerate() {
        let action = crate::action(&step.action);
        let _ = writeln!(out, "{}. [{}] {}", i + 1, step.name, step.summary);
        let _ = writeln!(out, "   action:     {} in {}", step.action, step.region);
        let _ = writeln!(out, "   resource:   {}", step.resource);
        if let Some(check) = &step.check_id {
            let _ = writeln!(out, "   resolves:   {check}");
        }
        let _ = writeln!(out, "   now:        {}", step.current);
        let _ = writeln!(out, "   after:      {}", step.intended);
        for call in &step.calls {
            let _ = writeln!(out, "   call:       {}", call_line(call));
        }
        for call in &step.rollback {
            let _ = writeln!(out, "   rollback:   {}", call_line(call));
        }
        if let Some(a) = action {
            let _ = writeln!(
                out,
                "   reversible: {}",
                match a.reversible {
                    Reversible::Yes => "yes".to_owned(),
                    Reversible::Partly(why) => format!("partly: {why}"),
                    Reversible::No(why) => format!("no: {why}"),
                }
            );
        }
        if let Some(why) = &step.blocked {
            let _ = writeln!(out, "   BLOCKED:    {why}");
        }
        out.push('\n');
    }
    if !plan.notes.is_empty() {
        let _ = writeln!(out, "Notes:");
        for note in &plan.notes {
            let _ = writeln!(out, "  - {note}");
        }
        out.push('\n');
    }
    if !plan.evidence_locations.is_empty() {
        let _ = writeln!(out, "Evidence is kept in:");
        for e in &plan.evidence_locations {
            let _ = writeln!(out, "  - [{}] {}: {}", e.kind, e.location, e.detail);
        }
        out.push('\n');
    }
    if !plan.unplanned.is_empty() {
        let _ = writeln!(out, "Not planned ({}):", plan.unplanned.len());
        for u in &plan.unplanned {
            let _ = writeln!(
                out,
                "  - {} {} ({}): {}",
                u.check_id,
                u.resource.as_deref().unwrap_or("-"),
                u.region,
                u.reason
            );
        }
    }
    out
}
