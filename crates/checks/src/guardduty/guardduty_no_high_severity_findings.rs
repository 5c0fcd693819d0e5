use crate::{declare_check, evidence, Status};
use wasp_model::{Inventory, Service};

declare_check! {
    /// ### What it checks
    /// In every scanned region where GuardDuty is enabled, the detector has no unarchived
    /// finding of high or critical severity (7.0 and above): `ListFindings` with
    /// `severity >= 7` and `service.archived = false`, one page of at most 50 ids. FAIL names
    /// how many were found ("50 or more" when the page is full). Regions without an enabled
    /// detector are not judged here (`guardduty_enabled` fails them). SKIP when the region's
    /// detectors or the findings list could not be read.
    ///
    /// ### Why it matters
    /// A high-severity finding left open is either an incident nobody is handling or noise
    /// nobody has tuned away; both mean the response process is not keeping up with what
    /// detection reports.
    ///
    /// ### How to fix
    /// Triage each open high-severity finding with the response playbook: contain and
    /// remediate, or archive it with a suppression rule when it is expected behaviour.
    GuarddutyNoHighSeverityFindings {
        id: "guardduty_no_high_severity_findings",
        title: "GuardDuty has no open high-severity findings",
        severity: High,
        service: GuardDuty,
        resource_kind: "region",
        best_practices: ["SEC04-BP03", "SEC10-BP04"],
        prowler: ["guardduty_no_high_severity_findings"],
        security_hub: [],
        config_rule: [],
        cis: [],
        reads: { GuardDuty: [ListDetectors, GetDetector, ListFindings] },
        remediation: "Triage and resolve or archive every open high-severity GuardDuty finding.",
    }
}

impl GuarddutyNoHighSeverityFindings {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for region in evidence::scanned_regions(inv) {
            let Some(state) = inv.detection.guardduty.get(region) else {
                let why = evidence::unknown_because(inv, Service::GuardDuty, region, "GuardDuty detectors");
                out.in_region(Status::Skip, "guardduty", region, why);
                continue;
            };
            let Some(detector) = state.enabled_detector() else { continue };
            let (status, message) = match &detector.high_severity_findings {
                None => (Status::Skip, evidence::unknown_because(inv, Service::GuardDuty, region, "the findings list")),
                Some(ids) if ids.is_empty() => {
                    (Status::Pass, format!("detector {} has no open finding of severity 7 or more", detector.id))
                }
                Some(ids) => {
                    let count = if ids.len() >= 50 { "50 or more".to_owned() } else { ids.len().to_string() };
                    (Status::Fail, format!("detector {} has {count} open findings of severity 7 or more", detector.id))
                }
            };
            out.in_region(status, "guardduty", region, message);
        }
    }
}
