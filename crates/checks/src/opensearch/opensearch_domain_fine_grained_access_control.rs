use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Every OpenSearch domain has fine-grained access control on
    /// (`AdvancedSecurityOptions.Enabled`). SKIP when AWS did not report it.
    ///
    /// ### Why it matters
    /// Without it, whoever the domain access policy lets in can read and change every index;
    /// fine-grained access control adds roles down to index, document and field level, mapped
    /// from IAM, SAML or Cognito identities.
    ///
    /// ### How to fix
    /// Enable it with `aws opensearch update-domain-config --domain-name <name>
    /// --advanced-security-options Enabled=true,MasterUserOptions={MasterUserARN=<role>}`
    /// (it needs HTTPS, node-to-node encryption and encryption at rest), then map roles.
    OpensearchDomainFineGrainedAccessControl {
        id: "opensearch_domain_fine_grained_access_control",
        title: "OpenSearch domains use fine-grained access control",
        severity: Medium,
        service: OpenSearch,
        resource_kind: "opensearch_domain",
        best_practices: ["SEC03-BP02"],
        prowler: ["opensearch_service_domains_access_control_enabled"],
        security_hub: ["Opensearch.7"],
        config_rule: ["OPENSEARCH_ACCESS_CONTROL_ENABLED"],
        cis: [],
        reads: { OpenSearch: [ListDomainNames, DescribeDomains] },
        remediation: "Turn on fine-grained access control and map roles to identities.",
    }
}

impl OpensearchDomainFineGrainedAccessControl {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for domain in super::live_domains(inv) {
            super::judge_flag(
                out,
                domain,
                domain.fine_grained_access_control,
                "fine-grained access control is on",
                "fine-grained access control is off",
                "fine-grained access control is on",
            );
        }
    }
}
