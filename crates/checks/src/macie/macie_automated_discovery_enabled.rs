use crate::{declare_check, evidence, Status};
use wasp_model::{Inventory, Service};

declare_check! {
    /// ### What it checks
    /// In every scanned region, Macie runs automated sensitive data discovery
    /// (`GetAutomatedDiscoveryConfiguration` status `ENABLED`), which samples every bucket of
    /// the account daily. A region without Macie fails. SKIP when Macie's session or its
    /// discovery configuration could not be read.
    ///
    /// ### Why it matters
    /// Classification jobs look only where someone thought to point them; automated discovery
    /// keeps an up-to-date sensitivity score for every bucket, including the ones created
    /// last week, at a bounded cost.
    ///
    /// ### How to fix
    /// Run `aws macie2 update-automated-discovery-configuration --status ENABLED` (from the
    /// Macie administrator account for the organization).
    MacieAutomatedDiscoveryEnabled {
        id: "macie_automated_discovery_enabled",
        title: "Macie automated sensitive data discovery is on",
        severity: Low,
        service: Macie,
        resource_kind: "account",
        best_practices: ["SEC07-BP03", "SEC07-BP01"],
        prowler: ["macie_automated_sensitive_data_discovery_enabled"],
        security_hub: ["Macie.2"],
        config_rule: ["MACIE_AUTO_SENSITIVE_DATA_DISCOVERY_CHECK"],
        cis: [],
        reads: { Macie: [GetMacieSession, GetAutomatedDiscoveryConfiguration] },
        remediation: "Turn on Macie automated sensitive data discovery.",
    }
}

impl MacieAutomatedDiscoveryEnabled {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for (region, state) in super::regions(inv) {
            match state {
                Err(why) => super::report(out, region, Status::Skip, why),
                Ok(None) => super::report(out, region, Status::Fail, "Macie is not enabled in this region"),
                Ok(Some(m)) => match m.automated_discovery.as_deref() {
                    Some("ENABLED") => {
                        super::report(out, region, Status::Pass, "automated sensitive data discovery is on")
                    }
                    Some(other) => super::report(
                        out,
                        region,
                        Status::Fail,
                        format!("automated sensitive data discovery is {other}"),
                    ),
                    None => {
                        let why = evidence::unknown_because(inv, Service::Macie, region, "the discovery configuration");
                        super::report(out, region, Status::Skip, why)
                    }
                },
            }
        }
    }
}
