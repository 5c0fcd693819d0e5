//! Every write wasp can make, apart from the collector, which never writes: fixes for failed
//! findings and incident playbooks.
//!
//! Each write is an [`Action`] declared once beside the code that plans it: what it changes,
//! the only calls it may make, the IAM permissions they need, whether and how it is undone,
//! and the checks it remediates. Planning is pure: a [`Plan`] lists, per step, the exact API
//! calls with their parameters, the state observed, the state intended and the rollback.
//! Nothing changes until a plan is applied ([`apply`], feature `aws`), which re-reads each
//! resource first and skips a step whose resource changed since the plan.

mod action;
pub mod emit;
mod fixes;
pub mod plan;
mod planner;
pub mod playbooks;
pub mod text;

#[cfg(feature = "aws")]
pub mod apply;

pub use action::{Action, ActionKind, Param, PlanContext, Reversible};
pub use fixes::{fixes_for, FIXES};
pub use plan::{Call, EvidenceLocation, Plan, PlanError, PlanKind, Step, Unplanned, PLAN_SCHEMA_VERSION};
pub use planner::{plan_fixes, FixFilter};
pub use playbooks::{plan_playbook, playbook, Caller, Playbook, ReadError, Reader, PLAYBOOKS};

/// Every action: fixes, then playbook steps.
pub fn actions() -> impl Iterator<Item = &'static Action> {
    FIXES.iter().copied().chain(playbooks::PLAYBOOK_ACTIONS.iter().copied())
}

/// The action with this id.
pub fn action(id: &str) -> Option<&'static Action> {
    actions().find(|a| a.id == id)
}

/// The IAM policy the writes need (with the reads `--apply` repeats first and those playbooks
/// plan with), as JSON.
pub fn permissions_policy() -> serde_json::Value {
    let mut actions: Vec<&str> = actions()
        .flat_map(|a| a.permissions.iter().copied())
        .chain(PLAYBOOKS.iter().flat_map(|p| p.read_permissions.iter().copied()))
        .collect();
    actions.push("sts:GetCallerIdentity");
    actions.sort_unstable();
    actions.dedup();
    serde_json::json!({
        "Version": "2012-10-17",
        "Statement": [{
            "Sid": "WaspRespondWrites",
            "Effect": "Allow",
            "Action": actions,
            "Resource": "*"
        }]
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_action_is_declared_once_with_its_calls_and_permissions() {
        let mut ids: Vec<&str> = actions().map(|a| a.id).collect();
        let n = ids.len();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), n, "duplicate action ids");
        for a in actions() {
            assert!(!a.calls.is_empty() && !a.permissions.is_empty(), "{}", a.id);
            for call in a.calls {
                let (service, op) = call.split_once(':').expect("service:Operation");
                assert!(!service.is_empty() && op.chars().next().is_some_and(|c| c.is_ascii_uppercase()), "{call}");
            }
            if a.kind == ActionKind::Fix {
                assert!(a.plan.is_some() && !a.remediates.is_empty(), "{}", a.id);
                for check in a.remediates {
                    assert!(wasp_checks::find(check).is_some(), "{} remediates unknown check {check}", a.id);
                }
            }
        }
    }

    #[test]
    fn the_permissions_policy_names_every_write() {
        let policy = permissions_policy().to_string();
        for needed in [
            "s3:PutBucketPublicAccessBlock",
            "ec2:RevokeSecurityGroupIngress",
            "iam:UpdateAccessKey",
            "ec2:CreateSnapshot",
            "autoscaling:DetachInstances",
            "iam:DeleteLoginProfile",
            "cloudtrail:DescribeTrails",
            "s3:GetBucketLocation",
        ] {
            assert!(policy.contains(needed), "{needed}");
        }
    }

    #[test]
    fn every_playbook_uses_registered_actions_and_declares_only_reads() {
        let mut ids: Vec<&str> = PLAYBOOKS.iter().map(|p| p.id).collect();
        let n = ids.len();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), n, "duplicate playbook ids");
        for p in PLAYBOOKS {
            for a in p.actions {
                assert!(std::ptr::eq(action(a.id).unwrap(), *a), "{} uses unregistered action {}", p.id, a.id);
            }
            for read in p.reads {
                let (_, op) = read.split_once(':').expect("service:Operation");
                assert!(["Describe", "Get", "List"].iter().any(|r| op.starts_with(r)), "{}: {read} is no read", p.id);
            }
            assert_eq!(p.reads.is_empty(), p.read_permissions.is_empty(), "{}", p.id);
        }
        for a in playbooks::PLAYBOOK_ACTIONS {
            assert_eq!(a.kind, ActionKind::Playbook, "{}", a.id);
            assert!(PLAYBOOKS.iter().any(|p| p.actions.iter().any(|b| b.id == a.id)), "{} is in no playbook", a.id);
        }
    }
}
