use crate::{declare_check, evidence, Status};
use wasp_model::{Inventory, Service};

declare_check! {
    /// ### What it checks
    /// A signal, account-wide: AWS Fault Injection Service experiment templates exist in at
    /// least one scanned region. PASS counts them by region; FAIL when every region was
    /// listed and none has a template; SKIP when none was found but some region could not be
    /// listed.
    ///
    /// ### Why it matters
    /// Prepared experiments (stopping instances, revoking network paths, throttling APIs) are
    /// one way teams rehearse incidents and check that detection and response work. Game
    /// days and tabletop exercises leave no trace in AWS, so the absence of templates proves
    /// nothing on its own.
    ///
    /// ### How to fix
    /// Create experiment templates for the failure and attack scenarios in your response
    /// playbooks, with stop conditions tied to CloudWatch alarms.
    FisExperimentTemplatesExist {
        id: "fis_experiment_templates_exist",
        title: "Signal: fault injection experiment templates are prepared",
        severity: Informational,
        kind: Signal,
        service: Fis,
        resource_kind: "account",
        best_practices: ["SEC10-BP07"],
        prowler: [],
        security_hub: [],
        config_rule: [],
        cis: [],
        reads: { Fis: [ListExperimentTemplates] },
        remediation: "Prepare FIS experiment templates for the scenarios of your incident response playbooks.",
    }
}

impl FisExperimentTemplatesExist {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        let found: Vec<String> = inv
            .fis
            .regions
            .iter()
            .filter_map(|(region, r)| {
                r.templates.as_ref().filter(|t| !t.is_empty()).map(|t| format!("{} in {region}", t.len()))
            })
            .collect();
        if !found.is_empty() {
            out.account(Status::Pass, format!("experiment templates: {}", found.join(", ")));
            return;
        }
        let unread = evidence::scanned_regions(inv)
            .find(|r| inv.fis.regions.get(*r).is_none_or(|state| state.templates.is_none()));
        match unread {
            Some(region) => {
                out.account(Status::Skip, evidence::unknown_because(inv, Service::Fis, region, "experiment templates"))
            }
            None => out.account(Status::Fail, "no FIS experiment template in any scanned region"),
        }
    }
}
