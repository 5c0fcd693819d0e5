use crate::resource_policy::{judge, report_untrusted, trusted};
use crate::{declare_check, evidence};
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// No OpenSearch domain access policy lets in a principal outside the trusted accounts (the
    /// scanned account, its organization's management account and organization, and `[checks]
    /// trusted_accounts`) without a condition that may restrict it, judged with wasp's policy
    /// engine. Unlike `opensearch_domain_policy_not_public`, neither the VPC nor fine-grained
    /// access control excuses an open grant here: this is about what the policy says. A domain
    /// without an access policy passes. SKIP when the policy could not be read or parsed.
    ///
    /// ### Why it matters
    /// A grant to another account lets its principals sign requests the domain accepts, for
    /// every index the statement covers, from wherever they can reach the endpoint.
    ///
    /// ### How to fix
    /// Name only your own roles in the access policy (`aws opensearch update-domain-config
    /// --access-policies …`), or add the account to `trusted_accounts` when intended.
    OpensearchDomainPolicyNoUntrustedAccess {
        id: "opensearch_domain_policy_no_untrusted_access",
        title: "OpenSearch access policies let in no principal outside the trusted accounts",
        severity: High,
        service: OpenSearch,
        resource_kind: "opensearch_domain",
        best_practices: ["SEC03-BP08", "SEC03-BP07"],
        prowler: [],
        security_hub: [],
        config_rule: [],
        cis: [],
        reads: { OpenSearch: [ListDomainNames, DescribeDomains], Organizations: [DescribeOrganization] },
        remediation: "Remove access policy statements for untrusted principals.",
    }
}

impl OpensearchDomainPolicyNoUntrustedAccess {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        let trusted = trusted(inv, out.settings());
        for domain in super::live_domains(inv) {
            report_untrusted(out, domain, judge(inv, &trusted, &domain.arn, domain.access_policy.as_ref()), || {
                evidence::unknown_for_resource(inv, &domain.arn, "the access policy")
            });
        }
    }
}
