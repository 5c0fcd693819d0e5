use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Every OpenSearch domain encrypts the traffic between its nodes with TLS
    /// (`NodeToNodeEncryptionOptions.Enabled`). SKIP when AWS did not report it.
    ///
    /// ### Why it matters
    /// Queries, results and shard replication travel between nodes inside the VPC; without it,
    /// anything that can observe that network reads the data in the clear.
    ///
    /// ### How to fix
    /// Run `aws opensearch update-domain-config --domain-name <name>
    /// --node-to-node-encryption-options Enabled=true` (OpenSearch and Elasticsearch 6.7 and later).
    OpensearchDomainNodeToNodeEncryption {
        id: "opensearch_domain_node_to_node_encryption",
        title: "OpenSearch domains encrypt traffic between nodes",
        severity: Medium,
        service: OpenSearch,
        resource_kind: "opensearch_domain",
        best_practices: ["SEC09-BP02"],
        prowler: ["opensearch_service_domains_node_to_node_encryption_enabled"],
        security_hub: ["Opensearch.3", "ES.3"],
        config_rule: ["OPENSEARCH_NODE_TO_NODE_ENCRYPTION_CHECK", "ELASTICSEARCH_NODE_TO_NODE_ENCRYPTION_CHECK"],
        cis: [],
        reads: { OpenSearch: [ListDomainNames, DescribeDomains] },
        remediation: "Turn on node-to-node encryption for the domain.",
    }
}

impl OpensearchDomainNodeToNodeEncryption {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for domain in super::live_domains(inv) {
            super::judge_flag(
                out,
                domain,
                domain.node_to_node_encryption,
                "node-to-node encryption is on",
                "node-to-node encryption is off",
                "node-to-node encryption is on",
            );
        }
    }
}
