use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Every OpenSearch domain publishes audit logs to CloudWatch Logs (`AUDIT_LOGS` in
    /// `LogPublishingOptions`, enabled). Audit logs need fine-grained access control; a domain
    /// without it fails here too. SKIP when AWS did not report the log options.
    ///
    /// ### Why it matters
    /// Audit logs record who authenticated, which indices and documents they read or changed,
    /// and failed logins: without them, a data theft through the domain leaves no trace.
    ///
    /// ### How to fix
    /// Give OpenSearch a CloudWatch Logs resource policy for the log group, run `aws opensearch
    /// update-domain-config --log-publishing-options
    /// AUDIT_LOGS={CloudWatchLogsLogGroupArn=<arn>,Enabled=true}`, and turn audit logging on in
    /// the security plugin's settings.
    OpensearchDomainAuditLoggingEnabled {
        id: "opensearch_domain_audit_logging_enabled",
        title: "OpenSearch domains publish audit logs",
        severity: Medium,
        service: OpenSearch,
        resource_kind: "opensearch_domain",
        best_practices: ["SEC04-BP01"],
        prowler: ["opensearch_service_domains_audit_logging_enabled"],
        security_hub: ["Opensearch.5", "ES.5"],
        config_rule: ["OPENSEARCH_AUDIT_LOGGING_ENABLED"],
        cis: [],
        reads: { OpenSearch: [ListDomainNames, DescribeDomains] },
        remediation: "Publish the domain's audit logs to CloudWatch Logs.",
    }
}

impl OpensearchDomainAuditLoggingEnabled {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for domain in super::live_domains(inv) {
            let on = domain.logs("AUDIT_LOGS");
            super::judge_flag(
                out,
                domain,
                on,
                "audit logs are published",
                "audit logs are not published",
                "audit logs are published",
            );
        }
    }
}
