use crate::{declare_check, evidence, Status};
use wasp_model::Inventory;
use wasp_model::Service;

declare_check! {
    /// ### What it checks
    /// Incident Manager has at least one contact, escalation plan or on-call schedule
    /// (`ListContacts`) in one of the scanned regions. FAIL when no scanned region lists
    /// one; SKIP when none was found and a region's contacts could not be read. Whether the
    /// contacts have confirmed channels, or are engaged by a response plan, is not judged;
    /// people reached through another paging tool are not visible to this check.
    ///
    /// ### Why it matters
    /// Knowing in advance who to page, and in which order, is the difference between an
    /// incident that starts being handled in minutes and one that waits for someone to notice.
    ///
    /// ### How to fix
    /// Create contacts with their channels, an on-call schedule or escalation plan for the
    /// security team, and engage them from the response plans.
    IncidentmanagerContactsConfigured {
        id: "incidentmanager_contacts_configured",
        title: "Incident Manager has contacts or escalation plans",
        severity: Low,
        service: IncidentManager,
        resource_kind: "account",
        best_practices: ["SEC10-BP01", "SEC10-BP02"],
        prowler: [],
        security_hub: [],
        config_rule: [],
        cis: [],
        reads: { IncidentManager: [ListContacts] },
        remediation: "Create Incident Manager contacts and an escalation plan or on-call schedule for the security team.",
    }
}

impl IncidentmanagerContactsConfigured {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        let mut unknown = None;
        for region in evidence::scanned_regions(inv) {
            match inv.incident_manager.regions.get(region).and_then(|s| s.contacts.as_ref()) {
                Some(contacts) if !contacts.is_empty() => {
                    let names: Vec<&str> = contacts.iter().map(|c| c.alias.as_str()).collect();
                    out.account(Status::Pass, format!("contacts in {region}: {}", names.join(", ")));
                    return;
                }
                Some(_) => {}
                None => {
                    unknown.get_or_insert_with(|| {
                        evidence::unknown_because(inv, Service::IncidentManager, region, "the contacts")
                    });
                }
            }
        }
        match unknown {
            Some(why) => out.account(Status::Skip, why),
            None => out.account(Status::Fail, "no Incident Manager contact in the scanned regions"),
        }
    }
}
