use crate::{declare_check, evidence, Status};
use wasp_model::{Inventory, Service, Setting};

const PRINCIPAL: &str = "securityhub.amazonaws.com";

declare_check! {
    /// ### What it checks
    /// In every scanned region where Security Hub is enabled, the hub is managed centrally:
    /// `GetAdministratorAccount` names an administrator account, or the scanned account is
    /// itself registered in the organization as Security Hub's delegated administrator
    /// (`ListDelegatedAdministrators` for `securityhub.amazonaws.com`). FAIL when neither
    /// holds; regions where Security Hub is off are not judged here (`securityhub_enabled`
    /// fails them). SKIP when the administrator could not be read, or when there is none and
    /// the delegated administrators could not be read.
    ///
    /// ### Why it matters
    /// Findings from every account and region in one administrator account are what lets a
    /// small team notice and respond; a hub nobody administers centrally is read by nobody.
    ///
    /// ### How to fix
    /// Register a security tooling account as Security Hub's delegated administrator, enable
    /// central configuration and cross-region aggregation.
    SecurityhubCentrallyManaged {
        id: "securityhub_centrally_managed",
        title: "Security Hub is managed by a central administrator account",
        severity: Medium,
        service: SecurityHub,
        resource_kind: "region",
        best_practices: ["SEC04-BP02", "SEC10-BP06"],
        prowler: [],
        security_hub: [],
        config_rule: [],
        cis: [],
        reads: { SecurityHub: [DescribeHub, GetAdministratorAccount], Organizations: [ListDelegatedAdministrators] },
        remediation: "Manage Security Hub from a delegated administrator account for the whole organization.",
    }
}

impl SecurityhubCentrallyManaged {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        let delegated = crate::organizations::is_delegated_administrator(inv, PRINCIPAL);
        for region in evidence::scanned_regions(inv) {
            let hub = match inv.detection.securityhub.get(region) {
                None => {
                    let why = evidence::unknown_because(inv, Service::SecurityHub, region, "Security Hub");
                    out.in_region(Status::Skip, "securityhub", region, why);
                    continue;
                }
                Some(Setting::NotConfigured) => continue,
                Some(Setting::Configured(hub)) => hub,
            };
            let (status, message) = match (&hub.administrator, delegated) {
                (Some(Setting::Configured(admin)), _) => {
                    (Status::Pass, format!("the hub is managed by administrator account {admin}"))
                }
                (_, Some(true)) => (Status::Pass, "this account is Security Hub's delegated administrator".to_owned()),
                (None, _) => (
                    Status::Skip,
                    evidence::unknown_because(inv, Service::SecurityHub, region, "the hub's administrator"),
                ),
                (Some(Setting::NotConfigured), None) => (
                    Status::Skip,
                    "no administrator manages the hub and the organization's delegated administrators were not read"
                        .to_owned(),
                ),
                (Some(Setting::NotConfigured), Some(false)) => (
                    Status::Fail,
                    "the hub has no administrator account and this account is not the delegated administrator"
                        .to_owned(),
                ),
            };
            out.in_region(status, "securityhub", region, message);
        }
    }
}
