use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Every OpenSearch Service domain (and Elasticsearch domain) encrypts its data at rest
    /// (`EncryptionAtRestOptions.Enabled`): indices, logs, swap files and automated snapshots,
    /// with an AWS owned or a customer managed KMS key. SKIP when AWS did not report it.
    ///
    /// ### Why it matters
    /// Search indices tend to hold copies of everything worth finding: documents, logs with
    /// tokens, customer records. Unencrypted, they sit in the clear on the nodes' storage and in
    /// snapshots.
    ///
    /// ### How to fix
    /// Run `aws opensearch update-domain-config --domain-name <name>
    /// --encryption-at-rest-options Enabled=true` (domains on OpenSearch or Elasticsearch 6.7 and
    /// later; older ones need a new domain and a reindex).
    OpensearchDomainEncryptedAtRest {
        id: "opensearch_domain_encrypted_at_rest",
        title: "OpenSearch domains encrypt data at rest",
        severity: Medium,
        service: OpenSearch,
        resource_kind: "opensearch_domain",
        best_practices: ["SEC08-BP02"],
        prowler: ["opensearch_service_domains_encryption_at_rest_enabled"],
        security_hub: ["Opensearch.1", "ES.1"],
        config_rule: ["OPENSEARCH_ENCRYPTED_AT_REST", "ELASTICSEARCH_ENCRYPTED_AT_REST"],
        cis: [],
        reads: { OpenSearch: [ListDomainNames, DescribeDomains] },
        remediation: "Turn on encryption at rest for the domain.",
    }
}

impl OpensearchDomainEncryptedAtRest {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for domain in super::live_domains(inv) {
            super::judge_flag(
                out,
                domain,
                domain.encryption_at_rest,
                "encryption at rest is on",
                "encryption at rest is off",
                "encryption at rest is on",
            );
        }
    }
}
