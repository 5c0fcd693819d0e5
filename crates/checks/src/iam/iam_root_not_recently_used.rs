use crate::{declare_check, evidence, Status};
use wasp_model::{Inventory, Service, GLOBAL_REGION};

/// Root activity this recent (in days before collection) fails the check.
const RECENT_DAYS: i64 = 90;

declare_check! {
    /// ### What it checks
    /// The credential report's root row: neither the root password nor a root access key was
    /// used in the 90 days before the inventory was collected (a use exactly 90 days earlier
    /// still counts as recent). A missing last-used date means "never used", unless the
    /// credential report itself could not be read, in which case the check is a SKIP; it is
    /// also a SKIP when nothing about the root user could be read.
    ///
    /// ### Why it matters
    /// Everyday work as root bypasses every IAM guardrail and leaves the most powerful
    /// credential exposed to phishing and session theft. Recent root activity is either a
    /// habit to break or a sign that someone else holds the credentials.
    ///
    /// ### How to fix
    /// Find out who signed in as root and why (CloudTrail `userIdentity.type = Root`), give
    /// them an IAM Identity Center or IAM role for that task, and keep root for the few tasks
    /// that require it.
    IamRootNotRecentlyUsed {
        id: "iam_root_not_recently_used",
        title: "Root user has not been used in the last 90 days",
        severity: Low,
        service: Iam,
        resource_kind: "account",
        best_practices: ["SEC01-BP02"],
        prowler: [],
        security_hub: [],
        config_rule: [],
        cis: ["3.0:1.7", "4.0:1.7", "5.0:1.6"],
        reads: { Iam: [GenerateCredentialReport, GetCredentialReport] },
        remediation: "Stop using the root user for daily tasks; use federated roles instead.",
    }
}

impl IamRootNotRecentlyUsed {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        let arn = inv.account_arn();
        let Some(root) = inv.iam.root.as_ref() else {
            let why = evidence::unknown_because(inv, Service::Iam, GLOBAL_REGION, "the root user's activity");
            out.report(Status::Skip, arn, GLOBAL_REGION, why);
            return;
        };
        let uses = [("password", root.password_last_used), ("access key", root.access_key_last_used)];
        let recent: Vec<String> = uses
            .iter()
            .filter_map(|(what, when)| {
                let days = evidence::days_before_collection(inv, (*when)?);
                (days <= RECENT_DAYS).then(|| format!("{what} used {days} days before collection"))
            })
            .collect();
        if !recent.is_empty() {
            out.report(Status::Fail, arn, GLOBAL_REGION, format!("root {}", recent.join(", ")));
        } else if let Some(why) =
            evidence::credential_report_gap(inv).filter(|_| uses.iter().any(|(_, when)| when.is_none()))
        {
            out.report(Status::Skip, arn, GLOBAL_REGION, why);
        } else {
            out.report(Status::Pass, arn, GLOBAL_REGION, "no root activity in the last 90 days");
        }
    }
}
