use crate::{declare_check, evidence, Status};
use wasp_model::{Inventory, Service, Setting};

declare_check! {
    /// ### What it checks
    /// AWS Systems Manager Incident Manager is set up (a replication set exists,
    /// `ListReplicationSets`) and has at least one response plan (`ListResponsePlans`) in one
    /// of the scanned regions; the replication set spans regions, so one region showing both
    /// is enough. FAIL when no scanned region shows a replication set with a response plan;
    /// SKIP when none does and a region's replication sets or response plans could not be
    /// read. Incident processes kept in another tool (PagerDuty, Opsgenie, a runbook wiki) are
    /// not visible to this check: answer the practice from them.
    ///
    /// ### Why it matters
    /// A response plan decides before the incident who is engaged, which runbook starts and
    /// where the chat happens, so the first minutes go to containment instead of organisation.
    ///
    /// ### How to fix
    /// Set up Incident Manager's replication set and create response plans for the security
    /// incidents you expect (compromised credentials, public data, ransomware), each with
    /// engagements and a runbook.
    IncidentmanagerResponsePlanExists {
        id: "incidentmanager_response_plan_exists",
        title: "Incident Manager has a response plan",
        severity: Low,
        service: IncidentManager,
        resource_kind: "account",
        best_practices: ["SEC10-BP02", "SEC10-BP01"],
        prowler: ["ssmincidents_enabled_with_plans"],
        security_hub: [],
        config_rule: [],
        cis: [],
        reads: { IncidentManager: [ListReplicationSets, ListResponsePlans] },
        remediation: "Set up Incident Manager and create response plans for expected security incidents.",
    }
}

impl IncidentmanagerResponsePlanExists {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        let mut unknown = None;
        let mut without_plans = None;
        for region in evidence::scanned_regions(inv) {
            let state = inv.incident_manager.regions.get(region);
            let set = state.and_then(|s| s.replication_set.as_ref());
            let plans = state.and_then(|s| s.response_plans.as_ref());
            match (set, plans) {
                (Some(Setting::Configured(arn)), Some(plans)) if !plans.is_empty() => {
                    let names: Vec<&str> = plans.iter().map(|p| p.name.as_str()).collect();
                    out.account(Status::Pass, format!("response plans in {region} ({arn}): {}", names.join(", ")));
                    return;
                }
                (Some(Setting::Configured(_)), Some(_)) => {
                    without_plans.get_or_insert_with(|| {
                        format!("Incident Manager is set up in {region} but has no response plan")
                    });
                }
                (Some(Setting::NotConfigured), _) => {}
                _ => {
                    unknown.get_or_insert_with(|| {
                        evidence::unknown_because(inv, Service::IncidentManager, region, "Incident Manager")
                    });
                }
            }
        }
        match (unknown, without_plans) {
            (Some(why), _) => out.account(Status::Skip, why),
            (None, Some(why)) => out.account(Status::Fail, why),
            (None, None) => out.account(Status::Fail, "Incident Manager is not set up in the scanned regions"),
        }
    }
}
