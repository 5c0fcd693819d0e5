use crate::{declare_check, evidence, Status};
use wasp_model::{Inventory, Service};

/// How far back an experiment counts, in days.
pub const WINDOW_DAYS: i64 = 365;

declare_check! {
    /// ### What it checks
    /// A signal, account-wide: at least one AWS Fault Injection Service experiment was
    /// started in a scanned region within the 365 days before the collection, whatever its
    /// outcome (completed, stopped or failed experiments all ran). PASS names the most recent;
    /// FAIL when every region was listed and none ran in the window; SKIP when none was found
    /// but some region could not be listed. FIS keeps experiments for 120 days, so an older
    /// run may no longer be listed.
    ///
    /// ### Why it matters
    /// Simulations show whether alarms fire, runbooks work and people know their roles. A
    /// recent experiment is evidence that simulations happen; their absence in FIS does not
    /// prove they do not (tabletop exercises leave no trace in AWS).
    ///
    /// ### How to fix
    /// Run the experiment templates on a schedule (a game day each quarter) and record what
    /// they taught in the incident response plan.
    FisExperimentRunRecently {
        id: "fis_experiment_run_recently",
        title: "Signal: a fault injection experiment ran in the last year",
        severity: Informational,
        kind: Signal,
        service: Fis,
        resource_kind: "account",
        best_practices: ["SEC10-BP07"],
        prowler: [],
        security_hub: [],
        config_rule: [],
        cis: [],
        reads: { Fis: [ListExperiments] },
        remediation: "Run fault injection experiments regularly as part of incident simulations.",
    }
}

impl FisExperimentRunRecently {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        let latest = inv
            .fis
            .regions
            .iter()
            .flat_map(|(region, r)| r.experiments.iter().flatten().map(move |e| (region, e)))
            .filter_map(|(region, e)| e.started.map(|t| (t, region, e)))
            .filter(|(t, _, _)| evidence::days_before_collection(inv, *t) <= WINDOW_DAYS)
            .max_by_key(|(t, _, _)| *t);
        if let Some((started, region, e)) = latest {
            let status = e.status.as_deref().unwrap_or("unknown status");
            let message = format!("experiment {} in {region} started {} ({status})", e.id, started.date_naive());
            out.account(Status::Pass, message);
            return;
        }
        let unread = evidence::scanned_regions(inv)
            .find(|r| inv.fis.regions.get(*r).is_none_or(|state| state.experiments.is_none()));
        match unread {
            Some(region) => {
                out.account(Status::Skip, evidence::unknown_because(inv, Service::Fis, region, "experiments"))
            }
            None => out.account(Status::Fail, format!("no FIS experiment started in the last {WINDOW_DAYS} days")),
        }
    }
}
