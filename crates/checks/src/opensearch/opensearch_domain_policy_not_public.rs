use crate::resource_policy::{judge, trusted, Exposure};
use crate::{declare_check, evidence};
use wasp_model::{Inventory, Setting};

declare_check! {
    /// ### What it checks
    /// No OpenSearch domain with a public endpoint has an access policy that lets anyone, or
    /// any AWS account, call it without a restricting condition, judged with wasp's policy
    /// engine (`aws:SourceIp` limited to some addresses is named as a condition that may
    /// restrict, and passes). Such a policy passes when fine-grained access control is on
    /// (the usual way to use it: the open policy only lets requests reach the domain, which
    /// then authenticates them), and the message says so. Domains inside a VPC pass (the
    /// network decides who reaches them; see `opensearch_domain_in_vpc`). A domain without
    /// an access policy passes. SKIP when the policy, the endpoint or fine-grained access
    /// control is unknown.
    ///
    /// ### Why it matters
    /// An open access policy on a public endpoint without fine-grained access control is a
    /// search API over your data for anyone on the internet: open OpenSearch and Elasticsearch
    /// clusters are among the most common sources of large data leaks.
    ///
    /// ### How to fix
    /// Name the IAM roles that need the domain in its access policy (`aws opensearch
    /// update-domain-config --access-policies …`), or turn on fine-grained access control,
    /// or move the domain into a VPC.
    OpensearchDomainPolicyNotPublic {
        id: "opensearch_domain_policy_not_public",
        title: "OpenSearch domains on public endpoints are not open to everyone",
        severity: Critical,
        service: OpenSearch,
        resource_kind: "opensearch_domain",
        best_practices: ["SEC03-BP07", "SEC05-BP01"],
        prowler: ["opensearch_service_domains_not_publicly_accessible"],
        security_hub: [],
        config_rule: [],
        cis: [],
        reads: { OpenSearch: [ListDomainNames, DescribeDomains] },
        remediation: "Restrict the access policy to named principals, enable fine-grained access control, or move into a VPC.",
    }
}

impl OpensearchDomainPolicyNotPublic {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        let trusted = trusted(inv, out.settings());
        for domain in super::live_domains(inv) {
            let exposure = match judge(inv, &trusted, &domain.arn, domain.access_policy.as_ref()) {
                None => {
                    out.skip(domain, evidence::unknown_for_resource(inv, &domain.arn, "the access policy"));
                    continue;
                }
                Some(Exposure::NoPolicy) => {
                    out.pass(domain, "the domain has no access policy");
                    continue;
                }
                Some(Exposure::Malformed(e)) => {
                    out.skip(domain, format!("the access policy could not be parsed ({e})"));
                    continue;
                }
                Some(e) => e,
            };
            let open = exposure.open_public();
            if open.is_empty() {
                out.pass(domain, "the access policy grants nothing to everyone without a restricting condition");
                continue;
            }
            let who: Vec<_> = open.into_iter().cloned().collect();
            let text = crate::iam_policies::exposure::open_text(&who);
            match (&domain.vpc_id, domain.fine_grained_access_control) {
                (Some(Setting::Configured(vpc)), _) => {
                    out.pass(domain, format!("the policy lets in {text}, but only from inside {vpc}"))
                }
                (Some(Setting::NotConfigured), Some(true)) => out.pass(
                    domain,
                    format!("the policy lets in {text}; fine-grained access control authenticates every request"),
                ),
                (Some(Setting::NotConfigured), Some(false)) => {
                    out.fail(domain, format!("the public endpoint's policy lets in {text}"))
                }
                _ => out.skip(
                    domain,
                    format!("the policy lets in {text}; whether the endpoint is public or access control is on was not reported"),
                ),
            }
        }
    }
}
