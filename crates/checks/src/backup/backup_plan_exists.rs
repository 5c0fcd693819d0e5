use crate::{declare_check, evidence, Status};
use wasp_model::{Inventory, Service};

declare_check! {
    /// ### What it checks
    /// Every scanned region has at least one AWS Backup plan with at least one rule (a
    /// schedule). A region with no plan, or only plans without rules, fails. SKIP when the
    /// plans could not be listed, or when no plan is known to have rules and some could not
    /// be read.
    ///
    /// ### Why it matters
    /// A backup plan is what makes backups happen on a schedule, with a retention, for every
    /// resource it selects; without one, backups depend on each service's own settings and on
    /// people remembering.
    ///
    /// ### How to fix
    /// Create a plan (`aws backup create-backup-plan`, or the console's templates such as
    /// "Daily-35day-Retention") and assign resources to it by tag or by type.
    BackupPlanExists {
        id: "backup_plan_exists",
        title: "AWS Backup plans with rules exist in every region",
        severity: Low,
        service: Backup,
        resource_kind: "account",
        best_practices: ["SEC08-BP03"],
        prowler: ["backup_plans_exist"],
        security_hub: [],
        config_rule: [],
        cis: [],
        reads: { Backup: [ListBackupPlans, GetBackupPlan] },
        remediation: "Create a backup plan with a schedule and assign the data stores to it.",
    }
}

impl BackupPlanExists {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for region in evidence::scanned_regions(inv) {
            if let Some(why) =
                evidence::operation_gap(inv, Service::Backup, region, "ListBackupPlans", "the backup plans")
            {
                out.in_region(Status::Skip, "backup", region, why);
                continue;
            }
            let plans: Vec<_> = inv.backup.plans.iter().filter(|p| p.region == region).collect();
            let ruled = plans.iter().find(|p| p.rules.is_some_and(|n| n > 0));
            let (status, message) = match ruled {
                Some(p) => (Status::Pass, format!("plan {} has {} rule(s)", p.name, p.rules.unwrap_or(0))),
                None if plans.iter().any(|p| p.rules.is_none()) => {
                    (Status::Skip, evidence::unknown_because(inv, Service::Backup, region, "the backup plans' rules"))
                }
                None if plans.is_empty() => (Status::Fail, "no backup plan in this region".to_owned()),
                None => (Status::Fail, format!("{} backup plan(s), none with a rule", plans.len())),
            };
            out.in_region(status, "backup", region, message);
        }
    }
}
