use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Every OpenSearch domain refuses plain HTTP (`DomainEndpointOptions.EnforceHTTPS`) and
    /// negotiates TLS 1.2 or later: its `TLSSecurityPolicy` is a `Policy-Min-TLS-1-2-…` policy
    /// (`Policy-Min-TLS-1-2-2019-07`, `Policy-Min-TLS-1-2-PFS-2023-10`). HTTPS enforced with
    /// `Policy-Min-TLS-1-0-2019-07` fails, as does HTTPS not enforced. SKIP when AWS did not
    /// report the endpoint options.
    ///
    /// ### Why it matters
    /// Requests to a domain carry credentials (signed headers, basic-auth passwords of the
    /// internal user database) and results; over HTTP or TLS 1.0/1.1 they can be read or
    /// downgraded on the way.
    ///
    /// ### How to fix
    /// Run `aws opensearch update-domain-config --domain-name <name>
    /// --domain-endpoint-options EnforceHTTPS=true,TLSSecurityPolicy=Policy-Min-TLS-1-2-PFS-2023-10`.
    OpensearchDomainHttpsRequired {
        id: "opensearch_domain_https_required",
        title: "OpenSearch domains require HTTPS with TLS 1.2 or later",
        severity: Medium,
        service: OpenSearch,
        resource_kind: "opensearch_domain",
        best_practices: ["SEC09-BP02"],
        prowler: ["opensearch_service_domains_https_communications_enforced"],
        security_hub: ["Opensearch.8", "ES.8"],
        config_rule: ["OPENSEARCH_HTTPS_REQUIRED"],
        cis: [],
        reads: { OpenSearch: [ListDomainNames, DescribeDomains] },
        remediation: "Enforce HTTPS with a TLS 1.2 minimum security policy on the domain.",
    }
}

impl OpensearchDomainHttpsRequired {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for domain in super::live_domains(inv) {
            match (domain.enforce_https, domain.tls_policy.as_deref()) {
                (Some(false), _) => out.fail(domain, "HTTPS is not enforced: plain HTTP requests are accepted"),
                (Some(true), Some(p)) if p.starts_with("Policy-Min-TLS-1-2") => {
                    out.pass(domain, format!("HTTPS is enforced with {p}"))
                }
                (Some(true), Some(p)) => out.fail(domain, format!("HTTPS is enforced but {p} accepts TLS before 1.2")),
                _ => out.skip(domain, "AWS did not report the domain's endpoint options"),
            }
        }
    }
}
