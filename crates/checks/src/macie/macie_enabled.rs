use crate::{declare_check, Status};
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Amazon Macie is enabled in every scanned region (`GetMacieSession` status `ENABLED`).
    /// A `PAUSED` account fails (it keeps its settings but inspects nothing); a region where
    /// Macie answers that it is not enabled fails. SKIP when the session could not be read.
    ///
    /// ### Why it matters
    /// Macie is the managed way to learn which S3 buckets hold personal data, credentials or
    /// financial records, and whether they are public or shared: without it the data
    /// classification scheme stays on paper.
    ///
    /// ### How to fix
    /// Run `aws macie2 enable-macie` in each region (from the organization's delegated Macie
    /// administrator, with auto-enable for member accounts), then turn on automated sensitive
    /// data discovery.
    MacieEnabled {
        id: "macie_enabled",
        title: "Macie is enabled in every region",
        severity: Medium,
        service: Macie,
        resource_kind: "account",
        best_practices: ["SEC07-BP03"],
        prowler: ["macie_is_enabled"],
        security_hub: ["Macie.1"],
        config_rule: ["MACIE_STATUS_CHECK"],
        cis: ["5.0:2.1.3"],
        reads: { Macie: [GetMacieSession] },
        remediation: "Enable Macie in every region, organization-wide where possible.",
    }
}

impl MacieEnabled {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for (region, state) in super::regions(inv) {
            match state {
                Err(why) => super::report(out, region, Status::Skip, why),
                Ok(None) => super::report(out, region, Status::Fail, "Macie is not enabled in this region"),
                Ok(Some(m)) if m.status == "ENABLED" => super::report(out, region, Status::Pass, "Macie is enabled"),
                Ok(Some(m)) => super::report(out, region, Status::Fail, format!("Macie is {}", m.status)),
            }
        }
    }
}
