use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Every OpenSearch domain signs people in to OpenSearch Dashboards through a central
    /// identity provider: SAML (`AdvancedSecurityOptions.SAMLOptions.Enabled`) or Amazon Cognito
    /// (`CognitoOptions.Enabled`, which can federate to a corporate IdP). A domain with neither
    /// fails. SKIP when AWS did not report them.
    ///
    /// ### Why it matters
    /// Without it, people reach Dashboards with internal user passwords or with IAM
    /// credentials handed out for the purpose, out of reach of the identity provider's MFA,
    /// joiner-mover-leaver process and audit.
    ///
    /// ### How to fix
    /// Enable fine-grained access control and SAML authentication for Dashboards (`aws
    /// opensearch update-domain-config --advanced-security-options
    /// SAMLOptions={Enabled=true,Idp={…}}`), or Cognito authentication backed by the IdP.
    OpensearchDomainCentralIdentityForDashboards {
        id: "opensearch_domain_central_identity_for_dashboards",
        title: "OpenSearch Dashboards sign in through SAML or Cognito",
        severity: Low,
        service: OpenSearch,
        resource_kind: "opensearch_domain",
        best_practices: ["SEC02-BP04"],
        prowler: ["opensearch_service_domains_use_cognito_authentication_for_kibana"],
        security_hub: [],
        config_rule: [],
        cis: [],
        reads: { OpenSearch: [ListDomainNames, DescribeDomains] },
        remediation: "Configure SAML or Cognito authentication for OpenSearch Dashboards.",
    }
}

impl OpensearchDomainCentralIdentityForDashboards {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for domain in super::live_domains(inv) {
            match (domain.saml, domain.cognito) {
                (Some(true), _) => out.pass(domain, "Dashboards sign-in uses SAML"),
                (_, Some(true)) => out.pass(domain, "Dashboards sign-in uses Amazon Cognito"),
                (Some(false), Some(false)) => out.fail(domain, "Dashboards sign-in uses neither SAML nor Cognito"),
                _ => out.skip(domain, "AWS did not report the domain's Dashboards authentication"),
            }
        }
    }
}
