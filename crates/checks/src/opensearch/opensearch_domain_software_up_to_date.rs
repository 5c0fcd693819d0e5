use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// No OpenSearch domain has a service software update available that it has not installed
    /// (`ServiceSoftwareOptions.UpdateAvailable`). SKIP when AWS did not report it.
    ///
    /// ### Why it matters
    /// Service software updates carry security fixes for the domain's engine and plugins; AWS
    /// installs required ones eventually, optional ones never.
    ///
    /// ### How to fix
    /// Run `aws opensearch start-service-software-update --domain-name <name>`, ideally inside
    /// an off-peak window, and turn on automatic software updates.
    OpensearchDomainSoftwareUpToDate {
        id: "opensearch_domain_software_up_to_date",
        title: "OpenSearch domains run the latest service software",
        severity: Low,
        service: OpenSearch,
        resource_kind: "opensearch_domain",
        best_practices: ["SEC06-BP01"],
        prowler: ["opensearch_service_domains_updated_to_the_latest_service_software_version"],
        security_hub: ["Opensearch.10"],
        config_rule: ["OPENSEARCH_UPDATE_CHECK"],
        cis: [],
        reads: { OpenSearch: [ListDomainNames, DescribeDomains] },
        remediation: "Install the pending service software update.",
    }
}

impl OpensearchDomainSoftwareUpToDate {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for domain in super::live_domains(inv) {
            super::judge_flag(
                out,
                domain,
                domain.update_available.map(|u| !u),
                "no service software update is pending",
                "a service software update is available and not installed",
                "a service software update is available",
            );
        }
    }
}
