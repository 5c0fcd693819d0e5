use crate::declare_check;
use wasp_model::Inventory;

declare_check! {
    /// ### What it checks
    /// Every OpenSearch domain publishes its error logs to CloudWatch Logs
    /// (`ES_APPLICATION_LOGS` in `LogPublishingOptions`, enabled). Slow logs do not count.
    /// SKIP when AWS did not report the log options.
    ///
    /// ### Why it matters
    /// Error logs show failed requests, plugin and permission errors and cluster problems;
    /// they are what an investigation of misuse or an outage starts from.
    ///
    /// ### How to fix
    /// Run `aws opensearch update-domain-config --log-publishing-options
    /// ES_APPLICATION_LOGS={CloudWatchLogsLogGroupArn=<arn>,Enabled=true}` after allowing
    /// OpenSearch to write to the log group.
    OpensearchDomainErrorLoggingEnabled {
        id: "opensearch_domain_error_logging_enabled",
        title: "OpenSearch domains publish error logs",
        severity: Low,
        service: OpenSearch,
        resource_kind: "opensearch_domain",
        best_practices: ["SEC04-BP01"],
        prowler: [],
        security_hub: ["Opensearch.4", "ES.4"],
        config_rule: ["OPENSEARCH_LOGS_TO_CLOUDWATCH", "ELASTICSEARCH_LOGS_TO_CLOUDWATCH"],
        cis: [],
        reads: { OpenSearch: [ListDomainNames, DescribeDomains] },
        remediation: "Publish the domain's error logs to CloudWatch Logs.",
    }
}

impl OpensearchDomainErrorLoggingEnabled {
    fn evaluate(&self, inv: &Inventory, out: &mut crate::Findings<'_>) {
        for domain in super::live_domains(inv) {
            let on = domain.logs("ES_APPLICATION_LOGS");
            super::judge_flag(
                out,
                domain,
                on,
                "error logs are published",
                "error logs are not published",
                "error logs are published",
            );
        }
    }
}
