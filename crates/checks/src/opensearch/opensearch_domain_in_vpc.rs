use crate::declare_check;
use wasp_model::{Inventory, Setting};

declare_check! {
    /// ### What it checks
    /// Every OpenSearch domain has its endpoint inside a VPC (`VPCOptions` names a VPC)
    /// rather than a public endpoint on the internet. SKIP when AWS did not report it.
    ///
    /// ### Why it matters
    /// A public endpoint is reachable from anywhere: the access policy and fine-grained
    /// access control are then the only barriers, and a single permissive statement opens the
    /// data to the internet. In a VPC, security groups add a network layer.
    ///
    /// ### How to fix
    /// A domain cannot move into a VPC: create a VPC domain, restore a snapshot into it (or
    /// reindex), point clients at it and delete the public one.
    OpensearchDomainInVpc {
        id: "opensearch_domain_in_vpc",
        title: "OpenSearch domains are reachable only inside a VPC",
        severity: Medium,
        service: OpenSearch,
        resource_kind: "opensearch_domain",
        best_practices: ["SEC05-BP01"],
        prowler: [],
        security_hub: ["Opensearch.2", "ES.2"],
        config_rule: ["OPENSEARCH_IN_VPC_ONLY", "ELASTICSEARCH_IN_VPC_ONLY"],
        cis: [],
        reads: { OpenSearch: [ListDomainNames, DescribeDomains] },
        remediation: "Recreate the domain inside a VPC and move the data to it.",
    }
}

impl OpensearchDomainInVpc {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for domain in super::live_domains(inv) {
            match &domain.vpc_id {
                Some(Setting::Configured(vpc)) => out.pass(domain, format!("the endpoint is in {vpc}")),
                Some(Setting::NotConfigured) => out.fail(domain, "the domain has a public endpoint"),
                None => out.skip(domain, "AWS did not say whether the domain is in a VPC"),
            }
        }
    }
}
