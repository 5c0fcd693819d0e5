use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// No OpenSearch domain with fine-grained access control keeps users in its internal user
    /// database (`AdvancedSecurityOptions.InternalUserDatabaseEnabled`); identities should come
    /// from IAM, SAML or Cognito. Domains without fine-grained access control have no internal
    /// users and are not judged here. SKIP when AWS did not report it.
    ///
    /// ### Why it matters
    /// Internal users are passwords stored in the domain, outside the identity provider: they
    /// are not removed when people leave, have no MFA and are shared by applications.
    ///
    /// ### How to fix
    /// Configure SAML (or Cognito) for OpenSearch Dashboards and an IAM master user, map roles
    /// to their groups, then run `aws opensearch update-domain-config
    /// --advanced-security-options InternalUserDatabaseEnabled=false`.
    OpensearchDomainInternalUserDatabaseDisabled {
        id: "opensearch_domain_internal_user_database_disabled",
        title: "OpenSearch domains do not keep an internal user database",
        severity: Medium,
        service: OpenSearch,
        resource_kind: "opensearch_domain",
        best_practices: ["SEC02-BP04"],
        prowler: ["opensearch_service_domains_internal_user_database_enabled"],
        security_hub: [],
        config_rule: [],
        cis: [],
        reads: { OpenSearch: [ListDomainNames, DescribeDomains] },
        remediation: "Move users to SAML, Cognito or IAM and disable the internal user database.",
    }
}

impl OpensearchDomainInternalUserDatabaseDisabled {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for domain in super::live_domains(inv).filter(|d| d.fine_grained_access_control != Some(false)) {
            match (domain.fine_grained_access_control, domain.internal_user_database) {
                (Some(true), Some(false)) => {
                    out.pass(domain, "users come from IAM, SAML or Cognito, not an internal database")
                }
                (Some(true), Some(true)) => out.fail(domain, "the internal user database is enabled"),
                _ => out.skip(domain, "AWS did not report the domain's access control options"),
            }
        }
    }
}
